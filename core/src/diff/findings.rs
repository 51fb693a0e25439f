//! Findings that appeared or went away. A finding is the same one in both reports when its code,
//! subject and message are: its line in the file may move without it changing.

use std::collections::HashMap;

use serde::Serialize;

use crate::report::{Finding, Report};

/// Findings only the new report has, and findings only the old one had.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FindingChanges {
    /// In the new report only, in its order.
    pub appeared: Vec<Finding>,
    /// In the old report only, in its order.
    pub disappeared: Vec<Finding>,
}

impl FindingChanges {
    /// Compare the findings of `old` and `new`; a finding raised twice counts twice.
    pub fn between(old: &Report, new: &Report) -> Self {
        Self {
            appeared: only_in(&new.findings, &old.findings),
            disappeared: only_in(&old.findings, &new.findings),
        }
    }
}

type Identity<'a> = (String, &'a crate::report::Subject, &'a str);

fn identity(finding: &Finding) -> Identity<'_> {
    (finding.code.to_string(), &finding.subject, finding.message.as_str())
}

/// The findings of `these` not matched by one of `others`.
fn only_in(these: &[Finding], others: &[Finding]) -> Vec<Finding> {
    let mut left: HashMap<Identity<'_>, usize> = HashMap::new();
    for finding in others {
        *left.entry(identity(finding)).or_default() += 1;
    }
    these
        .iter()
        .filter(|finding| match left.get_mut(&identity(finding)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}
