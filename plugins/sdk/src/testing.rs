//! Native unit tests for plugins: a [`FakeDeployment`] to check against, and [`run`], which
//! checks a plugin's rules and findings the way the host will.
//!
//! ```
//! use uclint_plugin_sdk::testing::FakeDeployment;
//! use uclint_plugin_sdk::{Client, Server, User};
//!
//! let context = FakeDeployment::new()
//!     .domain("acme.com")
//!     .proxy_domain("acme.com")
//!     .server(Server::new("cups-1").role("cups").address("10.0.0.5"))
//!     .client(Client::new("home", "cupc").off_network().dns_suffix("isp.net"))
//!     .user(User::new("alice").home_node("cups-1").client("home"))
//!     .dns("cups-1.acme.com", "10.0.0.5")
//!     .context();
//!
//! assert_eq!(context.users().count(), 1);
//! // `cups-1` + the home profile's suffix `isp.net` is not in the fake DNS; neither is `cups-1`.
//! assert!(!context.resolve("cups-1", "home").unwrap().is_resolved());
//! assert!(context.resolve("cups-1.acme.com", "home").unwrap().is_resolved());
//! ```
//!
//! The fake's derivations are deliberately simple stand-ins for the core's (they are not the
//! core's logic): `resolve` looks names up in the records given with [`FakeDeployment::dns`],
//! trying a dotless name with each DNS suffix first; `presence_address` applies the presence address's three
//! steps with a rough verdict; `route` answers `local` for the proxy domain and `unroutable`
//! otherwise; `jabber_discovery` refuses what the core refuses (an unknown or non-Jabber
//! profile, an address that is not `user@domain`) and otherwise finds no SRV record, since the
//! fake DNS holds names and addresses only: the sign-in fails with "Cannot find your services
//! automatically" (JAB002). Where a test depends on an exact answer, can it with
//! [`FakeDeployment::resolution`], [`FakeDeployment::presence`], [`FakeDeployment::route`] or
//! [`FakeDeployment::jabber_discovery`].

use std::collections::BTreeMap;
use std::net::IpAddr;

use crate::context::{Context, Host};
use crate::jabber::{Issue, JabberDiscovery, SrvQuery};
use crate::model::{Attempt, Client, Presence, Resolution, Routing, Server, SipProxy, User};
use crate::types::{Config, Finding, Fix, Rule};
use crate::{PLACEMENT_PAGE, Placement, Plugin, USER_PAGE};

/// An in-memory deployment with canned derivation answers, for native unit tests.
#[derive(Debug, Clone, Default)]
pub struct FakeDeployment {
    name: String,
    domain: Option<String>,
    servers: Vec<Server>,
    clients: Vec<Client>,
    sip_proxy: SipProxy,
    users: Vec<User>,
    dns: BTreeMap<String, String>,
    resolutions: BTreeMap<(String, String), Result<Resolution, String>>,
    presences: BTreeMap<(String, Option<String>, Option<String>), Presence>,
    routes: BTreeMap<String, Result<Routing, String>>,
    sign_ins: BTreeMap<(String, Option<String>), Result<JabberDiscovery, String>>,
}

impl FakeDeployment {
    /// An empty deployment named `fake`, SIP authentication on, no proxy domain.
    pub fn new() -> Self {
        FakeDeployment {
            name: "fake".into(),
            sip_proxy: SipProxy::new(None),
            ..FakeDeployment::default()
        }
    }

    /// Sets the deployment's name.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Sets the corporate DNS domain.
    #[must_use]
    pub fn domain(mut self, domain: impl Into<String>) -> Self {
        self.domain = Some(domain.into());
        self
    }

    /// Adds a server.
    #[must_use]
    pub fn server(mut self, server: Server) -> Self {
        self.servers.push(server);
        self
    }

    /// Adds a client profile.
    #[must_use]
    pub fn client(mut self, client: Client) -> Self {
        self.clients.push(client);
        self
    }

    /// Adds a user.
    #[must_use]
    pub fn user(mut self, user: User) -> Self {
        self.users.push(user);
        self
    }

    /// Adds many users (they are still handed to the plugin page by page).
    #[must_use]
    pub fn users(mut self, users: impl IntoIterator<Item = User>) -> Self {
        self.users.extend(users);
        self
    }

