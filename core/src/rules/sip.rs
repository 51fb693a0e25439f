//! SIP: the SIP domain, static routes and where requests can go (SPEC D4).

use std::net::IpAddr;

use super::Code;
use super::engine::{Context, Sink};
use super::registry::{RuleInfo, Service};
use crate::dns::{AddressLookup, absolute, lookup_addresses};
use crate::model::{Path, Role};
use crate::report::{Fix, Severity, Subject, SubjectKind};
use crate::route::table::RouteTable;
use crate::route::{Decision, Router};

/// The SIP rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::SIP001,
        title: "SIP domain differs from the DNS domain of the presence nodes",
        severity: Severity::Warning,
        checks: "The SIP proxy domain is not the DNS domain the CUPS nodes live in.",
        why: "The SIP domain is application-layer and need not match DNS, but in most deployments it has to: CUPC derives the presence address from it, and peers find the proxy through DNS records of the SIP domain. Matching them is strongly recommended.",
        fixes: &[Fix::new(
            "Make the proxy domain and the DNS domain the same.",
            "Changes users' SIP URIs.",
        )],
        service: Some(Service::Presence),
    },
    RuleInfo {
        code: Code::SIP002,
        title: "a destination domain has no static route, SRV or A record",
        severity: Severity::Error,
        checks: "A domain the deployment sends requests to matches no in-service static route and has no SIP SRV, NAPTR or address records.",
        why: "The proxy routes a foreign domain by static route, then by SRV records (RFC 3263), then by A records; with none of them the request is unroutable and dropped.",
        fixes: &[
            Fix::new(
                "Add a static route for the domain.",
                "Maintained by hand when the peer moves.",
            ),
            Fix::new(
                "Publish (or ask the peer to publish) `_sip._tcp` SRV records.",
                "Depends on DNS the peer controls.",
            ),
        ],
        service: None,
    },
    RuleInfo {
        code: Code::SIP003,
        title: "a static route's next hop does not resolve",
        severity: Severity::Error,
        checks: "A static route's next hop is a host name that the DNS data does not resolve.",
        why: "Static routes may name an FQHN or an IP; a name that does not resolve makes the route a dead end.",
        fixes: &[
            Fix::new("Fix the DNS record of the next hop.", "None."),
            Fix::new(
                "Use the next hop's IP address.",
                "Renumbering the peer means editing the route.",
            ),
        ],
        service: None,
    },
    RuleInfo {
        code: Code::SIP004,
        title: "duplicate static routes where one is out of service or blocked",
        severity: Severity::Warning,
        checks: "Two static routes share pattern, type and priority, and one of them is out of service or a block route.",
        why: "Leftovers from migrations: which one wins is not obvious to the next administrator, and a block route silently rejects what the other would carry.",
        fixes: &[Fix::new("Remove the stale route.", "None.")],
        service: None,
    },
    RuleInfo {
        code: Code::SIP005,
        title: "a static route shadows the local domain",
        severity: Severity::Error,
        checks: "A domain static route's pattern matches the proxy's own SIP domain.",
        why: "Requests for the local domain should be handled locally; a route that matches it invites loops or sends local users' traffic away.",
        fixes: &[Fix::new("Remove the route or narrow its pattern.", "None.")],
        service: Some(Service::Presence),
    },
    RuleInfo {
        code: Code::SIP006,
        title: "no DNS in use: every client needs a hosts file",
        severity: Severity::Info,
        checks: "The deployment describes no DNS at all.",
        why: "Without DNS, features may or may not work: CUPC 1.2.x presence works without resolving the presence FQHN, 7.0.x does not. Every client then needs a hosts file naming every node.",
        fixes: &[Fix::new(
            "Deploy DNS, or keep hosts files on every client.",
            "Hosts files on every machine are hard to keep current.",
        )],
        service: None,
    },
];

