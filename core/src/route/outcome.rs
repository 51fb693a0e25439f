//! What routing answers: a decision, the ordered next hops and the trace of every step.

use std::fmt;
use std::net::IpAddr;

use serde::Serialize;

use crate::catalogue::Code;
use crate::model::Transport;

/// What the proxy does with the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// The host is the proxy's own SIP domain: handled locally.
    Local,
    /// A static route sends it on.
    Static,
    /// DNS (RFC 3263) names the next hops.
    Dns,
    /// A block route rejects it.
    Blocked,
    /// Nothing routes it: the proxy treats it as foreign and drops it.
    Unroutable,
}

impl Decision {
    /// The decision as JSON writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Local => "local",
            Self::Static => "static",
            Self::Dns => "dns",
            Self::Blocked => "blocked",
            Self::Unroutable => "unroutable",
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a next hop came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Origin {
    /// A static route, by its index in `sip_proxy.static_routes` and its pattern.
    StaticRoute {
        /// Index in the deployment's static routes.
        index: usize,
        /// The route's destination pattern.
        pattern: String,
    },
    /// An SRV record at this name.
    Srv {
        /// The SRV owner name (`_sip._tcp.example.com.`).
        name: String,
    },
    /// The A/AAAA records of the domain itself.
    Address,
    /// The request URI's host is an IP address.
    Literal,
}

/// One next hop, in the order the proxy tries them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// The next hop as named: FQHN or IP.
    pub host: String,
    /// The first address it resolves to (`None`: it does not resolve).
    pub address: Option<IpAddr>,
    /// Every address it resolves to, A before AAAA.
    pub addresses: Vec<IpAddr>,
    /// Port.
    pub port: u16,
    /// Transport.
    pub transport: Transport,
    /// Priority: lower first.
    pub priority: u16,
    /// Weight among targets of the same priority.
    pub weight: u16,
    /// This target's share of the load within its priority (0 to 1, RFC 2782).
    pub share: f64,
    /// Where it came from.
    pub origin: Origin,
    /// Set on targets that only take over when the more specific routes fail.
    pub fallback: bool,
}

/// One step of the trace: what was tried and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// What was tried.
    pub tried: String,
    /// What it found.
    pub found: String,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.tried, self.found)
    }
}

/// The answer to "where does the proxy send this request, and why".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Routing {
    /// The request URI as given.
    pub uri: String,
    /// The decision.
    pub decision: Decision,
    /// The next hops in order (empty unless `static` or `dns`).
    pub targets: Vec<Target>,
    /// Every step, in order.
    pub trace: Vec<Step>,
    /// Rule codes behind the answer (SIP002 unroutable, SIP003 a next hop that does not resolve,
    /// SIP005 a static route shadowing the local domain).
    pub codes: Vec<Code>,
}

/// Collects the trace while routing.
#[derive(Debug, Default)]
pub(crate) struct Trace {
    pub(crate) steps: Vec<Step>,
    pub(crate) codes: Vec<Code>,
}

impl Trace {
    pub(crate) fn step(&mut self, tried: impl Into<String>, found: impl Into<String>) {
        self.steps.push(Step {
            tried: tried.into(),
            found: found.into(),
        });
    }

    pub(crate) fn code(&mut self, code: Code) {
        if !self.codes.contains(&code) {
            self.codes.push(code);
        }
    }
}
