//! Findings for people: each like a compiler diagnostic, with the source line underlined.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};

use super::snippet::{GUTTER, write_snippet};
use super::{Finding, Report, Severity};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// The colour a severity is shown in.
pub fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Security => AnsiColor::Magenta.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default().bold(),
    }
}

/// Render `report` as text (with ANSI styles; strip them for plain output). `source` returns a
/// file's text by name, for the underlined source lines.
pub fn render(report: &Report, source: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        render_finding(&mut out, finding, source);
        out.push('\n');
    }
    let summary = report.summary();
    if report.findings.is_empty() {
        let _ = writeln!(out, "{BOLD}no findings{BOLD:#}");
    } else {
        let parts: Vec<String> = Severity::ALL
            .iter()
            .map(|s| {
                let n = summary.count(*s);
                let style = if n > 0 { severity_style(*s) } else { DIM };
                format!("{style}{n} {}{style:#}", plural(*s, n))
            })
            .collect();
        let _ = writeln!(out, "{BOLD}summary:{BOLD:#} {}", parts.join(", "));
    }
    out
}

fn plural(severity: Severity, n: usize) -> &'static str {
    match (severity, n == 1) {
        (Severity::Error, true) => "error",
        (Severity::Error, false) => "errors",
        (Severity::Warning, true) => "warning",
        (Severity::Warning, false) => "warnings",
        (Severity::Security, _) => "security",
        (Severity::Info, _) => "info",
    }
}

/// Render one finding.
pub fn render_finding(out: &mut String, finding: &Finding, source: &dyn Fn(&str) -> Option<String>) {
    let style = severity_style(finding.severity);
    let _ = writeln!(
        out,
        "{style}{}[{}]{style:#}{BOLD}: {}{BOLD:#}",
        finding.severity, finding.code, finding.message
    );
    if let Some(location) = &finding.location {
        write_snippet(out, location, style, source);
    }
    let _ = writeln!(out, "   {GUTTER}={GUTTER:#} {DIM}about:{DIM:#} {}", finding.subject);
    for (i, fix) in finding.fixes.iter().enumerate() {
        let _ = writeln!(
            out,
            "   {GUTTER}={GUTTER:#} {BOLD}fix {}:{BOLD:#} {} {DIM}({}){DIM:#}",
            i + 1,
            fix.action,
            fix.tradeoff
        );
    }
}