/// Run the SIP rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let proxy = &cx.deployment.sip_proxy;
    let routes_path = Path::default().key("sip_proxy").key("static_routes");
    if cx.dns.is_none() {
        out.emit(
            Code::SIP006,
            Subject::new(SubjectKind::Deployment, ""),
            None,
            "the deployment uses no DNS: every client needs a hosts file naming every node",
        );
    }
    if let Some(domain) = proxy.proxy_domain.as_deref().filter(|d| !d.is_empty()) {
        sip001(cx, out, domain);
        let mut shadowing = RouteTable::new(&proxy.static_routes).domain_matches(domain);
        shadowing.sort_unstable();
        for route in shadowing
            .into_iter()
            .filter_map(|i| proxy.static_routes.get(i as usize))
        {
            out.emit(
                Code::SIP005,
                Subject::new(SubjectKind::Route, &route.pattern),
                route.location.clone(),
                format!(
                    "static route `{}` matches the proxy's own domain `{domain}`",
                    route.pattern
                ),
            );
        }
    }
    for (i, a) in proxy.static_routes.iter().enumerate() {
        for b in &proxy.static_routes[i + 1..] {
            let same =
                a.pattern.eq_ignore_ascii_case(&b.pattern) && a.route_type == b.route_type && a.priority == b.priority;
            if let (true, Some(stale)) = (same, [a, b].into_iter().find(|r| !r.in_service || r.block)) {
                let why = if stale.block { "a block route" } else { "out of service" };
                out.emit(
                    Code::SIP004,
                    Subject::new(SubjectKind::Route, &stale.pattern),
                    stale.location.clone(),
                    format!(
                        "two static routes for `{}` at priority {}, one of them {why}",
                        a.pattern, a.priority
                    ),
                );
            }
        }
    }
    let Some(dns) = cx.dns else {
        out.skip(Code::SIP002, "the deployment describes no DNS data");
        out.skip(Code::SIP003, "the deployment describes no DNS data");
        return;
    };
    for (i, route) in proxy.static_routes.iter().enumerate() {
        let Some(hop) = route.next_hop.as_deref().filter(|_| !route.block) else {
            continue;
        };
        if hop.parse::<IpAddr>().is_ok() {
            continue;
        }
        let found = absolute(hop).map(|name| lookup_addresses(dns, &name));
        if !matches!(found, Ok(AddressLookup::Found(_))) {
            out.emit(
                Code::SIP003,
                Subject::new(SubjectKind::Route, &route.pattern),
                cx.locate(&routes_path.clone().index(i).key("next_hop")),
                format!(
                    "static route `{}` sends to `{hop}`, which does not resolve",
                    route.pattern
                ),
            );
        }
    }
    // SIP002 asks the router itself, so the rule and `uclint route` can never disagree.
    let router = Router::new(proxy);
    for (i, domain) in proxy.destinations.iter().enumerate() {
        let decision = router
            .route(&format!("sip:{}", domain.trim_end_matches('.')), Some(dns), None)
            .map(|r| r.decision);
        let why = match decision {
            Ok(Decision::Unroutable) => "no static route, no SIP SRV or NAPTR record and no address record",
            Err(_) => "it is not a valid SIP domain",
            Ok(_) => continue,
        };
        out.emit(
            Code::SIP002,
            Subject::new(SubjectKind::Domain, domain),
            cx.locate(&Path::default().key("sip_proxy").key("destinations").index(i)),
            format!("requests to `{domain}` are unroutable: {why}"),
        );
    }
}

fn sip001(cx: &Context<'_>, out: &mut Sink<'_>, proxy_domain: &str) {
    let mut domains: Vec<String> = cx
        .deployment
        .servers_with(Role::Cups)
        .filter_map(|s| {
            let from_name = s
                .node_name
                .split_once('.')
                .filter(|_| s.node_name.parse::<IpAddr>().is_err())
                .map(|(_, d)| d);
            s.domain
                .as_deref()
                .or(from_name)
                .or(cx.deployment.domain.as_deref())
                .map(|d| d.trim_end_matches('.').to_ascii_lowercase())
        })
        .collect();
    domains.sort_unstable();
    domains.dedup();
    let differing: Vec<&String> = domains
        .iter()
        .filter(|d| !d.eq_ignore_ascii_case(proxy_domain.trim_end_matches('.')))
        .collect();
    if !differing.is_empty() {
        let list: Vec<&str> = differing.iter().map(|d| d.as_str()).collect();
        out.emit(
            Code::SIP001,
            Subject::new(SubjectKind::SipProxy, proxy_domain),
            cx.locate(&Path::default().key("sip_proxy").key("proxy_domain")),
            format!(
                "the SIP domain `{proxy_domain}` differs from the presence nodes' DNS domain {}",
                list.join(", ")
            ),
        );
    }
}
