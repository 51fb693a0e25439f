//! One SIP transaction with one server over the transport a hop names: the request goes out,
//! provisional answers are noted, the final one comes back (or a fault says why not).

use std::net::SocketAddr;

use uclint_core::model::Transport;

use super::message::Request;
use super::response::Response;
use super::{stream, udp};
use crate::net::Fault;
use crate::{Context, EvidenceKind, Observation};

/// The final answer, and where the request went from.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The final response (2xx to 6xx).
    pub response: Response,
    /// The probe's end of the exchange: the source address the server saw.
    pub local: SocketAddr,
}

/// What one exchange needs to know of its server.
#[derive(Debug, Clone, Copy)]
pub struct Peer<'a> {
    /// Where it listens.
    pub address: SocketAddr,
    /// Over what.
    pub transport: Transport,
    /// The name TLS asks for (SNI).
    pub name: &'a str,
}

/// Send `request` to `peer` and wait for its final answer: over UDP with retransmissions until
/// the request's timeout, over TCP or TLS on a connection of its own. Every line sent and
/// received goes into `observation`'s evidence.
pub async fn exchange(
    cx: &Context,
    peer: Peer<'_>,
    request: &Request,
    observation: &mut Observation,
) -> Result<Answer, Fault> {
    let timeout = cx.request.timeout;
    match peer.transport {
        Transport::Udp => udp::exchange(peer.address, request, timeout, observation).await,
        Transport::Tcp => {
            let stream = crate::net::connect(peer.address, timeout).await?;
            let local = local_of(&stream, peer.address)?;
            stream::exchange(stream, local, request, timeout, observation).await
        }
        Transport::Tls => {
            let session = crate::tls::connect(cx, peer.address, peer.name).await?;
            let local = local_of(session.stream.get_ref().0, peer.address)?;
            observation.evidence(
                EvidenceKind::Note,
                format!("TLS {} {} with {}", session.version, session.suite, peer.name),
            );
            stream::exchange(session.stream, local, request, timeout, observation).await
        }
    }
}

fn local_of(stream: &tokio::net::TcpStream, peer: SocketAddr) -> Result<SocketAddr, Fault> {
    stream
        .local_addr()
        .map_err(|e| Fault::io(&format!("reading the local end of the connection to {peer}"), &e))
}

/// Note each line of `text` (a request as sent) in the evidence.
pub fn sent(observation: &mut Observation, text: &str) {
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        observation.evidence(EvidenceKind::Sent, line);
    }
}

/// Note each line of `response`'s head in the evidence.
pub fn received(observation: &mut Observation, response: &Response) {
    for line in &response.lines {
        observation.evidence(EvidenceKind::Received, line.as_str());
    }
}
