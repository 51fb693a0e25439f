//! Every rule's page: code, title, severity, what it checks, why, fixes and the service it breaks.

use serde::Serialize;

use super::{Code, auth, cal, ldap, name, plugin, prs, sip, tls, topo, vm};
use crate::report::{Fix, Severity};

/// The CUPC service a rule's finding breaks, as Show Server Health names them (SPEC D7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Service {
    /// Configuration repository (login to CUPS).
    Login,
    /// Presence (SIP registration to the presence node).
    Presence,
    /// Desk phone control (CTI through CTIManager).
    DeskPhone,
    /// Voicemail (IMAP).
    Voicemail,
    /// LDAP directory search.
    Directory,
    /// Calendar (CUPS to Exchange).
    Calendar,
}

impl Service {
    /// Every service, in Show Server Health's order.
    pub const ALL: [Service; 6] = [
        Self::Login,
        Self::Presence,
        Self::DeskPhone,
        Self::Voicemail,
        Self::Directory,
        Self::Calendar,
    ];

    /// The name Show Server Health uses.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Login => "Configuration Repository",
            Self::Presence => "Presence",
            Self::DeskPhone => "Desk Phone",
            Self::Voicemail => "Voicemail",
            Self::Directory => "LDAP Directory",
            Self::Calendar => "Calendar",
        }
    }
}

/// One rule's registry entry.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    /// Its stable code.
    pub code: Code,
    /// One line.
    pub title: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// What it checks.
    pub checks: &'static str,
    /// Why it matters: the scenario from the field notes.
    pub why: &'static str,
    /// Fixes, best first, each with its trade-off.
    pub fixes: &'static [Fix],
    /// The service its findings break, if any.
    pub service: Option<Service>,
}

/// The families, in SPEC order, then the plugin host's.
const FAMILIES: [&[RuleInfo]; 10] = [
    prs::RULES,
    auth::RULES,
    vm::RULES,
    name::RULES,
    sip::RULES,
    ldap::RULES,
    cal::RULES,
    topo::RULES,
    tls::RULES,
    plugin::RULES,
];

/// Every rule, in SPEC order.
pub fn all() -> impl Iterator<Item = &'static RuleInfo> {
    FAMILIES.into_iter().flatten()
}

/// The entry for `code`.
pub fn info(code: Code) -> &'static RuleInfo {
    // Every code has exactly one entry (a test proves it), so the fallback is never used.
    all().find(|r| r.code == code).unwrap_or(&prs::RULES[0])
}

/// A rule's page in Markdown: what `uclint explain` prints and `docs/rules/` holds.
pub fn page(rule: &RuleInfo) -> String {
    let mut page = format!("# {}: {}\n\n", rule.code, rule.title);
    page.push_str(&format!("Default severity: **{}**", rule.severity));
    if let Some(service) = rule.service {
        page.push_str(&format!(" · breaks: **{}**", service.label()));
    }
    page.push_str("\n\n## What it checks\n\n");
    page.push_str(rule.checks);
    page.push_str("\n\n## Why\n\n");
    page.push_str(rule.why);
    page.push_str("\n\n## Fixes\n\n");
    if rule.fixes.is_empty() {
        page.push_str("Advice only: nothing to change.\n");
    }
    for (i, fix) in rule.fixes.iter().enumerate() {
        page.push_str(&format!("{}. {} Trade-off: {}\n", i + 1, fix.action, fix.tradeoff));
    }
    page
}

/// Every rule described for SARIF's `tool.driver.rules`.
pub fn sarif_rules() -> Vec<crate::report::sarif::RuleDescription> {
    all()
        .map(|rule| crate::report::sarif::RuleDescription {
            id: rule.code.as_str().to_owned(),
            title: rule.title.to_owned(),
            full: format!("{} {}", rule.checks, rule.why),
            help_markdown: page(rule),
            severity: rule.severity,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_exactly_one_entry_in_its_family() {
        for code in Code::ALL {
            let entries: Vec<&RuleInfo> = all().filter(|r| r.code == *code).collect();
            assert_eq!(entries.len(), 1, "{code}");
            let family = code
                .as_str()
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .to_ascii_lowercase();
            assert!(
                !entries[0].title.is_empty() && !entries[0].checks.is_empty() && !entries[0].why.is_empty(),
                "{code} {family}"
            );
        }
        assert_eq!(all().count(), Code::ALL.len());
    }
}
