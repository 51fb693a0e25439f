//! D8: what Cisco Jabber or Webex App (Unified CM mode) connects to when a user signs in, and
//! why it fails (docs/derivations/jabber-discovery.md). Like routing, the answer comes with the
//! trace of every step.

pub mod certificate;
mod connect;
mod domain;
pub mod edge;
pub mod srv;

use std::net::IpAddr;

use serde::Serialize;

pub use crate::model::check_domain;
pub use certificate::{Protocol, Reaction, Trust};
pub use domain::{AddressError, SignIn, profile_sign_in};
pub use srv::{Service, SrvQuery, SrvResult, SrvTarget, chosen, excluded_note};

use crate::catalogue::Code;
use crate::dns::Resolver;
use crate::model::{Client, ClientKind, Deployment, ExcludedService, JabberSettings, User};

/// What the user sees when no server can be found.
pub const CANNOT_FIND: &str = "Cannot find your services automatically";
/// What the user sees when a server found cannot be reached.
pub const CANNOT_COMMUNICATE: &str = "Cannot communicate with the server";
/// What the user sees when CUCM's Tomcat certificate is refused.
pub const UNTRUSTED: &str = "Untrusted server. No services discovered.";

/// Where the client is, which decides the DNS it sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    /// On the corporate network: the deployment's (internal) DNS.
    Inside,
    /// On the Internet: public DNS (`dns.public`).
    Outside,
}

impl Place {
    /// As written in JSON: `inside` or `outside`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Inside => "inside",
            Self::Outside => "outside",
        }
    }

    /// Where the client's DNS answers from, in a sentence: `inside` or `on public DNS`.
    pub const fn dns_phrase(self) -> &'static str {
        match self {
            Self::Inside => "inside",
            Self::Outside => "on public DNS",
        }
    }
}

/// JAB001's message: `name` (`_cisco-uds._tcp.D.`) answers on public DNS.
pub fn public_cisco_uds_message(name: &str) -> String {
    format!("`{name}` resolves on public DNS: Jabber outside chooses on-premises and never starts MRA")
}

/// The path sign-in takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiscoveryPath {
    /// `_cisco-uds`: Unified CM's UDS on premises.
    OnPremises,
    /// `_cuplogin`: legacy IM and Presence sign-in.
    ImAndPresence,
    /// `_collab-edge`: Mobile and Remote Access through the Expressway-E.
    Mra,
    /// Manual server settings, typed or cached.
    Manual,
    /// Webex in the cloud (the CAS lookup found the domain).
    Webex,
}

impl DiscoveryPath {
    /// As written in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::OnPremises => "on-premises",
            Self::ImAndPresence => "im-and-presence",
            Self::Mra => "mra",
            Self::Manual => "manual",
            Self::Webex => "webex",
        }
    }
}

/// Where the services domain came from (step 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DomainFrom {
    /// `SERVICES_DOMAIN`.
    ServicesDomain,
    /// The Windows UPN's domain (UPN discovery).
    WindowsUpn,
    /// The sign-in address's domain.
    SignIn,
}

/// What a connection is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    /// UDS `clusterUser`: which cluster is the user's home.
    HomeCluster,
    /// UDS and configuration from the user's CUCM node, by its node name.
    CucmNode,
    /// IM and Presence sign-in (SOAP, `_cuplogin`).
    ImpLogin,
    /// XMPP to the IM and Presence node.
    Xmpp,
    /// The Expressway-E's `get_edge_config` (MRA).
    EdgeConfig,
    /// Webex in the cloud.
    Webex,
}

/// What came of one connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Connection {
    /// What it is for.
    pub purpose: Purpose,
    /// The host connected to, as the client names it.
    pub host: String,
    /// The port.
    pub port: u16,
    /// The URL asked, for HTTPS.
    pub url: Option<String>,
    /// The address the client resolved the host to (none: it did not resolve).
    pub address: Option<IpAddr>,
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

/// What a finding of D8 is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "kebab-case")]
pub enum IssueSubject {
    /// The client profile.
    Client,
    /// A server, by node name.
    Server(String),
    /// A DNS domain.
    Domain(String),
}

/// A rule D8 names, with what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The rule.
    pub code: Code,
    /// What it is about.
    pub subject: IssueSubject,
    /// What was found.
    pub message: String,
}

/// D8's answer for one sign-in on one client profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JabberDiscovery {
    /// The client profile's id.
    pub client: String,
    /// Its kind.
    pub kind: ClientKind,
    /// The sign-in address (`USER@domain` when no user was named).
    pub address: String,
    /// Inside or outside.
    pub place: Place,
    /// The services domain (none when manual server settings win).
    pub services_domain: Option<String>,
    /// Where it came from.
    pub domain_from: Option<DomainFrom>,
    /// The domain the SRV lookups use.
    pub lookup_domain: Option<String>,
    /// The SRV queries, sent at once.
    pub queries: Vec<SrvQuery>,
    /// The path chosen.
    pub path: DiscoveryPath,
    /// The connections, in order.
    pub connections: Vec<Connection>,
    /// The Jabber ID IM&P gives the user (UserID@DefaultDomain).
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

