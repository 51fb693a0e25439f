//! Jabber and Webex App service discovery (D8) as a plugin sees it: what the client connects to
//! when a user signs in, and whether it works (docs/derivations/jabber-discovery.md). These
//! mirror the `sign-in` record of `uclint:rule@0.2.0`; build canned test answers with the
//! constructors and builder methods.

use crate::types::Subject;

/// D8's answer for one sign-in on one client profile.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct JabberDiscovery {
    /// The client profile's id.
    pub client: String,
    /// Its kind: `jabber-windows`, `jabber-mac`, `jabber-mobile` or `webex-app`.
    pub kind: String,
    /// The sign-in address (`USER@domain` when no user is named).
    pub address: String,
    /// `inside` (the deployment's DNS) or `outside` (public DNS).
    pub place: String,
    /// The services domain (none when manual server settings win).
    pub services_domain: Option<String>,
    /// The domain the SRV queries are asked under.
    pub lookup_domain: Option<String>,
    /// The SRV queries, sent at once.
    pub queries: Vec<SrvQuery>,
    /// `on-premises`, `im-and-presence`, `mra`, `manual` or `webex`.
    pub path: String,
    /// The connections, in order.
    pub connections: Vec<Connection>,
    /// The Jabber ID IM and Presence gives the user.
    pub jabber_id: Option<String>,
    /// Whether sign-in succeeds (perhaps after a certificate prompt).
    pub signs_in: bool,
    /// What the user sees.
    pub message: String,
    /// The core's rule codes behind a failure or a risk, each once.
    pub codes: Vec<String>,
    /// Those rules, each with what it found.
    pub issues: Vec<Issue>,
    /// Every step, in order.
    pub steps: Vec<String>,
}

impl JabberDiscovery {
    /// A sign-in that succeeds on `path`, inside, with nothing else listed (for canned test
    /// answers).
    pub fn signed_in(
        client: impl Into<String>,
        kind: impl Into<String>,
        address: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        JabberDiscovery {
            client: client.into(),
            kind: kind.into(),
            address: address.into(),
            place: "inside".into(),
            services_domain: None,
            lookup_domain: None,
            queries: Vec::new(),
            path: path.into(),
            connections: Vec::new(),
            jabber_id: None,
            signs_in: true,
            message: "Signed in".into(),
            codes: Vec::new(),
            issues: Vec::new(),
            steps: Vec::new(),
        }
    }

    /// A sign-in that fails on `path`, the user seeing `message` (for canned test answers).
    pub fn failed(
        client: impl Into<String>,
        kind: impl Into<String>,
        address: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        JabberDiscovery {
            signs_in: false,
            message: message.into(),
            ..Self::signed_in(client, kind, address, path)
        }
    }

    /// Signs in from outside the corporate network.
    #[must_use]
    pub fn outside(mut self) -> Self {
        self.place = "outside".into();
        self
    }

    /// Sets the services domain and the domain the SRV queries use.
    #[must_use]
    pub fn domains(mut self, services: impl Into<String>, lookup: impl Into<String>) -> Self {
        self.services_domain = Some(services.into());
        self.lookup_domain = Some(lookup.into());
        self
    }

    /// Adds an SRV query.
    #[must_use]
    pub fn query(mut self, query: SrvQuery) -> Self {
        self.queries.push(query);
        self
    }

    /// Adds a connection.
    #[must_use]
    pub fn connection(mut self, connection: Connection) -> Self {
        self.connections.push(connection);
        self
    }

    /// Adds an issue, and its code to [`codes`](Self::codes) unless it is there.
    #[must_use]
    pub fn issue(mut self, issue: Issue) -> Self {
        if !self.codes.contains(&issue.code) {
            self.codes.push(issue.code.clone());
        }
        self.issues.push(issue);
        self
    }

    /// Adds a step.
    #[must_use]
    pub fn step(mut self, step: impl Into<String>) -> Self {
        self.steps.push(step.into());
        self
    }

