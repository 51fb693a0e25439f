//! REGISTER without credentials, as a query of the user's bindings (no Contact: nothing is
//! registered even if the proxy lets it through), to see whether the proxy challenges the
//! probing host. UDP first, TCP when UDP gets no answer. Credentials are never sent.
//!
//! - 401/407: challenged. Outcome ok, no SIP code: a digest credential is needed. When the user
//!   has none (`digest_credential = false`), AUTH001 is raised at its default severity: the
//!   challenge is observed from the probing host, which the message says (a machine the
//!   incoming ACL trusts would not be challenged).
//! - 2xx: let through. SIP008, naming the source address the proxy saw. Then why, from the
//!   deployment: the authentication module off is AUTH003; else incoming ACL patterns the
//!   core's AUTH002 check finds wide are AUTH002 (candidates: core has no public matching of
//!   an address against a pattern, and this probe does not copy it); else, with no incoming ACL
//!   at all, the file says everyone is challenged and the proxy disagrees: DRIFT001.
//! - Any other status: the proxy neither challenges nor accepts; outcome failed, no code.
//! - No answer: the outcome says it; SIP007 belongs to the OPTIONS to the same node.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use uclint_core::catalogue::{Code, Service};
use uclint_core::model::{Deployment, Listener, Path, Server, Transport};
use uclint_core::report::{Subject, SubjectKind};
use uclint_core::rules::{Options, check};

use super::exchange::{Answer, Peer, exchange};
use super::message::Request;
use crate::runner::blocking;
use crate::{Context, EvidenceKind, Observation, Outcome, Probe, Setting, Target};

/// What the observation of a REGISTER to `server` for `user` would say had it given up.
pub fn template(server: &Server, user: &str) -> Observation {
    let target = Target {
        host: server.node_name.clone(),
        address: server.addresses.first().copied(),
        port: server.port(Listener::Sip),
        transport: Some(Transport::Udp.as_str()),
    };
    let mut observation = Observation::new(Probe::Sip, target, Subject::new(SubjectKind::User, user));
    observation.service = Some(Service::Presence);
    observation.summary = format!("REGISTER for `{user}` on `{}`", server.node_name);
    observation
}

/// REGISTER for `user` to CUPS node `servers[index]`.
pub async fn ask(cx: Arc<Context>, index: usize, user: String) -> Observation {
    let started = Instant::now();
    let Some(server) = cx.deployment.servers.get(index) else {
        return Observation::new(Probe::Sip, Target::named("?"), Subject::new(SubjectKind::User, user));
    };
    let mut observation = template(server, &user);
    register(&cx, server, &user, &mut observation).await;
    observation.elapsed = started.elapsed();
    super::redact(&cx, &mut observation);
    observation
}

async fn register(cx: &Arc<Context>, server: &Server, user: &str, observation: &mut Observation) {
    let Some(port) = server.port(Listener::Sip) else {
        return;
    };
    let address = match cx.address_of(server, observation).await {
        Ok(address) => address,
        Err(fault) => {
            observation.outcome = fault.outcome;
            observation.summary = format!("REGISTER not sent: {}", fault.detail);
            return;
        }
    };
    observation.target.address = Some(address);
    let domain = domain(cx, address, observation);
    let mut last = None;
    for transport in [Transport::Udp, Transport::Tcp] {
        let request = match Request::register(user, &domain, transport) {
            Ok(request) => request,
            Err(why) => {
                observation.outcome = Outcome::Failed;
                observation.summary = format!("REGISTER not sent: {why}");
                return;
            }
        };
        observation.target.transport = Some(transport.as_str());
        let peer = Peer {
            address: SocketAddr::new(address, port),
            transport,
            name: &server.node_name,
        };
        match exchange(cx, peer, &request, observation).await {
            Ok(answer) => {
                judge(cx, user, &server.node_name, &answer, observation).await;
                return;
            }
            Err(fault) => {
                observation.evidence(
                    EvidenceKind::Note,
                    format!("over {}: {}", transport.as_str(), fault.detail),
                );
                last = Some(fault);
            }
        }
    }
    if let Some(fault) = last {
        observation.outcome = fault.outcome;
        observation.summary = format!(
            "REGISTER for `{user}` unanswered over udp and tcp: {} (see the OPTIONS to `{}`)",
            fault.detail, server.node_name
        );
    }
}

/// The registrar's domain: the proxy domain, else the deployment's domain, else the address.
fn domain(cx: &Context, address: IpAddr, observation: &mut Observation) -> String {
    let deployment = &cx.deployment;
    if let Some(domain) = deployment.sip_proxy.proxy_domain.as_deref().filter(|d| !d.is_empty()) {
        return domain.to_owned();
    }
    let (domain, from) = match deployment.domain.as_deref().filter(|d| !d.is_empty()) {
        Some(domain) => (domain.to_owned(), "the deployment's domain"),
        None => (
            match address {
                IpAddr::V4(v4) => v4.to_string(),
                IpAddr::V6(v6) => format!("[{v6}]"),
            },
            "the node's address",
        ),
    };
    observation.evidence(
        EvidenceKind::Note,
        format!("no sip_proxy.proxy_domain: the address of record uses {from}, `{domain}`"),
    );
    domain
}

