//! The deployment as a plugin sees it, and the answers of the core's derivations.
//!
//! These mirror the records of `uclint:rule@0.2.0` (`plugins/wit/v0.2.0/rule.wit`). They are
//! `#[non_exhaustive]`: a later contract version may add fields, so build them with `new` and the
//! builder methods (as tests do) rather than with struct literals.

/// A server of the deployment (CUCM, CUPS, DNS, LDAP, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Server {
    /// The name the UC application uses for it; may be a hostname, an FQHN or an IP.
    pub node_name: String,
    /// The computer's name given at install.
    pub hostname: Option<String>,
    /// The DNS domain the server lives in, when known.
    pub domain: Option<String>,
    /// Its addresses.
    pub addresses: Vec<String>,
    /// `cucm`, `cups`, `tftp`, `exchange`, `ldap`, `dns`, `unity`, ...
    pub roles: Vec<String>,
    /// Its software version, when known.
    pub version: Option<String>,
}

impl Server {
    /// A server with this node name and nothing else.
    pub fn new(node_name: impl Into<String>) -> Self {
        Server {
            node_name: node_name.into(),
            hostname: None,
            domain: None,
            addresses: Vec::new(),
            roles: Vec::new(),
            version: None,
        }
    }

    /// Whether it holds `role` (`cups`, `cucm`, ...).
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r.eq_ignore_ascii_case(role))
    }

    /// Sets the hostname.
    #[must_use]
    pub fn hostname(mut self, hostname: impl Into<String>) -> Self {
        self.hostname = Some(hostname.into());
        self
    }

    /// Sets the DNS domain.
    #[must_use]
    pub fn domain(mut self, domain: impl Into<String>) -> Self {
        self.domain = Some(domain.into());
        self
    }

    /// Adds an address.
    #[must_use]
    pub fn address(mut self, address: impl Into<String>) -> Self {
        self.addresses.push(address.into());
        self
    }

    /// Adds a role.
    #[must_use]
    pub fn role(mut self, role: impl Into<String>) -> Self {
        self.roles.push(role.into());
        self
    }

    /// Sets the version.
    #[must_use]
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }
}

/// A client profile: a kind of endpoint in one network situation (on site, home, VPN).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Client {
    /// The profile's id, as users' `clients` lists name it.
    pub id: String,
    /// `cupc`, `ip-phone`, `attendant-console`, ...
    pub kind: String,
    /// Its software version, when known.
    pub version: Option<String>,
    /// The DNS suffix search list, in order.
    pub dns_suffixes: Vec<String>,
    /// Addresses or subnets the client uses.
    pub addresses: Vec<String>,
    /// False for profiles off site (home, VPN).
    pub on_corporate_network: bool,
}

impl Client {
    /// An on-site client profile of this id and kind.
    pub fn new(id: impl Into<String>, kind: impl Into<String>) -> Self {
        Client {
            id: id.into(),
            kind: kind.into(),
            version: None,
            dns_suffixes: Vec::new(),
            addresses: Vec::new(),
            on_corporate_network: true,
        }
    }

    /// Marks the profile as off the corporate network (home, VPN).
    #[must_use]
    pub fn off_network(mut self) -> Self {
        self.on_corporate_network = false;
        self
    }

    /// Sets the version.
    #[must_use]
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// Appends a DNS suffix to the search list.
    #[must_use]
    pub fn dns_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.dns_suffixes.push(suffix.into());
        self
    }

    /// Adds an address or subnet.
    #[must_use]
    pub fn address(mut self, address: impl Into<String>) -> Self {
        self.addresses.push(address.into());
        self
    }
}

/// An end user. The digest credential's value is never exposed, only whether it is set.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct User {
    /// The CUCM user id.
    pub cucm_id: String,
    /// The LDAP user id, when different or known.
    pub ldap_id: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Node name of the CUPS node the user is assigned to.
    pub home_node: Option<String>,
    /// Node name of the presence node the user's CUPC registers to.
    pub presence_node: Option<String>,
    /// Whether a digest credential is set.
    pub digest_credential: bool,
    /// Whether the user's CUPC controls a desk phone.
    pub desk_phone_control: bool,
    /// Ids of the client profiles the user uses.
    pub clients: Vec<String>,
}

