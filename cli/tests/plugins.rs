//! Plugins through the command line: `--plugin`, plugins listed in the deployment, `uclint
//! plugin info`, and plugin findings in text, JSON and SARIF like built-in ones.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::Once;

mod support;

use serde_json::Value;

const ACME: &str = "../examples/acme.toml";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A plugin built from source by plugins/build.sh.
fn plugin(name: &str) -> String {
    static BUILD: Once = Once::new();
    BUILD.call_once(|| {
        let status = Process::new("bash")
            .arg(root().join("plugins/build.sh"))
            .status()
            .unwrap();
        assert!(status.success(), "plugins/build.sh failed");
    });
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    let path = target.join("plugins").join(format!("{name}.wasm"));
    assert!(path.is_file(), "no {}", path.display());
    path.to_str().unwrap().to_owned()
}

fn uclint(args: &[&str]) -> (Option<i32>, String, String) {
    let cache = tempfile::tempdir().unwrap();
    support::outcome(
        support::uclint_in(Path::new(env!("CARGO_MANIFEST_DIR")))
            .env("XDG_CACHE_HOME", cache.path())
            .args(args),
    )
}

fn codes(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = uclint(args);
    assert!(matches!(code, Some(0 | 1)), "{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"))
}

#[test]
fn plugin_findings_join_the_built_in_ones() {
    let without = json(&["check", ACME, "--format", "json"]);
    let naming = plugin("naming-policy");
    let trap = plugin("hostile-trap");
    let with = json(&[
        "check", ACME, "--format", "json", "--plugin", &naming, "--plugin", &trap,
    ]);
    let (before, after) = (codes(&without), codes(&with));
    for code in &before {
        assert!(after.contains(code), "{code} kept");
    }
    assert!(
        after.iter().any(|c| c.starts_with("X-")),
        "the naming plugin found something: {after:?}"
    );
    assert!(
        after.contains(&"PLUGIN002".to_owned()),
        "the trapping plugin is reported: {after:?}"
    );
    let plugin_finding = with["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"].as_str().unwrap().starts_with("X-"))
        .unwrap();
    assert!(
        plugin_finding["location"]["line"].is_u64(),
        "plugin findings point at the line: {plugin_finding}"
    );
}

#[test]
fn select_and_ignore_take_plugin_codes() {
    let naming = plugin("naming-policy");
    let all = json(&["check", ACME, "--format", "json", "--plugin", &naming]);
    let code = codes(&all).into_iter().find(|c| c.starts_with("X-")).unwrap();
    let only = json(&[
        "check", ACME, "--format", "json", "--plugin", &naming, "--select", &code,
    ]);
    assert!(!codes(&only).is_empty() && codes(&only).iter().all(|c| *c == code));
    let ignored = json(&[
        "check", ACME, "--format", "json", "--plugin", &naming, "--ignore", &code,
    ]);
    assert!(!codes(&ignored).contains(&code));
    let (status, _, stderr) = uclint(&["check", ACME, "--plugin", &naming, "--select", "X-NOBODY-RULE"]);
    assert_eq!(status, Some(2));
    assert!(
        stderr.contains("no loaded plugin has a rule `X-NOBODY-RULE`"),
        "{stderr}"
    );
}

#[test]
fn selecting_a_plugins_rule_never_hides_that_it_could_not_run() {
    let trap = plugin("hostile-trap");
    let (status, stdout, stderr) = uclint(&["check", ACME, "--plugin", &trap, "--select", "X-HOSTILE-OK"]);
    assert_eq!(
        status,
        Some(1),
        "a plugin that trapped never passes at --fail-on error: {stderr}"
    );
    assert!(stdout.contains("error[PLUGIN002]"), "{stdout}");
    assert!(!stdout.contains("no findings"), "{stdout}");
    let v = json(&[
        "check",
        ACME,
        "--format",
        "json",
        "--plugin",
        &trap,
        "--select",
        "X-HOSTILE-OK",
    ]);
    assert_eq!(
        codes(&v),
        ["PLUGIN002"],
        "the failure, and nothing the selection left out"
    );
    // A plugin that did not even load: its rules are unknown, so the code is not refused.
    let (status, stdout, _) = uclint(&[
        "check",
        ACME,
        "--plugin",
        "/nonexistent/x.wasm",
        "--select",
        "X-HOSTILE-OK",
    ]);
    assert_eq!(status, Some(1), "{stdout}");
    assert!(stdout.contains("error[PLUGIN001]"), "{stdout}");
}

