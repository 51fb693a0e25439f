//! What Cisco Jabber and Webex App (Unified CM mode) are told before they sign in: the
//! settings service discovery reads (installer arguments, bootstrap, MDM, cached manual settings).

use serde::{Deserialize, Serialize};

/// A service the client is told not to discover (`EXCLUDED_SERVICES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ExcludedService {
    /// Webex Messenger / Webex cloud (the CAS lookup).
    #[serde(rename = "WEBEX")]
    Webex,
    /// Unified CM (`_cisco-uds`).
    #[serde(rename = "CUCM")]
    Cucm,
    /// IM and Presence (`_cuplogin`).
    #[serde(rename = "CUP")]
    Cup,
}

impl ExcludedService {
    /// As Jabber's installer writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Webex => "WEBEX",
            Self::Cucm => "CUCM",
            Self::Cup => "CUP",
        }
    }
}

/// What the client does with a certificate it does not trust (`InvalidCertificateBehavior`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum CertificateBehavior {
    /// Ask the user to accept it (Jabber's default).
    #[default]
    #[serde(rename = "PromptPerSession")]
    PromptPerSession,
    /// Refuse it and tell the user.
    #[serde(rename = "RejectAndNotify")]
    RejectAndNotify,
}

/// A Jabber or Webex App client profile's discovery settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct JabberSettings {
    /// The address users of this profile sign in with (`jdoe@ex.com`), or only its domain
    /// (`ex.com`); `check` discovers services for it. Defaults to the deployment's `domain`.
    #[serde(default)]
    pub sign_in: Option<String>,
    /// `SERVICES_DOMAIN` (installer, provisioning link, bootstrap, MDM): the domain discovery
    /// uses instead of the sign-in address's.
    #[serde(default)]
    pub services_domain: Option<String>,
    /// `VOICE_SERVICES_DOMAIN`: the domain the SRV lookups use, when it differs.
    #[serde(default)]
    pub voice_services_domain: Option<String>,
    /// `EXCLUDED_SERVICES`: `WEBEX`, `CUCM`, `CUP`.
    #[serde(default)]
    pub exclude_services: Vec<ExcludedService>,
    /// Manual server settings the client has cached (the CUCM or IM&P address typed in
    /// Advanced settings): they win over discovery.
    #[serde(default)]
    pub manual_server: Option<String>,
    /// `InvalidCertificateBehavior`.
    #[serde(default)]
    pub invalid_certificate_behavior: CertificateBehavior,
    /// FIPS mode: untrusted certificates are refused without a prompt.
    #[serde(default)]
    pub fips: bool,
    /// Jabber for Windows: the signed-in Windows user's UPN (`jdoe@corp.ex.com`); with UPN
    /// discovery on, its domain is the services domain.
    #[serde(default)]
    pub windows_upn: Option<String>,
    /// Jabber for Windows `UPN_DISCOVERY_ENABLED` (on by default).
    #[serde(default = "yes")]
    pub upn_discovery: bool,
    /// The sign-in domain belongs to a Webex organisation (the Webex CAS lookup finds it): the
    /// client signs in to Webex in the cloud unless `WEBEX` is excluded.
    #[serde(default)]
    pub webex_domain: bool,
}

/// Whether `text` is a DNS domain Jabber can look up: dotted labels of letters, digits and
/// hyphens (not at either end), at most 63 characters each, 253 in all.
pub fn check_domain(text: &str) -> Result<(), String> {
    let domain = text.trim_end_matches('.');
    if domain.is_empty() {
        return Err("the domain is empty: expected a DNS domain such as ex.com".to_owned());
    }
    if domain.len() > 253 {
        return Err(format!("`{domain}` is longer than 253 characters: not a DNS domain"));
    }
    for label in domain.split('.') {
        let valid = !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !valid {
            return Err(format!(
                "`{domain}` is not a DNS domain: label `{label}` must be 1 to 63 letters, digits or inner hyphens"
            ));
        }
    }
    if !domain.contains('.') {
        return Err(format!(
            "`{domain}` has one label: expected a DNS domain such as ex.com"
        ));
    }
    Ok(())
}

fn yes() -> bool {
    true
}

impl JabberSettings {
    /// Whether `service` is excluded.
    pub fn excludes(&self, service: ExcludedService) -> bool {
        self.exclude_services.contains(&service)
    }
}

/// The names a server's certificate carries (TLS server certificate; Tomcat on CUCM and IM&P,
/// cup-xmpp for XMPP, the server certificate on Expressway).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CertificateNames {
    /// Subject Alternative Name DNS names (a leftmost `*.` wildcard allowed).
    #[serde(default)]
    pub san_dns: Vec<String>,
    /// SAN `id-on-xmppAddr` names (XMPP).
    #[serde(default)]
    pub xmpp_addr: Vec<String>,
    /// SAN `id-on-dnsSRV` names (`_xmpp-client.ex.com`, XMPP).
    #[serde(default)]
    pub srv_name: Vec<String>,
    /// The subject's common name.
    #[serde(default)]
    pub cn: Option<String>,
    /// Self-signed: no client trusts it unless someone installed it by hand.
    #[serde(default)]
    pub self_signed: bool,
}
