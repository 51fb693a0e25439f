//! Findings for code-scanning tools: SARIF 2.1.0, with every rule described in `tool.driver.rules`.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::{Finding, Report, Severity};
use crate::catalogue::{self, RuleInfo};
use crate::source::Location;

/// How a rule is described to SARIF consumers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDescription {
    /// The code.
    pub id: String,
    /// One line.
    pub title: String,
    /// What it checks and why.
    pub full: String,
    /// The rule's page in Markdown.
    pub help_markdown: String,
    /// Its default severity.
    pub severity: Severity,
}

impl From<&RuleInfo> for RuleDescription {
    fn from(rule: &RuleInfo) -> Self {
        Self {
            id: rule.code.as_str().to_owned(),
            title: rule.title.to_owned(),
            full: format!("{} {}", rule.checks, rule.why),
            help_markdown: catalogue::help(rule),
            severity: rule.severity,
        }
    }
}

/// Every built-in rule described for SARIF's `tool.driver.rules`.
pub fn builtin_rules() -> Vec<RuleDescription> {
    catalogue::all().map(RuleDescription::from).collect()
}

/// SARIF's level for a severity; `security` is a warning tagged `security`.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning | Severity::Security => "warning",
        Severity::Info => "note",
    }
}

/// The report as a SARIF 2.1.0 log with one run.
pub fn to_value(report: &Report, rules: &[RuleDescription], tool_version: &str) -> Value {
    log(vec![run(report, rules, tool_version)])
}

/// A SARIF 2.1.0 log of `runs` (one per deployment checked).
pub fn log(runs: Vec<Value>) -> Value {
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": runs,
    })
}

/// The run of a deployment that did not load: no results, and an unsuccessful invocation whose
/// notifications are the `problems` (what went wrong, and where when known).
pub fn not_loaded_run(problems: &[(String, Option<Location>)], tool_version: &str) -> Value {
    let notifications: Vec<Value> = problems
        .iter()
        .map(|(text, location)| {
            let mut notification = json!({ "level": "error", "message": { "text": text } });
            if let Some(location) = location {
                notification["locations"] = json!([physical(location)]);
            }
            notification
        })
        .collect();
    json!({
        "tool": driver(&[], tool_version),
        "invocations": [{ "executionSuccessful": false, "toolExecutionNotifications": notifications }],
        "results": [],
    })
}

fn driver(driver_rules: &[Value], tool_version: &str) -> Value {
    json!({ "driver": {
        "name": "uclint",
        "semanticVersion": tool_version,
        "informationUri": "https://example.invalid/uclint",
        "rules": driver_rules,
    }})
}

fn physical(location: &Location) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": location.file.replace('\\', "/") },
            "region": { "startLine": location.line.max(1), "startColumn": location.column.max(1) },
        },
    })
}

/// The report as one SARIF run: the tool with every rule described, and a result per finding.
pub fn run(report: &Report, rules: &[RuleDescription], tool_version: &str) -> Value {
    let index: HashMap<&str, usize> = rules.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
    let driver_rules: Vec<Value> = rules
        .iter()
        .map(|rule| {
            let mut tags = vec!["cups"];
            if rule.severity == Severity::Security {
                tags.push("security");
            }
            json!({
                "id": rule.id,
                "name": rule.id,
                "shortDescription": { "text": rule.title },
                "fullDescription": { "text": rule.full },
                "help": { "text": rule.full, "markdown": rule.help_markdown },
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": { "tags": tags },
            })
        })
        .collect();
    let results: Vec<Value> = report.findings.iter().map(|f| result(f, &index)).collect();
    json!({ "tool": driver(&driver_rules, tool_version), "results": results })
}

fn result(finding: &Finding, index: &HashMap<&str, usize>) -> Value {
    let mut text = finding.message.clone();
    for (i, fix) in finding.fixes.iter().enumerate() {
        text.push_str(&format!("\nFix {}: {} ({})", i + 1, fix.action, fix.tradeoff));
    }
    let mut result = json!({
        "ruleId": finding.code,
        "level": level(finding.severity),
        "message": { "text": text },
        "properties": { "severity": finding.severity.as_str(), "subject": finding.subject.to_string() },
    });
    if let Some(i) = index.get(finding.code.as_str()) {
        result["ruleIndex"] = json!(i);
    }
    if let Some(location) = &finding.location {
        result["locations"] = json!([physical(location)]);
    }
    result
}

/// The SARIF log as pretty JSON text.
pub fn render(report: &Report, rules: &[RuleDescription], tool_version: &str) -> String {
    serde_json::to_string_pretty(&to_value(report, rules, tool_version)).unwrap_or_default()
}
