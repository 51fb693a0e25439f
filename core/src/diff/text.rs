//! The diff for people: each section's changes (`+` added, `-` removed, `~` changed), then the
//! findings that appeared and went away, then a summary line.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};
use serde_json::Value;

use super::{Change, ChangeKind, DeploymentDiff};
use crate::catalogue::Severity;
use crate::report::Finding;
use crate::report::text::severity_style;

/// The most changes (or findings) shown per section; JSON output has them all.
pub const SHOWN_PER_SECTION: usize = 50;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const ADDED: Style = AnsiColor::Green.on_default();
const REMOVED: Style = AnsiColor::Red.on_default();
const CHANGED: Style = AnsiColor::Yellow.on_default();

/// Render `diff` with ANSI styles.
pub fn render(diff: &DeploymentDiff) -> String {
    let mut out = String::new();
    if diff.is_empty() {
        let _ = writeln!(out, "{BOLD}no differences{BOLD:#}");
        return out;
    }
    let mut sections = diff.changes.chunk_by(|a, b| a.section == b.section).peekable();
    while let Some(changes) = sections.next() {
        let _ = writeln!(out, "{BOLD}{}{BOLD:#}", changes[0].section.as_str());
        for change in changes.iter().take(SHOWN_PER_SECTION) {
            render_change(&mut out, change);
        }
        if changes.len() > SHOWN_PER_SECTION {
            let more = changes.len() - SHOWN_PER_SECTION;
            let _ = writeln!(out, "  {DIM}... and {more} more (--format json lists them all){DIM:#}");
        }
        if sections.peek().is_some() {
            out.push('\n');
        }
    }
    findings(&mut out, "findings that appeared", &diff.findings.appeared);
    findings(&mut out, "findings that went away", &diff.findings.disappeared);
    let new_errors = diff.appeared_at_or_above(Severity::Error);
    let _ = writeln!(
        out,
        "\n{BOLD}summary:{BOLD:#} {} {}; {} finding{} appeared ({new_errors} error{}), {} went away",
        diff.changes.len(),
        if diff.changes.len() == 1 { "change" } else { "changes" },
        diff.findings.appeared.len(),
        if diff.findings.appeared.len() == 1 { "" } else { "s" },
        if new_errors == 1 { "" } else { "s" },
        diff.findings.disappeared.len(),
    );
    out
}

fn render_change(out: &mut String, change: &Change) {
    let key = if change.key.is_empty() {
        change.section.as_str()
    } else {
        &change.key
    };
    match change.kind {
        ChangeKind::Added => {
            let _ = writeln!(out, "  {ADDED}+ {key}{ADDED:#}");
        }
        ChangeKind::Removed => {
            let _ = writeln!(out, "  {REMOVED}- {key}{REMOVED:#}");
        }
        ChangeKind::Changed => {
            let fields: Vec<String> = change
                .fields
                .iter()
                .map(|f| {
                    let name = if f.field.is_empty() {
                        String::new()
                    } else {
                        format!("{} ", f.field)
                    };
                    format!("{name}{} -> {}", show(&f.old), show(&f.new))
                })
                .collect();
            let _ = writeln!(out, "  {CHANGED}~ {key}{CHANGED:#}: {}", fields.join("; "));
        }
    }
}

/// A value as the file would write it, `(none)` when absent.
fn show(value: &Value) -> String {
    match value {
        Value::Null => "(none)".to_owned(),
        other => other.to_string(),
    }
}

fn findings(out: &mut String, title: &str, list: &[Finding]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{BOLD}{title}{BOLD:#}");
    for finding in list.iter().take(SHOWN_PER_SECTION) {
        let style = severity_style(finding.severity);
        let _ = writeln!(
            out,
            "  {style}{}[{}]{style:#} {} {DIM}({}){DIM:#}",
            finding.severity, finding.code, finding.message, finding.subject
        );
    }
    if list.len() > SHOWN_PER_SECTION {
        let more = list.len() - SHOWN_PER_SECTION;
        let _ = writeln!(out, "  {DIM}... and {more} more (--format json lists them all){DIM:#}");
    }
}