/// Where one user is placed: home and presence node as indexes into
/// [`Context::servers`](crate::Context::servers). A node that is not set, or names no server,
/// is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Placement {
    /// The home node.
    pub home_node: Option<u32>,
    /// The node that serves presence: the presence node, else the home node.
    pub presence_node: Option<u32>,
}

impl User {
    /// A user with this CUCM id and nothing else.
    pub fn new(cucm_id: impl Into<String>) -> Self {
        User {
            cucm_id: cucm_id.into(),
            ldap_id: None,
            first_name: None,
            last_name: None,
            home_node: None,
            presence_node: None,
            digest_credential: false,
            desk_phone_control: false,
            clients: Vec::new(),
        }
    }

    /// Sets the LDAP id.
    #[must_use]
    pub fn ldap_id(mut self, id: impl Into<String>) -> Self {
        self.ldap_id = Some(id.into());
        self
    }

    /// Sets first and last name.
    #[must_use]
    pub fn names(mut self, first: impl Into<String>, last: impl Into<String>) -> Self {
        self.first_name = Some(first.into());
        self.last_name = Some(last.into());
        self
    }

    /// Sets the home node (a node name).
    #[must_use]
    pub fn home_node(mut self, node: impl Into<String>) -> Self {
        self.home_node = Some(node.into());
        self
    }

    /// Sets the presence node (a node name).
    #[must_use]
    pub fn presence_node(mut self, node: impl Into<String>) -> Self {
        self.presence_node = Some(node.into());
        self
    }

    /// Sets whether a digest credential is set.
    #[must_use]
    pub fn digest_credential(mut self, set: bool) -> Self {
        self.digest_credential = set;
        self
    }

    /// Sets whether the user controls a desk phone.
    #[must_use]
    pub fn desk_phone_control(mut self, on: bool) -> Self {
        self.desk_phone_control = on;
        self
    }

    /// Adds a client profile the user uses.
    #[must_use]
    pub fn client(mut self, id: impl Into<String>) -> Self {
        self.clients.push(id.into());
        self
    }
}

/// A static route of the CUPS SIP proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StaticRoute {
    /// The destination pattern.
    pub pattern: String,
    /// `user` or `domain`.
    pub route_type: String,
    /// An FQHN or an IP.
    pub next_hop: Option<String>,
    /// The next hop's port.
    pub port: u16,
    /// `udp`, `tcp` or `tls`.
    pub transport: String,
    /// Lower is preferred.
    pub priority: u16,
    /// Load share among equal priorities.
    pub weight: u16,
    /// Whether the route is in service.
    pub in_service: bool,
    /// Whether the route rejects what it matches.
    pub block: bool,
}

impl StaticRoute {
    /// An in-service domain route of `pattern` to `next_hop` on TCP 5060, priority 1, weight 10.
    pub fn new(pattern: impl Into<String>, next_hop: impl Into<String>) -> Self {
        StaticRoute {
            pattern: pattern.into(),
            route_type: "domain".into(),
            next_hop: Some(next_hop.into()),
            port: 5060,
            transport: "tcp".into(),
            priority: 1,
            weight: 10,
            in_service: true,
            block: false,
        }
    }
}

/// The CUPS SIP proxy's parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SipProxy {
    /// The SIP (proxy) domain, when set.
    pub proxy_domain: Option<String>,
    /// Whether SIP authentication is on.
    pub authentication_module: bool,
    /// Address patterns trusted without a digest challenge.
    pub incoming_acl: Vec<String>,
    /// The static routes.
    pub static_routes: Vec<StaticRoute>,
}

impl SipProxy {
    /// A proxy with this domain (or none), authentication on, no ACL and no routes.
    pub fn new(proxy_domain: Option<&str>) -> Self {
        SipProxy {
            proxy_domain: proxy_domain.map(str::to_owned),
            authentication_module: true,
            incoming_acl: Vec::new(),
            static_routes: Vec::new(),
        }
    }

    /// Adds a static route.
    #[must_use]
    pub fn static_route(mut self, route: StaticRoute) -> Self {
        self.static_routes.push(route);
        self
    }
}

