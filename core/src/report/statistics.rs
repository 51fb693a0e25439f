//! How many findings each rule made: the one-line-per-rule view of a large report
//! (`uclint check --statistics`).

use std::collections::HashMap;

use serde::Serialize;

use super::sarif::RuleDescription;
use super::{Report, Severity};

/// One rule's findings, counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The rule's code (`PRS001`, or a plugin's `X-VENDOR-...`).
    pub code: String,
    /// The severity its findings carry (the most severe, when a plugin mixes them).
    pub severity: Severity,
    /// The rule's one-line title, when the rule is described.
    pub title: String,
    /// How many findings it made.
    pub count: usize,
}

/// Every rule that made a finding in `report`, most findings first (then by code); titles come
/// from `rules` (the built-in rules and each loaded plugin's).
pub fn statistics(report: &Report, rules: &[RuleDescription]) -> Vec<RuleCount> {
    let titles: HashMap<&str, &str> = rules.iter().map(|r| (r.id.as_str(), r.title.as_str())).collect();
    let mut counts: HashMap<&str, RuleCount> = HashMap::new();
    for finding in &report.findings {
        let code = finding.code.as_str();
        let entry = counts.entry(code).or_insert_with(|| RuleCount {
            code: code.to_owned(),
            severity: finding.severity,
            title: titles.get(code).copied().unwrap_or_default().to_owned(),
            count: 0,
        });
        entry.count += 1;
        entry.severity = entry.severity.max(finding.severity);
    }
    let mut counts: Vec<RuleCount> = counts.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Code;
    use crate::report::sarif::builtin_rules;
    use crate::report::{Finding, Subject, SubjectKind};

    fn finding(code: Code, user: &str) -> Finding {
        Finding {
            code: code.into(),
            severity: crate::catalogue::info(code).severity,
            message: "message".to_owned(),
            subject: Subject::new(SubjectKind::User, user),
            location: None,
            fixes: Vec::new(),
        }
    }

    #[test]
    fn rules_are_counted_most_findings_first_with_their_titles() {
        let report = Report {
            findings: vec![
                finding(Code::PRS001, "a"),
                finding(Code::AUTH001, "a"),
                finding(Code::PRS001, "b"),
                finding(Code::PRS001, "c"),
                finding(Code::AUTH001, "b"),
                finding(Code::NAME001, "c"),
            ],
            ..Report::default()
        };
        let counts = statistics(&report, &builtin_rules());
        let got: Vec<(&str, usize)> = counts.iter().map(|c| (c.code.as_str(), c.count)).collect();
        assert_eq!(got, [("PRS001", 3), ("AUTH001", 2), ("NAME001", 1)]);
        assert_eq!(counts[0].title, crate::catalogue::info(Code::PRS001).title);
        assert_eq!(counts[0].severity, crate::catalogue::info(Code::PRS001).severity);
    }

    #[test]
    fn no_findings_no_lines() {
        assert!(statistics(&Report::default(), &builtin_rules()).is_empty());
    }
}
