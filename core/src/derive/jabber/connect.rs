//! D8 steps 3, 4 and 7: choosing the path, then each connection the client makes, with the
//! names it resolves and the certificates it must trust.

use super::certificate::{self, Protocol, Reaction, Trust};
use super::domain::SignIn;
use super::srv::{SrvQuery, SrvTarget, chosen, excluded_note};
use super::{
    CANNOT_COMMUNICATE, CANNOT_FIND, Connection, DiscoveryPath, DomainFrom, Issue, IssueSubject, JabberDiscovery,
    Outcome, Place, Purpose, UNTRUSTED, edge, public_cisco_uds_message,
};
use crate::catalogue::Code;
use crate::derive::resolve::resolve;
use crate::dns::Resolver;
use crate::model::{Client, ClientKind, Deployment, JabberSettings, Role, Server, User};

/// How many `_cisco-uds` targets Jabber for Windows tries before giving up.
const WINDOWS_UDS_TARGETS: usize = 2;

/// One sign-in being walked through.
pub(super) struct Walk<'a> {
    pub(super) deployment: &'a Deployment,
    pub(super) client: &'a Client,
    pub(super) sign_in: &'a SignIn,
    /// The deployment's user who signs in, when known.
    user: Option<&'a User>,
    pub(super) place: Place,
    pub(super) dns: Option<&'a dyn Resolver>,
    reaction: Reaction,
    path: DiscoveryPath,
    connections: Vec<Connection>,
    issues: Vec<Issue>,
    steps: Vec<String>,
    failure: Option<String>,
    jabber_id: Option<String>,
}

/// What to do after a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// Signed in on this target.
    Done,
    /// This target failed: the next one may work.
    Another,
    /// Sign-in has failed: no later target is tried.
    Stop,
}

/// A connection to make.
pub(super) struct Attempt<'s> {
    pub(super) purpose: Purpose,
    pub(super) host: String,
    pub(super) port: u16,
    pub(super) url: Option<String>,
    pub(super) server: Option<&'s Server>,
    pub(super) protocol: Protocol,
    /// Names beyond the host the certificate must carry.
    pub(super) also_names: Vec<String>,
    /// What the host is, for messages ("SRV target", "IM&P node name").
    pub(super) what: &'static str,
}

impl<'a> Walk<'a> {
    pub(super) fn new(
        deployment: &'a Deployment,
        client: &'a Client,
        settings: &'a JabberSettings,
        sign_in: &'a SignIn,
        user: Option<&'a User>,
        place: Place,
        dns: Option<&'a dyn Resolver>,
    ) -> Self {
        Self {
            deployment,
            client,
            sign_in,
            user,
            place,
            dns,
            reaction: certificate::reaction(client.kind, settings),
            path: DiscoveryPath::Manual,
            connections: Vec::new(),
            issues: Vec::new(),
            steps: Vec::new(),
            failure: None,
            jabber_id: None,
        }
    }

    pub(super) fn step(&mut self, step: String) {
        self.steps.push(step);
    }

    pub(super) fn issue(&mut self, code: Code, subject: IssueSubject, message: String) {
        let issue = Issue { code, subject, message };
        if !self.issues.contains(&issue) {
            self.issues.push(issue);
        }
    }

    pub(super) fn fail(&mut self, message: &str) {
        self.failure.get_or_insert_with(|| message.to_owned());
    }

    /// The user part of URLs.
    pub(super) fn user(&self) -> &str {
        self.sign_in.user.as_deref().unwrap_or("USER")
    }

    pub(super) fn lookup_domain_step(&mut self, settings: &JabberSettings, lookup: &str) {
        let sign_in = self.sign_in;
        match settings.voice_services_domain.as_deref() {
            Some(voice) => {
                self.step(format!(
                    "SRV lookups use `VOICE_SERVICES_DOMAIN` `{lookup}`, sent at once."
                ));
                if voice.trim_end_matches('.').eq_ignore_ascii_case(&sign_in.domain) {
                    self.issue(
                        Code::JAB008,
                        IssueSubject::Client,
                        format!(
                            "`{}` sets VoiceServicesDomain to the sign-in domain `{}`: leave it unset",
                            self.client.id, sign_in.domain
                        ),
                    );
                }
            }
            None => self.step(format!("SRV lookups use the services domain `{lookup}`, sent at once.")),
        }
    }

