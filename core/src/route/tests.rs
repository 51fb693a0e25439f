//! SIP routing end to end: one test per routing rule, then a table of mixed routes.

use super::{Decision, Origin, Router, Routing, route};
use crate::catalogue::Code;
use crate::dns::DnsView;
use crate::dns::zone::parse_zone;
use crate::model::{RouteType, SipProxy, StaticRoute, Transport};

const ZONE: &str = r#"
$ORIGIN example.com.
$TTL 300
@                 IN A     192.0.2.10
sip1              IN A     192.0.2.11
sip2              IN A     192.0.2.12
sip2              IN AAAA  2001:db8::12
sip3              IN A     192.0.2.13
_sips._tcp.tls    IN SRV   10 50 5061 sip1
tls               IN A     192.0.2.20
_sip._tcp.tcp     IN SRV   10 60 5060 sip1
_sip._tcp.tcp     IN SRV   10 40 5060 sip2
_sip._tcp.tcp     IN SRV   20 0  5060 sip3
_sip._udp.tcp     IN SRV   10 10 5060 sip3
_sip._udp.udp     IN SRV   5  10 5070 sip3
naptr             IN NAPTR 50 50 "s" "SIP+D2U" "" _sip._udp.naptr
naptr             IN NAPTR 90 50 "s" "SIP+D2T" "" _sip._tcp.naptr
naptr             IN NAPTR 10 50 "u" "E2U+sip" "!^.*$!sip:info@example.com!" .
_sip._udp.naptr   IN SRV   1 1 5090 sip2
_sip._tcp.naptr   IN SRV   1 1 5091 sip1
_sip._tcp.tcp     IN SRV   30 1 5060 ghost
none              IN SRV   0 0 0 .
_sips._tcp.none   IN SRV   0 0 0 .
partner           IN A     198.51.100.7
"#;

fn dns() -> DnsView {
    let mut view = DnsView::new();
    view.extend(parse_zone(ZONE, Some("example.com"), "test.zone").unwrap());
    view
}

fn static_route(pattern: &str, route_type: RouteType, hop: &str) -> StaticRoute {
    StaticRoute {
        pattern: pattern.to_owned(),
        route_type,
        next_hop: Some(hop.to_owned()),
        port: 5060,
        transport: Transport::Tcp,
        priority: 1,
        weight: 10,
        in_service: true,
        block: false,
        allow_less_specific: false,
        location: None,
    }
}

fn proxy(routes: Vec<StaticRoute>) -> SipProxy {
    SipProxy {
        proxy_domain: Some("acme.com".to_owned()),
        static_routes: routes,
        ..SipProxy::default()
    }
}

fn run(proxy: &SipProxy, uri: &str) -> Routing {
    route(proxy, uri, Some(&dns()), None).unwrap()
}

fn hosts(r: &Routing) -> Vec<String> {
    r.targets.iter().map(|t| format!("{}:{}", t.host, t.port)).collect()
}

#[test]
fn the_proxy_domain_is_local_whatever_its_case() {
    let p = proxy(vec![static_route(".com.acme.*", RouteType::Domain, "192.0.2.1")]);
    let r = run(&p, "sip:alice@ACME.Com");
    assert_eq!(r.decision, Decision::Local);
    assert!(r.targets.is_empty());
    assert_eq!(r.codes, [Code::SIP005], "the route shadowing the local domain is named");
    assert_eq!(run(&p, "sip:alice@acme.com.").decision, Decision::Local);
    assert_ne!(run(&p, "sip:alice@sales.acme.com").decision, Decision::Local);
}

#[test]
fn user_routes_match_digit_patterns() {
    let p = proxy(vec![static_route("4...", RouteType::User, "192.0.2.40")]);
    let r = run(&p, "sip:4001@partner.example.com");
    assert_eq!(r.decision, Decision::Static);
    assert_eq!(hosts(&r), ["192.0.2.40:5060"]);
    assert!(matches!(r.targets[0].origin, Origin::StaticRoute { index: 0, .. }));
    // Five digits do not match four dots: DNS takes over.
    assert_eq!(run(&p, "sip:40011@partner.example.com").decision, Decision::Dns);
}

