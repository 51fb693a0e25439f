"""Plugins from Python: the same findings as ``uclint check --plugin``, PLUGIN findings for
plugins that misbehave, and ``load_plugin`` / ``PluginError`` for inspection."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import uclint
from conftest import ACME, ROOT, Cli


@pytest.fixture(scope="session")
def plugins() -> Path:
    """The plugins built from source by plugins/build.sh: by test.sh (`UCLINT_PLUGINS`), which
    tests the wheel where there is no Rust toolchain to build them, else here."""
    built = os.environ.get("UCLINT_PLUGINS")
    if built:
        return Path(built)
    subprocess.run(["bash", str(ROOT / "plugins" / "build.sh")], check=True, capture_output=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "plugins"


def test_plugin_findings_equal_the_command_lines(acme: uclint.Deployment, cli: Cli, plugins: Path) -> None:
    naming, trap = str(plugins / "naming-policy.wasm"), str(plugins / "hostile-trap.wasm")
    report = uclint.check(acme, plugins=[naming, trap])
    expected = cli.run(["check", ACME, "--format", "json", "--plugin", naming, "--plugin", trap], expect=(1,))
    assert json.loads(report.to_json()) == json.loads(expected.stdout)
    codes = {f.code for f in report.findings}
    assert "PLUGIN002" in codes and any(c.startswith("X-") for c in codes)
    sarif = json.loads(report.to_sarif())
    described = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert all(r["ruleId"] in described for r in sarif["runs"][0]["results"])


def test_select_and_config(acme: uclint.Deployment, plugins: Path) -> None:
    naming = (plugins / "naming-policy.wasm", {"pattern": "nothing-matches-*"})
    everything = uclint.check(acme, plugins=[naming])
    code = next(f.code for f in everything.findings if f.code.startswith("X-"))
    only = uclint.check(acme, plugins=[naming], select=[code])
    assert only.findings and all(f.code == code for f in only.findings)
    assert code not in {f.code for f in uclint.check(acme, plugins=[naming], ignore=[code]).findings}
    with pytest.raises(uclint.NotFoundError, match="no loaded plugin has a rule `X-NOBODY-RULE`"):
        uclint.check(acme, plugins=[naming], select=["X-NOBODY-RULE"])
    with pytest.raises(TypeError):
        uclint.check(acme, plugins=[(naming[0], {"pattern": 3})])  # type: ignore[dict-item]


def test_load_plugin_and_plugin_error(plugins: Path) -> None:
    plugin = uclint.load_plugin(plugins / "naming-policy.wasm")
    assert plugin.name == "naming-policy.wasm"
    assert plugin.contract == "uclint:rule@0.2.0"
    assert plugin.rules and all(r.code.startswith(plugin.namespace + "-") for r in plugin.rules)
    assert plugin == uclint.load_plugin(plugins / "naming-policy.wasm")
    assert "PluginRule(code=" in repr(plugin.rules[0])
    with pytest.raises(uclint.PluginError, match=r"uclint:rule@0\.3\.0"):
        uclint.load_plugin(plugins / "hostile-future-version.wasm")
    with pytest.raises(uclint.PluginError, match="cannot read"):
        uclint.load_plugin(plugins / "missing.wasm")
    assert issubclass(uclint.PluginError, uclint.Error)


def test_selecting_a_plugins_rule_never_hides_its_failure(acme: uclint.Deployment, plugins: Path) -> None:
    trap = str(plugins / "hostile-trap.wasm")
    report = uclint.check(acme, plugins=[trap], select=["X-HOSTILE-OK"])
    assert [f.code for f in report.findings] == ["PLUGIN002"]
    assert report.fails_at("error")
    missing = uclint.check(acme, plugins=["/nonexistent/x.wasm"], select=["X-HOSTILE-OK"])
    assert [f.code for f in missing.findings] == ["PLUGIN001"]


def test_the_deployments_own_plugins_run_without_being_named(tmp_path: Path, plugins: Path) -> None:
    for name in ("acme.toml", "acme-users.csv", "acme.zone"):
        (tmp_path / name).write_bytes((ROOT / "examples" / name).read_bytes())
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "naming.wasm").write_bytes((plugins / "naming-policy.wasm").read_bytes())
    deployment = tmp_path / "acme.toml"
    with deployment.open("a") as f:
        f.write('\n[[plugins]]\npath = "rules/naming.wasm"\nconfig = { pattern = "nothing-matches-*" }\n')
    report = uclint.check(uclint.Deployment.load(deployment))
    assert any(f.code.startswith("X-") and f.subject.kind == "server" for f in report.findings)
