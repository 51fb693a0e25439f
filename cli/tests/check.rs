//! `uclint check`, `rules`, `explain` and `health`, run as a user runs them.
#![allow(clippy::unwrap_used)]

mod support;

use assert_cmd::Command;
use serde_json::Value;

const ACME: &str = "../examples/acme.toml";

fn uclint() -> Command {
    let mut cmd = Command::cargo_bin("uclint").unwrap();
    cmd.env("NO_COLOR", "1").current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = uclint().args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn check_json(extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["check", ACME, "--format", "json"];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = run(&args);
    (
        code,
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}")),
    )
}

#[test]
fn acme_report_has_the_documented_shape_and_fails_on_errors() {
    let (code, v) = check_json(&[]);
    assert_eq!(code, Some(1), "errors found: exit 1");
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.len() > 10);
    for f in findings {
        for key in ["code", "severity", "message", "subject", "location", "fixes"] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
    }
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    assert_eq!(v["summary"]["error"], errors);
    assert_eq!(v["version"], 1);
    // The realistic mix the example is built to show.
    let codes: Vec<&str> = findings.iter().map(|f| f["code"].as_str().unwrap()).collect();
    for code in [
        "AUTH001", "AUTH002", "AUTH004", "AUTH005", "VM001", "VM002", "VM004", "NAME001", "NAME003", "NAME004",
        "LDAP002", "LDAP003", "LDAP006", "TOPO002", "SIP002", "SIP004", "CAL003",
    ] {
        assert!(codes.contains(&code), "{code} not in {codes:?}");
    }
    // CSV users point at their row.
    let jsilva = findings.iter().find(|f| f["subject"]["name"] == "jsilva").unwrap();
    assert!(jsilva["location"]["file"].as_str().unwrap().ends_with("acme-users.csv"));
    assert_eq!(jsilva["location"]["line"], 10);
}

#[test]
fn acme_report_text_snapshot() {
    let (code, stdout, _) = run(&["check", ACME]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("check_acme_text", stdout);
}

#[test]
fn acme_report_json_snapshot() {
    let (_, v) = check_json(&[]);
    insta::assert_json_snapshot!("check_acme_json", v);
}

#[test]
fn fail_on_select_and_ignore() {
    let (code, v) = check_json(&["--select", "NAME002,NAME003"]);
    assert_eq!(
        code,
        Some(0),
        "only info and warnings: no failure at the default threshold"
    );
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["code"] == "NAME002" || f["code"] == "NAME003")
    );
    assert_eq!(
        check_json(&["--select", "NAME002,NAME003", "--fail-on", "warning"]).0,
        Some(1)
    );
    assert_eq!(check_json(&["--select", "NAME002", "--fail-on", "warning"]).0, Some(0));
    assert_eq!(check_json(&["--select", "NAME002", "--fail-on", "info"]).0, Some(1));
    assert_eq!(check_json(&["--select", "AUTH002", "--fail-on", "security"]).0, Some(1));
    let (_, v) = check_json(&["--ignore", "NAME002", "--ignore", "CAL007"]);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["code"] != "NAME002" && f["code"] != "CAL007")
    );
    let (code, _, stderr) = run(&["check", ACME, "--select", "PRS999"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("unknown rule code `PRS999`"), "{stderr}");
}

