//! SIP routing, step by step: local domain, static routes, RFC 3263, unroutable.

use std::net::IpAddr;

use super::outcome::{Decision, Origin, Routing, Target, Trace};
use super::rfc3263::{self, Request, addresses_of, default_port};
use super::table::RouteTable;
use super::uri::{Scheme, Uri, UriError};
use super::weighted;
use crate::catalogue::Code;
use crate::dns::{Resolver, absolute};
use crate::model::{SipProxy, StaticRoute, Transport};

/// A proxy's routing, with its static routes indexed once for many requests.
#[derive(Debug)]
pub struct Router<'a> {
    proxy: &'a SipProxy,
    table: RouteTable,
}

/// Route one request URI through `proxy` (for many, build a [`Router`] once).
pub fn route(proxy: &SipProxy, uri: &str, dns: Option<&dyn Resolver>, seed: Option<u64>) -> Result<Routing, UriError> {
    Router::new(proxy).route(uri, dns, seed)
}

impl<'a> Router<'a> {
    /// Index `proxy`'s static routes.
    pub fn new(proxy: &'a SipProxy) -> Self {
        Self {
            proxy,
            table: RouteTable::new(&proxy.static_routes),
        }
    }

    /// Parse `uri` and route it. `dns` is the deployment's DNS data or live DNS (`None`: no DNS in
    /// use); `seed` draws one concrete weighted order among targets of equal priority.
    pub fn route(&self, uri: &str, dns: Option<&dyn Resolver>, seed: Option<u64>) -> Result<Routing, UriError> {
        let parsed = Uri::parse_request_uri(uri)?;
        Ok(self.route_parsed(uri, &parsed, dns, seed))
    }

    /// Route an already parsed URI (`text` is how it was written, for the answer).
    pub fn route_parsed(&self, text: &str, uri: &Uri, dns: Option<&dyn Resolver>, seed: Option<u64>) -> Routing {
        let mut trace = Trace::default();
        let (decision, mut targets) = self.decide(uri, dns, &mut trace);
        weighted::order(&mut targets, seed);
        Routing {
            uri: text.to_owned(),
            decision,
            targets,
            trace: trace.steps,
            codes: trace.codes,
        }
    }