    /// Cached manual settings: straight to that server.
    pub(super) fn manual(&mut self, host: &str) {
        self.path = DiscoveryPath::Manual;
        let next = self.uds(host, 8443, "manual server");
        if next != Next::Done {
            self.fail(CANNOT_COMMUNICATE);
        }
    }

    /// The domain belongs to Webex in the cloud.
    pub(super) fn webex(&mut self) {
        self.path = DiscoveryPath::Webex;
        self.connections.push(Connection {
            purpose: Purpose::Webex,
            host: "Webex cloud".to_owned(),
            port: 443,
            url: None,
            address: None,
            server: None,
            certificate_names: Vec::new(),
            trust: Trust::Unknown,
            outcome: Outcome::Connects,
            why: format!(
                "`{}` belongs to a Webex organisation: no on-premises server is asked",
                self.sign_in.domain
            ),
        });
    }

    /// Step 3: `_cisco-uds` wins, then `_cuplogin`, then `_collab-edge`, else manual entry.
    pub(super) fn decide(&mut self, queries: &[SrvQuery], lookup: &str) {
        let (path, query) = chosen(queries);
        self.path = path;
        let targets = query.map_or(&[][..], SrvQuery::targets);
        match (path, query) {
            (DiscoveryPath::OnPremises, Some(uds)) => {
                let fallback = if uds.name.contains(".cisco-internal.") {
                    " (through Jabber for Windows 9.6's `cisco-internal` fallback)"
                } else {
                    ""
                };
                self.step(format!(
                    "`_cisco-uds` answers{fallback}: on-premises sign-in through Unified CM; it wins over `_cuplogin` and `_collab-edge`."
                ));
                if self.place == Place::Outside {
                    self.issue(
                        Code::JAB001,
                        IssueSubject::Domain(lookup.to_owned()),
                        public_cisco_uds_message(&uds.name),
                    );
                }
                self.on_premises(targets);
            }
            (DiscoveryPath::ImAndPresence, _) => {
                self.step("`_cuplogin` answers and `_cisco-uds` does not: IM and Presence sign-in.".to_owned());
                self.im_and_presence(targets);
            }
            (DiscoveryPath::Mra, _) => {
                self.step("Only `_collab-edge` answers: Mobile and Remote Access through the Expressway-E.".to_owned());
                edge::mra(self, targets, lookup);
            }
            _ => {
                let why = excluded_note(queries);
                self.step(format!(
                    "No discovery record answers{why}: \"{CANNOT_FIND}\", and the user must enter a server by hand."
                ));
                self.issue(
                    Code::JAB002,
                    IssueSubject::Client,
                    format!(
                        "`{}` finds no usable `_cisco-uds`, `_cuplogin` or `_collab-edge` record for `{lookup}` {}{why}",
                        self.client.id,
                        self.place.dns_phrase()
                    ),
                );
                self.fail(CANNOT_FIND);
            }
        }
    }

