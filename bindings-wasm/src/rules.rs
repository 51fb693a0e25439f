//! The rule catalogue: every rule (`uclint rules`) and one rule's page (`uclint explain CODE`).

use serde::Serialize;
use tsify::{Ts, Tsify};
use uclint_core::catalogue::{self as core_rules, Code, Service, UnknownCode};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::check::{Fix, Severity};
use crate::error::{Failure, to_ts};

/// The CUPC service a rule's finding breaks, as Show Server Health names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceName {
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
    /// Jabber and Webex App sign-in through service discovery.
    JabberSignIn,
}

/// Core's service as its mirror.
pub const fn service_name(service: Service) -> ServiceName {
    match service {
        Service::Login => ServiceName::Login,
        Service::Presence => ServiceName::Presence,
        Service::DeskPhone => ServiceName::DeskPhone,
        Service::Voicemail => ServiceName::Voicemail,
        Service::Directory => ServiceName::Directory,
        Service::Calendar => ServiceName::Calendar,
        Service::JabberSignIn => ServiceName::JabberSignIn,
    }
}

/// One rule's catalogue entry, as `uclint explain CODE --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct RuleInfo {
    /// Its stable code.
    pub code: String,
    /// One line.
    pub title: String,
    /// Default severity.
    pub severity: Severity,
    /// What it checks.
    pub checks: String,
    /// Why it matters: the scenario from the field notes.
    pub why: String,
    /// Fixes, best first, each with its trade-off.
    pub fixes: Vec<Fix>,
    /// The service its findings break, if any.
    pub service: Option<ServiceName>,
}

impl From<&core_rules::RuleInfo> for RuleInfo {
    fn from(rule: &core_rules::RuleInfo) -> Self {
        let core_rules::RuleInfo {
            code,
            title,
            severity,
            checks,
            why,
            fixes,
            service,
        } = rule;
        Self {
            code: code.to_string(),
            title: (*title).to_owned(),
            severity: (*severity).into(),
            checks: (*checks).to_owned(),
            why: (*why).to_owned(),
            fixes: fixes.iter().map(Fix::from).collect(),
            service: service.map(service_name),
        }
    }
}

/// Every rule, in the catalogue's order.
#[wasm_bindgen]
pub fn rules() -> Result<Vec<Ts<RuleInfo>>, JsValue> {
    core_rules::all().map(|rule| to_ts(&RuleInfo::from(rule))).collect()
}

/// One rule's page: what it checks, why, and its fixes. `code` is case-insensitive.
#[wasm_bindgen]
pub fn explain(code: &str) -> Result<Ts<RuleInfo>, JsValue> {
    let code: Code = code
        .trim()
        .parse()
        .map_err(|e: UnknownCode| Failure::usage(e.to_string()))?;
    to_ts(&RuleInfo::from(core_rules::info(code)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typescript_names_every_service() {
        use tsify::Tsify;
        for service in Service::ALL {
            let name = serde_json::to_value(service_name(service)).unwrap();
            assert_eq!(name, serde_json::to_value(service).unwrap());
            assert!(ServiceName::DECL.contains(&name.to_string()), "{name}");
        }
    }

    #[test]
    fn serializes_as_core_does() {
        for rule in core_rules::all() {
            assert_eq!(
                serde_json::to_value(RuleInfo::from(rule)).unwrap(),
                serde_json::to_value(rule).unwrap(),
                "{}",
                rule.code
            );
        }
    }
}
