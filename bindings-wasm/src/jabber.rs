//! Jabber discovery (D8): what Jabber or Webex App connects to when a user signs in
//! (`uclint derive jabber --client C --address A`).

use serde::Serialize;
use tsify::{Ts, Tsify};
use uclint_core::derive::jabber::{self as core_jabber, jabber_discovery as core_discovery};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::deployment::{DeploymentSource, client as find_client};
use crate::error::{Failure, to_ts};

/// One SRV target, in the order the client tries them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct SrvTarget {
    /// The target host, without the trailing dot.
    pub target: String,
    /// The port.
    pub port: u16,
    /// Lower is tried first.
    pub priority: u16,
    /// Within a priority, heavier is tried first.
    pub weight: u16,
}

/// What one SRV query found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum SrvResult {
    /// Targets, in the order the client tries them.
    Found {
        /// The targets.
        targets: Vec<SrvTarget>,
    },
    /// The name does not exist, or has no SRV records.
    NotFound {
        /// What the DNS said.
        answer: String,
    },
    /// Not asked: `EXCLUDED_SERVICES` names it.
    Excluded,
    /// Not asked: nothing describes the DNS of this place.
    NoDns,
}

/// One SRV query, sent at once with the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct SrvQuery {
    /// The discovery record asked for.
    #[tsify(type = "\"_cisco-uds\" | \"_cuplogin\" | \"_collab-edge\"")]
    pub service: &'static str,
    /// The absolute name asked (`_cisco-uds._tcp.ex.com.`).
    pub name: String,
    /// What came back.
    pub result: SrvResult,
}

/// Whether the client trusts a server's certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "trust", rename_all = "kebab-case")]
pub enum Trust {
    /// The deployment does not say what the certificate carries.
    Unknown,
    /// A name matches and the issuer is trusted.
    Trusted {
        /// The certificate name that matched.
        matched: String,
    },
    /// Not trusted.
    Untrusted {
        /// Why, in a sentence.
        reason: String,
    },
}

/// What came of one connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Outcome {
    /// It works.
    Connects,
    /// It works once the user accepts an untrusted certificate.
    Prompts,
    /// It fails, with what the user sees.
    Fails {
        /// The message shown.
        message: String,
    },
}

/// One connection the client makes, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Connection {
    /// What it is for.
    #[tsify(type = "\"home-cluster\" | \"cucm-node\" | \"imp-login\" | \"xmpp\" | \"edge-config\" | \"webex\"")]
    pub purpose: &'static str,
    /// The host connected to, as the client names it.
    pub host: String,
    /// The port.
    pub port: u16,
    /// The URL asked, for HTTPS.
    pub url: Option<String>,
    /// The address the client resolved the host to (`null`: it did not resolve).
    pub address: Option<String>,
    /// The deployment's server the host is, by node name.
    pub server: Option<String>,
    /// Names the server's certificate must carry (SAN DNS, or CN).
    pub certificate_names: Vec<String>,
    /// Whether the client trusts the certificate.
    pub trust: Trust,
    /// What came of it.
    pub outcome: Outcome,
    /// Why, in a sentence.
    pub why: String,
}

/// What an issue is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "kind", content = "name", rename_all = "kebab-case")]
pub enum IssueSubject {
    /// The client profile.
    Client,
    /// A server, by node name.
    Server(String),
    /// A DNS domain.
    Domain(String),
}

/// A rule behind a failure or a risk, with what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Issue {
    /// The rule's code (JAB001...).
    pub code: String,
    /// What it is about.
    pub subject: IssueSubject,
    /// What was found.
    pub message: String,
}

