//! Off-site clients must resolve their users' home nodes (namespace `X-NETOPS`).
//!
//! CUPC 7.x, after the first login, replaces the login server with the user's home node's node
//! name (docs/derivations/implicit-names.md), and registers to the presence address the core derives from it (docs/derivations/presence-address.md).
//! At home or on VPN the client's DNS suffix list is the ISP's, so a bare node name that works
//! in the office stops resolving. This plugin asks the core how every off-site client profile
//! resolves each home node its users use, and the presence address of that node.
//!
//! Configuration (optional): `client-kinds`, the client kinds to check, comma-separated
//! (default `cupc`; `*` for every kind).

use std::collections::BTreeMap;

use uclint_plugin_sdk::{Client, Config, Context, Finding, Plugin, Resolution, Rule, Severity, subject};

/// An off-site client profile cannot resolve a home node (or its presence address).
pub const UNRESOLVED_HOME_NODE: &str = "X-NETOPS-VPN1";

/// How many user ids a finding names before it says "and N more".
const NAMED_USERS: usize = 3;

/// The plugin.
pub struct VpnResolvesHomeNodes;

impl Plugin for VpnResolvesHomeNodes {
    const NAMESPACE: &'static str = "X-NETOPS";

    fn rules() -> Vec<Rule> {
        vec![
            Rule::new(
                UNRESOLVED_HOME_NODE,
                "An off-site client cannot resolve its users' home node",
                Severity::Error,
            )
            .summary(
                "For every client profile off the corporate network (home, VPN), every CUPS home node \
                     its users are assigned to must resolve as that profile resolves names, and so must \
                     the node's presence address.",
            )
            .docs(
                "CUPC 7.x logs in to the user's home node by its node name after the first login, and \
                     registers presence to the address derived from that node name and the proxy domain. \
                     Off site, the DNS suffix list comes from the ISP (`isp.com`), so a bare node name \
                     such as `cups-1` is tried as `cups-1.isp.com` and fails: the user logs in once, then \
                     never again from home. Presence addresses the core already calls unusable are left \
                     to the built-in rule PRS001.",
            )
            .fix(
                "Push the corporate DNS suffix to VPN clients (split DNS)",
                "VPN concentrator change; clients off VPN still fail",
            )
            .fix(
                "Change the node name to its FQHN",
                "services restart; every client relearns the name",
            )
            .fix(
                "Hosts file entry on each client",
                "per machine; goes stale when addresses change",
            )
            .fix(
                "Change the node name to its IP address",
                "certificates and TLS names stop matching",
            ),
        ]
    }

    fn check(context: &Context, config: &Config) -> Vec<Finding> {
        let kinds = config.get_list("client-kinds").unwrap_or_else(|| vec!["cupc"]);
        let all_kinds = kinds.contains(&"*");
        let off_site: BTreeMap<&str, &Client> = context
            .clients()
            .iter()
            .filter(|c| !c.on_corporate_network)
            .filter(|c| all_kinds || kinds.iter().any(|k| k.eq_ignore_ascii_case(&c.kind)))
            .map(|c| (c.id.as_str(), c))
            .collect();
        if off_site.is_empty() {
            return Vec::new();
        }

        // (client, home node) -> the users who need it; users arrive page by page.
        let mut needed: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
        for user in context.users() {
            let Some(node) = user.home_node else { continue };
            for client in user.clients.iter().filter(|id| off_site.contains_key(id.as_str())) {
                needed
                    .entry((client.clone(), node.clone()))
                    .or_default()
                    .push(user.cucm_id.clone());
            }
        }

        let mut findings = Vec::new();
        for ((client_id, node), users) in &needed {
            let Some(client) = off_site.get(client_id.as_str()) else {
                continue;
            };
            if let Some(finding) = check_pair(context, client, node, users) {
                findings.push(finding);
            }
        }
        findings
    }
}