    fn decide(&self, uri: &Uri, dns: Option<&dyn Resolver>, trace: &mut Trace) -> (Decision, Vec<Target>) {
        // A tel: URI's phone-context names a numbering plan, not a host to send to.
        let host = if uri.scheme == Scheme::Tel {
            None
        } else {
            uri.host_str()
        };
        let user = uri.user_part();
        let secure = uri.scheme == Scheme::Sips;
        trace.step(
            "parse the request URI",
            format!(
                "scheme {}, user {}, host {}{}",
                uri.scheme,
                user.map_or_else(|| "(none)".to_owned(), |u| format!("`{u}`")),
                host.as_deref()
                    .map_or_else(|| "(none)".to_owned(), |h| format!("`{h}`")),
                uri.port.map(|p| format!(", port {p}")).unwrap_or_default()
            ),
        );

        let transport = match uri.transport() {
            None => None,
            Some(t) => match transport_of(t, secure) {
                Some(t) => Some(t),
                None => {
                    trace.step(
                        format!("transport `{t}`"),
                        "not a transport the CUPS proxy routes (udp, tcp, tls): unroutable",
                    );
                    trace.code(Code::SIP002);
                    return (Decision::Unroutable, Vec::new());
                }
            },
        };

        // 2. The proxy's own domain.
        match (
            host.as_deref(),
            self.proxy.proxy_domain.as_deref().filter(|d| !d.is_empty()),
        ) {
            (Some(host), Some(domain)) if same_domain(host, domain) => {
                trace.step(
                    format!("compare `{host}` with the proxy domain `{domain}`"),
                    "equal (SIP compares hosts ignoring case): handled locally",
                );
                for i in self.table.domain_matches(host) {
                    let route = &self.proxy.static_routes[i as usize];
                    trace.step(
                        format!("static route #{} `{}`", i + 1, route.pattern),
                        "matches the proxy's own domain but never applies to it (SIP005)",
                    );
                    trace.code(Code::SIP005);
                }
                return (Decision::Local, Vec::new());
            }
            (Some(host), Some(domain)) => trace.step(
                format!("compare `{host}` with the proxy domain `{domain}`"),
                "different: not local",
            ),
            (_, None) => trace.step(
                "compare with the proxy domain",
                "the proxy domain is not set: not local",
            ),
            (None, Some(_)) => trace.step("compare with the proxy domain", "the URI has no host: not local"),
        }

        // 3. Static routes.
        if let Some(targets) = self.static_routes(user, host.as_deref(), dns, trace) {
            return targets;
        }

        // 4. DNS.
        let Some(host) = host else {
            trace.step("DNS", "a tel: URI has no domain to look up");
            trace.code(Code::SIP002);
            return (Decision::Unroutable, Vec::new());
        };
        if let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
            let transport = transport.unwrap_or(if secure { Transport::Tls } else { Transport::Udp });
            let port = uri.port.unwrap_or(default_port(transport));
            trace.step(format!("host `{host}`"), "an IP address: no DNS lookup (RFC 3263 §4.2)");
            return (
                Decision::Dns,
                vec![Target {
                    host: host.clone(),
                    address: Some(ip),
                    addresses: vec![ip],
                    port,
                    transport,
                    priority: 0,
                    weight: 0,
                    share: 0.0,
                    origin: Origin::Literal,
                    fallback: false,
                }],
            );
        }
        let Some(dns) = dns else {
            trace.step(format!("DNS for `{host}`"), "no DNS in use in this deployment");
            trace.code(Code::SIP002);
            return (Decision::Unroutable, Vec::new());
        };
        let request = Request {
            domain: &host,
            secure,
            port: uri.port,
            transport,
        };
        let targets = rfc3263::targets(&request, dns, trace);
        if targets.is_empty() {
            // 5. Nothing.
            trace.step(
                format!("route `{host}`"),
                "no static route, SRV or address record: unroutable (the proxy treats it as a foreign domain)",
            );
            trace.code(Code::SIP002);
            return (Decision::Unroutable, Vec::new());
        }
        (Decision::Dns, targets)
    }

    /// The static-route answer, or `None` when no in-service route matches.
    fn static_routes(
        &self,
        user: Option<&str>,
        host: Option<&str>,
        dns: Option<&dyn Resolver>,
        trace: &mut Trace,
    ) -> Option<(Decision, Vec<Target>)> {
        let routes = &self.proxy.static_routes;
        let user_hits = user.map(|u| self.table.user_matches(u, routes)).unwrap_or_default();
        let domain_hits = host.map(|h| self.table.domain_matches(h)).unwrap_or_default();
        // Decision (beyond the notes): user routes name a number, so they are tried before domain
        // routes; within each type the most specific pattern wins.
        let mut groups = Vec::new();
        for (kind, hits) in [("user", user_hits), ("domain", domain_hits)] {
            let mut live = Vec::new();
            for i in hits {
                let route = &routes[i as usize];
                if route.in_service {
                    live.push(i);
                } else {
                    trace.step(
                        format!("static {kind} route #{} `{}`", i + 1, route.pattern),
                        "matches but is out of service: skipped",
                    );
                }
            }
            live.sort_by_key(|&i| (std::cmp::Reverse(self.table.specificity(i)), i));
            for chunk in live.chunk_by(|&a, &b| self.table.specificity(a) == self.table.specificity(b)) {
                groups.push(chunk.to_vec());
            }
        }
        if groups.is_empty() {
            trace.step("static routes", "none in service matches");
            return None;
        }

        let mut targets = Vec::new();
        for (level, group) in groups.iter().enumerate() {
            let names = group
                .iter()
                .map(|&i| format!("#{} `{}`", i + 1, routes[i as usize].pattern))
                .collect::<Vec<_>>()
                .join(", ");
            let fallback = level > 0;
            if let Some(&block) = group.iter().find(|&&i| routes[i as usize].block) {
                let route = &routes[block as usize];
                if !fallback {
                    trace.step(
                        format!("most specific static routes: {names}"),
                        format!(
                            "#{} `{}` is a block route: the request is rejected",
                            block + 1,
                            route.pattern
                        ),
                    );
                    return Some((Decision::Blocked, Vec::new()));
                }
                trace.step(
                    format!("less specific static routes: {names}"),
                    format!(
                        "#{} `{}` blocks: no fallback beyond this point",
                        block + 1,
                        route.pattern
                    ),
                );
                break;
            }
            trace.step(
                format!(
                    "{} static routes: {names}",
                    if fallback { "less specific" } else { "most specific" }
                ),
                if fallback {
                    "take over when the routes above fail"
                } else {
                    "chosen"
                },
            );
            for &i in group {
                if let Some(target) = static_target(i as usize, &routes[i as usize], fallback, dns, trace) {
                    targets.push(target);
                }
            }
            if !group.iter().any(|&i| routes[i as usize].allow_less_specific) {
                break;
            }
        }
        Some((Decision::Static, targets))
    }
}

/// The next hop of one static route, resolved when it is a name.
fn static_target(
    index: usize,
    route: &StaticRoute,
    fallback: bool,
    dns: Option<&dyn Resolver>,
    trace: &mut Trace,
) -> Option<Target> {
    let Some(hop) = route.next_hop.as_deref().filter(|h| !h.is_empty()) else {
        trace.step(
            format!("static route #{} `{}`", index + 1, route.pattern),
            "has no next hop: skipped",
        );
        return None;
    };
    let addresses = match hop.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => match (dns, absolute(hop)) {
            (Some(dns), Ok(name)) => addresses_of(&name, dns, &dns.source(), trace),
            (None, _) => {
                trace.step(format!("resolve next hop `{hop}`"), "no DNS in use: it cannot resolve");
                Vec::new()
            }
            (_, Err(_)) => {
                trace.step(format!("resolve next hop `{hop}`"), "not a valid DNS name");
                Vec::new()
            }
        },
    };
    if addresses.is_empty() {
        trace.code(Code::SIP003);
    }
    Some(Target {
        host: hop.to_owned(),
        address: addresses.first().copied(),
        addresses,
        port: route.port,
        transport: route.transport,
        priority: route.priority,
        weight: route.weight,
        share: 0.0,
        origin: Origin::StaticRoute {
            index,
            pattern: route.pattern.clone(),
        },
        fallback,
    })
}

/// `transport=` parameter to a transport the proxy routes (`sips:` always means TLS).
fn transport_of(param: &str, secure: bool) -> Option<Transport> {
    match param.to_ascii_lowercase().as_str() {
        "udp" if !secure => Some(Transport::Udp),
        "tcp" if secure => Some(Transport::Tls),
        "tcp" => Some(Transport::Tcp),
        "tls" => Some(Transport::Tls),
        _ => None,
    }
}

/// Host comparison: case-insensitive, a trailing dot ignored.
fn same_domain(a: &str, b: &str) -> bool {
    a.trim_end_matches('.').eq_ignore_ascii_case(b.trim_end_matches('.'))
}
