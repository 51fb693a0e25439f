//! The CUPS SIP proxy: its domain, authentication and static routes.

use serde::{Deserialize, Serialize};

use crate::source::Location;

/// "Cisco UP SIP Proxy" service parameters and proxy configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SipProxy {
    /// `Proxy Domain`; unset, CUPC shows `PROXY_DOMAIN_NOT_SET`.
    #[serde(default)]
    pub proxy_domain: Option<String>,
    /// `Authentication Module`: `false` turns SIP digest authentication off entirely.
    #[serde(default = "on")]
    pub authentication_module: bool,
    /// Incoming ACL address patterns trusted without a digest challenge (`all`, an IP, a CIDR
    /// subnet or a wildcard such as `10.1.20.*`).
    #[serde(default)]
    pub incoming_acl: Vec<String>,
    /// Application-layer SIP static routes.
    #[serde(default)]
    pub static_routes: Vec<StaticRoute>,
    /// Domains the deployment sends requests to (for SIP002), beyond those of its static routes.
    #[serde(default)]
    pub destinations: Vec<String>,
}

impl Default for SipProxy {
    fn default() -> Self {
        Self {
            proxy_domain: None,
            authentication_module: true,
            incoming_acl: Vec::new(),
            static_routes: Vec::new(),
            destinations: Vec::new(),
        }
    }
}

fn on() -> bool {
    true
}

/// What part of the request URI a static route matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RouteType {
    /// The user part, with digit patterns (`.` one character, `*` any run).
    User,
    /// The domain, written reversed with a wildcard (`.com.acme.*`).
    Domain,
}

/// SIP transport of a next hop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    /// UDP.
    Udp,
    /// TCP.
    Tcp,
    /// TLS over TCP.
    Tls,
}

impl RouteType {
    /// The type as the deployment file writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Domain => "domain",
        }
    }
}

impl Transport {
    /// The transport as the deployment file writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Udp => "udp",
            Self::Tcp => "tcp",
            Self::Tls => "tls",
        }
    }
}

/// One static route: destination pattern to next hop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaticRoute {
    /// Destination pattern (user digits or reversed domain).
    pub pattern: String,
    /// What the pattern matches.
    #[serde(rename = "type", default = "domain_route")]
    pub route_type: RouteType,
    /// Next hop: an FQHN or an IP address. Unused by block routes.
    #[serde(default)]
    pub next_hop: Option<String>,
    /// Next hop port.
    #[serde(default = "sip_port")]
    pub port: u16,
    /// Next hop transport.
    #[serde(default = "udp")]
    pub transport: Transport,
    /// Lower is preferred.
    #[serde(default = "one")]
    pub priority: u16,
    /// Share of load among routes of equal priority.
    #[serde(default = "ten")]
    pub weight: u16,
    /// Out-of-service routes are skipped.
    #[serde(default = "on")]
    pub in_service: bool,
    /// A block route rejects matching requests.
    #[serde(default)]
    pub block: bool,
    /// Lets a less specific route take over when this one fails.
    #[serde(default)]
    pub allow_less_specific: bool,
    /// Where this route was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

fn domain_route() -> RouteType {
    RouteType::Domain
}
fn sip_port() -> u16 {
    5060
}
fn udp() -> Transport {
    Transport::Udp
}
fn one() -> u16 {
    1
}
fn ten() -> u16 {
    10
}