#[test]
fn plugins_listed_in_the_deployment_run_with_their_config() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["acme.toml", "acme-users.csv", "acme.zone"] {
        std::fs::copy(root().join("examples").join(file), dir.path().join(file)).unwrap();
    }
    std::fs::copy(plugin("naming-policy"), dir.path().join("naming.wasm")).unwrap();
    let deployment = dir.path().join("acme.toml");
    let mut text = std::fs::read_to_string(&deployment).unwrap();
    text.push_str("\n[[plugins]]\npath = \"naming.wasm\"\nconfig = { pattern = \"nothing-matches-*\" }\n");
    std::fs::write(&deployment, text).unwrap();
    let v = json(&["check", deployment.to_str().unwrap(), "--format", "json"]);
    let servers = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("X-") && f["subject"]["kind"] == "server")
        .count();
    assert!(servers >= 6, "with that pattern every server breaks the policy: {v}");
}

#[test]
fn a_missing_plugin_is_a_finding_not_a_crash() {
    let v = json(&["check", ACME, "--format", "json", "--plugin", "/nonexistent/x.wasm"]);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "PLUGIN001")
        .unwrap();
    assert!(f["message"].as_str().unwrap().contains("cannot read"), "{f}");
}

#[test]
fn sarif_describes_plugin_rules_and_validates() {
    let naming = plugin("naming-policy");
    let (_, stdout, stderr) = uclint(&["check", ACME, "--format", "sarif", "--plugin", &naming]);
    let sarif: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    let rules: Vec<&str> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for result in sarif["runs"][0]["results"].as_array().unwrap() {
        let id = result["ruleId"].as_str().unwrap();
        assert!(rules.contains(&id), "{id} described in tool.driver.rules");
    }
    assert!(rules.iter().any(|r| r.starts_with("X-")));
    let errors = support::sarif::errors(&support::sarif::validator(), &sarif);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn text_output_strips_what_a_plugin_hides_in_control_characters() {
    let (_, stdout, _) = uclint(&["check", ACME, "--plugin", &plugin("hostile-control-chars")]);
    assert!(!stdout.contains('\u{1b}'), "no escape sequence reaches the terminal");
    assert!(stdout.contains("PLUGIN007"), "{stdout}");
}

#[test]
fn plugin_info_lists_the_rules() {
    let naming = plugin("naming-policy");
    let (code, stdout, stderr) = uclint(&["plugin", "info", &naming]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("naming-policy.wasm  namespace X-"), "{stdout}");
    let v = json(&["plugin", "info", &naming, "--format", "json"]);
    assert_eq!(v["contract"], "uclint:rule@0.2.0");
    assert!(!v["rules"].as_array().unwrap().is_empty());
    // A plugin built for an older contract still loads, and says which one it speaks.
    let old = json(&["plugin", "info", &plugin("hostile-contract-v0-1-0"), "--format", "json"]);
    assert_eq!(old["contract"], "uclint:rule@0.1.0");
    let (code, _, stderr) = uclint(&["plugin", "info", &plugin("hostile-future-version")]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("uclint:rule@0.3.0"), "{stderr}");
}

#[test]
fn what_a_plugin_prints_is_shown_with_verbose_and_in_json() {
    let prints = plugin("hostile-prints");
    let panics = plugin("hostile-panics");
    let (_, quiet, _) = uclint(&["check", ACME, "--plugin", &prints]);
    assert!(!quiet.contains("printed:"), "only with -v: {quiet}");
    let (_, stdout, _) = uclint(&["check", ACME, "--plugin", &prints, "-v"]);
    assert!(stdout.contains("plugin `hostile-prints.wasm` printed:"), "{stdout}");
    assert!(stdout.contains("stdout | hostile plugin: checking"), "{stdout}");
    let v = json(&[
        "check", ACME, "--format", "json", "--plugin", &prints, "--plugin", &panics,
    ]);
    let printed: Vec<&str> = v["plugin_output"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["plugin"].as_str().unwrap())
        .collect();
    assert_eq!(printed, ["hostile-prints.wasm", "hostile-panics.wasm"]);
    let panic = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "PLUGIN002")
        .unwrap();
    assert!(
        panic["message"].as_str().unwrap().contains("panicked at")
            && panic["message"]
                .as_str()
                .unwrap()
                .contains("config key site is required"),
        "the panic's message, not `unreachable`: {panic}"
    );
}
