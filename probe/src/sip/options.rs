//! OPTIONS to one hop, and what the answer means.
//!
//! Any SIP answer shows a live SIP server, so only no answer is SIP007: a timeout, a refused
//! connection, a failed TLS handshake, or bytes that are not SIP. Among the answers, 2xx, 3xx,
//! 401/407 (the server wants credentials even for OPTIONS) and 405/501 (it does not do OPTIONS)
//! are what a working server says: outcome ok. Any other status (403, 404, 483, 503...) is a
//! server that is there but refuses: outcome failed, the status in the summary, no code.
//!
//! A CUPS node that refuses on the port the deployment gives it is also DRIFT001: the file says
//! the service runs there. A hop whose name does not resolve is not asked at all: the DNS probe
//! raises SIP003 for it, and this one says it could not ask.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use uclint_core::catalogue::{Code, Service};
use uclint_core::model::{Listener, Path, Transport};

use super::exchange::{Answer, Peer, exchange};
use super::hop::{Hop, Kind};
use super::message::Request;
use crate::net::Fault;
use crate::{Context, EvidenceKind, Observation, Outcome, Probe, Setting};

/// Ask `hop` with OPTIONS, `notes` first in the evidence (how the hop was found).
pub async fn ask(cx: Arc<Context>, hop: Hop, notes: Vec<String>) -> Observation {
    let started = Instant::now();
    let mut observation = Observation::new(Probe::Sip, hop.target(), hop.subject.clone());
    // A CUPS node's own SIP port is where its users' presence registers.
    if hop.subject.kind == uclint_core::report::SubjectKind::Server {
        observation.service = Some(Service::Presence);
    }
    for note in notes {
        observation.evidence(EvidenceKind::Note, note);
    }
    for also in &hop.also {
        observation.evidence(
            EvidenceKind::Note,
            format!("{also} sends to the same place: asked once"),
        );
    }
    match address(&cx, &hop, &mut observation).await {
        Ok(address) => {
            observation.target.address = Some(address);
            let request = Request::options(address, hop.port, hop.transport);
            let peer = Peer {
                address: SocketAddr::new(address, hop.port),
                transport: hop.transport,
                name: &hop.sni,
            };
            let result = exchange(&cx, peer, &request, &mut observation).await;
            judge(&cx, &hop, result, &mut observation);
        }
        Err(fault) => {
            observation.outcome = fault.outcome;
            observation.evidence(EvidenceKind::Note, fault.detail.clone());
            observation.summary = format!("OPTIONS not sent: {}", fault.detail);
        }
    }
    observation.elapsed = started.elapsed();
    super::redact(&cx, &mut observation);
    observation
}

/// Where the hop is: its known address, the node's (deployment, then DNS), or the name's.
async fn address(cx: &Context, hop: &Hop, observation: &mut Observation) -> Result<IpAddr, Fault> {
    if let Some(address) = hop.address {
        return Ok(address);
    }
    if let Kind::Node { index, .. } = hop.kind {
        if let Some(server) = cx.deployment.servers.get(index) {
            return cx.address_of(server, observation).await;
        }
    }
    match cx.dns.lookup_ip(&hop.host).await {
        Ok(address) => {
            observation.evidence(
                EvidenceKind::Note,
                format!("`{}` -> {address} ({})", hop.host, cx.dns.label()),
            );
            Ok(address)
        }
        Err(why) => Err(Fault::new(
            Outcome::Unreachable,
            format!(
                "`{}` does not resolve against {}: {why} (SIP003)",
                hop.host,
                cx.dns.label()
            ),
        )),
    }
}

/// Whether a status shows a server that works, if not one that agrees.
fn works(code: u16) -> bool {
    matches!(code, 200..=399 | 401 | 405 | 407 | 501)
}

