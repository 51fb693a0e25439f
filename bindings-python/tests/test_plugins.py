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
    """The plugins built from source by plugins/build.sh."""
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
    assert plugin.contract == "uclint:rule@0.1.0"
    assert plugin.rules and all(r.code.startswith(plugin.namespace + "-") for r in plugin.rules)
    assert plugin == uclint.load_plugin(plugins / "naming-policy.wasm")
    assert "PluginRule(code=" in repr(plugin.rules[0])
    with pytest.raises(uclint.PluginError, match=r"uclint:rule@0\.2\.0"):
        uclint.load_plugin(plugins / "hostile-future-version.wasm")
    with pytest.raises(uclint.PluginError, match="cannot read"):
        uclint.load_plugin(plugins / "missing.wasm")
    assert issubclass(uclint.PluginError, uclint.Error)
