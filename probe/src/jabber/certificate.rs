//! The certificate a target shows, judged with D8's own rule: the names Jabber checks (SAN DNS
//! names, then the CN; a leftmost wildcard for one label) must cover the target, and the
//! certificate must be trusted (its chain leads to a trusted root, it is valid now): else JAB006.
//! On a `_collab-edge` target also: is it an Expressway-E of the deployment (JAB003), does its
//! certificate name the MRA domain (JAB004). Where the deployment describes the certificate
//! otherwise, DRIFT001.

use uclint_core::catalogue::Code;
use uclint_core::derive::jabber::certificate::{self, names_edge_domain};
use uclint_core::derive::jabber::edge::edge_behind_alias;
use uclint_core::derive::jabber::{Protocol, Service, Trust, reaction_of};
use uclint_core::dns::{Answer, Name, RData, RecordType};
use uclint_core::model::{CertificateNames, Deployment, Path, Role, Server};

use super::plan::Plan;
use super::target::Found;
use crate::dns::LiveDns;
use crate::tls::{self, Leaf, Session};
use crate::{Context, EvidenceKind, Observation, Outcome, Setting};

/// Judge the certificate `session` showed for `found`.
pub async fn judge(
    cx: &Context,
    plan: &Plan,
    dns: &LiveDns,
    found: &Found,
    session: &Session,
    observation: &mut Observation,
) {
    observation.outcome = Outcome::Ok;
    observation.evidence(
        EvidenceKind::Received,
        format!("negotiated {}, {}", session.version, session.suite),
    );
    let what = found.label(plan);
    let leaf = match session.chain.first().map(|der| Leaf::parse(der)) {
        Some(Ok(leaf)) => leaf,
        unusable => {
            let why = match unusable {
                Some(Err(why)) => why,
                _ => "no certificate was shown".to_owned(),
            };
            observation.summary = format!("{what}: no usable certificate");
            observation.raise(
                Code::JAB006,
                format!(
                    "observed: `{}:{}` shows no certificate Jabber on `{}` can trust: {why}",
                    found.host, found.port, plan.client.id
                ),
            );
            return;
        }
    };
    for line in leaf.lines() {
        observation.evidence(EvidenceKind::Received, line);
    }
    let distrust = tls::distrust(cx, session, &leaf);
    let names = CertificateNames {
        san_dns: leaf.dns_names.clone(),
        cn: leaf.common_names.first().cloned(),
        // Self-signed counts against it only when no trusted root vouches for it (`--ca`).
        self_signed: leaf.self_signed && distrust.is_some(),
        ..CertificateNames::default()
    };
    let untrusted = match certificate::judge(Some(&names), &found.host, Protocol::Https) {
        Trust::Untrusted { reason } => Some(reason),
        Trust::Trusted { .. } | Trust::Unknown => distrust,
    };
    if let Some(reason) = &untrusted {
        observation.raise(
            Code::JAB006,
            format!(
                "observed: the certificate `{}:{}` shows is untrusted on `{}`: {reason}; {}",
                found.host,
                found.port,
                plan.client.id,
                reaction(plan)
            ),
        );
    }
    let deployment = &cx.deployment;
    let domain = deployment.domain.as_deref();
    let edge = if found.service == Service::CollabEdge {
        edge(deployment, plan, dns, found, &names, observation).await
    } else {
        None
    };
    let server = edge.or_else(|| deployment.servers.iter().find(|s| s.is_named(&found.host, domain)));
    if let Some(server) = server {
        drift(deployment, plan, found, server, &leaf, observation);
    }
    observation.summary = format!(
        "{what}: certificate {}; {}",
        leaf.names(),
        if untrusted.is_some() { "untrusted" } else { "trusted" }
    );
}

/// What the client does with an untrusted certificate, in D8's words.
fn reaction(plan: &Plan) -> &'static str {
    let settings = plan.client.jabber.clone().unwrap_or_default();
    certificate::reaction_words(plan.client.kind, reaction_of(plan.client.kind, &settings))
}

/// JAB003 and JAB004 on a `_collab-edge` target; the Expressway-E it is, when it is one.
async fn edge<'d>(
    deployment: &'d Deployment,
    plan: &Plan,
    dns: &LiveDns,
    found: &Found,
    names: &CertificateNames,
    observation: &mut Observation,
) -> Option<&'d Server> {
    let edges: Vec<&Server> = deployment.servers_with(Role::ExpresswayE).collect();
    let domain = deployment.domain.as_deref();
    let mut server = edges.iter().copied().find(|e| e.is_named(&found.host, domain));
    if server.is_none() {
        server = alias_of(dns, &found.host, &edges, domain, observation).await;
    }
    if server.is_none() && !edges.is_empty() {
        let fqdns: Vec<&str> = edges.iter().map(|s| s.node_name.as_str()).collect();
        observation.raise(
            Code::JAB003,
            format!(
                "observed: `_collab-edge._tls.{}` points to `{}`, not the Expressway-E's own FQDN (`{}`): the authorization cookie is refused",
                plan.domain,
                found.host,
                fqdns.join("`, `")
            ),
        );
    }
    if !names_edge_domain(names, &plan.domain) {
        let d = &plan.domain;
        observation.raise(
            Code::JAB004,
            format!(
                "observed: the certificate `{}:{}` shows has no SAN `{d}` or `collab-edge.{d}`: Jabber signing in as `@{d}` does not connect through MRA",
                found.host, found.port
            ),
        );
    }
    server
}