    /// Sets the SIP proxy's domain.
    #[must_use]
    pub fn proxy_domain(mut self, domain: impl Into<String>) -> Self {
        self.sip_proxy.proxy_domain = Some(domain.into());
        self
    }

    /// Replaces the SIP proxy's parameters.
    #[must_use]
    pub fn sip_proxy(mut self, sip_proxy: SipProxy) -> Self {
        self.sip_proxy = sip_proxy;
        self
    }

    /// Adds a DNS record (`name` -> `address`) that the fake `resolve` finds for every client.
    #[must_use]
    pub fn dns(mut self, name: impl Into<String>, address: impl Into<String>) -> Self {
        self.dns.insert(normalize(&name.into()), address.into());
        self
    }

    /// Cans the answer to `resolve(name, client)`.
    #[must_use]
    pub fn resolution(
        mut self,
        name: impl Into<String>,
        client: impl Into<String>,
        answer: Result<Resolution, String>,
    ) -> Self {
        self.resolutions.insert((name.into(), client.into()), answer);
        self
    }

    /// Cans the answer to `presence_address(node, domain, user)`.
    #[must_use]
    pub fn presence(
        mut self,
        node: impl Into<String>,
        domain: Option<&str>,
        user: Option<&str>,
        answer: Presence,
    ) -> Self {
        self.presences.insert(
            (node.into(), domain.map(str::to_owned), user.map(str::to_owned)),
            answer,
        );
        self
    }

    /// Cans the answer to `route(uri)`.
    #[must_use]
    pub fn route(mut self, uri: impl Into<String>, answer: Result<Routing, String>) -> Self {
        self.routes.insert(uri.into(), answer);
        self
    }

    /// Cans the answer to `jabber_discovery(client, address)`.
    #[must_use]
    pub fn jabber_discovery(
        mut self,
        client: impl Into<String>,
        address: Option<&str>,
        answer: Result<JabberDiscovery, String>,
    ) -> Self {
        self.sign_ins
            .insert((client.into(), address.map(str::to_owned)), answer);
        self
    }

    /// A [`Context`] reading this deployment.
    pub fn context(self) -> Context {
        Context::new(self)
    }
}

