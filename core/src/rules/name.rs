//! NAME: the names endpoints resolve on their own (name resolution, the implicit names).

use std::net::IpAddr;

use super::engine::{Context, Sink};
use crate::catalogue::Code;
use crate::derive::implicit::{Purpose, implicit_names_of};
use crate::derive::resolve::resolve;
use crate::dns::{AddressLookup, Name, lookup_addresses};
use crate::model::{Path, Role};
use crate::report::{Subject, SubjectKind};

/// Run the NAME rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for server in cx
        .deployment
        .servers
        .iter()
        .filter(|s| s.has_role(Role::Cucm) || s.has_role(Role::Cups))
    {
        let node = &server.node_name;
        if !node.contains('.') && node.parse::<IpAddr>().is_err() {
            out.emit(
                Code::NAME002,
                Subject::new(SubjectKind::Server, node),
                cx.locate(&server_path(cx, node)),
                format!("node name `{node}` is a bare hostname: clients must complete it with a DNS suffix"),
            );
        }
    }
    if let Some(domain) = cx.deployment.domain.as_deref() {
        for (i, client) in cx.deployment.clients.iter().enumerate() {
            // Outside, Jabber reaches every server through the Expressway: it completes no name.
            if client.kind.discovers_services() && !client.on_corporate_network {
                continue;
            }
            let domain = domain.trim_end_matches('.');
            if !client
                .dns_suffixes
                .iter()
                .any(|s| s.trim_end_matches('.').eq_ignore_ascii_case(domain))
            {
                let have = if client.dns_suffixes.is_empty() {
                    "none".to_owned()
                } else {
                    client.dns_suffixes.join(", ")
                };
                out.emit(
                    Code::NAME003,
                    Subject::new(SubjectKind::Client, &client.id),
                    cx.locate(&Path::default().key("clients").index(i).key("dns_suffixes")),
                    format!("`{}` searches {have}, not the corporate domain `{domain}`", client.id),
                );
            }
        }
    } else {
        out.skip(Code::NAME003, "the deployment has no `domain`");
    }
    name001(cx, out);
    name004(cx, out);
}

fn server_path(cx: &Context<'_>, node: &str) -> Path {
    let index = cx
        .deployment
        .servers
        .iter()
        .position(|s| s.node_name == node)
        .unwrap_or(0);
    Path::default().key("servers").index(index).key("node_name")
}

fn name001(cx: &Context<'_>, out: &mut Sink<'_>) {
    if !out.enabled(Code::NAME001) {
        return;
    }
    for (i, client) in cx.deployment.clients.iter().enumerate() {
        for name in implicit_names_of(cx.deployment, client, &cx.client_nodes(&client.id)) {
            // The presence address is PRS006's business.
            if name.purpose == Purpose::PresenceAddress {
                continue;
            }
            let resolution = resolve(&name.name, client, cx.dns);
            if !resolution.resolved() {
                let tried: Vec<&str> = resolution.attempts.iter().map(|a| a.query.as_str()).collect();
                out.emit(
                    Code::NAME001,
                    Subject::new(SubjectKind::Client, &client.id),
                    cx.locate(&Path::default().key("clients").index(i)),
                    format!(
                        "`{}` cannot resolve `{}` ({}; tried {}): {}",
                        client.id,
                        name.name,
                        name.purpose.as_str(),
                        tried.join(", "),
                        name.purpose.explain()
                    ),
                );
            }
        }
    }
}

fn name004(cx: &Context<'_>, out: &mut Sink<'_>) {
    if !out.enabled(Code::NAME004) {
        return;
    }
    let Some(dns) = cx.dns else {
        out.skip(Code::NAME004, "the deployment describes no DNS data");
        return;
    };
    for server in cx.deployment.servers.iter().filter(|s| !s.addresses.is_empty()) {
        let domain = server.domain.as_deref().or(cx.deployment.domain.as_deref());
        let mut names: Vec<String> = Vec::new();
        if server.node_name.contains('.') && server.node_name.parse::<IpAddr>().is_err() {
            names.push(server.node_name.trim_end_matches('.').to_owned());
        } else if let Some(domain) = domain {
            if server.node_name.parse::<IpAddr>().is_err() {
                names.push(format!("{}.{}", server.node_name, domain.trim_end_matches('.')));
            }
        }
        for name in names {
            let Ok(absolute) = Name::from_ascii(format!("{name}.")) else {
                continue;
            };
            if let AddressLookup::Found(found) = lookup_addresses(dns, &absolute) {
                if !found.iter().any(|a| server.addresses.contains(a)) {
                    let found: Vec<String> = found.iter().map(ToString::to_string).collect();
                    let own: Vec<String> = server.addresses.iter().map(ToString::to_string).collect();
                    out.emit(
                        Code::NAME004,
                        Subject::new(SubjectKind::Server, &server.node_name),
                        server.location.clone(),
                        format!(
                            "DNS resolves `{name}` to {}, but `{}` is at {}",
                            found.join(", "),
                            server.node_name,
                            own.join(", ")
                        ),
                    );
                }
            }
        }
    }
}