#[test]
fn domain_routes_match_the_reversed_domain_and_below() {
    let p = proxy(vec![static_route(".com.example.*", RouteType::Domain, "192.0.2.50")]);
    assert_eq!(run(&p, "sip:bob@example.com").decision, Decision::Static);
    assert_eq!(run(&p, "sip:bob@EU.Example.COM").decision, Decision::Static);
    assert_eq!(run(&p, "sip:bob@notexample.com").decision, Decision::Unroutable);
}

#[test]
fn the_most_specific_route_wins() {
    let p = proxy(vec![
        static_route(".com.example.*", RouteType::Domain, "192.0.2.1"),
        static_route(".com.example.eu.*", RouteType::Domain, "192.0.2.2"),
        static_route("*", RouteType::Domain, "192.0.2.3"),
    ]);
    assert_eq!(hosts(&run(&p, "sip:bob@paris.eu.example.com")), ["192.0.2.2:5060"]);
    assert_eq!(hosts(&run(&p, "sip:bob@us.example.com")), ["192.0.2.1:5060"]);
    assert_eq!(hosts(&run(&p, "sip:bob@elsewhere.org")), ["192.0.2.3:5060"]);
}

#[test]
fn equally_specific_routes_go_by_priority() {
    let mut backup = static_route(".com.example.*", RouteType::Domain, "192.0.2.2");
    backup.priority = 2;
    let p = proxy(vec![
        backup,
        static_route(".com.example.*", RouteType::Domain, "192.0.2.1"),
    ]);
    let r = run(&p, "sip:bob@example.com");
    assert_eq!(hosts(&r), ["192.0.2.1:5060", "192.0.2.2:5060"]);
    assert_eq!((r.targets[0].priority, r.targets[1].priority), (1, 2));
}

#[test]
fn weight_is_a_share_within_a_priority() {
    let mut a = static_route(".com.example.*", RouteType::Domain, "192.0.2.1");
    a.weight = 30;
    let mut b = static_route(".com.example.*", RouteType::Domain, "192.0.2.2");
    b.weight = 90;
    let p = proxy(vec![a, b]);
    let r = run(&p, "sip:bob@example.com");
    assert_eq!(
        hosts(&r),
        ["192.0.2.2:5060", "192.0.2.1:5060"],
        "heaviest first without a seed"
    );
    assert_eq!(r.targets.iter().map(|t| t.share).collect::<Vec<_>>(), [0.75, 0.25]);
    // A seed draws one order and draws it again the same way.
    let router = Router::new(&p);
    let once = router.route("sip:bob@example.com", Some(&dns()), Some(3)).unwrap();
    let twice = router.route("sip:bob@example.com", Some(&dns()), Some(3)).unwrap();
    assert_eq!(hosts(&once), hosts(&twice));
    let orders: std::collections::BTreeSet<Vec<String>> = (0..50)
        .map(|seed| hosts(&router.route("sip:bob@example.com", Some(&dns()), Some(seed)).unwrap()))
        .collect();
    assert_eq!(orders.len(), 2, "both orders occur across seeds");
}

#[test]
fn out_of_service_routes_are_skipped() {
    let mut down = static_route(".com.example.eu.*", RouteType::Domain, "192.0.2.2");
    down.in_service = false;
    let p = proxy(vec![
        static_route(".com.example.*", RouteType::Domain, "192.0.2.1"),
        down,
    ]);
    let r = run(&p, "sip:bob@eu.example.com");
    assert_eq!(hosts(&r), ["192.0.2.1:5060"]);
    assert!(r.trace.iter().any(|s| s.found.contains("out of service")));
}

#[test]
fn block_routes_reject() {
    let mut block = static_route(".com.example.spam.*", RouteType::Domain, "");
    block.next_hop = None;
    block.block = true;
    let p = proxy(vec![
        static_route(".com.example.*", RouteType::Domain, "192.0.2.1"),
        block,
    ]);
    let r = run(&p, "sip:x@spam.example.com");
    assert_eq!(r.decision, Decision::Blocked);
    assert!(r.targets.is_empty());
    assert_eq!(run(&p, "sip:x@ham.example.com").decision, Decision::Static);
}

