"""Every error class, each from a bad input, with the command line's message."""

from __future__ import annotations

from pathlib import Path

import pytest

import uclint
from conftest import Cli


def test_hierarchy() -> None:
    for cls in (
        uclint.ParseError,
        uclint.DanglingReferenceError,
        uclint.UriError,
        uclint.AddressError,
        uclint.NotFoundError,
        uclint.IoError,
        uclint.PluginError,
    ):
        assert issubclass(cls, uclint.Error)
        assert cls.__module__ == "uclint"
    assert issubclass(uclint.Error, Exception)


def first_error_line(cli: Cli, path: Path) -> str:
    """What `uclint check PATH` prints first on a deployment that does not load, after `error: `."""
    stderr = cli.run(["check", str(path)], expect=(2,)).stderr
    line = stderr.splitlines()[0]
    assert line.startswith("error: ")
    return line.removeprefix("error: ") if hasattr(line, "removeprefix") else line[len("error: ") :]


def test_unknown_key_is_a_parse_error_with_the_command_line_message(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('servers = []\n[[users]]\ncucm_id = "a"\nhom_node = "x"\n')
    with pytest.raises(uclint.ParseError) as caught:
        uclint.Deployment.load(path)
    error = caught.value
    assert (error.file, error.line, error.column) == (str(path), 4, 1)
    [problem] = error.problems
    assert problem.kind == "unknown-key"
    assert problem.help == "did you mean `home_node`?"
    assert problem.message == first_error_line(cli, path)
    assert str(error) == f"{path}:4:1: {problem.message} (did you mean `home_node`?)"
    assert str(problem) == str(error)


def test_syntax_error_is_a_parse_error(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("servers = [\n")
    with pytest.raises(uclint.ParseError) as caught:
        uclint.Deployment.load(path)
    assert (caught.value.line, caught.value.column) == (1, 12)
    assert caught.value.problems[0].kind == "syntax"
    assert caught.value.problems[0].message == first_error_line(cli, path)


@pytest.mark.parametrize(
    ("load", "kind"),
    [
        (lambda: uclint.Deployment.from_toml("servers = 3\n"), "type"),
        (lambda: uclint.Deployment.from_json('{"servers": [}'), "syntax"),
        (lambda: uclint.Deployment.from_yaml("servers: [\n"), "syntax"),
        (lambda: uclint.Deployment.from_toml("# nothing\n"), "empty"),
        (lambda: uclint.Deployment.from_dict({"servers": [{"node_name": "a", "roles": ["pbx"]}]}), "type"),
        (
            lambda: uclint.Deployment.from_toml(
                '[[servers]]\nnode_name = "a"\nroles = ["cups"]\n[[servers]]\nnode_name = "a"\nroles = ["cups"]\n'
            ),
            "duplicate",
        ),
    ],
)
def test_parse_errors_from_text(load: object, kind: str) -> None:
    with pytest.raises(uclint.ParseError) as caught:
        load()  # type: ignore[operator]
    assert caught.value.problems[0].kind == kind


def test_dangling_reference_only_when_strict(tmp_path: Path, cli: Cli) -> None:
    text = '[[servers]]\nnode_name = "cups-1"\nroles = ["cups"]\n\n[[users]]\ncucm_id = "jdoe"\nhome_node = "cups-9"\n'
    path = tmp_path / "dangling.toml"
    path.write_text(text)
    assert len(uclint.Deployment.load(path).references) == 1
    with pytest.raises(uclint.DanglingReferenceError) as caught:
        uclint.Deployment.load(path, strict=True)
    error = caught.value
    assert (error.file, error.line, error.column) == (str(path), 7, 1)
    assert error.problems[0].kind == "dangling-reference"
    assert "no server `cups-9`" in str(error)
    # `uclint resolve` loads strictly: the same message.
    stderr = cli.run(["resolve", "x", "--client", "c", "-c", str(path)], expect=(2,)).stderr
    assert stderr.splitlines()[0] == f"error: {error.problems[0].message}"
    with pytest.raises(uclint.DanglingReferenceError):
        uclint.Deployment.from_toml(text, strict=True)


def test_unreadable_files_are_io_errors(tmp_path: Path) -> None:
    with pytest.raises(uclint.IoError) as missing:
        uclint.Deployment.load(tmp_path / "missing.toml")
    assert "cannot read" in str(missing.value)
    assert missing.value.line is None
    (tmp_path / "d.toml").write_text('users_csv = "users.csv"\n')
    with pytest.raises(uclint.IoError) as csv:
        uclint.Deployment.load(tmp_path / "d.toml")
    assert csv.value.problems[0].kind == "file"
    assert "users_csv: cannot read `users.csv`" in str(csv.value)
    with pytest.raises(uclint.IoError, match="no file `users.csv` was provided"):
        uclint.Deployment.from_toml('users_csv = "users.csv"\n')
    with pytest.raises(uclint.IoError, match="cannot tell the format"):
        uclint.Deployment.load(tmp_path / "d.txt")


def test_not_valid_utf8_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'name = "caf\xe9"\n')
    with pytest.raises(uclint.ParseError, match="not valid UTF-8") as caught:
        uclint.Deployment.load(path)
    assert (caught.value.line, caught.value.column) == (1, 12)


def test_uri_error(acme: uclint.Deployment) -> None:
    with pytest.raises(uclint.UriError) as caught:
        uclint.route(acme, "http://example.com")
    assert caught.value.offset == 0
    assert str(caught.value).startswith("cannot parse the request URI `http://example.com`: at character 1")


def test_not_found(acme: uclint.Deployment) -> None:
    with pytest.raises(uclint.NotFoundError, match="no server with node name `nope`"):
        acme.server("nope")
    with pytest.raises(uclint.NotFoundError, match="no user `nope` in the deployment"):
        acme.user("nope")
    with pytest.raises(uclint.NotFoundError, match="no client profile `nope` in the deployment; expected one of: hq-cupc"):
        acme.client("nope")
    with pytest.raises(uclint.NotFoundError, match="unknown rule code"):
        uclint.explain("NOPE")


def test_bad_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        uclint.presence_address(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown format"):
        uclint.Deployment.load("examples/acme.toml", format="ini")  # type: ignore[arg-type]
