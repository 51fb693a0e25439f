//! The report of many deployments checked at once: a section each in text, an entry each in
//! JSON, a run each in SARIF. A deployment that did not load is an error for it alone.
//!
//! Each deployment's part is rendered by the thread that checked it, in the one format asked
//! for, and the report only joins the parts: serializing a thousand reports on one thread
//! would otherwise take as long as checking them on two.

use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};
use uclint_core::pipeline::Checked;
use uclint_core::report::{json as report_json, sarif};
use uclint_core::source::Location;

use super::report::{self, TextOptions};
use crate::args::OutputFormat;
use crate::commands::Failure;
use crate::output::{BAD, DIM, ErasedReport, HEADING};

/// One deployment's part of the report, rendered, and what it adds to the verdict.
pub struct Part {
    /// 0, 1 (findings at or above --fail-on) or 2 (not loaded).
    status: u8,
    /// The part in the format asked for: text, a JSON entry or a SARIF run (pretty JSON).
    rendered: String,
}

/// Render what came of checking the deployment at `path` in `format`.
pub fn part(path: &Path, result: &Result<Checked, Failure>, format: OutputFormat, options: TextOptions) -> Part {
    let status = match result {
        Ok(checked) => u8::from(checked.failed),
        Err(_) => 2,
    };
    let rendered = match format {
        OutputFormat::Text => text(path, result, options),
        OutputFormat::Json => {
            let mut entry = json!({ "deployment": path.display().to_string(), "status": status });
            match result {
                Ok(checked) => entry["report"] = report::json_value(checked, options),
                Err(failure) => entry["error"] = crate::failure_json(failure),
            }
            pretty(&entry)
        }
        OutputFormat::Sarif => {
            let version = env!("CARGO_PKG_VERSION");
            pretty(&match result {
                Ok(checked) => sarif::run(&checked.report, &checked.rules, version),
                Err(failure) => sarif::not_loaded_run(&problems(failure), version),
            })
        }
    };
    Part { status, rendered }
}

fn text(path: &Path, result: &Result<Checked, Failure>, options: TextOptions) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = writeln!(out, "{HEADING}── {} ──{HEADING:#}", path.display());
    let _ = match result {
        Ok(checked) => report::write_text(&mut out, checked, options),
        Err(failure) => crate::report_failure(&mut out, failure),
    };
    String::from_utf8_lossy(&out).into_owned()
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The problems a failure stands for, as SARIF notifications show them: what, and where.
fn problems(failure: &Failure) -> Vec<(String, Option<Location>)> {
    match failure {
        Failure::Load(error) => error
            .problems
            .iter()
            .map(|problem| {
                let mut text = problem.message.clone();
                if let Some(help) = &problem.help {
                    text.push_str(&format!(" ({help})"));
                }
                (text, problem.location.clone())
            })
            .collect(),
        Failure::Usage(message) => vec![(message.clone(), None)],
    }
}

/// Every deployment's part, in the order given.
pub struct ManyReport {
    parts: Vec<Part>,
}

impl ManyReport {
    /// The report joining `parts`.
    pub fn new(parts: Vec<Part>) -> Self {
        Self { parts }
    }

    /// The worst exit status: 2 when a deployment did not load, else 1 when one has findings at
    /// or above `--fail-on`, else 0.
    pub fn status(&self) -> u8 {
        self.parts.iter().map(|p| p.status).max().unwrap_or(0)
    }

    /// `head`, then each part indented as an element of a pretty JSON array, then `tail`: the
    /// text serde_json's pretty printer would write for the whole value.
    fn joined(&self, out: &mut dyn Write, head: &str, tail: &str) -> std::io::Result<()> {
        out.write_all(head.as_bytes())?;
        for (i, part) in self.parts.iter().enumerate() {
            out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            // Pretty JSON never breaks a line inside a string, so every line can be indented.
            for (j, line) in part.rendered.lines().enumerate() {
                if j > 0 {
                    out.write_all(b"\n")?;
                }
                write!(out, "    {line}")?;
            }
        }
        if !self.parts.is_empty() {
            out.write_all(b"\n  ")?;
        }
        out.write_all(tail.as_bytes())
    }
}

impl ErasedReport for ManyReport {
    fn json(&self, out: &mut dyn Write) -> std::io::Result<()> {
        // serde_json writes keys in order: `deployments`, then `version`.
        let tail = format!("],\n  \"version\": {}\n}}", report_json::SCHEMA_VERSION);
        self.joined(out, "{\n  \"deployments\": [", &tail)
    }

    fn text_form(&self, out: &mut dyn Write) -> std::io::Result<()> {
        for part in &self.parts {
            out.write_all(part.rendered.as_bytes())?;
            writeln!(out)?;
        }
        let failing = self.parts.iter().filter(|p| p.status == 1).count();
        let not_loaded = self.parts.iter().filter(|p| p.status == 2).count();
        let mut summary = vec![format!("{} deployments checked", self.parts.len())];
        if failing > 0 {
            summary.push(format!("{BAD}{failing} failing{BAD:#} at --fail-on"));
        }
        if not_loaded > 0 {
            summary.push(format!("{BAD}{not_loaded} not loaded{BAD:#}"));
        }
        if failing == 0 && not_loaded == 0 {
            summary.push(format!("{DIM}none failing{DIM:#}"));
        }
        writeln!(out, "{HEADING}deployments:{HEADING:#} {}", summary.join(", "))
    }

    fn sarif_form(&self) -> Option<String> {
        let log = sarif::log(Vec::new());
        let head = format!(
            "{{\n  \"$schema\": {},\n  \"runs\": [",
            serde_json::to_string(&log["$schema"]).unwrap_or_default()
        );
        let tail = format!(
            "],\n  \"version\": {}\n}}",
            serde_json::to_string(&log["version"]).unwrap_or_default()
        );
        let mut out = Vec::new();
        self.joined(&mut out, &head, &tail).ok()?;
        Some(String::from_utf8_lossy(&out).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(parts: &[&str]) -> ManyReport {
        ManyReport::new(
            parts
                .iter()
                .map(|rendered| Part {
                    status: 0,
                    rendered: (*rendered).to_owned(),
                })
                .collect(),
        )
    }

    #[test]
    fn joined_parts_are_the_pretty_json_of_the_whole() {
        let entries = [json!({ "a": 1, "b": [1, 2] }), json!({ "c": { "d": "x\ny" } })];
        let rendered: Vec<String> = entries.iter().map(pretty).collect();
        let many = report(&rendered.iter().map(String::as_str).collect::<Vec<_>>());
        let mut out = Vec::new();
        many.json(&mut out).unwrap();
        let whole = json!({ "version": report_json::SCHEMA_VERSION, "deployments": entries });
        assert_eq!(String::from_utf8(out).unwrap(), pretty(&whole));

        let mut out = Vec::new();
        report(&[]).json(&mut out).unwrap();
        let empty = json!({ "version": report_json::SCHEMA_VERSION, "deployments": [] });
        assert_eq!(String::from_utf8(out).unwrap(), pretty(&empty));
    }

    #[test]
    fn joined_runs_are_the_pretty_sarif_log_of_the_whole() {
        let runs = [json!({ "results": [] }), json!({ "results": [{ "ruleId": "PRS001" }] })];
        let rendered: Vec<String> = runs.iter().map(pretty).collect();
        let many = report(&rendered.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(many.sarif_form().unwrap(), pretty(&sarif::log(runs.to_vec())));
    }
}
