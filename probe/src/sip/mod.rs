//! SIP as the proxy's peers see it: OPTIONS to every CUPS node on its SIP ports and to every
//! next hop routing gives (static routes, and DNS for the destination domains), and with
//! `--user` a REGISTER without credentials to see whether the proxy challenges.
//!
//! The messages are built and read here (no maintained Rust SIP crate exists): [`message`]
//! builds OPTIONS and REGISTER, [`response`] reads answers strictly and boundedly, [`udp`] and
//! [`stream`] carry one transaction each. No certificate is judged here: TLS only carries SIP.

mod domains;
mod exchange;
mod hop;
mod message;
mod options;
mod random;
mod register;
mod response;
mod stream;
mod udp;

use std::collections::HashSet;
use std::sync::Arc;

use uclint_core::model::{Role, Transport};

use crate::runner::Task;
use crate::{Context, Observation, Probe};

/// The questions of the SIP probe.
pub fn tasks(cx: &Arc<Context>) -> Vec<Task> {
    if !cx.request.runs(Probe::Sip) {
        return Vec::new();
    }
    let mut tasks = Vec::new();
    let hops = hop::planned(&cx.deployment);
    let known: Arc<HashSet<hop::Key>> = Arc::new(hops.iter().map(hop::Hop::key).collect());
    for hop in hops {
        let template = Observation::new(Probe::Sip, hop.target(), hop.subject.clone());
        let steps = steps(hop.transport) + u32::from(hop.address.is_none());
        tasks.push(Task {
            template,
            steps,
            work: {
                let cx = Arc::clone(cx);
                Box::pin(async move { vec![options::ask(cx, hop, Vec::new()).await] })
            },
        });
    }
    for domain in &cx.deployment.sip_proxy.destinations {
        tasks.push(Task {
            template: domains::template(domain),
            // NAPTR, three SRV, the targets' A and AAAA, then one exchange.
            steps: 10 + steps(Transport::Tls),
            work: Box::pin(domains::ask(Arc::clone(cx), domain.clone(), Arc::clone(&known))),
        });
    }
    if let Some(user) = cx.user() {
        let home = user.presence_node();
        let cups: Vec<usize> = (0..cx.deployment.servers.len())
            .filter(|&i| cx.deployment.servers[i].has_role(Role::Cups))
            .collect();
        let chosen: Vec<usize> = cups
            .iter()
            .copied()
            .filter(|&i| Some(cx.deployment.servers[i].node_name.as_str()) == home)
            .collect();
        for index in if chosen.is_empty() { cups } else { chosen } {
            tasks.push(Task {
                template: register::template(&cx.deployment.servers[index], &user.cucm_id),
                // A name to resolve, UDP, then TCP's connect and answer.
                steps: 1 + steps(Transport::Udp) + steps(Transport::Tcp),
                work: {
                    let (cx, user) = (Arc::clone(cx), user.cucm_id.to_string());
                    Box::pin(async move { vec![register::ask(cx, index, user).await] })
                },
            });
        }
    }
    tasks
}

/// How many timeouts one exchange may take, plus one of margin: UDP answers within one, TCP
/// connects then answers, TLS connects, shakes hands, then answers.
fn steps(transport: Transport) -> u32 {
    1 + match transport {
        Transport::Udp => 1,
        Transport::Tcp => 2,
        Transport::Tls => 3,
    }
}

/// Every secret out of what an observation shows.
fn redact(cx: &Context, observation: &mut Observation) {
    let secrets = &cx.request.secrets;
    for line in &mut observation.evidence {
        line.text = secrets.redact(&line.text);
    }
    observation.summary = secrets.redact(&observation.summary);
}
