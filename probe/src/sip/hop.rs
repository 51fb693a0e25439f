//! Where the SIP probe sends OPTIONS: every CUPS node on its SIP ports, and every next hop of
//! an in-service static route, each (address or name, port, transport) once.

use std::collections::HashMap;
use std::net::IpAddr;

use uclint_core::model::{Deployment, Listener, Role, Server, Transport};
use uclint_core::report::{Subject, SubjectKind};

use crate::Target;

/// What a hop is to the deployment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// CUPS node `servers[index]`, on the port of `listener`.
    Node {
        /// Index in the deployment's servers.
        index: usize,
        /// The listener whose port is asked.
        listener: Listener,
    },
    /// The next hop of `sip_proxy.static_routes[index]`.
    Route {
        /// Index in the deployment's static routes.
        index: usize,
    },
    /// A next hop DNS gives for a destination domain (RFC 3263).
    Domain,
}

/// One place to send OPTIONS to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// What the observation is about.
    pub subject: Subject,
    /// What the hop is to the deployment.
    pub kind: Kind,
    /// The host as the deployment (or DNS) names it.
    pub host: String,
    /// Its address when known without asking DNS.
    pub address: Option<IpAddr>,
    /// The port.
    pub port: u16,
    /// The transport.
    pub transport: Transport,
    /// The name TLS asks for.
    pub sni: String,
    /// The other subjects that send to the same place, in words.
    pub also: Vec<String>,
}

/// Identical next hops: the same address (or name, before DNS), port and transport.
pub type Key = (String, u16, Transport);

impl Hop {
    /// The identity of the place it names.
    pub fn key(&self) -> Key {
        let place = match self.address {
            Some(address) => address.to_string(),
            None => self.host.trim_end_matches('.').to_ascii_lowercase(),
        };
        (place, self.port, self.transport)
    }

    /// The observation's target, before it is contacted.
    pub fn target(&self) -> Target {
        Target {
            host: self.host.clone(),
            address: self.address,
            port: Some(self.port),
            transport: Some(self.transport.as_str()),
        }
    }

    /// The subject in words, for another hop's evidence.
    pub fn described(&self) -> String {
        match self.kind {
            Kind::Node { .. } => format!("CUPS node `{}`", self.subject.name),
            Kind::Route { .. } => format!("static route `{}`", self.subject.name),
            Kind::Domain => format!("destination domain `{}`", self.subject.name),
        }
    }
}

/// Every CUPS node on its SIP port (UDP and TCP) and SIP-TLS port, then every in-service,
/// non-block static route's next hop; duplicates folded into the first.
pub fn planned(deployment: &Deployment) -> Vec<Hop> {
    let mut hops = Vec::new();
    for (index, server) in deployment.servers.iter().enumerate() {
        if !server.has_role(Role::Cups) {
            continue;
        }
        let listeners = [
            (Listener::Sip, Transport::Udp),
            (Listener::Sip, Transport::Tcp),
            (Listener::SipTls, Transport::Tls),
        ];
        for (listener, transport) in listeners {
            let Some(port) = server.port(listener) else {
                continue;
            };
            hops.push(Hop {
                subject: Subject::new(SubjectKind::Server, &server.node_name),
                kind: Kind::Node { index, listener },
                host: server.node_name.clone(),
                address: server.addresses.first().copied(),
                port,
                transport,
                sni: fqdn(deployment, server),
                also: Vec::new(),
            });
        }
    }
    for (index, route) in deployment.sip_proxy.static_routes.iter().enumerate() {
        let Some(next) = route.next_hop.as_deref().map(str::trim).filter(|h| !h.is_empty()) else {
            continue;
        };
        if !route.in_service || route.block {
            continue;
        }
        hops.push(Hop {
            subject: Subject::new(SubjectKind::Route, &route.pattern),
            kind: Kind::Route { index },
            host: next.to_owned(),
            address: next.trim_start_matches('[').trim_end_matches(']').parse().ok(),
            port: route.port,
            transport: route.transport,
            sni: next.trim_end_matches('.').to_owned(),
            also: Vec::new(),
        });
    }
    dedupe(hops)
}