/// One finding when `client` cannot resolve `node` or its presence address.
fn check_pair(context: &Context, client: &Client, node: &str, users: &[String]) -> Option<Finding> {
    let mut failures: Vec<(String, Resolution)> = Vec::new();
    if !is_ip(node) {
        // An error means the core does not know the client: the built-in TOPO003 says so.
        let resolution = context.resolve(node, &client.id).ok()?;
        if !resolution.is_resolved() {
            failures.push((format!("home node `{node}`"), resolution));
        }
    }
    let presence = context.presence_address(node, context.proxy_domain(), None);
    if !presence.is_ip() && presence.verdict != "unusable" && presence.address != node {
        if let Ok(resolution) = context.resolve(&presence.address, &client.id) {
            if !resolution.is_resolved() {
                failures.push((format!("presence address `{}`", presence.address), resolution));
            }
        }
    }
    if failures.is_empty() {
        return None;
    }

    let who = match users.len() {
        1 => format!("user {}", users[0]),
        n if n <= NAMED_USERS => format!("{n} users ({})", users.join(", ")),
        n => format!(
            "{n} users ({}, and {} more)",
            users[..NAMED_USERS].join(", "),
            n - NAMED_USERS
        ),
    };
    let what = failures
        .iter()
        .map(|(name, resolution)| format!("{name}: tried {}", resolution.summary()))
        .collect::<Vec<_>>()
        .join("; ");
    let mut finding = Finding::new(
        UNRESOLVED_HOME_NODE,
        subject::CLIENT,
        &client.id,
        format!(
            "off-site client `{}` cannot resolve the home node of {who}: {what}",
            client.id
        ),
    );

    let domain = context.domain();
    let server = context.server(node);
    let fqhn = domain.filter(|_| !node.contains('.')).map(|d| format!("{node}.{d}"));
    if let Some(domain) = domain {
        let has_suffix = client
            .dns_suffixes
            .iter()
            .any(|s| s.trim_matches('.').eq_ignore_ascii_case(domain));
        if !has_suffix {
            finding = finding.fix(
                format!(
                    "Add `{domain}` to the DNS suffix list of `{}` (split DNS on the VPN)",
                    client.id
                ),
                "VPN concentrator change; clients off VPN still fail",
            );
        }
    }
    if let Some(fqhn) = &fqhn {
        finding = finding.fix(
            format!("Change the node name `{node}` to `{fqhn}`, with a DNS record reachable off site"),
            "services restart; every client relearns the name",
        );
    }
    let address = server.and_then(|s| s.addresses.first());
    if let Some(address) = address {
        finding = finding
            .fix(
                format!(
                    "Add `{address} {node}` to the hosts file of the clients of `{}`",
                    client.id
                ),
                "per machine; goes stale when addresses change",
            )
            .fix(
                format!("Change the node name `{node}` to `{address}`"),
                "certificates and TLS names stop matching",
            );
    }
    Some(finding)
}

fn is_ip(name: &str) -> bool {
    name.parse::<std::net::IpAddr>().is_ok()
}

uclint_plugin_sdk::export_plugin!(VpnResolvesHomeNodes);

#[cfg(test)]
mod tests {
    use uclint_plugin_sdk::testing::{FakeDeployment, codes, run};
    use uclint_plugin_sdk::{Attempt, Server, User};

    use super::*;

    /// Two CUPS nodes: `cups-1` bare (resolves only with the corporate suffix), `cups-2` an FQHN.
    fn acme() -> FakeDeployment {
        FakeDeployment::new()
            .domain("acme.com")
            .proxy_domain("acme.com")
            .server(Server::new("cups-1").role("cups").address("10.0.0.5"))
            .server(Server::new("cups-2.acme.com").role("cups").address("10.0.0.6"))
            .client(Client::new("office", "cupc").dns_suffix("acme.com"))
            .client(Client::new("home", "cupc").off_network().dns_suffix("isp.net"))
            .client(
                Client::new("vpn", "cupc")
                    .off_network()
                    .dns_suffix("isp.net")
                    .dns_suffix("acme.com"),
            )
            .client(Client::new("home-phone", "ip-phone").off_network())
            .dns("cups-1.acme.com", "10.0.0.5")
            .dns("cups-2.acme.com", "10.0.0.6")
    }

