//! Each SRV target a profile found: resolved as that profile resolves it (its hosts file, then the
//! DNS server it asks), reached over TLS on the record's port asking for the target's name, and
//! its certificate judged (certificate.rs). A target that does not resolve is JAB005.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use tokio::task::JoinSet;
use uclint_core::catalogue::Code;
use uclint_core::derive::jabber::{JabberDiscovery, Service, SrvQuery, Trust};
use uclint_core::derive::resolve::{self, Outcome as Resolved, Source};

use super::certificate;
use super::plan::Plan;
use crate::dns::LiveDns;
use crate::net::{self, Fault};
use crate::runner::blocking;
use crate::tls::{self, Session};
use crate::{Context, EvidenceKind, Observation, Outcome, Target};

/// One target a discovery record named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The record that named it.
    pub service: Service,
    /// The target host, without the trailing dot.
    pub host: String,
    /// The port.
    pub port: u16,
}

impl Found {
    /// `_cisco-uds` target `cucm1.ex.com:8443` for `jabber-in`.
    pub fn label(&self, plan: &Plan) -> String {
        format!(
            "`{}` target `{}:{}` for `{}`",
            self.service.label(),
            self.host,
            self.port,
            plan.client.id
        )
    }
}

/// Every target of `queries`, each once per record, in Jabber's order.
pub fn found(queries: &[SrvQuery]) -> Vec<Found> {
    let mut all: Vec<Found> = Vec::new();
    for query in queries {
        for target in query.targets() {
            let found = Found {
                service: query.service,
                host: target.target.trim_end_matches('.').to_owned(),
                port: target.port,
            };
            let seen = all.iter().any(|f| {
                f.service == found.service && f.port == found.port && f.host.eq_ignore_ascii_case(&found.host)
            });
            if !seen {
                all.push(found);
            }
        }
    }
    all
}

/// Check every target of `queries` side by side; the observations in Jabber's order.
pub async fn check_all(
    cx: &Arc<Context>,
    plan: &Arc<Plan>,
    dns: &Arc<LiveDns>,
    queries: &[SrvQuery],
) -> Vec<Observation> {
    let mut running = JoinSet::new();
    for (index, target) in found(queries).into_iter().enumerate() {
        let (cx, plan, dns) = (Arc::clone(cx), Arc::clone(plan), Arc::clone(dns));
        running.spawn(async move { (index, check(&cx, &plan, &dns, &target).await) });
    }
    let mut done = Vec::new();
    while let Some(joined) = running.join_next().await {
        match joined {
            Ok(pair) => done.push(pair),
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            // Cancelled only when the runtime shuts down, which waits for this task first.
            Err(_) => {}
        }
    }
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, observation)| observation).collect()
}

/// The observation of `found` before anything is asked.
fn blank(plan: &Plan, found: &Found) -> Observation {
    let target = Target {
        host: found.host.clone(),
        address: None,
        port: Some(found.port),
        transport: Some("tls"),
    };
    plan.observation(target)
}

async fn check(cx: &Context, plan: &Plan, dns: &Arc<LiveDns>, found: &Found) -> Observation {
    let started = Instant::now();
    let mut observation = blank(plan, found);
    let (short, long) = predicted(&plan.prediction, found);
    observation.evidence(EvidenceKind::Note, format!("D8 predicts: {long}"));
    match reach(cx, plan, dns, found, &mut observation).await {
        Ok(session) => certificate::judge(cx, plan, dns, found, &session, &mut observation).await,
        Err(fault) => {
            observation.outcome = fault.outcome;
            observation.evidence(EvidenceKind::Note, fault.detail.clone());
            observation.summary = format!("{}: {}", found.label(plan), words(fault.outcome));
        }
    }
    observation.summary = format!("{} (D8: {short})", observation.summary);
    observation.elapsed = started.elapsed();
    observation
}

