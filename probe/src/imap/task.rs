//! One task per voicemail server: its address found once, then every IMAP port of it asked at
//! once, then judged together ([`super::judge`] needs both the plain-text and the TLS port's
//! login to tell VM001 from VM007), every string redacted before it leaves.

use std::net::IpAddr;
use std::sync::Arc;

use tokio::task::JoinSet;
use uclint_core::catalogue::Service;
use uclint_core::report::{Subject, SubjectKind};

use super::judge::judge;
use super::redact::Redactor;
use super::session::{self, Login, PortReport, outcome_words};
use super::targets::{ImapServer, imap_servers};
use crate::net::Fault;
use crate::runner::Task;
use crate::{Context, Evidence, EvidenceKind, Observation, Probe, Target};

/// The most timeouts one port's session may take: connect, greeting, CAPABILITY, STARTTLS, the
/// handshake, CAPABILITY again, LOGIN, SELECT and LOGOUT, each command a write and a read.
const STEPS: u32 = 16;

/// The questions of the IMAP probe: one task per voicemail server, asking all its IMAP ports.
pub fn tasks(cx: &Arc<Context>) -> Vec<Task> {
    if !cx.request.runs(Probe::Imap) {
        return Vec::new();
    }
    imap_servers(&cx.deployment)
        .into_iter()
        .map(|target| {
            // The ports are asked side by side: the task takes as long as its slowest port.
            let steps = STEPS + u32::from(target.server.addresses.is_empty());
            let target = Arc::new(target);
            Task {
                template: template(&target),
                steps,
                work: Box::pin(ask(Arc::clone(cx), target)),
            }
        })
        .collect()
}

/// What the task says had it given up.
fn template(target: &ImapServer) -> Observation {
    let server = &target.server;
    let target_of = Target {
        host: server.node_name.clone(),
        address: server.addresses.first().copied(),
        port: None,
        transport: None,
    };
    let mut observation = Observation::new(
        Probe::Imap,
        target_of,
        Subject::new(SubjectKind::Server, &server.node_name),
    );
    observation.service = Some(Service::Voicemail);
    let ports: Vec<String> = target.ports.iter().map(|p| p.port.to_string()).collect();
    observation.summary = format!("IMAP on {}", ports.join(", "));
    observation
}

async fn ask(cx: Arc<Context>, target: Arc<ImapServer>) -> Vec<Observation> {
    let mut lookup = template(&target);
    let mut reports = match cx.address_of(&target.server, &mut lookup).await {
        Ok(address) => sessions(&cx, &target, address, &lookup.evidence).await,
        Err(fault) => unreachable(&target, &fault, &lookup.evidence),
    };
    let user = cx.user().map(|u| u.cucm_id.to_string()).unwrap_or_default();
    judge(&cx.deployment, &target, &user, &mut reports);
    let redactor = Redactor::new(&cx.request.secrets);
    reports
        .into_iter()
        .map(|report| {
            let mut observation = report.observation;
            redactor.observation(&mut observation);
            observation
        })
        .collect()
}

/// Every port of `target` at `address`, side by side, in the order of its ports.
async fn sessions(cx: &Arc<Context>, target: &Arc<ImapServer>, address: IpAddr, notes: &[Evidence]) -> Vec<PortReport> {
    let mut running = JoinSet::new();
    for index in 0..target.ports.len() {
        let (cx, target, notes) = (Arc::clone(cx), Arc::clone(target), notes.to_vec());
        running.spawn(async move {
            let port = &target.ports[index];
            (index, session::ask(&cx, &target.server, port, address, &notes).await)
        });
    }
    let mut done = Vec::new();
    while let Some(joined) = running.join_next().await {
        match joined {
            Ok(report) => done.push(report),
            // A panic is a bug of ours: the runner reports it with the task's template.
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            // Cancelled only when the runtime shuts down, which waits for this task first.
            Err(_) => {}
        }
    }
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, report)| report).collect()
}

/// Every port of `target`, not asked: its address is unknown.
fn unreachable(target: &ImapServer, fault: &Fault, notes: &[Evidence]) -> Vec<PortReport> {
    target
        .ports
        .iter()
        .map(|port| {
            let mut observation = session::blank(&target.server, port);
            observation.evidence.extend_from_slice(notes);
            observation.evidence(EvidenceKind::Note, fault.detail.clone());
            observation.outcome = fault.outcome;
            observation.summary = format!("{}: {}", port.label(), outcome_words(fault.outcome));
            PortReport {
                port: port.clone(),
                observation,
                login: Login::NotAsked,
            }
        })
        .collect()
}