/// Jabber discovery for one sign-in on one client profile, as `uclint derive jabber --format json`
/// prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct JabberDiscovery {
    /// The client profile's id.
    pub client: String,
    /// Its kind.
    #[tsify(type = "\"jabber-windows\" | \"jabber-mac\" | \"jabber-mobile\" | \"webex-app\"")]
    pub kind: &'static str,
    /// The sign-in address.
    pub address: String,
    /// Inside the corporate network (its DNS) or outside (public DNS).
    #[tsify(type = "\"inside\" | \"outside\"")]
    pub place: &'static str,
    /// The services domain (`null` when manual server settings win).
    pub services_domain: Option<String>,
    /// Where the services domain came from.
    #[tsify(type = "\"services-domain\" | \"windows-upn\" | \"sign-in\" | null")]
    pub domain_from: Option<&'static str>,
    /// The domain the SRV lookups use.
    pub lookup_domain: Option<String>,
    /// The SRV queries, sent at once.
    pub queries: Vec<SrvQuery>,
    /// The path sign-in takes.
    #[tsify(type = "\"on-premises\" | \"im-and-presence\" | \"mra\" | \"manual\" | \"webex\"")]
    pub path: &'static str,
    /// The connections, in order.
    pub connections: Vec<Connection>,
    /// The Jabber ID IM and Presence gives the user (UserID@DefaultDomain).
    pub jabber_id: Option<String>,
    /// Whether sign-in succeeds (perhaps after a certificate prompt).
    pub signs_in: bool,
    /// What the user sees.
    pub message: String,
    /// The rules behind a failure or a risk.
    pub issues: Vec<Issue>,
    /// Every step, in order.
    pub steps: Vec<String>,
}

const fn domain_from(from: core_jabber::DomainFrom) -> &'static str {
    match from {
        core_jabber::DomainFrom::ServicesDomain => "services-domain",
        core_jabber::DomainFrom::WindowsUpn => "windows-upn",
        core_jabber::DomainFrom::SignIn => "sign-in",
    }
}

const fn purpose(purpose: core_jabber::Purpose) -> &'static str {
    use core_jabber::Purpose as P;
    match purpose {
        P::HomeCluster => "home-cluster",
        P::CucmNode => "cucm-node",
        P::ImpLogin => "imp-login",
        P::Xmpp => "xmpp",
        P::EdgeConfig => "edge-config",
        P::Webex => "webex",
    }
}

impl From<core_jabber::SrvQuery> for SrvQuery {
    fn from(query: core_jabber::SrvQuery) -> Self {
        let core_jabber::SrvQuery { service, name, result } = query;
        let result = match result {
            core_jabber::SrvResult::Found { targets } => SrvResult::Found {
                targets: targets
                    .into_iter()
                    .map(|t| SrvTarget {
                        target: t.target,
                        port: t.port,
                        priority: t.priority,
                        weight: t.weight,
                    })
                    .collect(),
            },
            core_jabber::SrvResult::NotFound { answer } => SrvResult::NotFound { answer },
            core_jabber::SrvResult::Excluded => SrvResult::Excluded,
            core_jabber::SrvResult::NoDns => SrvResult::NoDns,
        };
        Self {
            service: service.label(),
            name,
            result,
        }
    }
}

impl From<core_jabber::Trust> for Trust {
    fn from(trust: core_jabber::Trust) -> Self {
        match trust {
            core_jabber::Trust::Unknown => Self::Unknown,
            core_jabber::Trust::Trusted { matched } => Self::Trusted { matched },
            core_jabber::Trust::Untrusted { reason } => Self::Untrusted { reason },
        }
    }
}

impl From<core_jabber::Outcome> for Outcome {
    fn from(outcome: core_jabber::Outcome) -> Self {
        match outcome {
            core_jabber::Outcome::Connects => Self::Connects,
            core_jabber::Outcome::Prompts => Self::Prompts,
            core_jabber::Outcome::Fails { message } => Self::Fails { message },
        }
    }
}

impl From<core_jabber::Connection> for Connection {
    fn from(connection: core_jabber::Connection) -> Self {
        let core_jabber::Connection {
            purpose: what,
            host,
            port,
            url,
            address,
            server,
            certificate_names,
            trust,
            outcome,
            why,
        } = connection;
        Self {
            purpose: purpose(what),
            host,
            port,
            url,
            address: address.map(|a| a.to_string()),
            server,
            certificate_names,
            trust: trust.into(),
            outcome: outcome.into(),
            why,
        }
    }
}

impl From<core_jabber::Issue> for Issue {
    fn from(issue: core_jabber::Issue) -> Self {
        let core_jabber::Issue { code, subject, message } = issue;
        Self {
            code: code.to_string(),
            subject: match subject {
                core_jabber::IssueSubject::Client => IssueSubject::Client,
                core_jabber::IssueSubject::Server(name) => IssueSubject::Server(name),
                core_jabber::IssueSubject::Domain(name) => IssueSubject::Domain(name),
            },
            message,
        }
    }
}