#[test]
fn unusable_input_exits_2() {
    let dir = std::env::temp_dir().join(format!("uclint-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"servers\": [}").unwrap();
    let (code, stdout, stderr) = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(stdout.is_empty() && stderr.contains("bad.json:1:"), "{stderr}");
}

#[test]
fn dangling_references_become_topo003_findings() {
    let dir = std::env::temp_dir().join(format!("uclint-topo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("d.toml");
    std::fs::write(&path, "[[servers]]\nnode_name = \"cups-1\"\nroles = [\"cups\"]\n\n[[users]]\ncucm_id = \"a\"\ndigest_credential = true\nhome_node = \"cups-2\"\n").unwrap();
    let (code, stdout, _) = run(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, Some(1));
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let topo = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "TOPO003")
        .unwrap();
    assert_eq!(topo["location"]["line"], 8);
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let validator = support::sarif::validator();
    let (code, stdout, _) = run(&["check", ACME, "--format", "sarif"]);
    assert_eq!(code, Some(1));
    let sarif: Value = serde_json::from_str(&stdout).unwrap();
    let errors = support::sarif::errors(&validator, &sarif);
    assert!(errors.is_empty(), "{errors:#?}");
    let run0 = &sarif["runs"][0];
    // 47 rules of the field notes, 8 of Jabber discovery, 10 only live probes observe, the plugin host's 8.
    assert_eq!(
        run0["tool"]["driver"]["rules"].as_array().unwrap().len(),
        47 + 8 + 10 + 8
    );
    let result = &run0["results"][0];
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(run0["tool"]["driver"]["rules"][index]["id"], result["ruleId"]);
    // A known-bad log is rejected, so the validation is real.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("catastrophic");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_is_only_for_check() {
    let (code, _, stderr) = run(&["rules", "--format", "sarif"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("only for `uclint check`"), "{stderr}");
}

#[test]
fn rules_and_explain() {
    let (code, stdout, _) = run(&["rules"]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout.lines().count(), 47 + 8 + 10 + 8);
    assert!(stdout.contains("AUTH001") && stdout.contains("TLS001") && stdout.contains("PLUGIN008"));
    let (_, stdout, _) = run(&["rules", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 47 + 8 + 10 + 8);
    let (code, stdout, _) = run(&["explain", "auth001"]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("# AUTH001"));
    assert!(
        stdout.contains("Least secure"),
        "fixes ranked with trade-offs: {stdout}"
    );
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/rules/AUTH001.md")).unwrap();
    assert_eq!(stdout, committed);
    let (code, _, stderr) = run(&["explain", "NOPE001"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("unknown rule code"));
}

fn health(user: &str, client: &str) -> Value {
    let (code, stdout, stderr) = run(&[
        "health", "--user", user, "--client", client, "-c", ACME, "--format", "json",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn service<'a>(h: &'a Value, name: &str) -> &'a Value {
    h["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["service"] == name)
        .unwrap()
}

#[test]
fn health_predicts_show_server_health() {
    let h = health("asmith", "vpn-cupc");
    let presence = service(&h, "presence");
    assert_eq!(presence["status"], "failing");
    assert!(presence["codes"].as_array().unwrap().iter().any(|c| c == "AUTH001"));
    assert_eq!(
        service(&h, "login")["status"],
        "failing",
        "vpn-cupc cannot resolve home node cups-1: {h}"
    );
    assert_eq!(service(&h, "desk-phone")["status"], "failing");

    let h = health("bwong", "hq-cupc");
    assert_eq!(service(&h, "presence")["status"], "ok", "the ACL covers hq-cupc: {h}");
    assert_eq!(service(&h, "desk-phone")["status"], "not-configured");
    assert_eq!(
        service(&h, "login")["status"],
        "failing",
        "cups-2 cannot reach LDAP (AUTH005): {h}"
    );
    assert_eq!(service(&h, "voicemail")["status"], "failing");
    assert_eq!(service(&h, "calendar")["status"], "warning");

    let h = health("hali", "hq-cupc");
    assert_eq!(service(&h, "login")["status"], "ok", "{h}");
    assert_eq!(service(&h, "presence")["status"], "ok", "{h}");

    let (code, _, stderr) = run(&["health", "--user", "nobody", "--client", "hq-cupc", "-c", ACME]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("no user `nobody`"));
}

#[test]
fn health_text_snapshot() {
    let (_, stdout, _) = run(&["health", "--user", "asmith", "--client", "vpn-cupc", "-c", ACME]);
    insta::assert_snapshot!("health_asmith_vpn", stdout);
}

#[test]
fn generated_deployments_load_and_point_at_csv_rows() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let (code, _, stderr) = run(&["generate", "--out", out, "--users", "500", "--seed", "7"]);
    assert_eq!(code, Some(0), "{stderr}");
    let deployment = dir.path().join("deployment.toml");
    let (code, stdout, stderr) = run(&["check", deployment.to_str().unwrap(), "--format", "json"]);
    assert!(matches!(code, Some(0 | 1)), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "the generator plants faults");
    // Findings about users point at their CSV row.
    assert!(
        findings
            .iter()
            .any(|f| f["location"]["file"].as_str().is_some_and(|p| p.ends_with("users.csv")))
    );
}
