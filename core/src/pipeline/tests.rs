//! The pipeline against a stand-in plugin runner: selection, failures that are never hidden,
//! the deployment's own plugins, and front doors without a runner.

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

use super::*;
use crate::catalogue::{RuleId, Severity};
use crate::model::Format;
use crate::report::sarif::RuleDescription;
use crate::report::{Finding, PluginOutput, Subject, SubjectKind};
use crate::source::NoFiles;

const DEPLOYMENT: &str = r#"
[[servers]]
node_name = "cups-1"
roles = ["cups"]

[[plugins]]
path = "rules/listed.wasm"
config = { site = "hq" }
"#;

fn deployment() -> (Arc<Deployment>, Vec<Problem>) {
    let (d, problems) = Deployment::load_with_references(DEPLOYMENT, Format::Toml, "d.toml", &NoFiles).unwrap();
    (Arc::new(d), problems)
}

/// Answers each plugin with a canned result, and remembers what it was asked to run.
#[derive(Default)]
struct Canned {
    results: Vec<PluginResult>,
    asked: RefCell<Vec<PluginSpec>>,
}

impl PluginRunner for Canned {
    fn run(&self, _deployment: &Arc<Deployment>, plugins: &[PluginSpec]) -> Vec<PluginResult> {
        self.asked.borrow_mut().extend(plugins.iter().cloned());
        self.results.clone()
    }
}

fn rule(id: &str) -> RuleDescription {
    RuleDescription {
        id: id.to_owned(),
        title: "t".to_owned(),
        full: "f".to_owned(),
        help_markdown: "# h".to_owned(),
        severity: Severity::Warning,
    }
}

fn finding(code: RuleId, severity: Severity, plugin: &str) -> Finding {
    Finding {
        code,
        severity,
        message: format!("from {plugin}"),
        subject: Subject::new(SubjectKind::Plugin, plugin),
        location: None,
        fixes: Vec::new(),
    }
}

/// `p.wasm` declares X-P-RULE and trapped (PLUGIN002); `q.wasm` declares X-Q-RULE and found one.
fn trapped_and_working() -> Canned {
    Canned {
        results: vec![
            PluginResult {
                name: "p.wasm".to_owned(),
                loaded: true,
                rules: vec![rule("X-P-RULE")],
                findings: vec![finding(Code::PLUGIN002.into(), Severity::Error, "p.wasm")],
                output: PluginOutput::default(),
            },
            PluginResult {
                name: "q.wasm".to_owned(),
                loaded: true,
                rules: vec![rule("X-Q-RULE")],
                findings: vec![finding(
                    RuleId::Plugin("X-Q-RULE".to_owned()),
                    Severity::Warning,
                    "q.wasm",
                )],
                output: PluginOutput::default(),
            },
        ],
        ..Canned::default()
    }
}

fn ids(text: &[&str]) -> Vec<RuleId> {
    text.iter().map(|t| t.parse().unwrap()).collect()
}

fn codes(checked: &Checked) -> Vec<String> {
    checked.report.findings.iter().map(|f| f.code.to_string()).collect()
}

#[test]
fn without_plugins_the_pipeline_is_the_rule_engine() {
    let (d, problems) = deployment();
    let request = CheckRequest::default();
    let checked = check(&d, &problems, &request, None).unwrap();
    let engine = crate::rules::check(&d, &problems, &crate::rules::Options::default());
    assert_eq!(checked.report.findings, engine.findings);
    assert_eq!(checked.rules, sarif::builtin_rules());
    assert!(checked.failed, "the proxy domain is not set (PRS003): an error");
}

#[test]
fn selecting_a_plugin_rule_keeps_that_plugins_failure_and_fails_the_run() {
    let (d, problems) = deployment();
    let runner = trapped_and_working();
    let request = CheckRequest {
        select: ids(&["X-P-RULE"]),
        ..CheckRequest::default()
    };
    let checked = check(&d, &problems, &request, Some(&runner)).unwrap();
    assert_eq!(
        codes(&checked),
        ["PLUGIN002"],
        "only p's failure: no built-in rule, not q's finding"
    );
    assert!(
        checked.failed,
        "a plugin that could not run never passes at --fail-on error"
    );
}

#[test]
fn selecting_another_plugins_rule_leaves_the_failure_out() {
    let (d, problems) = deployment();
    let runner = trapped_and_working();
    let request = CheckRequest {
        select: ids(&["X-Q-RULE"]),
        fail_on: Severity::Warning,
        ..CheckRequest::default()
    };
    let checked = check(&d, &problems, &request, Some(&runner)).unwrap();
    assert_eq!(codes(&checked), ["X-Q-RULE"]);
    assert!(checked.failed, "X-Q-RULE is a warning, at --fail-on warning");
}