    /// Step 4: the `_cisco-uds` targets, in order (Jabber for Windows: only the best two).
    fn on_premises(&mut self, targets: &[SrvTarget]) {
        let windows = self.client.kind == ClientKind::JabberWindows;
        let limit = if windows {
            targets.len().min(WINDOWS_UDS_TARGETS)
        } else {
            targets.len()
        };
        if windows && targets.len() > WINDOWS_UDS_TARGETS {
            self.step(format!(
                "Jabber for Windows tries only the {WINDOWS_UDS_TARGETS} best targets (priority, then weight) and gives up after 20 s."
            ));
        }
        for target in &targets[..limit] {
            match self.uds(&target.target, target.port, "SRV target") {
                Next::Done => return,
                Next::Stop => return,
                Next::Another => {}
            }
        }
        self.fail(CANNOT_COMMUNICATE);
        if windows {
            let later = targets[limit..]
                .iter()
                .find(|t| self.would_answer(&t.target, Role::Cucm));
            if let Some(later) = later {
                let tried: Vec<&str> = targets[..limit].iter().map(|t| t.target.as_str()).collect();
                self.issue(
                    Code::JAB007,
                    IssueSubject::Client,
                    format!(
                        "the two best `_cisco-uds` targets (`{}`) fail for `{}`; `{}` would work, but Jabber for Windows never tries it",
                        tried.join("`, `"),
                        self.client.id,
                        later.target
                    ),
                );
            }
        }
    }

    /// `_cuplogin` targets, in order.
    fn im_and_presence(&mut self, targets: &[SrvTarget]) {
        for target in targets {
            let server = self.node(&target.target, Role::Cups);
            let next = self.connect(&Attempt {
                purpose: Purpose::ImpLogin,
                host: target.target.clone(),
                port: target.port,
                url: None,
                server,
                protocol: Protocol::Https,
                also_names: Vec::new(),
                what: "SRV target",
            });
            match next {
                Next::Another => {}
                Next::Stop => return,
                Next::Done => {
                    if self.not_a_node(&target.target, Role::Cups, server) {
                        continue;
                    }
                    self.xmpp(server);
                    return;
                }
            }
        }
        self.fail(CANNOT_COMMUNICATE);
    }

    /// UDS on `host`: the home cluster, then the user's node by its node name, then IM&P.
    fn uds(&mut self, host: &str, port: u16, what: &'static str) -> Next {
        let server = self.node(host, Role::Cucm);
        let url = format!("https://{host}:{port}/cucm-uds/clusterUser?username={}", self.user());
        let next = self.connect(&Attempt {
            purpose: Purpose::HomeCluster,
            host: host.to_owned(),
            port,
            url: Some(url),
            server,
            protocol: Protocol::Https,
            also_names: Vec::new(),
            what,
        });
        if next != Next::Done {
            return next;
        }
        if self.not_a_node(host, Role::Cucm, server) {
            return Next::Another;
        }
        if let Some(user) = self.user.filter(|u| u.home_cluster == Some(false)) {
            self.step(format!(
                "clusterUser answers NO_HOME_UDS_FOUND: \"Home Cluster\" is not ticked for `{}` on any cluster.",
                user.cucm_id
            ));
            self.fail(CANNOT_FIND);
            return Next::Stop;
        }
        if let Some(server) = server {
            if !server
                .node_name
                .trim_end_matches('.')
                .eq_ignore_ascii_case(host.trim_end_matches('.'))
            {
                let node_url = format!("https://{}:8443/cucm-uds/user/{}", server.node_name, self.user());
                let next = self.connect(&Attempt {
                    purpose: Purpose::CucmNode,
                    host: server.node_name.clone(),
                    port: 8443,
                    url: Some(node_url),
                    server: Some(server),
                    protocol: Protocol::Https,
                    also_names: Vec::new(),
                    what: "CUCM node name",
                });
                if next != Next::Done {
                    self.fail(CANNOT_COMMUNICATE);
                    return Next::Stop;
                }
            }
        }
        let presence = self.presence_node();
        self.xmpp(presence);
        Next::Done
    }

