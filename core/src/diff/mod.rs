//! What changed between two deployment files (`uclint diff OLD NEW`): servers, users, routes,
//! DNS, clients and the other sections item by item, and which findings appeared or went away.
//! A nightly job collects, diffs and alerts on drift; new errors are what it alerts on.

mod findings;
mod items;
pub mod text;

use serde::Serialize;

pub use findings::FindingChanges;
pub use items::{Change, ChangeKind, FieldChange, Section};

use crate::catalogue::Severity;
use crate::model::Deployment;
use crate::report::Report;

/// Everything that differs between an old and a new deployment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeploymentDiff {
    /// Items added, removed or changed, section by section, in a stable order.
    pub changes: Vec<Change>,
    /// Findings that appeared (in the new deployment only) and disappeared (in the old only).
    pub findings: FindingChanges,
}

/// Compare `old` with `new`, each with the report of its check.
pub fn diff(old: &Deployment, old_report: &Report, new: &Deployment, new_report: &Report) -> DeploymentDiff {
    DeploymentDiff {
        changes: items::changes(old, new),
        findings: FindingChanges::between(old_report, new_report),
    }
}

impl DeploymentDiff {
    /// Whether nothing changed at all.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.findings.appeared.is_empty() && self.findings.disappeared.is_empty()
    }

    /// How many findings at `severity` or above appeared.
    pub fn appeared_at_or_above(&self, severity: Severity) -> usize {
        self.findings.appeared.iter().filter(|f| f.severity >= severity).count()
    }

    /// The diff for people, with ANSI styles (strip them for plain output): a line per change,
    /// at most [`text::SHOWN_PER_SECTION`] per section, then the findings.
    pub fn to_text(&self) -> String {
        text::render(self)
    }
}