/// The presence address: the presence address a CUPC registers to, as the core derives it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Presence {
    /// The presence address.
    pub address: String,
    /// `user@address` when a user was given.
    pub uri: Option<String>,
    /// `ip`, `as-configured` or `appended`.
    pub method: String,
    /// `usable`, `unusable` or `unresolved`.
    pub verdict: String,
    /// The core's rule codes behind the verdict.
    pub codes: Vec<String>,
    /// The explanation, one step per line.
    pub steps: Vec<String>,
}

impl Presence {
    /// A presence answer (for canned test answers).
    pub fn new(address: impl Into<String>, method: impl Into<String>, verdict: impl Into<String>) -> Self {
        Presence {
            address: address.into(),
            uri: None,
            method: method.into(),
            verdict: verdict.into(),
            codes: Vec::new(),
            steps: Vec::new(),
        }
    }

    /// Whether the verdict is `usable`.
    pub fn is_usable(&self) -> bool {
        self.verdict == "usable"
    }

    /// Whether the address is an IP literal (method `ip`): nothing to resolve.
    pub fn is_ip(&self) -> bool {
        self.method == "ip"
    }
}

/// Name resolution: one attempt of a client's name resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Attempt {
    /// The name asked.
    pub query: String,
    /// Where it was asked (`hosts`, `dns`, ...).
    pub source: String,
    /// What came back.
    pub outcome: String,
}

impl Attempt {
    /// An attempt (for canned test answers).
    pub fn new(query: impl Into<String>, source: impl Into<String>, outcome: impl Into<String>) -> Self {
        Attempt {
            query: query.into(),
            source: source.into(),
            outcome: outcome.into(),
        }
    }
}

/// Name resolution: how a client profile resolves a name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Resolution {
    /// The name asked for.
    pub name: String,
    /// The address found, or `None`: not resolvable.
    pub address: Option<String>,
    /// Every attempt, in order.
    pub attempts: Vec<Attempt>,
}

impl Resolution {
    /// A resolution of `name` to `address` (`None`: not resolvable), with no attempts listed.
    pub fn new(name: impl Into<String>, address: Option<&str>) -> Self {
        Resolution {
            name: name.into(),
            address: address.map(str::to_owned),
            attempts: Vec::new(),
        }
    }

    /// Adds an attempt.
    #[must_use]
    pub fn attempt(mut self, attempt: Attempt) -> Self {
        self.attempts.push(attempt);
        self
    }

    /// Whether the name resolved.
    pub fn is_resolved(&self) -> bool {
        self.address.is_some()
    }

    /// The attempts on one line: `cup1.isp.com (dns: NXDOMAIN); cup1 (dns: NXDOMAIN)`.
    pub fn summary(&self) -> String {
        if self.attempts.is_empty() {
            return "no attempt recorded".to_owned();
        }
        self.attempts
            .iter()
            .map(|a| format!("{} ({}: {})", a.query, a.source, a.outcome))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// SIP routing: one next hop.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Target {
    /// An FQHN or an IP.
    pub host: String,
    /// Its address, when resolved.
    pub address: Option<String>,
    /// The port.
    pub port: u16,
    /// `udp`, `tcp` or `tls`.
    pub transport: String,
    /// Lower is preferred.
    pub priority: u16,
    /// Load share among equal priorities.
    pub weight: u16,
}

impl Target {
    /// A next hop on TCP `port`, priority 1, weight 10, unresolved.
    pub fn new(host: impl Into<String>, port: u16) -> Self {
        Target {
            host: host.into(),
            address: None,
            port,
            transport: "tcp".into(),
            priority: 1,
            weight: 10,
        }
    }
}

/// SIP routing: what the SIP proxy does with a request URI.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Routing {
    /// `local`, `static`, `dns`, `blocked` or `unroutable`.
    pub decision: String,
    /// The next hops, in order.
    pub targets: Vec<Target>,
    /// Every step taken.
    pub trace: Vec<String>,
}

impl Routing {
    /// A routing decision with no targets (for canned test answers).
    pub fn new(decision: impl Into<String>) -> Self {
        Routing {
            decision: decision.into(),
            targets: Vec::new(),
            trace: Vec::new(),
        }
    }

    /// Adds a next hop.
    #[must_use]
    pub fn target(mut self, target: Target) -> Self {
        self.targets.push(target);
        self
    }

    /// Whether the request goes somewhere (`local`, `static` or `dns`).
    pub fn is_routed(&self) -> bool {
        matches!(self.decision.as_str(), "local" | "static" | "dns")
    }
}