    /// The IM&P node the user's presence is on: theirs when known, else the first.
    fn presence_node(&self) -> Option<&'a Server> {
        let deployment = self.deployment;
        self.user
            .and_then(|u| u.presence_node())
            .and_then(|node| deployment.server(node))
            .or_else(|| deployment.servers_with(Role::Cups).next())
    }

    /// Step 7: XMPP to the IM&P node by its node name.
    fn xmpp(&mut self, server: Option<&'a Server>) {
        let Some(server) = server else {
            self.step("The deployment lists no IM and Presence node: the XMPP connection is not judged.".to_owned());
            return;
        };
        let domain = self
            .deployment
            .sip_proxy
            .proxy_domain
            .as_deref()
            .or(self.deployment.domain.as_deref());
        if let (Some(user), Some(domain)) = (self.sign_in.user.as_deref(), domain) {
            self.jabber_id = Some(format!("{user}@{domain}"));
            self.step(format!(
                "IM and Presence gives the Jabber ID `{user}@{domain}` (UserID@DefaultDomain)."
            ));
        }
        let next = self.connect(&Attempt {
            purpose: Purpose::Xmpp,
            host: server.node_name.clone(),
            port: 5222,
            url: None,
            server: Some(server),
            protocol: Protocol::Xmpp,
            also_names: Vec::new(),
            what: "IM and Presence node name",
        });
        if next != Next::Done {
            self.fail(CANNOT_COMMUNICATE);
        }
    }

    /// The deployment's server named `host` holding `role`.
    pub(super) fn node(&self, host: &str, role: Role) -> Option<&'a Server> {
        let domain = self.deployment.domain.as_deref();
        self.deployment.servers_with(role).find(|s| s.is_named(host, domain))
    }

    /// When the deployment lists servers of `role` and `host` is none of them, record that the
    /// target is not one (it answers nothing Jabber can use).
    fn not_a_node(&mut self, host: &str, role: Role, server: Option<&Server>) -> bool {
        if server.is_some() || self.deployment.servers_with(role).next().is_none() {
            return false;
        }
        let why = format!(
            "`{host}` is not a {} node of the deployment",
            role.as_str().to_uppercase()
        );
        self.refuse_last(why.clone());
        if let Some(last) = self.connections.last() {
            let step = format!("{}: {why}.", describe(last));
            self.step(step);
        }
        true
    }

    /// The last connection reached its server, which then refused: "Cannot communicate".
    pub(super) fn refuse_last(&mut self, why: String) {
        if let Some(last) = self.connections.last_mut() {
            last.outcome = failed(CANNOT_COMMUNICATE);
            last.why = why;
        }
    }

    /// Whether `host` resolves for this client and is a node of `role` (or the deployment lists
    /// none), so a connection to it could work.
    fn would_answer(&self, host: &str, role: Role) -> bool {
        let resolves = resolve(&absolute(host), self.client, self.dns).resolved();
        let listed = self.deployment.servers_with(role).next().is_some();
        resolves && (!listed || self.node(host, role).is_some()) && self.place == Place::Inside
    }

    /// Make one connection: resolve the host as the client does, reach it, judge the certificate.
    pub(super) fn connect(&mut self, attempt: &Attempt<'_>) -> Next {
        let resolution = resolve(&absolute_if_dotted(&attempt.host), self.client, self.dns);
        let mut names = vec![attempt.host.trim_end_matches('.').to_owned()];
        names.extend(attempt.also_names.iter().cloned());
        let trust = certificate::judge(
            attempt.server.and_then(|s| s.certificate.as_ref()),
            &attempt.host,
            attempt.protocol,
        );
        let mut connection = Connection {
            purpose: attempt.purpose,
            host: attempt.host.clone(),
            port: attempt.port,
            url: attempt.url.clone(),
            address: resolution.address,
            server: attempt.server.map(|s| s.node_name.clone()),
            certificate_names: names,
            trust: trust.clone(),
            outcome: Outcome::Connects,
            why: String::new(),
        };
        let next = if resolution.address.is_none() {
            let last = resolution
                .attempts
                .last()
                .map_or_else(|| "no answer".to_owned(), |a| a.result.to_string());
            self.issue(
                Code::JAB005,
                IssueSubject::Client,
                format!(
                    "{} `{}` does not resolve for `{}` ({last})",
                    attempt.what, attempt.host, self.client.id
                ),
            );
            connection.outcome = failed(CANNOT_COMMUNICATE);
            connection.why = format!("`{}` does not resolve for this client ({last})", attempt.host);
            Next::Another
        } else if self.place == Place::Outside && attempt.purpose != Purpose::EdgeConfig {
            connection.outcome = failed(CANNOT_COMMUNICATE);
            connection.why =
                "outside the corporate network, Unified CM and IM and Presence are reachable only through the Expressway-E (MRA)"
                    .to_owned();
            Next::Stop
        } else {
            match trust {
                Trust::Trusted { matched } => {
                    connection.why = format!("the certificate names `{matched}`");
                    Next::Done
                }
                Trust::Unknown => {
                    connection.why = "the certificate is not described: not judged".to_owned();
                    Next::Done
                }
                Trust::Untrusted { reason } => {
                    let node = attempt.server.map_or(attempt.host.as_str(), |s| s.node_name.as_str());
                    let how = certificate::reaction_words(self.client.kind, self.reaction);
                    self.issue(
                        Code::JAB006,
                        IssueSubject::Server(node.to_owned()),
                        format!(
                            "the certificate of `{node}` is untrusted on `{}`: {reason}; {how}",
                            self.client.id
                        ),
                    );
                    connection.why = format!("{reason}: {how}");
                    if self.reaction == Reaction::Prompt {
                        connection.outcome = Outcome::Prompts;
                        Next::Done
                    } else {
                        let message = if attempt.purpose == Purpose::HomeCluster {
                            UNTRUSTED
                        } else {
                            CANNOT_COMMUNICATE
                        };
                        connection.outcome = failed(message);
                        self.fail(message);
                        Next::Stop
                    }
                }
            }
        };
        self.step(format!("{}: {}.", describe(&connection), connection.why));
        self.connections.push(connection);
        if next == Next::Stop {
            self.fail(CANNOT_COMMUNICATE);
        }
        next
    }

    pub(super) fn finish(
        mut self,
        services_domain: Option<String>,
        domain_from: Option<DomainFrom>,
        lookup_domain: Option<String>,
        queries: Vec<SrvQuery>,
    ) -> JabberDiscovery {
        let signs_in = self.failure.is_none();
        let message = match self.failure.take() {
            Some(message) => message,
            None if self.connections.iter().any(|c| c.outcome == Outcome::Prompts) => {
                "Signed in, after the user accepts an untrusted certificate".to_owned()
            }
            None => "Signed in".to_owned(),
        };
        self.steps.push(format!("The user sees: \"{message}\"."));
        JabberDiscovery {
            client: self.client.id.clone(),
            kind: self.client.kind,
            address: self.sign_in.address(),
            place: self.place,
            services_domain,
            domain_from,
            lookup_domain,
            queries,
            path: self.path,
            connections: self.connections,
            jabber_id: self.jabber_id,
            signs_in,
            message,
            issues: self.issues,
            steps: self.steps,
        }
    }
}

fn failed(message: &str) -> Outcome {
    Outcome::Fails {
        message: message.to_owned(),
    }
}

/// How a connection is shown in the trace.
fn describe(connection: &Connection) -> String {
    let what = match connection.purpose {
        Purpose::HomeCluster => "UDS home cluster",
        Purpose::CucmNode => "UDS on the CUCM node",
        Purpose::ImpLogin => "IM and Presence login",
        Purpose::Xmpp => "XMPP",
        Purpose::EdgeConfig => "Edge configuration",
        Purpose::Webex => "Webex",
    };
    match &connection.url {
        Some(url) => format!("{what} {url}"),
        None => format!("{what} {}:{}", connection.host, connection.port),
    }
}

/// An SRV target is an absolute name: no search suffix is appended to it.
fn absolute(host: &str) -> String {
    format!("{}.", host.trim_end_matches('.'))
}

/// Node names and manual servers are typed as the admin wrote them: a dotted name is absolute,
/// a short one goes through the client's search list.
fn absolute_if_dotted(host: &str) -> String {
    if host.contains('.') && host.parse::<std::net::IpAddr>().is_err() {
        absolute(host)
    } else {
        host.to_owned()
    }
}
