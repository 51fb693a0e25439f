//! PRS: the presence address and the presence node (docs/derivations/presence-address.md).

use super::engine::{Context, Sink};
use crate::catalogue::Code;
use crate::derive::presence::Verdict;
use crate::derive::resolve::resolve;
use crate::model::{Path, Role};
use crate::report::{Subject, SubjectKind};

/// Run the PRS rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let proxy_path = Path::default().key("sip_proxy").key("proxy_domain");
    let domain = cx
        .deployment
        .sip_proxy
        .proxy_domain
        .as_deref()
        .filter(|d| !d.is_empty());
    match domain {
        None => out.emit(
            Code::PRS003,
            Subject::new(SubjectKind::SipProxy, ""),
            cx.locate(&Path::default().key("sip_proxy")),
            "the SIP proxy domain is not set: CUPC will use `PROXY_DOMAIN_NOT_SET`",
        ),
        Some(d) if d.parse::<std::net::Ipv4Addr>().is_ok() => out.emit(
            Code::PRS002,
            Subject::new(SubjectKind::SipProxy, d),
            cx.locate(&proxy_path),
            format!("the SIP proxy domain `{d}` is an IP address: every non-IP node name gets it appended"),
        ),
        Some(_) => {}
    }

    for server in cx.deployment.servers_with(Role::Cups) {
        let Some(p) = cx.presence(&server.node_name) else {
            continue;
        };
        let subject = || Subject::new(SubjectKind::Server, &server.node_name);
        let users = cx.presence_users(&server.node_name);
        if p.verdict() != Verdict::Usable {
            let reason = p.steps().pop().unwrap_or_default();
            out.emit(
                Code::PRS001,
                subject(),
                server.location.clone(),
                format!(
                    "{users} users register to `{}`, which is {}: {reason}",
                    p.address(),
                    p.verdict()
                ),
            );
        }
        if p.has_code(Code::PRS004) {
            out.emit(
                Code::PRS004,
                subject(),
                server.location.clone(),
                format!(
                    "node name `{}` matches the proxy domain only ignoring case, so CUPC appends it: `{}`",
                    p.node(),
                    p.address()
                ),
            );
        }
        if p.has_code(Code::PRS005) {
            out.emit(
                Code::PRS005,
                subject(),
                server.location.clone(),
                format!(
                    "node name `{}` ends with `{}` but not at a dot",
                    p.node(),
                    p.effective_domain()
                ),
            );
        }
    }
    prs006(cx, out);
}

/// PRS006: each CUPC 7.x profile resolves each usable presence address its users register to.
fn prs006(cx: &Context<'_>, out: &mut Sink<'_>) {
    if !out.enabled(Code::PRS006) {
        return;
    }
    for (i, client) in cx.deployment.clients.iter().enumerate() {
        if !client.is_cupc7() {
            continue;
        }
        for node in cx.client_nodes(&client.id).presence {
            let Some(p) = cx.presence(node) else { continue };
            if p.verdict() != Verdict::Usable || p.method() == crate::derive::presence::Method::Ip {
                continue;
            }
            let resolution = resolve(p.address(), client, cx.dns);
            if !resolution.resolved() {
                out.emit(
                    Code::PRS006,
                    Subject::new(SubjectKind::Client, &client.id),
                    cx.locate(&Path::default().key("clients").index(i)),
                    format!("CUPC {} on `{}` cannot resolve presence address `{}` (node `{node}`); CUPC 1.2.x could do without, 7.x cannot", client.version.as_deref().unwrap_or("7"), client.id, p.address()),
                );
            }
        }
    }
}
