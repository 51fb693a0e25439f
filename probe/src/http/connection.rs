//! A connection of the HTTP probe: TCP to an address the deployment (or DNS for a node name)
//! gives, TLS over it for https, and what protects it; then one request over it.

use std::net::{IpAddr, SocketAddr};

use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use uclint_core::model::Server;

use super::credentials::Security;
use super::exchange::exchange;
use super::location::{Place, Scheme};
use super::reply::Reply;
use super::request::HttpRequest;
use crate::net::{self, Fault};
use crate::{Context, EvidenceKind, Observation};

/// An open connection, ready for one request.
pub struct Connection {
    stream: Stream,
    /// What protects it.
    pub security: Security,
}

enum Stream {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

/// Connect to `place` at `address` (the only address ever contacted: a redirect's host name is
/// never looked up), with TLS for https asking for `place`'s host, the certificate judged only
/// for whether `server` may be sent a password.
pub async fn open(
    cx: &Context,
    server: &Server,
    address: IpAddr,
    place: &Place,
    observation: &mut Observation,
) -> Result<Connection, Fault> {
    let to = SocketAddr::new(address, place.port);
    let tcp = net::connect(to, cx.request.timeout).await?;
    observation.evidence(EvidenceKind::Note, format!("TCP connection to {to} open"));
    match place.scheme {
        Scheme::Http => Ok(Connection {
            stream: Stream::Plain(tcp),
            security: Security::Plain,
        }),
        Scheme::Https => {
            let name = sni(&place.host, address);
            let session = crate::tls::handshake(cx, tcp, &name).await?;
            observation.evidence(
                EvidenceKind::Note,
                format!("TLS {} {} with `{name}`", session.version, session.suite),
            );
            let doubt = crate::tls::refusal(cx, &session, server);
            Ok(Connection {
                stream: Stream::Tls(Box::new(session.stream)),
                security: Security::Tls { doubt },
            })
        }
    }
}

impl Connection {
    /// Send `request` and read its answer.
    pub async fn send(
        self,
        cx: &Context,
        request: &HttpRequest,
        observation: &mut Observation,
    ) -> Result<Reply, Fault> {
        let timeout = cx.request.timeout;
        match self.stream {
            Stream::Plain(stream) => exchange(stream, request, timeout, observation).await,
            Stream::Tls(stream) => exchange(*stream, request, timeout, observation).await,
        }
    }
}

/// The name TLS asks for: the host, or the address when the host is not a DNS name a TLS client
/// can send.
fn sni(host: &str, address: IpAddr) -> String {
    let dns = rustls::pki_types::ServerName::try_from(host.trim_end_matches('.')).is_ok();
    if dns || host.parse::<IpAddr>().is_ok() {
        host.to_owned()
    } else {
        address.to_string()
    }
}
