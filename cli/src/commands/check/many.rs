//! The report of many deployments checked at once: a section each in text, an entry each in
//! JSON, a run each in SARIF. A deployment that did not load is an error for it alone.

use std::io::Write;
use std::path::PathBuf;

use serde_json::{Value, json};
use uclint_core::model::{Problem, ProblemKind};
use uclint_core::pipeline::Checked;
use uclint_core::report::{json as report_json, sarif};

use super::report::{self, TextOptions};
use crate::commands::Failure;
use crate::output::{self, BAD, DIM, HEADING};

/// Each deployment's path and what came of checking it, in the order given.
pub struct ManyReport {
    results: Vec<(PathBuf, Result<Checked, Failure>)>,
    options: TextOptions,
}

impl ManyReport {
    /// The report of `results`, written as `options` say.
    pub fn new(results: Vec<(PathBuf, Result<Checked, Failure>)>, options: TextOptions) -> Self {
        Self { results, options }
    }

    /// The worst exit status: 2 when a deployment did not load, else 1 when one has findings at
    /// or above `--fail-on`, else 0.
    pub fn status(&self) -> u8 {
        self.results.iter().map(|(_, result)| status(result)).max().unwrap_or(0)
    }
}

fn status(result: &Result<Checked, Failure>) -> u8 {
    match result {
        Ok(checked) => u8::from(checked.failed),
        Err(_) => 2,
    }
}

/// The problems a failure stands for, as SARIF notifications and JSON show them.
fn problems(failure: &Failure) -> Vec<Problem> {
    match failure {
        Failure::Load(error) => error.problems.clone(),
        Failure::Usage(message) => vec![Problem::new(ProblemKind::File, None, message.clone())],
    }
}

impl serde::Serialize for ManyReport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let deployments: Vec<Value> = self
            .results
            .iter()
            .map(|(path, result)| {
                let mut entry = json!({ "deployment": path.display().to_string(), "status": status(result) });
                match result {
                    Ok(checked) => entry["report"] = report::json_value(checked, self.options),
                    Err(failure) => entry["error"] = crate::failure_json(failure),
                }
                entry
            })
            .collect();
        json!({ "version": report_json::SCHEMA_VERSION, "deployments": deployments }).serialize(serializer)
    }
}

impl output::Report for ManyReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let (mut failing, mut not_loaded) = (0, 0);
        for (path, result) in &self.results {
            writeln!(out, "{HEADING}── {} ──{HEADING:#}", path.display())?;
            match result {
                Ok(checked) => {
                    failing += usize::from(checked.failed);
                    report::write_text(out, checked, self.options)?;
                }
                Err(failure) => {
                    not_loaded += 1;
                    crate::report_failure(out, failure)?;
                }
            }
            writeln!(out)?;
        }
        let total = self.results.len();
        let mut parts = vec![format!("{total} deployments checked")];
        if failing > 0 {
            parts.push(format!("{BAD}{failing} failing{BAD:#} at --fail-on"));
        }
        if not_loaded > 0 {
            parts.push(format!("{BAD}{not_loaded} not loaded{BAD:#}"));
        }
        if failing == 0 && not_loaded == 0 {
            parts.push(format!("{DIM}none failing{DIM:#}"));
        }
        writeln!(out, "{HEADING}deployments:{HEADING:#} {}", parts.join(", "))
    }

    fn sarif(&self) -> Option<String> {
        let version = env!("CARGO_PKG_VERSION");
        let runs: Vec<Value> = self
            .results
            .iter()
            .map(|(_, result)| match result {
                Ok(checked) => sarif::run(&checked.report, &checked.rules, version),
                Err(failure) => sarif::not_loaded_run(&problems(failure), version),
            })
            .collect();
        serde_json::to_string_pretty(&sarif::log(runs)).ok()
    }
}