/// Resolve the target, connect, and complete a TLS handshake asking for its name.
async fn reach(
    cx: &Context,
    plan: &Plan,
    dns: &Arc<LiveDns>,
    found: &Found,
    observation: &mut Observation,
) -> Result<Session, Fault> {
    let address = address(plan, dns, found, observation).await?;
    observation.target.address = Some(address);
    let to = SocketAddr::new(address, found.port);
    let stream = net::connect(to, cx.request.timeout).await?;
    observation.evidence(EvidenceKind::Note, format!("TCP connection to {to} open"));
    observation.evidence(
        EvidenceKind::Sent,
        format!("TLS ClientHello asking for `{}`", found.host),
    );
    tls::handshake(cx, stream, &found.host).await
}

/// The target's address as the profile resolves it; JAB005 when the DNS server says it has none.
async fn address(
    plan: &Plan,
    dns: &Arc<LiveDns>,
    found: &Found,
    observation: &mut Observation,
) -> Result<IpAddr, Fault> {
    // An SRV target is an absolute name: no search suffix is appended to it.
    let name = format!("{}.", found.host);
    let (client, live) = (plan.client.clone(), Arc::clone(dns));
    let resolution = blocking(move || resolve::resolve(&name, &client, Some(live.as_ref()))).await;
    for attempt in &resolution.attempts {
        let (kind, source) = match &attempt.source {
            Source::Dns(server) => (EvidenceKind::Received, server.clone()),
            other => (EvidenceKind::Note, other.to_string()),
        };
        observation.evidence(kind, format!("{} ({source}): {}", attempt.query, attempt.result));
    }
    if let Some(address) = resolution.address {
        return Ok(address);
    }
    let last = resolution
        .attempts
        .last()
        .map_or_else(|| "no answer".to_owned(), |a| a.result.to_string());
    let detail = format!("`{}` does not resolve for `{}`: {last}", found.host, plan.client.id);
    match resolution.attempts.last().map(|a| &a.result) {
        Some(Resolved::Timeout) => Err(Fault::new(Outcome::Timeout, detail)),
        Some(Resolved::Refused) => Err(Fault::new(Outcome::Refused, detail)),
        _ => {
            observation.raise(
                Code::JAB005,
                format!(
                    "observed: `{}` target `{}` does not resolve for `{}` against {} ({last})",
                    found.service.label(),
                    found.host,
                    plan.client.id,
                    dns.label()
                ),
            );
            Err(Fault::new(Outcome::Unreachable, detail))
        }
    }
}

fn words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Unreachable => "does not resolve",
        Outcome::Refused => "connection refused (nothing listens there)",
        Outcome::Timeout => "no answer within the timeout",
        Outcome::TlsError => "the TLS handshake failed",
        Outcome::ProtocolError => "the answer is not a TLS handshake",
        Outcome::Failed | Outcome::Ok => "failed",
    }
}

/// What D8 predicted for this target: a few words, and a sentence.
fn predicted(prediction: &JabberDiscovery, found: &Found) -> (String, String) {
    let same = |host: &str| host.trim_end_matches('.').eq_ignore_ascii_case(&found.host);
    if let Some(connection) = prediction
        .connections
        .iter()
        .find(|c| same(&c.host) && c.port == found.port)
    {
        let short = match &connection.trust {
            Trust::Trusted { .. } => "trusted",
            Trust::Untrusted { .. } => "untrusted",
            Trust::Unknown => "certificate not described",
        };
        return (
            short.to_owned(),
            format!("{}:{}: {}", found.host, found.port, connection.why),
        );
    }
    let listed = prediction
        .queries
        .iter()
        .any(|q| q.service == found.service && q.targets().iter().any(|t| same(&t.target) && t.port == found.port));
    if listed {
        (
            "not connected to".to_owned(),
            format!(
                "the deployment's DNS data names `{}:{}`, but sign-in never connects to it (an earlier step decides)",
                found.host, found.port
            ),
        )
    } else {
        (
            "not a target".to_owned(),
            format!(
                "the deployment's DNS data does not name `{}:{}` as a `{}` target here",
                found.host,
                found.port,
                found.service.label()
            ),
        )
    }
}