impl JabberDiscovery {
    /// The rule codes, each once, in the order found.
    pub fn codes(&self) -> Vec<Code> {
        let mut codes: Vec<Code> = Vec::new();
        for issue in &self.issues {
            if !codes.contains(&issue.code) {
                codes.push(issue.code);
            }
        }
        codes
    }

    /// The first connection tried.
    pub fn first_connection(&self) -> Option<&Connection> {
        self.connections.first()
    }

    /// Whether the user had to accept a certificate on the way.
    pub fn prompted(&self) -> bool {
        self.connections.iter().any(|c| c.outcome == Outcome::Prompts)
    }
}

/// Derive D8 for `address` (user@domain) on `client`, a Jabber or Webex App profile.
pub fn jabber_discovery(
    deployment: &Deployment,
    client: &Client,
    address: &str,
) -> Result<JabberDiscovery, AddressError> {
    if !client.kind.discovers_services() {
        return Err(AddressError::NotJabber {
            client: client.id.clone(),
            kind: client.kind.as_str(),
        });
    }
    let sign_in = SignIn::parse(address)?;
    Ok(discover(deployment, client, &sign_in))
}

/// Derive D8 for an already parsed sign-in, finding its user in the deployment.
pub fn discover(deployment: &Deployment, client: &Client, sign_in: &SignIn) -> JabberDiscovery {
    let user = sign_in.user.as_deref().and_then(|id| deployment.user(id));
    discover_as(deployment, client, sign_in, user)
}

/// Derive D8 for a sign-in whose user the caller already holds: per-user callers (health, a
/// walk over every user) skip the search through the users.
pub fn discover_as(deployment: &Deployment, client: &Client, sign_in: &SignIn, user: Option<&User>) -> JabberDiscovery {
    let unset = JabberSettings::default();
    let settings = client.jabber.as_ref().unwrap_or(&unset);
    let place = if client.on_corporate_network {
        Place::Inside
    } else {
        Place::Outside
    };
    let dns: Option<&dyn Resolver> = match place {
        Place::Inside => deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver),
        Place::Outside => deployment.public_dns_view.as_ref().map(|v| v as &dyn Resolver),
    };
    let mut walk = connect::Walk::new(deployment, client, settings, sign_in, user, place, dns);
    walk.step(format!(
        "`{}` ({}) signs in as `{}` from {}: it sees {}.",
        client.id,
        client.kind.as_str(),
        sign_in.address(),
        match place {
            Place::Inside => "inside the corporate network",
            Place::Outside => "outside the corporate network",
        },
        match (place, dns.is_some()) {
            (Place::Inside, true) => "the deployment's DNS",
            (Place::Inside, false) => "no DNS (the deployment describes none)",
            (Place::Outside, true) => "public DNS (`dns.public`)",
            (Place::Outside, false) => "no public DNS (the deployment has no `dns.public`)",
        }
    ));
    if let Some(manual) = settings.manual_server.as_deref() {
        walk.step(format!(
            "Manual server settings are cached (`{manual}`): they win over discovery, no SRV lookup is made."
        ));
        walk.manual(manual);
        return walk.finish(None, None, None, Vec::new());
    }
    let (services_domain, from) = domain::services_domain(client.kind, settings, sign_in);
    walk.step(domain::services_domain_step(&services_domain, from));
    if settings.webex_domain && !settings.excludes(ExcludedService::Webex) {
        walk.step(format!(
            "The Webex CAS lookup finds `{}` in a Webex organisation: the client signs in to Webex in the cloud (`EXCLUDED_SERVICES=WEBEX` would stop it).",
            sign_in.domain
        ));
        walk.webex();
        return walk.finish(Some(services_domain), Some(from), None, Vec::new());
    }
    let lookup = settings
        .voice_services_domain
        .clone()
        .unwrap_or_else(|| services_domain.clone());
    walk.lookup_domain_step(settings, &lookup);
    let queries = srv::discovery_queries(&lookup, client.kind, client.version.as_deref(), settings, dns);
    for query in &queries {
        walk.step(srv_step(query));
    }
    walk.decide(&queries, &lookup);
    walk.finish(Some(services_domain), Some(from), Some(lookup), queries)
}

fn srv_step(query: &SrvQuery) -> String {
    match &query.result {
        SrvResult::Excluded => format!("SRV {}: not asked, `EXCLUDED_SERVICES` names it.", query.name),
        SrvResult::NoDns => format!("SRV {}: not asked, no DNS is described here.", query.name),
        _ => format!("SRV {}: {}.", query.name, query.answer()),
    }
}

/// Whether `kind` with `settings` prompts or refuses on an untrusted certificate.
pub fn reaction_of(kind: ClientKind, settings: &JabberSettings) -> Reaction {
    certificate::reaction(kind, settings)
}

#[cfg(test)]
mod tests;
