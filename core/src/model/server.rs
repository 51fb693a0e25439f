//! Servers: the UC nodes and the infrastructure around them.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::source::Location;

/// A role a server holds (the UC vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Cisco Unified Communications Manager (CallManager).
    Cucm,
    /// Cisco Unified Presence Server.
    Cups,
    /// Cisco Unity (Windows, Exchange message store).
    Unity,
    /// Cisco Unity Connection (Linux appliance).
    UnityConnection,
    /// Microsoft Exchange.
    Exchange,
    /// A directory server (Active Directory or other LDAP).
    Ldap,
    /// A DNS server.
    Dns,
    /// A TFTP server.
    Tftp,
    /// Cisco Expressway-C (inside: proxies MRA to Unified CM and IM&P).
    ExpresswayC,
    /// Cisco Expressway-E (the edge Jabber reaches from outside).
    ExpresswayE,
}

/// One server of the deployment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Server {
    /// The name the UC application uses (System > Servers; SQL `processnode`). The key other
    /// sections refer to a server by.
    pub node_name: String,
    /// The computer's hostname given at install; defaults to the node name.
    #[serde(default)]
    pub hostname: Option<String>,
    /// The DNS domain the server lives in; defaults to the deployment's domain.
    #[serde(default)]
    pub domain: Option<String>,
    /// The server's IP addresses.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<super::schema::IpAddress>"))]
    pub addresses: Vec<IpAddr>,
    /// What the server does.
    pub roles: Vec<Role>,
    /// Product version, e.g. `7.0.2` for CUPS or `2007` for Exchange.
    #[serde(default)]
    pub version: Option<String>,
    /// Exchange only: the IMAP service as Windows sees it.
    #[serde(default)]
    pub imap: Option<ImapService>,
    /// Ports that differ from the defaults of the server's roles (`sip-tls = 5062`).
    #[serde(default)]
    pub ports: super::Ports,
    /// Expressway-C: the domains enabled for Unified CM registrations (Configuration >
    /// Domains), which MRA sign-in needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unified_cm_domains: Vec<String>,
    /// The names the server's certificate carries, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<super::CertificateNames>,
    /// Where this server was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Role {
    /// The role as written in a deployment.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Cucm => "cucm",
            Self::Cups => "cups",
            Self::Unity => "unity",
            Self::UnityConnection => "unity-connection",
            Self::Exchange => "exchange",
            Self::Ldap => "ldap",
            Self::Dns => "dns",
            Self::Tftp => "tftp",
            Self::ExpresswayC => "expressway-c",
            Self::ExpresswayE => "expressway-e",
        }
    }
}

impl Server {
    /// A server known by its node name and roles: no hostname, domain, address, version or
    /// ports yet, as a source that knows more then sets them.
    pub fn new(node_name: impl Into<String>, roles: Vec<Role>) -> Self {
        Self {
            node_name: node_name.into(),
            hostname: None,
            domain: None,
            addresses: Vec::new(),
            roles,
            version: None,
            imap: None,
            ports: super::Ports::default(),
            unified_cm_domains: Vec::new(),
            certificate: None,
            location: None,
        }
    }

    /// Whether the server holds `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// The hostname, or the node name when none was given (the install default).
    pub fn hostname(&self) -> &str {
        self.hostname.as_deref().unwrap_or(&self.node_name)
    }

    /// Whether `name` (a DNS name, any case, trailing dot or not) is this server's: its node
    /// name, its hostname, or its hostname in its domain (`default_domain` when it has none).
    pub fn is_named(&self, name: &str, default_domain: Option<&str>) -> bool {
        let name = name.trim_end_matches('.');
        let same = |candidate: &str| candidate.trim_end_matches('.').eq_ignore_ascii_case(name);
        if same(&self.node_name) || same(self.hostname()) {
            return true;
        }
        let host = self.hostname().split('.').next().unwrap_or_default();
        match self.domain.as_deref().or(default_domain) {
            Some(domain) => same(&format!("{host}.{}", domain.trim_end_matches('.'))),
            None => false,
        }
    }
}

/// Startup type of a Windows service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Startup {
    /// Starts with Windows.
    Automatic,
    /// Starts only when asked.
    Manual,
    /// Never starts (Exchange's default for IMAP).
    Disabled,
}

/// The IMAP4 service of an Exchange mailbox server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ImapService {
    /// Startup type; Exchange installs IMAP disabled.
    #[serde(default = "disabled")]
    pub startup: Startup,
    /// Whether the service is running now.
    #[serde(default)]
    pub running: bool,
    /// Whether plain-text LOGIN is allowed on TCP 143 (`Set-IMAPSettings -LoginType 1`);
    /// off by default on Exchange 2007.
    #[serde(default)]
    pub plain_text_login: Option<bool>,
}

impl Startup {
    /// The startup type as Windows shows it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Automatic => "automatic",
            Self::Manual => "manual",
            Self::Disabled => "disabled",
        }
    }
}

fn disabled() -> Startup {
    Startup::Disabled
}