/// Lower case, no root dot: how the fake DNS compares names.
fn normalize(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl Host for FakeDeployment {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn domain(&self) -> Option<String> {
        self.domain.clone()
    }

    fn servers(&self) -> Vec<Server> {
        self.servers.clone()
    }

    fn clients(&self) -> Vec<Client> {
        self.clients.clone()
    }

    fn sip_proxy(&self) -> SipProxy {
        self.sip_proxy.clone()
    }

    fn user_count(&self) -> u32 {
        u32::try_from(self.users.len()).unwrap_or(u32::MAX)
    }

    fn users(&self, start: u32, count: u32) -> Vec<User> {
        // The real host answers at most a page per call; so does the fake, to catch plugins that
        // assume otherwise.
        let count = count.min(USER_PAGE) as usize;
        self.users.iter().skip(start as usize).take(count).cloned().collect()
    }

    fn placements(&self, start: u32, count: u32) -> Vec<Placement> {
        let at = |node: Option<&String>| {
            let node = node?;
            let index = self.servers.iter().position(|s| s.node_name == *node)?;
            u32::try_from(index).ok()
        };
        let count = count.min(PLACEMENT_PAGE) as usize;
        self.users
            .iter()
            .skip(start as usize)
            .take(count)
            .map(|u| Placement {
                home_node: at(u.home_node.as_ref()),
                presence_node: at(u.presence_node.as_ref().or(u.home_node.as_ref())),
            })
            .collect()
    }

    fn presence_address(&self, node: &str, domain: Option<&str>, user: Option<&str>) -> Presence {
        let key = (node.to_owned(), domain.map(str::to_owned), user.map(str::to_owned));
        if let Some(answer) = self.presences.get(&key) {
            return answer.clone();
        }
        let domain = domain.unwrap_or("PROXY_DOMAIN_NOT_SET");
        let (address, method) = if node.parse::<IpAddr>().is_ok() {
            (node.to_owned(), "ip")
        } else if node.ends_with(domain) {
            (node.to_owned(), "as-configured")
        } else {
            (format!("{node}.{domain}"), "appended")
        };
        let last_label = address.rsplit('.').next().unwrap_or_default();
        let bad_tld = last_label.is_empty()
            || last_label.bytes().all(|b| b.is_ascii_digit())
            || last_label == "PROXY_DOMAIN_NOT_SET";
        let verdict = if method != "ip" && bad_tld {
            "unusable"
        } else {
            "usable"
        };
        Presence {
            uri: user.map(|user| format!("{user}@{address}")),
            steps: vec![format!("fake derivation: {method} (not the core's logic)")],
            codes: Vec::new(),
            address,
            method: method.to_owned(),
            verdict: verdict.to_owned(),
        }
    }

    fn resolve(&self, name: &str, client: &str) -> Result<Resolution, String> {
        if let Some(answer) = self.resolutions.get(&(name.to_owned(), client.to_owned())) {
            return answer.clone();
        }
        let Some(profile) = self.clients.iter().find(|c| c.id == client) else {
            return Err(format!("unknown client `{client}`"));
        };
        let with_suffixes = profile
            .dns_suffixes
            .iter()
            .map(|s| format!("{name}.{}", s.trim_start_matches('.')));
        let queries: Vec<String> = if name.trim_end_matches('.').contains('.') {
            std::iter::once(name.to_owned()).chain(with_suffixes).collect()
        } else {
            with_suffixes.chain(std::iter::once(name.to_owned())).collect()
        };
        let mut resolution = Resolution::new(name, None);
        for query in queries {
            let found = self.dns.get(&normalize(&query)).cloned();
            let result = found.clone().unwrap_or_else(|| "NXDOMAIN".to_owned());
            resolution.attempts.push(Attempt::new(query, "dns", result));
            if found.is_some() {
                resolution.address = found;
                break;
            }
        }
        Ok(resolution)
    }

    fn route(&self, uri: &str) -> Result<Routing, String> {
        if let Some(answer) = self.routes.get(uri) {
            return answer.clone();
        }
        let rest = uri
            .strip_prefix("sip:")
            .or_else(|| uri.strip_prefix("sips:"))
            .ok_or_else(|| format!("`{uri}` is not a sip: or sips: URI"))?;
        let host_part = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
        let host = host_part.split([';', '?', ':', '>']).next().unwrap_or_default();
        if host.is_empty() {
            return Err(format!("`{uri}` has no host"));
        }
        let local = self
            .sip_proxy
            .proxy_domain
            .as_deref()
            .is_some_and(|d| d.eq_ignore_ascii_case(host));
        let mut routing = Routing::new(if local { "local" } else { "unroutable" });
        routing
            .trace
            .push(format!("fake routing of host `{host}` (not the core's logic)"));
        Ok(routing)
    }

    fn jabber_discovery(&self, client: &str, address: Option<&str>) -> Result<JabberDiscovery, String> {
        if let Some(answer) = self.sign_ins.get(&(client.to_owned(), address.map(str::to_owned))) {
            return answer.clone();
        }
        let Some(profile) = self.clients.iter().find(|c| c.id == client) else {
            return Err(format!("unknown client `{client}`"));
        };
        if !JABBER_KINDS.contains(&profile.kind.as_str()) {
            return Err(format!(
                "client profile `{client}` is `{}`: Jabber discovery is for {} profiles",
                profile.kind,
                JABBER_KINDS.join(", ")
            ));
        }
        let address = match address {
            Some(address) => address.to_owned(),
            None => format!(
                "USER@{}",
                self.domain
                    .as_deref()
                    .ok_or_else(|| format!("client profile `{client}` signs in at no domain: name the address"))?
            ),
        };
        let domain = match address.rsplit_once('@') {
            Some((user, domain)) if !user.is_empty() && domain.contains('.') => domain.trim_end_matches('.').to_owned(),
            _ => return Err(format!("`{address}` is not a sign-in address: expected user@domain")),
        };
        let mut answer = JabberDiscovery::failed(
            client,
            &profile.kind,
            &address,
            "manual",
            "Cannot find your services automatically",
        )
        .domains(&domain, &domain);
        if !profile.on_corporate_network {
            answer = answer.outside();
        }
        for (service, owner) in [
            ("_cisco-uds", "_cisco-uds._tcp"),
            ("_cuplogin", "_cuplogin._tcp"),
            ("_collab-edge", "_collab-edge._tls"),
        ] {
            let name = format!("{owner}.{domain}.");
            answer = answer.query(SrvQuery::new(service, name, "not-found", "no SRV records"));
        }
        Ok(answer
            .issue(Issue::new(
                "JAB002",
                crate::subject::CLIENT,
                client,
                format!("`{client}` finds no `_cisco-uds`, `_cuplogin` or `_collab-edge` record for `{domain}`"),
            ))
            .step("fake discovery: the fake DNS has no SRV records (not the core's logic)"))
    }
}

/// The client kinds that discover their services as Jabber does.
const JABBER_KINDS: [&str; 4] = ["jabber-windows", "jabber-mac", "jabber-mobile", "webex-app"];

/// Runs `P::check` against `deployment` and checks the plugin's rules and findings as the host
/// will; panics, naming every problem, when the host would reject something.
pub fn run<P: Plugin>(deployment: FakeDeployment, config: &Config) -> Vec<Finding> {
    let rules = P::rules();
    let mut problems = validate_rules(P::NAMESPACE, &rules);
    let findings = P::check(&deployment.context(), config);
    problems.extend(validate_findings(&rules, &findings));
    assert!(
        problems.is_empty(),
        "the host would reject this plugin's output:\n  {}",
        problems.join("\n  ")
    );
    findings
}

/// The codes of `findings`, in order (handy in assertions).
pub fn codes(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}

/// What the host would reject (or strip) in a namespace and its rules: a namespace that is not
/// `X-<VENDOR>`, codes outside it, malformed or repeated, control characters in the text.
/// The namespace and code rules are the host's own (`uclint-plugin-contract`).
pub fn validate_rules(namespace: &str, rules: &[Rule]) -> Vec<String> {
    let mut problems = Vec::new();
    if !uclint_plugin_contract::namespace_ok(namespace) {
        problems.push(format!(
            "namespace `{namespace}` is not `X-<VENDOR>` (upper-case letters, digits and inner dashes, \
             starting with a letter, at most 32 characters)"
        ));
    }
    let mut seen = BTreeMap::new();
    for rule in rules {
        if !uclint_plugin_contract::code_ok(&rule.code, namespace) {
            problems.push(format!(
                "rule code `{}` is not `{namespace}-<NAME>` (at most 64 characters)",
                rule.code
            ));
        }
        if seen.insert(rule.code.as_str(), ()).is_some() {
            problems.push(format!("rule code `{}` is declared twice", rule.code));
        }
        check_text(&mut problems, &rule.code, "title", &rule.title, false);
        check_text(&mut problems, &rule.code, "summary", &rule.summary, true);
        check_text(&mut problems, &rule.code, "docs", &rule.docs, true);
        check_fixes(&mut problems, &rule.code, &rule.fixes);
        if rule.title.trim().is_empty() {
            problems.push(format!("rule `{}` has no title", rule.code));
        }
    }
    problems
}

/// What the host would reject (or strip) in findings: codes the plugin did not declare, subject
/// kinds it does not know, control characters.
pub fn validate_findings(rules: &[Rule], findings: &[Finding]) -> Vec<String> {
    let mut problems = Vec::new();
    for finding in findings {
        if !rules.iter().any(|r| r.code == finding.code) {
            problems.push(format!(
                "finding code `{}` is not one of the plugin's rules",
                finding.code
            ));
        }
        if !crate::subject::ALL.contains(&finding.subject.kind.as_str()) {
            problems.push(format!(
                "`{}` subject kind `{}` is not one of {}",
                finding.code,
                finding.subject.kind,
                crate::subject::ALL.join(", ")
            ));
        }
        check_text(&mut problems, &finding.code, "message", &finding.message, false);
        check_text(
            &mut problems,
            &finding.code,
            "subject name",
            &finding.subject.name,
            false,
        );
        check_fixes(&mut problems, &finding.code, &finding.fixes);
    }
    problems
}

fn check_fixes(problems: &mut Vec<String>, code: &str, fixes: &[Fix]) {
    for fix in fixes {
        check_text(problems, code, "fix action", &fix.action, false);
        check_text(problems, code, "fix tradeoff", &fix.tradeoff, false);
    }
}

/// Control characters (C0, DEL, C1) and bidirectional overrides; multi-line text may hold `\n`
/// and `\t`.
fn check_text(problems: &mut Vec<String>, code: &str, field: &str, text: &str, multiline: bool) {
    if let Some(c) = text
        .chars()
        .find(|&c| uclint_plugin_contract::unsafe_char(c, multiline))
    {
        problems.push(format!(
            "`{code}` {field} holds control character U+{:04X}",
            u32::from(c)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Severity, Target};

    #[test]
    fn fake_resolve_tries_suffixes_first_for_dotless_names_and_lists_attempts() {
        let fake = FakeDeployment::new()
            .client(
                Client::new("vpn", "cupc")
                    .off_network()
                    .dns_suffix("isp.net")
                    .dns_suffix("acme.com"),
            )
            .dns("CUPS-1.acme.com.", "10.0.0.5");
        let context = fake.context();
        let resolution = context.resolve("cups-1", "vpn").unwrap();
        assert_eq!(resolution.address.as_deref(), Some("10.0.0.5"));
        assert_eq!(
            resolution.summary(),
            "cups-1.isp.net (dns: NXDOMAIN); cups-1.acme.com (dns: 10.0.0.5)"
        );
        let dotted = context.resolve("cups-1.acme.com", "vpn").unwrap();
        assert_eq!(dotted.attempts.len(), 1);
        assert_eq!(context.resolve("x", "nobody"), Err("unknown client `nobody`".into()));
    }

    #[test]
    fn placements_index_the_servers_and_agree_with_users() {
        let fake = FakeDeployment::new()
            .server(Server::new("cucm-1"))
            .server(Server::new("cups-1"))
            .server(Server::new("cups-2"))
            .user(User::new("a").home_node("cups-2"))
            .user(User::new("b").home_node("cups-1").presence_node("cups-2"))
            .user(User::new("c").home_node("gone"))
            .user(User::new("d"));
        let context = fake.context();
        let placements: Vec<Placement> = context.placements().collect();
        assert_eq!(
            placements,
            [
                Placement {
                    home_node: Some(2),
                    presence_node: Some(2)
                },
                Placement {
                    home_node: Some(1),
                    presence_node: Some(2)
                },
                Placement::default(),
                Placement::default(),
            ]
        );
        let servers = context.servers();
        for (user, placement) in context.users().zip(&placements) {
            let named = placement.presence_node.map(|i| servers[i as usize].node_name.as_str());
            let known = user.presence_node.or(user.home_node).filter(|n| n != "gone");
            assert_eq!(named, known.as_deref(), "{}", user.cucm_id);
        }
    }

    #[test]
    fn canned_answers_win() {
        let canned = Resolution::new("cups-1", Some("192.0.2.1")).attempt(Attempt::new("cups-1", "hosts", "192.0.2.1"));
        let fake = FakeDeployment::new()
            .client(Client::new("vpn", "cupc"))
            .resolution("cups-1", "vpn", Ok(canned.clone()))
            .presence(
                "cups-1",
                Some("acme.com"),
                None,
                Presence::new("odd", "appended", "unresolved"),
            )
            .route(
                "sip:bob@partner.com",
                Ok(Routing::new("static").target(Target::new("gw.partner.com", 5061))),
            );
        let context = fake.context();
        assert_eq!(context.resolve("cups-1", "vpn"), Ok(canned));
        assert_eq!(
            context.presence_address("cups-1", Some("acme.com"), None).verdict,
            "unresolved"
        );
        assert_eq!(context.route("sip:bob@partner.com").map(|r| r.targets.len()), Ok(1));
    }

    #[test]
    fn fake_presence_follows_d1_roughly() {
        let context = FakeDeployment::new().context();
        let appended = context.presence_address("cup1", Some("cisco.com"), Some("alice"));
        assert_eq!(
            (appended.address.as_str(), appended.method.as_str()),
            ("cup1.cisco.com", "appended")
        );
        assert_eq!(appended.uri.as_deref(), Some("alice@cup1.cisco.com"));
        assert!(appended.is_usable());
        assert!(context.presence_address("10.11.12.13", Some("cisco.com"), None).is_ip());
        assert!(!context.presence_address("cup1", Some("10.11.12.13"), None).is_usable());
        assert!(!context.presence_address("cup1.cisco.com", None, None).is_usable());
    }

    #[test]
    fn fake_route_is_local_for_the_proxy_domain_only() {
        let context = FakeDeployment::new().proxy_domain("acme.com").context();
        assert_eq!(
            context.route("sip:alice@ACME.com;transport=tcp").map(|r| r.decision),
            Ok("local".into())
        );
        assert_eq!(context.route("sip:bob@other.com").map(|r| r.is_routed()), Ok(false));
        assert!(context.route("mailto:bob@acme.com").is_err());
    }

    #[test]
    fn fake_jabber_discovery_refuses_what_the_core_refuses_and_finds_no_srv_record() {
        let fake = FakeDeployment::new()
            .domain("acme.com")
            .client(Client::new("road", "jabber-mac").off_network())
            .client(Client::new("desk", "cupc"));
        let context = fake.clone().context();
        let road = context.jabber_discovery("road", None).unwrap();
        assert_eq!(
            (road.address.as_str(), road.path.as_str(), road.signs_in),
            ("USER@acme.com", "manual", false)
        );
        assert!(road.is_outside());
        assert_eq!(road.message, "Cannot find your services automatically");
        assert_eq!(road.codes, ["JAB002"]);
        assert_eq!(road.queries.len(), 3);
        assert!(road.queries.iter().all(|q| !q.is_found()));
        let named = context.jabber_discovery("road", Some("jdoe@acme.eu")).unwrap();
        assert_eq!(named.lookup_domain.as_deref(), Some("acme.eu"));
        assert!(context.jabber_discovery("nobody", None).is_err());
        assert!(context.jabber_discovery("desk", None).unwrap_err().contains("`cupc`"));
        assert!(context.jabber_discovery("road", Some("jdoe")).is_err());
        assert!(context.jabber_discovery("road", Some("@acme.com")).is_err());
        let no_domain = FakeDeployment::new().client(Client::new("road", "jabber-mac"));
        assert!(no_domain.context().jabber_discovery("road", None).is_err());

        let mra = JabberDiscovery::signed_in("road", "jabber-mac", "jdoe@acme.com", "mra").outside();
        let canned = fake.jabber_discovery("road", Some("jdoe@acme.com"), Ok(mra.clone()));
        let context = canned.context();
        assert_eq!(context.jabber_discovery("road", Some("jdoe@acme.com")), Ok(mra));
        assert!(
            !context.jabber_discovery("road", None).unwrap().signs_in,
            "canned for one address only"
        );
    }

    #[test]
    fn the_bindings_are_generated_from_the_contract_version_s_wit() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let version = crate::CONTRACT_VERSION;
        let wit = std::fs::read_to_string(root.join(format!("../wit/v{version}/rule.wit"))).unwrap();
        assert!(wit.lines().any(|l| l == format!("package uclint:rule@{version};")));
        let bindings = std::fs::read_to_string(root.join("src/wasm.rs")).unwrap();
        assert!(bindings.contains(&format!("path: \"../wit/v{version}\"")));
    }

    #[test]
    fn validation_catches_what_the_host_rejects() {
        let rules = vec![
            Rule::new("X-ACME-OK1", "Fine", Severity::Info).docs("line one\nline two"),
            Rule::new("PRS001", "Built-in", Severity::Error),
            Rule::new("X-ACME-BAD", "Red \u{1b}[31m", Severity::Error),
            Rule::new("X-ACME-OK1", "Again", Severity::Info),
        ];
        let problems = validate_rules("X-ACME", &rules);
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert_eq!(validate_rules("acme", &[]).len(), 1);
        assert_eq!(validate_rules("X-2ACME", &[]).len(), 1);
        assert_eq!(validate_rules("X-ACME--CORP", &[]).len(), 1);
        assert!(validate_rules("X-ACME-2", &[]).is_empty());
        let findings = vec![
            Finding::new("X-OTHER-1", "server", "a\u{7}", "m"),
            Finding::new("X-ACME-OK1", "galaxy", "b", "right-to-left \u{202e}override"),
        ];
        assert_eq!(
            validate_findings(&rules, &findings).len(),
            4,
            "{:#?}",
            validate_findings(&rules, &findings)
        );
    }
}
