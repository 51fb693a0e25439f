//! NAME: the names endpoints resolve on their own (SPEC D2, D3).

use std::net::IpAddr;

use super::Code;
use super::engine::{Context, Sink};
use super::registry::{RuleInfo, Service};
use crate::derive::implicit::{Purpose, implicit_names_of};
use crate::derive::resolve::resolve;
use crate::dns::{AddressLookup, Name, lookup_addresses};
use crate::model::{Path, Role};
use crate::report::{Fix, Severity, Subject, SubjectKind};

/// The NAME rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::NAME001,
        title: "a client cannot resolve a node name it uses implicitly",
        severity: Severity::Error,
        checks: "A client profile cannot resolve a node name it uses without being told (D3): the phone Directory URL, Attendant Console's JTAPI connection, or CUPC 7.x's home node.",
        why: "Endpoints use node names even when you typed an address: the Directory button opens http://NODE:8080/ccmcip/xmldirectory.jsp, Attendant Console connects JTAPI to CUCM by node name, and CUPC 7.x replaces the login server with the home node's node name after the first login. A bare hostname resolves only through the right DNS suffix.",
        fixes: &[
            Fix::new(
                "Type the FQHN as the login server at each login.",
                "Every user, every login.",
            ),
            Fix::new(
                "Add the node name to the client's hosts file.",
                "One file per machine to keep current.",
            ),
            Fix::new(
                "Change the node name to its FQHN.",
                "Clients resolve it anywhere DNS reaches; a cluster change.",
            ),
            Fix::new(
                "Change the node name to its IP address.",
                "No DNS needed, but renumbering means renaming.",
            ),
        ],
        service: Some(Service::Login),
    },
    RuleInfo {
        code: Code::NAME002,
        title: "node name is a bare hostname",
        severity: Severity::Info,
        checks: "A CUCM or CUPS node name is a bare hostname (the install default).",
        why: "Every client then has to complete it with its DNS suffix; off-site and other-subdomain clients cannot (NAME001). An FQHN or IP node name avoids that.",
        fixes: &[Fix::new(
            "Rename the node to its FQHN or IP (System > Servers).",
            "A cluster change; the hostname itself stays.",
        )],
        service: None,
    },
    RuleInfo {
        code: Code::NAME003,
        title: "client DNS suffix list lacks the corporate domain",
        severity: Severity::Warning,
        checks: "A client profile's DNS suffix search list does not contain the corporate DNS domain.",
        why: "VPN and off-site clients get the ISP's suffix from DHCP (isp.com), clients in another subdomain get theirs (emea.acme.com): bare node names then resolve to nothing.",
        fixes: &[
            Fix::new("Type the FQHN at each login.", "Every user, every login."),
            Fix::new("Add node names to the client's hosts file.", "One file per machine."),
            Fix::new("Change node names to FQHNs or IPs.", "A cluster change."),
        ],
        service: None,
    },
    RuleInfo {
        code: Code::NAME004,
        title: "DNS resolves a node name to another address",
        severity: Severity::Error,
        checks: "DNS resolves a server's node name (or FQHN) to an address that is not one of the server's own.",
        why: "Clients that resolve the name reach the wrong host (a stale record after re-addressing is typical), so login, presence or the directory fail only for them.",
        fixes: &[Fix::new(
            "Correct the DNS record, or the server's addresses in the deployment.",
            "Wait for cached records to expire.",
        )],
        service: Some(Service::Login),
    },
];

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