async fn judge(cx: &Arc<Context>, user_id: &str, node: &str, answer: &Answer, observation: &mut Observation) {
    let response = &answer.response;
    let source = answer.local.ip();
    match response.code {
        401 | 407 => {
            let scheme = response
                .challenge()
                .map(|(name, value)| format!(" ({name}: {})", value.split_whitespace().next().unwrap_or_default()))
                .unwrap_or_default();
            observation.summary = format!(
                "REGISTER for `{user_id}` from {source} challenged: {}{scheme}: a digest credential is needed",
                response.status()
            );
            let has_credential = cx.deployment.user(user_id).is_some_and(|u| u.digest_credential);
            if has_credential {
                observation.summary.push_str(&format!(", and `{user_id}` has one"));
            } else {
                observation.raise(
                    Code::AUTH001,
                    format!(
                        "`{node}` challenges a REGISTER for `{user_id}` from {source} and `{user_id}` has no digest \
                         credential: CUPC cannot answer the challenge and shows Presence: Invalid Credential \
                         (unless the incoming ACL trusts the user's own machine)"
                    ),
                );
            }
        }
        200..=299 => {
            observation.summary = format!(
                "REGISTER for `{user_id}` from {source} let through without a challenge: {}",
                response.status()
            );
            let (why, reasons) = explain(cx, source, observation).await;
            observation.raise(
                Code::SIP008,
                format!(
                    "`{node}` answered {} to a REGISTER for `{user_id}` without credentials from {source}: anyone \
                     there can register as any user; {why}",
                    response.status()
                ),
            );
            for (code, message) in reasons {
                observation.raise(code, message);
            }
        }
        _ => {
            observation.outcome = Outcome::Failed;
            observation.summary = format!(
                "REGISTER for `{user_id}` from {source} answered {}: neither challenged nor let through",
                response.status()
            );
        }
    }
}

/// Which setting lets `source` through, as far as the deployment tells: the explanation for
/// SIP008, and the codes to raise beside it (AUTH003, AUTH002 or DRIFT001), the setting noted
/// on `observation`.
async fn explain(cx: &Arc<Context>, source: IpAddr, observation: &mut Observation) -> (String, Vec<(Code, String)>) {
    let proxy = &cx.deployment.sip_proxy;
    let sip_proxy = Path::default().key("sip_proxy");
    let locate = |path: &Path| cx.deployment.source_map.locate(path);
    if !proxy.authentication_module {
        observation.setting = Some(Setting {
            name: "sip_proxy.authentication_module".to_owned(),
            says: "false".to_owned(),
            location: locate(&sip_proxy.clone().key("authentication_module")),
        });
        let auth003 =
            format!("observed: with the authentication module off, a REGISTER from {source} is not challenged");
        return (
            "the authentication module is off (AUTH003)".to_owned(),
            vec![(Code::AUTH003, auth003)],
        );
    }
    let acl = sip_proxy.clone().key("incoming_acl");
    if proxy.incoming_acl.is_empty() {
        observation.setting = Some(Setting {
            name: "sip_proxy.incoming_acl".to_owned(),
            says: "no pattern, with the authentication module on".to_owned(),
            location: locate(&acl).or_else(|| locate(&sip_proxy)),
        });
        let drift = format!(
            "the deployment says the proxy challenges every REGISTER (authentication module on, no incoming ACL), \
             yet one from {source} was let through"
        );
        return (
            "the deployment gives no reason (authentication module on, no incoming ACL): it is out of date".to_owned(),
            vec![(Code::DRIFT001, drift)],
        );
    }
    let patterns: Vec<String> = proxy.incoming_acl.iter().map(|p| format!("`{p}`")).collect();
    observation.setting = Some(Setting {
        name: "sip_proxy.incoming_acl".to_owned(),
        says: patterns.join(", "),
        location: locate(&acl),
    });
    let wide = wide_patterns(Arc::clone(&cx.deployment)).await;
    if wide.is_empty() {
        let why = format!(
            "candidates: the incoming ACL patterns {} (whichever covers {source})",
            patterns.join(", ")
        );
        return (why, Vec::new());
    }
    let wide: Vec<String> = wide.iter().map(|p| format!("`{p}`")).collect();
    let auth002 = format!(
        "observed: a REGISTER from {source} is not challenged, and the incoming ACL trusts {} (wide enough to be \
         what lets it through)",
        wide.join(", ")
    );
    let why = format!(
        "candidates: the incoming ACL patterns {} ({} wide: AUTH002)",
        patterns.join(", "),
        wide.join(", ")
    );
    (why, vec![(Code::AUTH002, auth002)])
}

/// The incoming ACL patterns the core's AUTH002 check calls wide.
async fn wide_patterns(deployment: Arc<Deployment>) -> Vec<String> {
    blocking(move || {
        let options = Options {
            select: vec![Code::AUTH002],
            ignore: Vec::new(),
        };
        check(&deployment, &[], &options)
            .findings
            .into_iter()
            .filter(|f| f.code == Code::AUTH002)
            .map(|f| f.subject.name)
            .collect()
    })
    .await
}
