//! The phones' Directory URL of each CUCM node (`http://NODE:8080/ccmcip/xmldirectory.jsp`, on
//! the node's HTTP port when the deployment moves it), fetched from the probing host at the
//! node's address: the status and the Content-Type are recorded. Whether phones resolve the node
//! name is the DNS probe's question (NAME001), not this one's: a failed GET raises nothing but
//! DRIFT001 when the port the deployment names is closed.

use std::sync::Arc;
use std::time::Instant;

use hyper::Method;
use uclint_core::catalogue::{Code, Service};
use uclint_core::derive::implicit::directory_url_at;
use uclint_core::model::{Listener, Role, Server};
use uclint_core::report::{Subject, SubjectKind};

use super::connection;
use super::location::{Place, Scheme};
use super::reply::Reply;
use super::request::HttpRequest;
use crate::net::Fault;
use crate::runner::Task;
use crate::{Context, EvidenceKind, Observation, Outcome, Probe, Target};

/// The directory's path on every CUCM node.
const PATH: &str = "/ccmcip/xmldirectory.jsp";

/// One GET per CUCM node.
pub fn tasks(cx: &Arc<Context>) -> Vec<Task> {
    let deployment = &cx.deployment;
    (0..deployment.servers.len())
        .filter_map(|index| {
            let server = &deployment.servers[index];
            let port = server.port(Listener::Http).filter(|_| server.has_role(Role::Cucm))?;
            Some(Task {
                template: template(server, port),
                // A name to look up when the file gives no address, the connection, the head, the body.
                steps: 3 + u32::from(server.addresses.is_empty()),
                work: {
                    let cx = Arc::clone(cx);
                    Box::pin(async move { vec![ask(&cx, index, port).await] })
                },
            })
        })
        .collect()
}

/// The observation of `server`'s directory before anything is asked.
fn template(server: &Server, port: u16) -> Observation {
    let node = &server.node_name;
    let target = Target {
        host: node.clone(),
        address: server.addresses.first().copied(),
        port: Some(port),
        transport: Some(Scheme::Http.transport()),
    };
    let mut observation = Observation::new(Probe::Http, target, Subject::new(SubjectKind::Server, node));
    observation.service = Some(Service::Login);
    observation.summary = format!("GET {}", directory_url_at(node, port));
    observation
}

async fn ask(cx: &Context, index: usize, port: u16) -> Observation {
    let started = Instant::now();
    let Some(server) = cx.deployment.servers.get(index) else {
        return Observation::new(Probe::Http, Target::named("?"), Subject::new(SubjectKind::Server, "?"));
    };
    let mut observation = template(server, port);
    let url = directory_url_at(&server.node_name, port);
    match get(cx, server, port, &mut observation).await {
        Ok(reply) => judge(&url, &reply, &mut observation),
        Err(fault) => failed(cx, index, server, port, &url, fault, &mut observation),
    }
    observation.elapsed = started.elapsed();
    super::redact(cx, None, &mut observation);
    observation
}

async fn get(cx: &Context, server: &Server, port: u16, observation: &mut Observation) -> Result<Reply, Fault> {
    let address = cx.address_of(server, observation).await?;
    observation.target.address = Some(address);
    observation.evidence(
        EvidenceKind::Note,
        format!(
            "asked at {address}, where this host reaches `{}`; whether phones resolve the name is the DNS probe's \
             question (NAME001)",
            server.node_name
        ),
    );
    let place = Place {
        scheme: Scheme::Http,
        host: server.node_name.clone(),
        port,
        path: PATH.to_owned(),
    };
    let connection = connection::open(cx, server, address, &place, observation).await?;
    let request = HttpRequest::new(Method::GET, place);
    connection.send(cx, &request, observation).await
}

fn judge(url: &str, reply: &Reply, observation: &mut Observation) {
    let content_type = reply.header("content-type");
    let kind = content_type
        .as_deref()
        .map_or_else(|| "no Content-Type".to_owned(), |t| format!("Content-Type {t}"));
    observation.summary = format!("GET {url}: {}, {kind}", reply.status_text());
    if reply.status.is_success() {
        observation.outcome = Outcome::Ok;
        if !content_type.is_some_and(|t| t.to_ascii_lowercase().contains("xml")) {
            observation.evidence(
                EvidenceKind::Note,
                "a phone's Directory button expects CiscoIPPhone XML: this answer does not say it is XML",
            );
        }
        return;
    }
    observation.outcome = Outcome::Failed;
    if reply.is_redirect() {
        let to = reply.header("location").unwrap_or_default();
        observation.summary.push_str(&format!(", to `{to}` (not followed)"));
    }
    observation
        .summary
        .push_str(": the directory service does not give the directory");
}

fn failed(
    cx: &Context,
    index: usize,
    server: &Server,
    port: u16,
    url: &str,
    fault: Fault,
    observation: &mut Observation,
) {
    observation.outcome = fault.outcome;
    observation.evidence(EvidenceKind::Note, fault.detail.clone());
    observation.summary = format!("GET {url}: {}", fault.detail);
    if fault.outcome != Outcome::Refused {
        return;
    }
    let setting = crate::tls::listener_setting(&cx.deployment, index, server, Listener::Http, port);
    observation.raise(
        Code::DRIFT001,
        format!(
            "the deployment says CUCM node `{}` serves the phones' directory over HTTP on port {port} (`{}` = {}), \
             but the port is closed: the connection was refused",
            server.node_name, setting.name, setting.says
        ),
    );
    observation.setting = Some(setting);
}