fn judge(cx: &Context, hop: &Hop, result: Result<Answer, Fault>, observation: &mut Observation) {
    match result {
        Ok(answer) => {
            let response = &answer.response;
            let software = response.software().map(|s| format!(" ({s})")).unwrap_or_default();
            observation.summary = format!("OPTIONS answered {}{software}", response.status());
            if works(response.code) {
                if !(200..300).contains(&response.code) {
                    observation
                        .summary
                        .push_str(": a SIP server answers, though not with 200");
                }
            } else {
                observation.outcome = Outcome::Failed;
                observation
                    .summary
                    .push_str(": a SIP server answers, but refuses (not SIP007: it is there)");
            }
        }
        Err(fault) => {
            observation.outcome = fault.outcome;
            observation.evidence(EvidenceKind::Note, fault.detail.clone());
            let icmp = if hop.transport == Transport::Udp && fault.outcome == Outcome::Refused {
                " (an ICMP port unreachable came back)"
            } else {
                ""
            };
            observation.summary = format!("OPTIONS unanswered: {}{icmp}", fault.detail);
            let place = format!(
                "{}:{} over {}",
                observation.target.address.map(|a| a.to_string()).unwrap_or_default(),
                hop.port,
                hop.transport.as_str()
            );
            let what = match hop.kind {
                Kind::Node { .. } => format!("CUPS node `{}` does not answer SIP OPTIONS on {place}", hop.host),
                Kind::Route { .. } => format!(
                    "the next hop `{}` of static route `{}` does not answer SIP OPTIONS on {place}",
                    hop.host, hop.subject.name
                ),
                Kind::Domain => format!(
                    "the next hop `{}` that DNS gives for `{}` does not answer SIP OPTIONS on {place}",
                    hop.host, hop.subject.name
                ),
            };
            let also = if hop.also.is_empty() {
                String::new()
            } else {
                format!(" ({} sends there too)", hop.also.join(", "))
            };
            observation.raise(Code::SIP007, format!("{what}: {}{also}", outcome_words(fault.outcome)));
            if let (Kind::Node { index, listener }, Outcome::Refused) = (&hop.kind, fault.outcome) {
                drift(cx, *index, *listener, hop, observation);
            }
        }
    }
}

/// An outcome in a few words.
fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Refused => "refused",
        Outcome::Timeout => "no answer in time",
        Outcome::ProtocolError => "it does not speak SIP",
        Outcome::TlsError => "the TLS handshake fails",
        Outcome::Unreachable => "unreachable",
        Outcome::Ok | Outcome::Failed => "failed",
    }
}

/// DRIFT001: the deployment says node `index` offers `listener` on this port; it refuses.
fn drift(cx: &Context, index: usize, listener: Listener, hop: &Hop, observation: &mut Observation) {
    let Some(server) = cx.deployment.servers.get(index) else {
        return;
    };
    let written = match listener {
        Listener::SipTls => server.ports.sip_tls,
        _ => server.ports.sip,
    };
    let key = listener.as_str();
    let (says, location) = match written {
        Some(port) => (
            port.to_string(),
            cx.deployment
                .source_map
                .locate(&Path::default().key("servers").index(index).key("ports").key(key)),
        ),
        None => (
            format!("{} (the default of the cups role)", hop.port),
            server.location.clone(),
        ),
    };
    observation.setting = Some(Setting {
        name: format!("servers[{}].ports.{key}", server.node_name),
        says: says.clone(),
        location,
    });
    observation.raise(
        Code::DRIFT001,
        format!(
            "the deployment says `{}` offers SIP over {} on port {says}, but {} refuses it",
            server.node_name,
            hop.transport.as_str(),
            observation.target.address.map(|a| a.to_string()).unwrap_or_default()
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_of_a_working_server() {
        for code in [200, 202, 302, 401, 405, 407, 501] {
            assert!(works(code), "{code}");
        }
        for code in [403, 404, 408, 480, 483, 500, 503, 603] {
            assert!(!works(code), "{code}");
        }
    }
}
