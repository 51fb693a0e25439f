//! Findings for people: each like a compiler diagnostic, with the source line underlined.

use std::collections::HashMap;
use std::fmt::Write;

use anstyle::{AnsiColor, Style};

use super::snippet::{GUTTER, write_snippet};
use super::{Finding, Report, Severity, SubjectKind};

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
    render_with(report, source, None)
}

/// Render like [`render`], but show at most `per_rule` findings about users for each rule, and
/// count the rest of each rule's in one line: on 100,000 users a rule that fires for most of them
/// reads as its first few cases and a count. Findings about anything else all show. `hint` (how
/// to see them all) follows the counts when some were left out.
pub fn render_grouped(report: &Report, source: &dyn Fn(&str) -> Option<String>, per_rule: usize, hint: &str) -> String {
    render_with(report, source, Some((per_rule, hint)))
}

fn render_with(report: &Report, source: &dyn Fn(&str) -> Option<String>, grouped: Option<(usize, &str)>) -> String {
    let per_rule = grouped.map(|(n, _)| n);
    let mut out = String::new();
    // Per rule: users shown so far, users left out (in the order rules first left one out).
    let mut shown: HashMap<&str, usize> = HashMap::new();
    let mut left_out: Vec<(&str, usize)> = Vec::new();
    for finding in &report.findings {
        if let (Some(limit), SubjectKind::User) = (per_rule, finding.subject.kind) {
            let code = finding.code.as_str();
            let count = shown.entry(code).or_default();
            if *count >= limit {
                match left_out.iter_mut().find(|(c, _)| *c == code) {
                    Some((_, n)) => *n += 1,
                    None => left_out.push((code, 1)),
                }
                continue;
            }
            *count += 1;
        }
        render_finding(&mut out, finding, source);
        out.push('\n');
    }
    for (code, n) in &left_out {
        let shown = shown.get(code).copied().unwrap_or_default();
        let _ = writeln!(
            out,
            "{BOLD}{code}{BOLD:#} also applies to {} more {} {DIM}(the first {shown} are shown above){DIM:#}",
            thousands(*n),
            if *n == 1 { "user" } else { "users" },
        );
    }
    if let Some((_, hint)) = grouped.filter(|_| !left_out.is_empty()) {
        let _ = writeln!(out, "{DIM}{hint}{DIM:#}\n");
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

/// `1234567` as `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Code;
    use crate::report::Subject;

    fn finding(code: Code, kind: SubjectKind, name: &str) -> Finding {
        Finding {
            code: code.into(),
            severity: crate::catalogue::info(code).severity,
            message: format!("about {name}"),
            subject: Subject::new(kind, name),
            location: None,
            fixes: Vec::new(),
        }
    }

    fn report() -> Report {
        let mut findings: Vec<Finding> = (0..5)
            .map(|i| finding(Code::PRS001, SubjectKind::User, &format!("user{i}")))
            .collect();
        findings.push(finding(Code::NAME001, SubjectKind::Server, "cups-1"));
        findings.push(finding(Code::NAME001, SubjectKind::Server, "cups-2"));
        Report {
            findings,
            ..Report::default()
        }
    }

    fn plain(text: &str) -> String {
        anstream::adapter::strip_str(text).to_string()
    }

    #[test]
    fn grouping_shows_the_first_users_of_a_rule_and_counts_the_rest() {
        let text = plain(&render_grouped(&report(), &|_| None, 2, "--show-all for more"));
        assert!(text.contains("about user0") && text.contains("about user1"), "{text}");
        assert!(!text.contains("about user2"), "{text}");
        assert!(
            text.contains("PRS001 also applies to 3 more users (the first 2 are shown above)"),
            "{text}"
        );
        assert!(text.contains("--show-all for more"), "{text}");
        // Findings about servers are never grouped.
        assert!(text.contains("about cups-1") && text.contains("about cups-2"), "{text}");
        // The summary still counts every finding.
        let all = plain(&render(&report(), &|_| None));
        assert_eq!(text.lines().last(), all.lines().last());
    }

    #[test]
    fn without_grouping_every_finding_shows() {
        let text = plain(&render(&report(), &|_| None));
        assert!((0..5).all(|i| text.contains(&format!("about user{i}"))), "{text}");
        assert!(!text.contains("also applies"), "{text}");
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(7084), "7,084");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