/// The Expressway-E `host` is a CNAME to, when the alias sits in that Expressway's domain (the
/// authorization cookie is then accepted, as D8 says).
async fn alias_of<'d>(
    dns: &LiveDns,
    host: &str,
    edges: &[&'d Server],
    domain: Option<&str>,
    observation: &mut Observation,
) -> Option<&'d Server> {
    if edges.is_empty() {
        return None;
    }
    let name = Name::from_ascii(format!("{host}.")).ok()?;
    let answer = dns.ask(&name, RecordType::CNAME).await;
    let Answer::Records(records) = answer else {
        return None;
    };
    let server = edge_behind_alias(host, &records, edges, domain)?;
    let canonical = records
        .iter()
        .find_map(|r| match &r.data {
            RData::CNAME(target) => Some(target.0.to_ascii()),
            _ => None,
        })
        .unwrap_or_default();
    observation.evidence(
        EvidenceKind::Received,
        format!(
            "{name} CNAME ({}): {canonical}, the Expressway-E `{}` in the same domain",
            dns.label(),
            server.node_name
        ),
    );
    Some(server)
}

/// DRIFT001 when the deployment describes `server`'s certificate otherwise than it is: whether
/// it names the target, whether it is self-signed, and on the edge whether it names the domain.
fn drift(
    deployment: &Deployment,
    plan: &Plan,
    found: &Found,
    server: &Server,
    leaf: &Leaf,
    observation: &mut Observation,
) {
    let Some(described) = &server.certificate else {
        return;
    };
    let shown = CertificateNames {
        san_dns: leaf.dns_names.clone(),
        cn: leaf.common_names.first().cloned(),
        self_signed: leaf.self_signed,
        ..CertificateNames::default()
    };
    // Names alone: whether a root vouches for the certificate is not the file's business.
    let names_target = |c: &CertificateNames| {
        let names_only = CertificateNames {
            self_signed: false,
            ..c.clone()
        };
        matches!(
            certificate::judge(Some(&names_only), &found.host, Protocol::Https),
            Trust::Trusted { .. }
        )
    };
    let says = |file: bool, server: bool| {
        let word = |b: bool| if b { "yes" } else { "no" };
        format!("file {}, server {}", word(file), word(server))
    };
    let mut differs: Vec<String> = Vec::new();
    if names_target(described) != names_target(&shown) {
        differs.push(format!(
            "names `{}`: {}",
            found.host,
            says(names_target(described), names_target(&shown))
        ));
    }
    if described.self_signed != shown.self_signed {
        differs.push(format!(
            "self-signed: {}",
            says(described.self_signed, shown.self_signed)
        ));
    }
    let d = &plan.domain;
    let (file_edge, server_edge) = (names_edge_domain(described, d), names_edge_domain(&shown, d));
    if found.service == Service::CollabEdge && file_edge != server_edge {
        differs.push(format!(
            "SAN `{d}` or `collab-edge.{d}`: {}",
            says(file_edge, server_edge)
        ));
    }
    if differs.is_empty() {
        return;
    }
    let index = deployment.servers.iter().position(|s| std::ptr::eq(s, server));
    let path = index.map(|i| Path::default().key("servers").index(i).key("certificate"));
    observation.setting.get_or_insert_with(|| Setting {
        name: format!("servers[{}].certificate", server.node_name),
        says: described_names(described),
        location: path.and_then(|p| deployment.source_map.locate(&p)),
    });
    observation.raise(
        Code::DRIFT001,
        format!(
            "the deployment describes the certificate of `{}` as {}, but `{}:{}` shows {}: {}",
            server.node_name,
            described_names(described),
            found.host,
            found.port,
            leaf.names(),
            differs.join("; ")
        ),
    );
}

/// A described certificate in the words of [`Leaf::names`]: `DNS a, DNS b, CN c (self-signed)`.
fn described_names(certificate: &CertificateNames) -> String {
    let mut names: Vec<String> = certificate.san_dns.iter().map(|n| format!("DNS {n}")).collect();
    names.extend(certificate.cn.iter().map(|cn| format!("CN {cn}")));
    let list = if names.is_empty() {
        "no name".to_owned()
    } else {
        names.join(", ")
    };
    if certificate.self_signed {
        format!("{list} (self-signed)")
    } else {
        list
    }
}