#[test]
fn allow_less_specific_adds_the_next_routes_as_fallback() {
    let mut specific = static_route(".com.example.eu.*", RouteType::Domain, "192.0.2.2");
    specific.allow_less_specific = true;
    let general = static_route(".com.example.*", RouteType::Domain, "192.0.2.1");
    let p = proxy(vec![general.clone(), specific.clone()]);
    let r = run(&p, "sip:bob@eu.example.com");
    assert_eq!(hosts(&r), ["192.0.2.2:5060", "192.0.2.1:5060"]);
    assert_eq!((r.targets[0].fallback, r.targets[1].fallback), (false, true));
    // Without the flag the less specific route never takes over.
    specific.allow_less_specific = false;
    let p = proxy(vec![general, specific]);
    assert_eq!(hosts(&run(&p, "sip:bob@eu.example.com")), ["192.0.2.2:5060"]);
}

#[test]
fn static_next_hops_that_do_not_resolve_are_named() {
    let p = proxy(vec![static_route(
        ".com.example.*",
        RouteType::Domain,
        "gw.nowhere.example.com",
    )]);
    let r = run(&p, "sip:bob@example.com");
    assert_eq!(r.decision, Decision::Static);
    assert_eq!(r.targets[0].address, None);
    assert_eq!(r.codes, [Code::SIP003]);
    let r = run(
        &proxy(vec![static_route(
            ".com.example.*",
            RouteType::Domain,
            "sip2.example.com",
        )]),
        "sip:b@example.com",
    );
    assert_eq!(r.targets[0].addresses.len(), 2, "A and AAAA");
}

#[test]
fn naptr_comes_first_in_order_then_its_srv() {
    let r = run(&proxy(vec![]), "sip:bob@naptr.example.com");
    assert_eq!(r.decision, Decision::Dns);
    // Order 50 (SIP+D2U) before 90 (SIP+D2T); the E2U record is not a SIP service.
    assert_eq!(hosts(&r), ["sip2.example.com.:5090"]);
    assert_eq!(r.targets[0].transport, Transport::Udp);
    assert!(r.trace.iter().any(|s| s.tried.starts_with("NAPTR")));
}

#[test]
fn srv_is_tried_sips_tcp_then_sip_tcp_then_sip_udp() {
    let r = run(&proxy(vec![]), "sip:bob@tls.example.com");
    assert_eq!(
        (hosts(&r), r.targets[0].transport),
        (vec!["sip1.example.com.:5061".to_owned()], Transport::Tls)
    );
    let r = run(&proxy(vec![]), "sip:bob@tcp.example.com");
    assert_eq!(r.targets[0].transport, Transport::Tcp);
    assert_eq!(
        hosts(&r),
        [
            "sip1.example.com.:5060",
            "sip2.example.com.:5060",
            "sip3.example.com.:5060",
            "ghost.example.com.:5060"
        ]
    );
    assert_eq!(
        r.targets.iter().map(|t| t.priority).collect::<Vec<_>>(),
        [10, 10, 20, 30]
    );
    assert_eq!(
        r.targets[3].address, None,
        "a target without address records stays listed, unresolved"
    );
    let r = run(&proxy(vec![]), "sip:bob@udp.example.com");
    assert_eq!(
        (hosts(&r), r.targets[0].transport),
        (vec!["sip3.example.com.:5070".to_owned()], Transport::Udp)
    );
}

#[test]
fn sips_uses_only_tls() {
    let r = run(&proxy(vec![]), "sips:bob@tcp.example.com");
    // No _sips._tcp record: the domain's own address on 5061 over TLS... which it lacks.
    assert_eq!(r.decision, Decision::Unroutable);
    let r = run(&proxy(vec![]), "sips:bob@example.com");
    assert_eq!(
        (hosts(&r), r.targets[0].transport),
        (vec!["example.com.:5061".to_owned()], Transport::Tls)
    );
}

#[test]
fn without_srv_the_domain_itself_on_the_default_port() {
    let r = run(&proxy(vec![]), "sip:bob@partner.example.com");
    assert_eq!(r.decision, Decision::Dns);
    assert_eq!(hosts(&r), ["partner.example.com.:5060"]);
    assert_eq!(r.targets[0].transport, Transport::Udp);
}

#[test]
fn an_explicit_port_or_transport_narrows_the_lookup() {
    let r = run(&proxy(vec![]), "sip:bob@tcp.example.com:5080");
    assert_eq!(
        r.decision,
        Decision::Unroutable,
        "a port skips SRV, and tcp.example.com has no A record"
    );
    let r = run(&proxy(vec![]), "sip:bob@partner.example.com:5080");
    assert_eq!(hosts(&r), ["partner.example.com.:5080"]);
    let r = run(&proxy(vec![]), "sip:bob@tcp.example.com;transport=udp");
    assert_eq!(
        (hosts(&r), r.targets[0].transport),
        (vec!["sip3.example.com.:5060".to_owned()], Transport::Udp)
    );
}

