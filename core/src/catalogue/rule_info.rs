//! One rule's entry in the catalogue, and its page.

use serde::Serialize;

use super::{Code, Fix, FoundBy, Service, Severity};

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

/// A rule's help in Markdown: what it checks, why, its fixes (SARIF's `help`, where links to
/// the project's other pages would lead nowhere).
pub fn help(rule: &RuleInfo) -> String {
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

/// A rule's page in Markdown: its help, then links to the derivation pages it rests on. What
/// `uclint explain` prints and `docs/rules/` holds.
pub fn page(rule: &RuleInfo) -> String {
    let mut page = help(rule);
    let references = references(rule);
    if !references.is_empty() {
        page.push_str("\n## See also\n\n");
        for r in references {
            page.push_str(&format!("- [{}](../{})\n", r.title, r.file));
        }
    }
    page
}

/// A page of `docs/` that explains what a rule's check rests on, or how a probe observes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// The page's title.
    pub title: &'static str,
    /// Its file, from `docs/` (`derivations/presence-address.md`).
    pub file: &'static str,
}

const fn reference(title: &'static str, file: &'static str) -> Reference {
    Reference { title, file }
}

/// The pages behind `rule`: the probe that observes it, else its family's derivation; then Show
/// Server Health when its findings break a service.
pub fn references(rule: &RuleInfo) -> Vec<Reference> {
    let family = rule.code.as_str().trim_end_matches(|c: char| c.is_ascii_digit());
    let mut pages = if rule.code.found_by() == FoundBy::Probe {
        vec![match family {
            "TLS" => reference("TLS probe", "probes/tls.md"),
            "SIP" => reference("SIP probe", "probes/sip.md"),
            "VM" => reference("IMAP probe", "probes/imap.md"),
            "LDAP" => reference("LDAP probe", "probes/ldap.md"),
            "CAL" => reference("HTTP probe", "probes/http.md"),
            _ => reference("Observing the real deployment", "probes/README.md"),
        }]
    } else {
        match family {
            "PRS" => vec![reference("Presence address", "derivations/presence-address.md")],
            "NAME" => vec![
                reference("Name resolution", "derivations/name-resolution.md"),
                reference("Implicit names", "derivations/implicit-names.md"),
            ],
            "SIP" => vec![reference("SIP routing", "derivations/sip-routing.md")],
            "VM" | "TLS" => vec![reference("Recipes", "derivations/recipes.md")],
            _ => Vec::new(),
        }
    };
    if rule.service.is_some() {
        pages.push(reference("Show Server Health", "derivations/server-health.md"));
    }
    pages
}