#[test]
fn only_ignoring_the_plugin_code_itself_drops_a_failure() {
    let (d, problems) = deployment();
    let runner = trapped_and_working();
    let ignore_rule = CheckRequest {
        ignore: ids(&["X-P-RULE"]),
        ..CheckRequest::default()
    };
    let checked = check(&d, &problems, &ignore_rule, Some(&runner)).unwrap();
    assert!(codes(&checked).contains(&"PLUGIN002".to_owned()));
    let ignore_failure = CheckRequest {
        select: ids(&["X-P-RULE"]),
        ignore: ids(&["PLUGIN002"]),
        ..CheckRequest::default()
    };
    let checked = check(&d, &problems, &ignore_failure, Some(&runner)).unwrap();
    assert!(codes(&checked).is_empty() && !checked.failed);
}

#[test]
fn a_plugin_that_did_not_load_is_reported_whenever_a_plugin_rule_is_selected() {
    let (d, problems) = deployment();
    let runner = Canned {
        results: vec![PluginResult {
            name: "broken.wasm".to_owned(),
            loaded: false,
            rules: Vec::new(),
            findings: vec![finding(Code::PLUGIN001.into(), Severity::Error, "broken.wasm")],
            output: PluginOutput::default(),
        }],
        ..Canned::default()
    };
    let request = CheckRequest {
        select: ids(&["X-BROKEN-RULE"]),
        ..CheckRequest::default()
    };
    // Its rules are unknown, so the code cannot be refused: its failure is the answer.
    let checked = check(&d, &problems, &request, Some(&runner)).unwrap();
    assert_eq!(codes(&checked), ["PLUGIN001"]);
    assert!(checked.failed);
}

#[test]
fn a_plugin_code_no_loaded_plugin_declares_is_refused() {
    let (d, problems) = deployment();
    let runner = trapped_and_working();
    let request = CheckRequest {
        select: ids(&["X-NONE-RULE"]),
        ..CheckRequest::default()
    };
    let error = check(&d, &problems, &request, Some(&runner)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no loaded plugin has a rule `X-NONE-RULE`; plugin rules: X-P-RULE, X-Q-RULE"
    );
    let error = check(&d, &problems, &request, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no loaded plugin has a rule `X-NONE-RULE`; plugin rules: (no plugins loaded)"
    );
}

#[test]
fn the_deployments_own_plugins_run_after_the_requests_relative_to_its_folder() {
    let (d, problems) = deployment();
    let runner = Canned::default();
    let request = CheckRequest {
        plugins: vec![PluginSpec::path("extra.wasm")],
        plugin_dir: PathBuf::from("site"),
        ..CheckRequest::default()
    };
    check(&d, &problems, &request, Some(&runner)).unwrap();
    let asked = runner.asked.borrow();
    let paths: Vec<PathBuf> = asked.iter().map(|s| s.path.clone()).collect();
    assert_eq!(
        paths,
        [PathBuf::from("extra.wasm"), PathBuf::from("site/rules/listed.wasm")]
    );
    assert_eq!(asked[1].config.get("site").map(String::as_str), Some("hq"));
    assert!(
        asked[1].origin.is_some(),
        "PLUGIN findings point at where the deployment names it"
    );
}

#[test]
fn without_a_runner_the_plugins_left_out_are_said() {
    let (d, problems) = deployment();
    let checked = check(&d, &problems, &CheckRequest::default(), None).unwrap();
    let skipped: Vec<(Code, &str)> = checked
        .report
        .skipped
        .iter()
        .map(|s| (s.code, s.reason.as_str()))
        .collect();
    assert!(
        skipped.contains(&(
            Code::PLUGIN001,
            "plugin `listed.wasm` was not run: plugins run from the command line, Python and C, not here"
        )),
        "{skipped:?}"
    );
}

#[test]
fn what_plugins_print_is_kept_beside_the_findings() {
    let (d, problems) = deployment();
    let mut runner = trapped_and_working();
    runner.results[1].output = PluginOutput {
        plugin: "q.wasm".to_owned(),
        stdout: "checked 1 server\n".to_owned(),
        stderr: String::new(),
        dropped_bytes: 0,
    };
    let checked = check(&d, &problems, &CheckRequest::default(), Some(&runner)).unwrap();
    assert_eq!(checked.report.plugin_output.len(), 1, "p printed nothing: no entry");
    assert_eq!(checked.report.plugin_output[0].plugin, "q.wasm");
    let json: serde_json::Value = serde_json::from_str(&checked.to_json()).unwrap();
    assert_eq!(json["plugin_output"][0]["stdout"], "checked 1 server\n");
    let ids: Vec<&str> = checked.rules.iter().map(|r| r.id.as_str()).collect();
    assert!(
        ids.ends_with(&["X-P-RULE", "X-Q-RULE"]),
        "plugin rules follow the built-in ones"
    );
}