impl From<core_jabber::JabberDiscovery> for JabberDiscovery {
    fn from(discovery: core_jabber::JabberDiscovery) -> Self {
        let core_jabber::JabberDiscovery {
            client,
            kind,
            address,
            place: where_from,
            services_domain,
            domain_from: from,
            lookup_domain,
            queries,
            path,
            connections,
            jabber_id,
            signs_in,
            message,
            issues,
            steps,
        } = discovery;
        Self {
            client,
            kind: kind.as_str(),
            address,
            place: where_from.as_str(),
            services_domain,
            domain_from: from.map(domain_from),
            lookup_domain,
            queries: queries.into_iter().map(SrvQuery::from).collect(),
            path: path.as_str(),
            connections: connections.into_iter().map(Connection::from).collect(),
            jabber_id,
            signs_in,
            message,
            issues: issues.into_iter().map(Issue::from).collect(),
            steps,
        }
    }
}

/// Jabber discovery: what the Jabber or Webex App client profile `client` of the deployment
/// connects to when `address` (user@domain) signs in, inside (the deployment's DNS) or outside
/// (`dns.public`), with the SRV answers, each connection, what the user sees and the trace.
#[wasm_bindgen(js_name = jabberDiscovery)]
pub fn jabber_discovery(
    deployment: Ts<DeploymentSource>,
    client: &str,
    address: &str,
) -> Result<Ts<JabberDiscovery>, JsValue> {
    let deployment = DeploymentSource::from_ts(deployment)?.load()?;
    let client = find_client(&deployment, client)?;
    let discovery = core_discovery(&deployment, client, address).map_err(|e| Failure::usage(e.to_string()))?;
    to_ts(&JabberDiscovery::from(discovery))
}

#[cfg(test)]
mod tests {
    use super::*;
    use uclint_core::model::{Deployment, Format};
    use uclint_core::source::NoFiles;

    /// Profiles beside the example's, for the paths and answers it does not show: cached
    /// manual settings, a Webex domain, `SERVICES_DOMAIN`, the Windows UPN, a self-signed prompt.
    const MORE: &str = r#"
[[clients]]
id = "manual"
kind = "jabber-mac"
[clients.jabber]
manual_server = "cucm-1.acme.com"

[[clients]]
id = "cloud"
kind = "webex-app"
[clients.jabber]
webex_domain = true
services_domain = "acme.com"

[[clients]]
id = "upn"
kind = "jabber-windows"
[clients.jabber]
windows_upn = "jdoe@acme.com"
invalid_certificate_behavior = "RejectAndNotify"
"#;

    #[test]
    fn serializes_as_core_does() {
        let text = format!("{}{MORE}", include_str!("../../examples/acme-jabber.toml"));
        let deployment = Deployment::load(&text, Format::Toml, "acme-jabber.toml", &NoFiles).unwrap();
        // Without DNS: every query is `no-dns`.
        let bare = Deployment::load(MORE, Format::Toml, "more.toml", &NoFiles).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for d in [&deployment, &bare] {
            for client in &d.clients {
                for address in ["jdoe@acme.com", "hmueller@acme.eu", "jdoe@lab.acme.com"] {
                    let core = core_discovery(d, client, address).unwrap();
                    let json = serde_json::to_value(&core).unwrap();
                    assert_eq!(
                        serde_json::to_value(JabberDiscovery::from(core.clone())).unwrap(),
                        json,
                        "{} {address}",
                        client.id
                    );
                    seen.insert(json["path"].to_string());
                    seen.insert(json["domain_from"].to_string());
                    for query in json["queries"].as_array().unwrap() {
                        seen.insert(query["result"]["status"].to_string());
                    }
                    for connection in json["connections"].as_array().unwrap() {
                        seen.insert(connection["trust"]["trust"].to_string());
                        seen.insert(connection["outcome"]["status"].to_string());
                    }
                    for issue in json["issues"].as_array().unwrap() {
                        seen.insert(issue["subject"]["kind"].to_string());
                    }
                }
            }
        }
        // Every variant was compared at least once.
        for variant in [
            "on-premises",
            "mra",
            "manual",
            "webex",
            "services-domain",
            "windows-upn",
            "sign-in",
            "found",
            "not-found",
            "excluded",
            "no-dns",
            "unknown",
            "trusted",
            "untrusted",
            "connects",
            "prompts",
            "fails",
            "client",
            "server",
            "domain",
        ] {
            assert!(
                seen.contains(&format!("\"{variant}\"")),
                "{variant} never shown: {seen:?}"
            );
        }
    }
}
