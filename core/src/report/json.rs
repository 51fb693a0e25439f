//! Findings for scripts: one JSON object, versioned.

use serde::Serialize;

use super::{Finding, PluginOutput, Report, Skipped, Summary};

/// The version of the JSON report's shape; it changes only when a field changes meaning or goes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    findings: &'a [Finding],
    summary: Summary,
    skipped: &'a [Skipped],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    plugin_output: &'a [PluginOutput],
}

/// The report as a JSON value: `version`, `findings`, `summary`, `skipped`, and `plugin_output`
/// when a plugin printed something.
pub fn to_value(report: &Report) -> serde_json::Value {
    let json = JsonReport {
        version: SCHEMA_VERSION,
        findings: &report.findings,
        summary: report.summary(),
        skipped: &report.skipped,
        plugin_output: &report.plugin_output,
    };
    serde_json::to_value(json).unwrap_or(serde_json::Value::Null)
}

/// The report as pretty JSON text.
pub fn render(report: &Report) -> String {
    serde_json::to_string_pretty(&to_value(report)).unwrap_or_default()
}
