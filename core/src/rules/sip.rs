//! SIP: the SIP domain, static routes and where requests can go (docs/derivations/sip-routing.md).

use std::net::IpAddr;

use super::engine::{Context, Sink};
use crate::catalogue::Code;
use crate::dns::{AddressLookup, absolute, lookup_addresses};
use crate::model::{Path, Role};
use crate::report::{Subject, SubjectKind};
use crate::route::table::RouteTable;
use crate::route::{Decision, Router};

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
