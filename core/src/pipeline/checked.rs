//! What a check answers: the report, every rule that could have spoken, and the verdict.

use crate::report::sarif::RuleDescription;
use crate::report::{Report, json, sarif};

/// The outcome of [`check`](super::check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The findings in their stable order, what stayed silent, what plugins printed.
    pub report: Report,
    /// Every rule described for SARIF: the built-in ones, then each loaded plugin's.
    pub rules: Vec<RuleDescription>,
    /// Whether a finding is at or above the request's `fail_on` (exit status 1).
    pub failed: bool,
}

impl Checked {
    /// The JSON report (`uclint check --format json`), without the final newline.
    pub fn to_json(&self) -> String {
        json::render(&self.report)
    }

    /// The SARIF 2.1.0 log (`uclint check --format sarif`), without the final newline.
    pub fn to_sarif(&self) -> String {
        sarif::render(&self.report, &self.rules, env!("CARGO_PKG_VERSION"))
    }
}
