//! Which DNS server a profile asks. Where it is decides: inside, the command line's
//! `--dns-server`; outside, its `--public-dns-server`. Without that flag, the first of the
//! profile's own `dns_servers` (as a client asks its primary first), and inside, else the system's
//! resolvers. Outside with neither, nothing is asked: the resolvers of the machine running the
//! probe are usually the corporate ones, and would answer as inside.

use std::net::SocketAddr;
use std::sync::Arc;

use uclint_core::derive::jabber::Place;
use uclint_core::model::Client;

use crate::dns::LiveDns;
use crate::{Context, ProbeRequest, Target};

/// The port a profile's own DNS servers are asked on: a profile lists addresses only.
const DNS_PORT: u16 = 53;

/// The DNS server one profile asks, and why that one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Inside or outside the corporate network.
    pub place: Place,
    /// The server (none: the system's resolvers).
    pub server: Option<SocketAddr>,
    /// Why this server, for the evidence.
    pub why: String,
}

/// The server `client` asks where it is, or none when nothing says which (outside only).
pub fn choose(request: &ProbeRequest, client: &Client, place: Place) -> Option<View> {
    let (flag, given) = match place {
        Place::Inside => ("--dns-server", request.dns_server),
        Place::Outside => ("--public-dns-server", request.public_dns_server),
    };
    let view = |server: Option<SocketAddr>, why: String| View { place, server, why };
    if let Some(server) = given {
        return Some(view(Some(server), format!("{flag} {server}")));
    }
    if let Some(first) = client.dns_servers.first() {
        let server = SocketAddr::new(*first, DNS_PORT);
        return Some(view(
            Some(server),
            format!("the first of the profile's `dns_servers`, {server} (no {flag})"),
        ));
    }
    (place == Place::Inside).then(|| {
        view(
            None,
            "the system's resolvers (no --dns-server, no `dns_servers` on the profile)".to_owned(),
        )
    })
}

impl View {
    /// The resolver to ask: the run's own when it is the same server, else one of its own.
    pub fn resolver(&self, cx: &Context) -> Result<Arc<LiveDns>, String> {
        if self.server == cx.request.dns_server {
            return Ok(Arc::clone(&cx.dns));
        }
        LiveDns::in_runtime(self.server, cx.request.timeout).map(Arc::new)
    }

    /// Where the questions go, as an observation's target.
    pub fn target(&self, cx: &Context) -> Target {
        match self.server {
            Some(server) => Target {
                host: server.ip().to_string(),
                address: Some(server.ip()),
                port: Some(server.port()),
                transport: Some("udp"),
            },
            None => Target::named(cx.dns.label()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, Ipv4Addr};

    use uclint_core::model::{Deployment, Format};
    use uclint_core::source::NoFiles;

    use super::*;

    fn client(dns_servers: &str) -> Client {
        let text = format!("[[clients]]\nid = \"j\"\nkind = \"jabber-mac\"\n{dns_servers}");
        let deployment = Deployment::load(&text, Format::Toml, "d.toml", &NoFiles).unwrap_or_else(|e| panic!("{e}"));
        deployment.clients[0].clone()
    }

    fn at(port: u16) -> SocketAddr {
        SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port)
    }

    #[test]
    fn the_flag_of_the_place_wins_over_the_profile_s_servers() {
        let request = ProbeRequest {
            dns_server: Some(at(5300)),
            public_dns_server: Some(at(5301)),
            ..ProbeRequest::default()
        };
        let listed = client("dns_servers = [\"127.0.0.9\"]\n");
        let inside = choose(&request, &listed, Place::Inside).unwrap();
        assert_eq!(inside.server, Some(at(5300)));
        assert!(inside.why.starts_with("--dns-server"), "{}", inside.why);
        let outside = choose(&request, &listed, Place::Outside).unwrap();
        assert_eq!(outside.server, Some(at(5301)));
        assert!(outside.why.starts_with("--public-dns-server"), "{}", outside.why);
    }

    #[test]
    fn without_the_flag_the_profile_asks_its_first_server_on_port_53() {
        let request = ProbeRequest {
            dns_server: Some(at(5300)),
            ..ProbeRequest::default()
        };
        let listed = client("dns_servers = [\"127.0.0.9\", \"127.0.0.10\"]\n");
        let outside = choose(&request, &listed, Place::Outside).unwrap();
        assert_eq!(
            outside.server,
            Some(SocketAddr::new(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 9)), 53))
        );
        assert!(outside.why.contains("no --public-dns-server"), "{}", outside.why);
    }

    #[test]
    fn outside_with_nothing_given_is_not_asked_inside_asks_the_system() {
        let request = ProbeRequest::default();
        let bare = client("");
        assert_eq!(choose(&request, &bare, Place::Outside), None);
        let inside = choose(&request, &bare, Place::Inside).unwrap();
        assert_eq!(inside.server, None);
        assert!(inside.why.contains("system"), "{}", inside.why);
    }
}