    /// Whether the client signs in from outside the corporate network.
    pub fn is_outside(&self) -> bool {
        self.place == "outside"
    }

    /// The connection that failed, when one did.
    pub fn failure(&self) -> Option<&Connection> {
        self.connections.iter().find(|c| c.outcome == "fails")
    }
}

/// One SRV query the client sends.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SrvQuery {
    /// `_cisco-uds`, `_cuplogin` or `_collab-edge`.
    pub service: String,
    /// The absolute name asked: `_collab-edge._tls.acme.com.`.
    pub name: String,
    /// `found`, `not-found`, `excluded` (`EXCLUDED_SERVICES` names it) or `no-dns` (nothing
    /// describes the DNS of where the client is).
    pub status: String,
    /// What came back, on one line: the targets (`10 10 8443 expe.acme.com`) or what the DNS said.
    pub answer: String,
}

impl SrvQuery {
    /// A query and what came back.
    pub fn new(
        service: impl Into<String>,
        name: impl Into<String>,
        status: impl Into<String>,
        answer: impl Into<String>,
    ) -> Self {
        SrvQuery {
            service: service.into(),
            name: name.into(),
            status: status.into(),
            answer: answer.into(),
        }
    }

    /// Whether it found targets.
    pub fn is_found(&self) -> bool {
        self.status == "found"
    }
}

/// One connection the client makes while signing in.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Connection {
    /// `home-cluster`, `cucm-node`, `imp-login`, `xmpp`, `edge-config` or `webex`.
    pub purpose: String,
    /// The host, as the client names it.
    pub host: String,
    /// The port.
    pub port: u16,
    /// The URL asked, for HTTPS.
    pub url: Option<String>,
    /// The address the client resolved the host to (none: it did not resolve).
    pub address: Option<String>,
    /// The deployment's server the host is, by node name.
    pub server: Option<String>,
    /// The names the server's certificate must carry (one of them).
    pub certificate_names: Vec<String>,
    /// `unknown`, `trusted` or `untrusted`.
    pub trust: String,
    /// `connects`, `prompts` (once the user accepts the certificate) or `fails`.
    pub outcome: String,
    /// When it fails: what the user sees.
    pub user_sees: Option<String>,
    /// Why, in a sentence.
    pub why: String,
}

impl Connection {
    /// A connection to `host:port` for `purpose` that connects, its certificate not described.
    pub fn new(purpose: impl Into<String>, host: impl Into<String>, port: u16) -> Self {
        Connection {
            purpose: purpose.into(),
            host: host.into(),
            port,
            url: None,
            address: None,
            server: None,
            certificate_names: Vec::new(),
            trust: "unknown".into(),
            outcome: "connects".into(),
            user_sees: None,
            why: String::new(),
        }
    }

    /// Makes it fail, the user seeing `message`, because of `why`.
    #[must_use]
    pub fn fails(mut self, message: impl Into<String>, why: impl Into<String>) -> Self {
        self.outcome = "fails".into();
        self.user_sees = Some(message.into());
        self.why = why.into();
        self
    }

    /// Sets the URL asked.
    #[must_use]
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the address the host resolved to.
    #[must_use]
    pub fn address(mut self, address: impl Into<String>) -> Self {
        self.address = Some(address.into());
        self
    }
}

/// A rule of the core behind a failure or a risk, and what it found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Issue {
    /// The rule's code (`JAB004`).
    pub code: String,
    /// A `client` (its id), a `server` (its node name) or a `domain`.
    pub subject: Subject,
    /// What was found.
    pub message: String,
}

impl Issue {
    /// Rule `code` found `message` about the `subject_kind` named `subject_name`.
    pub fn new(
        code: impl Into<String>,
        subject_kind: impl Into<String>,
        subject_name: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Issue {
            code: code.into(),
            subject: Subject {
                kind: subject_kind.into(),
                name: subject_name.into(),
            },
            message: message.into(),
        }
    }
}
