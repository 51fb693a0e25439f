//! One TLS port of one server: connect, complete a handshake whatever certificate is shown, then
//! judge the certificate (TLS002 names, TLS003 validity, TLS004 chain) and, on the calendar's
//! Exchange server, the cipher suite (TLS001). A closed port the deployment names is DRIFT001.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use rustls::pki_types::ServerName;
use uclint_core::catalogue::{Code, Service};
use uclint_core::model::Role;
use uclint_core::report::{Subject, SubjectKind};

use super::leaf::{Leaf, date};
use super::targets::{TlsPort, tls_ports};
use super::trust::{now, trusted};
use super::{Session, chain, handshake, names, secrecy, validity};
use crate::net::{self, Fault};
use crate::runner::Task;
use crate::{Context, EvidenceKind, Observation, Outcome, Probe, Target};

/// The questions of the TLS probe: one handshake per TLS port of each server.
pub fn tasks(cx: &Arc<Context>) -> Vec<Task> {
    if !cx.request.runs(Probe::Tls) {
        return Vec::new();
    }
    tls_ports(&cx.deployment)
        .into_iter()
        .map(|port| {
            // Connect, then handshake; a server without an address is looked up first.
            let steps = 2 + u32::from(port.server.addresses.is_empty());
            let cx = Arc::clone(cx);
            Task {
                template: blank(&port),
                steps,
                work: Box::pin(async move { vec![ask(&cx, &port).await] }),
            }
        })
        .collect()
}

/// The observation of `port` before anything is asked.
fn blank(port: &TlsPort) -> Observation {
    let node = &port.server.node_name;
    let target = Target {
        host: node.clone(),
        address: None,
        port: Some(port.port),
        transport: Some("tls"),
    };
    let mut observation = Observation::new(Probe::Tls, target, Subject::new(SubjectKind::Server, node));
    observation.service = service_of(port);
    observation
}

/// The CUPC service whose health a TLS port bears on: a node's web login, SIP over TLS, the
/// voicemail store, Exchange's calendar, the directory.
fn service_of(port: &TlsPort) -> Option<Service> {
    let role = |role: Role| port.server.has_role(role);
    match port.service {
        "sip-tls" => Some(Service::Presence),
        "imaps" => Some(Service::Voicemail),
        "ldaps" => Some(Service::Directory),
        "https" if role(Role::Cucm) || role(Role::Cups) => Some(Service::Login),
        "https" if role(Role::Exchange) => Some(Service::Calendar),
        "https" if role(Role::Unity) || role(Role::UnityConnection) => Some(Service::Voicemail),
        _ => None,
    }
}

async fn ask(cx: &Context, port: &TlsPort) -> Observation {
    let started = Instant::now();
    let mut observation = blank(port);
    let service = format!("`{}` on {}", port.service, port.port);
    match shake_hands(cx, port, &mut observation).await {
        Ok(session) => judge(cx, port, &session, &mut observation, &service),
        Err(fault) => failed(port, fault, &mut observation, &service),
    }
    observation.elapsed = started.elapsed();
    observation
}

async fn shake_hands(cx: &Context, port: &TlsPort, observation: &mut Observation) -> Result<Session, Fault> {
    let address = cx.address_of(&port.server, observation).await?;
    observation.target.address = Some(address);
    let name = asked_name(&port.server.node_name, address, observation);
    let to = SocketAddr::new(address, port.port);
    let stream = net::connect(to, cx.request.timeout).await?;
    observation.evidence(EvidenceKind::Note, format!("TCP connection to {to} open"));
    observation.evidence(EvidenceKind::Sent, format!("TLS ClientHello asking for `{name}`"));
    handshake(cx, stream, &name).await
}

/// The name the handshake asks for (SNI): the node name, or the address when the node name is one
/// or cannot be sent as a DNS name.
pub fn asked_name(node: &str, address: IpAddr, observation: &mut Observation) -> String {
    if node.parse::<IpAddr>().is_ok() {
        return address.to_string();
    }
    if ServerName::try_from(node.trim_end_matches('.')).is_err() {
        observation.evidence(
            EvidenceKind::Note,
            format!("`{node}` is not a DNS name a TLS client can ask for: asked for {address} instead"),
        );
        return address.to_string();
    }
    node.to_owned()
}

