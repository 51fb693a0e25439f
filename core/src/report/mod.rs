//! Findings and how they are shown: text for people, JSON for scripts, SARIF for code scanning.

mod finding;
pub mod json;
mod plugin_output;
pub mod sarif;
pub mod snippet;
mod statistics;
pub mod text;

pub use finding::{Finding, Report, Skipped, Subject, SubjectKind, Summary};
pub use plugin_output::PluginOutput;
pub use statistics::{RuleCount, statistics};
// What a finding carries from the catalogue, named where findings are.
pub use crate::catalogue::{Fix, Severity};
