//! `uclint check` over many deployments at once, and the views of large reports
//! (`--statistics`, grouped text, `--show-all`), run as a user runs them.
#![allow(clippy::unwrap_used)]

mod support;

use support::run;

use std::path::Path;

use serde_json::Value;

/// A folder holding the example (with its zone and CSV), a clean deployment and a broken one.
fn sites() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    for file in ["acme.toml", "acme.zone", "acme-users.csv"] {
        std::fs::copy(examples.join(file), dir.path().join(file)).unwrap();
    }
    std::fs::write(
        dir.path().join("clean.yaml"),
        "domain: lab.example\nsip_proxy:\n  proxy_domain: lab.example\nservers:\n  - node_name: cups-1.lab.example\n    roles: [cups]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.toml"), "servers = [\n").unwrap();
    dir
}

fn path(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).display().to_string()
}

#[test]
fn a_folder_is_checked_as_its_deployments_with_one_section_each_and_the_worst_exit() {
    let dir = sites();
    let (code, stdout, _) = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(2), "a deployment that did not load is the worst: {stdout}");
    for name in ["acme.toml", "broken.toml", "clean.yaml"] {
        assert!(
            stdout.contains(&format!("── {} ──", path(&dir, name))),
            "no section for {name}: {stdout}"
        );
    }
    // The zone and the CSV are the example's files, not deployments.
    assert!(!stdout.contains("acme.zone ──") && !stdout.contains("acme-users.csv ──"));
    // The broken file's error is in its own section; the others are still checked.
    assert!(stdout.contains("broken.toml:1:12"), "{stdout}");
    assert!(stdout.contains("error[AUTH001]"), "{stdout}");
    assert!(
        stdout.contains("3 deployments checked, 1 failing at --fail-on, 1 not loaded"),
        "{stdout}"
    );
}

#[test]
fn without_a_broken_deployment_the_exit_is_the_worst_of_the_checks() {
    let dir = sites();
    let (code, _, _) = run(&["check", &path(&dir, "clean.yaml"), &path(&dir, "acme.toml")]);
    assert_eq!(code, Some(1));
    let (code, stdout, _) = run(&[
        "check",
        &path(&dir, "clean.yaml"),
        &path(&dir, "clean.yaml"),
        "--fail-on",
        "error",
    ]);
    assert_eq!(code, Some(0), "{stdout}");
}

#[test]
fn json_has_one_entry_per_deployment_in_the_order_given() {
    let dir = sites();
    let (code, stdout, _) = run(&[
        "check",
        "--format",
        "json",
        &path(&dir, "broken.toml"),
        &path(&dir, "acme.toml"),
    ]);
    assert_eq!(code, Some(2));
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let entries = v["deployments"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["deployment"], path(&dir, "broken.toml"));
    assert_eq!(entries[0]["status"], 2);
    assert_eq!(entries[0]["error"]["kind"], "load");
    assert_eq!(entries[0]["error"]["problems"][0]["location"]["line"], 1);
    assert_eq!(entries[1]["status"], 1);
    // The entry's report is exactly what checking the deployment alone gives.
    let (_, alone, _) = run(&["check", "--format", "json", &path(&dir, "acme.toml")]);
    assert_eq!(entries[1]["report"], serde_json::from_str::<Value>(&alone).unwrap());
}

#[test]
fn sarif_has_one_valid_run_per_deployment_and_a_failed_invocation_for_a_broken_one() {
    let validator = support::sarif::validator();
    let dir = sites();
    let (code, stdout, _) = run(&["check", "--format", "sarif", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(2));
    let sarif: Value = serde_json::from_str(&stdout).unwrap();
    let errors = support::sarif::errors(&validator, &sarif);
    assert!(errors.is_empty(), "{errors:#?}");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 3);
    // Sorted by name: acme.toml, broken.toml, clean.yaml.
    assert!(!runs[0]["results"].as_array().unwrap().is_empty());
    assert_eq!(runs[1]["invocations"][0]["executionSuccessful"], false);
    let notice = &runs[1]["invocations"][0]["toolExecutionNotifications"][0];
    assert!(
        notice["message"]["text"].as_str().unwrap().contains("unclosed array"),
        "{notice}"
    );
    assert_eq!(notice["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
}

#[test]
fn jobs_do_not_change_the_report() {
    let dir = sites();
    let folder = dir.path().to_str().unwrap();
    let (_, one, _) = run(&["check", "--format", "json", "--jobs", "1", folder]);
    let (_, many, _) = run(&["check", "--format", "json", "--jobs", "4", folder]);
    assert_eq!(one, many);
}

#[test]
fn a_missing_path_is_a_usage_error_naming_it() {
    let (code, _, stderr) = run(&["check", "../examples/acme.toml", "no/such/site.toml"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("no/such/site.toml: no such file or folder"), "{stderr}");
}

#[test]
fn statistics_print_one_line_per_rule_most_findings_first() {
    let (code, stdout, _) = run(&["check", "../examples/acme.toml", "--statistics"]);
    assert_eq!(code, Some(1), "--statistics keeps the exit status");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("3  NAME003  warning   client DNS suffix list lacks"),
        "{stdout}"
    );
    let counts: Vec<usize> = lines
        .iter()
        .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{stdout}");
    let (_, json, _) = run(&["check", "../examples/acme.toml", "--format", "json"]);
    let total = serde_json::from_str::<Value>(&json).unwrap()["findings"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(counts.iter().sum::<usize>(), total);

    let (_, stdout, _) = run(&["check", "../examples/acme.toml", "--statistics", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let first = &v["statistics"][0];
    assert_eq!(
        (first["code"].as_str(), first["count"].as_u64()),
        (Some("NAME003"), Some(3))
    );
    assert_eq!(first["severity"], "warning");
    assert_eq!(v["summary"]["warning"].as_u64().unwrap() as usize, {
        let all: Value = serde_json::from_str(&json).unwrap();
        all["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "warning")
            .count()
    });
}

#[test]
fn large_reports_group_findings_about_users_unless_show_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let (code, _, stderr) = run(&["generate", "--out", out, "--users", "400", "--seed", "7"]);
    assert_eq!(code, Some(0), "{stderr}");
    let deployment = dir.path().join("deployment.toml");
    let deployment = deployment.to_str().unwrap();
    let (_, json, _) = run(&["check", deployment, "--format", "json"]);
    let findings: Value = serde_json::from_str(&json).unwrap();
    let findings = findings["findings"].as_array().unwrap().clone();
    let (_, grouped, _) = run(&["check", deployment]);
    let (_, all, _) = run(&["check", deployment, "--show-all"]);
    // Every finding shows with --show-all; grouped text shows at most 5 about users per rule and
    // counts the rest, so the counts add up to every finding.
    let shown = |text: &str| {
        text.lines()
            .filter(|l| l.starts_with(['e', 'w', 's', 'i']) && l.contains("]: "))
            .count()
    };
    assert_eq!(shown(&all), findings.len());
    let mut left_out = 0;
    for line in grouped.lines().filter(|l| l.contains(" also applies to ")) {
        left_out += line
            .split_whitespace()
            .nth(4)
            .unwrap()
            .replace(',', "")
            .parse::<usize>()
            .unwrap();
    }
    assert!(
        left_out > 0,
        "the generated deployment has rules firing for many users: {grouped}"
    );
    assert_eq!(shown(&grouped) + left_out, findings.len());
    assert!(grouped.contains("--show-all prints every finding"));
    assert_eq!(
        grouped.lines().last(),
        all.lines().last(),
        "the summary counts every finding"
    );
}