fn failed(port: &TlsPort, fault: Fault, observation: &mut Observation, service: &str) {
    observation.outcome = fault.outcome;
    observation.summary = format!("{service}: {}", outcome_words(fault.outcome));
    observation.evidence(EvidenceKind::Note, fault.detail.clone());
    if fault.outcome != Outcome::Refused {
        return;
    }
    let node = &port.server.node_name;
    observation.setting = Some(port.setting.clone());
    observation.raise(
        Code::DRIFT001,
        format!(
            "the deployment says `{node}` offers {} on port {} (`{}` = {}), but the port is closed: the connection was refused",
            port.service, port.port, port.setting.name, port.setting.says
        ),
    );
}

fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Refused => "connection refused (nothing listens there)",
        Outcome::Timeout => "no answer within the timeout",
        Outcome::Unreachable => "unreachable",
        Outcome::TlsError => "the TLS handshake failed",
        Outcome::ProtocolError => "the answer is not a TLS handshake",
        Outcome::Failed | Outcome::Ok => "failed",
    }
}

fn judge(cx: &Context, port: &TlsPort, session: &Session, observation: &mut Observation, service: &str) {
    observation.outcome = Outcome::Ok;
    let group = session.group.as_deref().unwrap_or("no group named");
    observation.evidence(
        EvidenceKind::Received,
        format!(
            "negotiated {}, {}, key exchange {group}",
            session.version, session.suite
        ),
    );
    let Some(der) = session.chain.first() else {
        observation.summary = format!("{service}: {}, no certificate shown", session.version);
        return;
    };
    let leaf = match Leaf::parse(der) {
        Ok(leaf) => leaf,
        Err(why) => {
            observation.summary = format!("{service}: {}, an unreadable certificate", session.version);
            observation.raise(Code::TLS004, format!("clients cannot use the certificate: {why}"));
            return;
        }
    };
    show(&leaf, session.chain.len(), observation);
    observation.summary = format!(
        "{service}: {}, certificate `{}` from `{}`, valid until {}",
        session.version,
        leaf.subject,
        leaf.issuer,
        date(leaf.not_after)
    );
    let now = now();
    let server = &port.server;
    let wanted = names::wanted(server, cx.deployment.domain.as_deref());
    if !wanted.iter().any(|name| names::names(&leaf, name)) {
        observation.raise(
            Code::TLS002,
            format!(
                "the certificate `{}` shows on {} (port {}) names none of the names clients ask for it by ({}): it carries {}",
                server.node_name,
                port.service,
                port.port,
                wanted.join(", "),
                leaf.names()
            ),
        );
    }
    if let Some((severity, message)) = validity::check(&leaf, now) {
        observation.raise_at(Code::TLS003, severity, message);
    }
    if let Some(message) = chain::check(&session.chain, &leaf, &cx.roots, &trusted(cx), now) {
        observation.raise(Code::TLS004, message);
    }
    forward_secrecy(cx, port, session, observation);
}

/// The certificate, line by line, and how long a chain the server sent.
fn show(leaf: &Leaf, chain: usize, observation: &mut Observation) {
    for line in leaf.lines() {
        observation.evidence(EvidenceKind::Received, line);
    }
    observation.evidence(
        EvidenceKind::Received,
        format!("the server sent {chain} certificate(s), its own first"),
    );
}

/// TLS001 on the calendar's Exchange HTTPS port.
fn forward_secrecy(cx: &Context, port: &TlsPort, session: &Session, observation: &mut Observation) {
    if !secrecy::is_calendar_exchange(&cx.deployment, &port.server, port.port) {
        return;
    }
    if let Some(message) = secrecy::check(&session.suite, &session.version) {
        observation.raise(Code::TLS001, message);
        observation.evidence(EvidenceKind::Note, secrecy::OUR_OFFER);
    }
}