/// The first hop of each key, the others named in its `also`.
pub fn dedupe(hops: Vec<Hop>) -> Vec<Hop> {
    let mut kept: Vec<Hop> = Vec::new();
    let mut seen: HashMap<Key, usize> = HashMap::new();
    for hop in hops {
        match seen.get(&hop.key()) {
            Some(&first) => {
                let also = hop.described();
                if !kept[first].also.contains(&also) && kept[first].described() != also {
                    kept[first].also.push(also);
                }
            }
            None => {
                seen.insert(hop.key(), kept.len());
                kept.push(hop);
            }
        }
    }
    kept
}

/// The name a node is known by over TLS: its host name in its domain (or the deployment's).
fn fqdn(deployment: &Deployment, server: &Server) -> String {
    let host = server.hostname();
    if host.contains('.') {
        return host.trim_end_matches('.').to_owned();
    }
    match server.domain.as_deref().or(deployment.domain.as_deref()) {
        Some(domain) if !domain.is_empty() => format!("{host}.{}", domain.trim_end_matches('.')),
        _ => host.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use uclint_core::model::{Ports, SipProxy, StaticRoute};

    use super::*;

    fn server(name: &str, roles: Vec<Role>, address: Option<&str>, ports: Ports) -> Server {
        Server {
            addresses: address.map(|a| a.parse().unwrap()).into_iter().collect(),
            ports,
            ..Server::new(name, roles)
        }
    }

    fn route(pattern: &str, next: &str, port: u16, transport: Transport) -> StaticRoute {
        StaticRoute {
            pattern: pattern.to_owned(),
            route_type: uclint_core::model::RouteType::Domain,
            next_hop: Some(next.to_owned()),
            port,
            transport,
            priority: 1,
            weight: 10,
            in_service: true,
            block: false,
            allow_less_specific: false,
            location: None,
        }
    }

    #[test]
    fn cups_nodes_on_their_ports_then_live_routes_each_once() {
        let mut deployment = Deployment {
            domain: Some("acme.com".to_owned()),
            ..Deployment::default()
        };
        let lab = Ports {
            sip: Some(61000),
            sip_tls: Some(61001),
            ..Ports::default()
        };
        deployment.servers = vec![
            server("ccm-1", vec![Role::Cucm], Some("10.0.0.1"), Ports::default()),
            server("cups-1", vec![Role::Cups], Some("127.0.0.1"), lab),
            server("cups-2", vec![Role::Cups], None, Ports::default()),
        ];
        let mut out_of_service = route(".org.*", "10.9.9.9", 5060, Transport::Udp);
        out_of_service.in_service = false;
        let mut block = route(".net.*", "10.9.9.8", 5060, Transport::Udp);
        block.block = true;
        deployment.sip_proxy = SipProxy {
            static_routes: vec![
                route(".com.peer.*", "127.0.0.1", 61000, Transport::Tcp),
                route(".com.other.*", "gw.Example.com.", 5060, Transport::Udp),
                route(".com.third.*", "gw.example.com", 5060, Transport::Udp),
                route(".com.fourth.*", "gw.example.com", 5060, Transport::Tcp),
                out_of_service,
                block,
            ],
            ..SipProxy::default()
        };
        let hops = planned(&deployment);
        let shown: Vec<String> = hops
            .iter()
            .map(|h| format!("{} {}:{} {}", h.subject.name, h.host, h.port, h.transport.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                "cups-1 cups-1:61000 udp",
                "cups-1 cups-1:61000 tcp",
                "cups-1 cups-1:61001 tls",
                "cups-2 cups-2:5060 udp",
                "cups-2 cups-2:5060 tcp",
                "cups-2 cups-2:5061 tls",
                ".com.other.* gw.Example.com.:5060 udp",
                ".com.fourth.* gw.example.com:5060 tcp",
            ]
        );
        assert_eq!(hops[1].also, ["static route `.com.peer.*`"]);
        assert_eq!(hops[6].also, ["static route `.com.third.*`"]);
        assert_eq!(hops[0].sni, "cups-1.acme.com");
        assert_eq!(hops[6].sni, "gw.Example.com");
    }
}
