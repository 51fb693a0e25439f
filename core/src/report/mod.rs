//! Findings and how they are shown: text for people, JSON for scripts, SARIF for code scanning.

mod finding;
pub mod json;
pub mod sarif;
pub mod snippet;
pub mod text;

pub use finding::{Finding, Fix, Report, Severity, Skipped, Subject, SubjectKind, Summary};