    fn user(id: &str, node: &str, clients: &[&str]) -> User {
        clients
            .iter()
            .fold(User::new(id).home_node(node), |user, client| user.client(*client))
    }

    #[test]
    fn home_profile_without_the_corporate_suffix_cannot_reach_a_bare_home_node() {
        let deployment = acme()
            .user(user("alice", "cups-1", &["office", "home", "vpn", "home-phone"]))
            .user(user("bob", "cups-1", &["home"]))
            .user(user("carol", "cups-2.acme.com", &["home", "vpn"]));
        let findings = run::<VpnResolvesHomeNodes>(deployment, &Config::new());
        assert_eq!(codes(&findings), [UNRESOLVED_HOME_NODE]);
        let finding = &findings[0];
        assert_eq!(finding.subject.name, "home");
        assert_eq!(
            finding.message,
            "off-site client `home` cannot resolve the home node of 2 users (alice, bob): home node `cups-1`: \
             tried cups-1.isp.net (dns: NXDOMAIN); cups-1 (dns: NXDOMAIN)"
        );
        let actions: Vec<&str> = finding.fixes.iter().map(|f| f.action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "Add `acme.com` to the DNS suffix list of `home` (split DNS on the VPN)",
                "Change the node name `cups-1` to `cups-1.acme.com`, with a DNS record reachable off site",
                "Add `10.0.0.5 cups-1` to the hosts file of the clients of `home`",
                "Change the node name `cups-1` to `10.0.0.5`",
            ]
        );
    }

    #[test]
    fn presence_address_is_resolved_too_and_every_kind_on_request() {
        // `cups-2.acme.com` resolves; its presence address under proxy domain `sip.acme.com`
        // (`cups-2.acme.com.sip.acme.com`) does not.
        let deployment =
            acme()
                .proxy_domain("sip.acme.com")
                .user(user("carol", "cups-2.acme.com", &["vpn", "home-phone"]));
        let findings = run::<VpnResolvesHomeNodes>(deployment.clone(), &Config::new());
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .contains("presence address `cups-2.acme.com.sip.acme.com`: tried"),
            "{}",
            findings[0].message
        );
        assert!(!findings[0].message.contains("home node `"), "the node itself resolves");

        let every_kind = run::<VpnResolvesHomeNodes>(deployment, &Config::new().set("client-kinds", "*"));
        assert_eq!(
            every_kind.iter().map(|f| f.subject.name.as_str()).collect::<Vec<_>>(),
            ["home-phone", "vpn"]
        );
    }

    #[test]
    fn canned_answers_and_many_users_across_pages() {
        let hosts_file =
            Resolution::new("cups-1", Some("10.0.0.5")).attempt(Attempt::new("cups-1", "hosts", "10.0.0.5"));
        let users = (0..25_000).map(|i| user(&format!("u{i:05}"), "cups-1", &["home", "vpn"]));
        let deployment = acme().users(users).resolution("cups-1", "vpn", Ok(hosts_file));
        let findings = run::<VpnResolvesHomeNodes>(deployment, &Config::new());
        assert_eq!(findings.len(), 1, "vpn resolves through its hosts file");
        assert!(
            findings[0]
                .message
                .contains("of 25000 users (u00000, u00001, u00002, and 24997 more)"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn nothing_to_say_when_everything_resolves_or_nobody_is_off_site() {
        let deployment = acme().user(user("carol", "cups-2.acme.com", &["home", "vpn"]));
        assert!(run::<VpnResolvesHomeNodes>(deployment, &Config::new()).is_empty());
        let office_only = acme().user(user("dave", "cups-1", &["office"]));
        assert!(run::<VpnResolvesHomeNodes>(office_only, &Config::new()).is_empty());
        let ip_node = acme().user(user("erin", "10.0.0.5", &["home"]));
        assert!(run::<VpnResolvesHomeNodes>(ip_node, &Config::new()).is_empty());
    }
}
