//! SIP: the SIP domain, static routes and where requests can go (docs/derivations/sip-routing.md).

use crate::catalogue::{Code, Fix, RuleInfo, Service, Severity};

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
    RuleInfo {
        code: Code::SIP007,
        title: "a SIP next hop does not answer OPTIONS",
        severity: Severity::Error,
        checks: "Observed by `uclint probe`: a SIP OPTIONS request to the proxy or to a next hop that routing gives (static route or DNS) gets no answer, or the connection is refused, over the transport the route names.",
        why: "Requests routed to a next hop that does not answer time out: federation and routed calls fail, and with several next hops each request first waits for the dead one.",
        fixes: &[
            Fix::new(
                "Start the peer's SIP service, or open the firewall for its port and transport.",
                "None.",
            ),
            Fix::new(
                "Take the static route out of service, or fix the next hop's address, port or transport.",
                "Traffic for that pattern moves to the remaining routes, or stops.",
            ),
        ],
        service: None,
    },
    RuleInfo {
        code: Code::SIP008,
        title: "the proxy accepts REGISTER without a digest challenge",
        severity: Severity::Security,
        checks: "Observed by `uclint probe --user U`: a REGISTER without credentials, sent from the probing host as a query of the user's bindings (no Contact header, so nothing is registered), is answered 200 instead of 401/407.",
        why: "The proxy challenges every REGISTER unless the source matches the incoming ACL or the authentication module is off (AUTH002, AUTH003): anyone on that network can register as any user. A 401 or 407 confirms that a digest credential is needed, so AUTH001 applies to users without one.",
        fixes: &[
            Fix::new(
                "Narrow the incoming ACL so that user machines are challenged.",
                "Users without a digest credential then need one (AUTH001).",
            ),
            Fix::new(
                "Turn the authentication module on.",
                "Every user needs a digest credential.",
            ),
        ],
        service: Some(Service::Presence),
    },
];