#[test]
fn an_srv_target_of_dot_means_no_service() {
    let r = run(&proxy(vec![]), "sips:bob@none.example.com");
    assert_eq!(r.decision, Decision::Unroutable);
    assert!(r.trace.iter().any(|s| s.found.contains("decidedly not available")));
}

#[test]
fn ip_hosts_need_no_dns() {
    let r = route(&proxy(vec![]), "sip:bob@192.0.2.99:5062", None, None).unwrap();
    assert_eq!(
        (r.decision, hosts(&r)),
        (Decision::Dns, vec!["192.0.2.99:5062".to_owned()])
    );
    let r = route(&proxy(vec![]), "sips:bob@[2001:db8::1]", None, None).unwrap();
    assert_eq!(r.targets[0].port, 5061);
}

#[test]
fn nothing_found_is_unroutable() {
    let r = run(&proxy(vec![]), "sip:bob@nowhere.invalid");
    assert_eq!(r.decision, Decision::Unroutable);
    assert_eq!(r.codes, [Code::SIP002]);
    let r = route(&proxy(vec![]), "sip:bob@partner.example.com", None, None).unwrap();
    assert_eq!(r.decision, Decision::Unroutable, "no DNS in use");
    let r = route(&proxy(vec![]), "tel:+14085551234", None, None).unwrap();
    assert_eq!(r.decision, Decision::Unroutable);
}

#[test]
fn unparseable_uris_are_errors() {
    assert!(route(&proxy(vec![]), "mailto:bob@example.com", None, None).is_err());
    assert!(route(&proxy(vec![]), "sip:bob@exa mple.com", None, None).is_err());
}

/// A mixed table: user and domain routes, wildcards, priorities, blocks, out of service.
#[test]
fn mixed_routes_table() {
    let mut routes = vec![
        static_route("9*", RouteType::User, "192.0.2.90"), // #1 outside line
        static_route("91408.......", RouteType::User, "192.0.2.91"), // #2 local calls, more specific
        static_route("4...", RouteType::User, "192.0.2.40"), // #3 extensions
        static_route(".com.example.*", RouteType::Domain, "192.0.2.1"), // #4
        static_route(".com.example.eu", RouteType::Domain, "192.0.2.2"), // #5 exact
        static_route(".org.*", RouteType::Domain, "192.0.2.3"), // #6
        static_route(".org.blocked.*", RouteType::Domain, ""), // #7 block
        static_route(".net.partner.*", RouteType::Domain, "192.0.2.5"), // #8 out of service
        static_route("*", RouteType::Domain, "192.0.2.99"), // #9 default
    ];
    routes[6].block = true;
    routes[6].next_hop = None;
    routes[7].in_service = false;
    let p = proxy(routes);
    let table: &[(&str, Decision, &[&str])] = &[
        (
            "sip:914085551234@pstn.example.net",
            Decision::Static,
            &["192.0.2.91:5060"],
        ),
        (
            "sip:9011441234@pstn.example.net",
            Decision::Static,
            &["192.0.2.90:5060"],
        ),
        ("sip:4001@example.com", Decision::Static, &["192.0.2.40:5060"]),
        ("sip:alice@eu.example.com", Decision::Static, &["192.0.2.2:5060"]),
        ("sip:alice@fr.eu.example.com", Decision::Static, &["192.0.2.1:5060"]),
        ("sip:alice@x.org", Decision::Static, &["192.0.2.3:5060"]),
        ("sip:alice@spam.blocked.org", Decision::Blocked, &[]),
        ("sip:alice@sip.partner.net", Decision::Static, &["192.0.2.99:5060"]),
        ("sip:alice@acme.com", Decision::Local, &[]),
        ("sip:alice@192.0.2.200", Decision::Static, &["192.0.2.99:5060"]),
    ];
    for (uri, decision, want) in table {
        let r = run(&p, uri);
        assert_eq!(
            (r.decision, hosts(&r)),
            (*decision, want.iter().map(|s| (*s).to_owned()).collect()),
            "{uri}"
        );
    }
}
