//! D8 step 5: Mobile and Remote Access. Jabber asks the Expressway-E named by `_collab-edge`
//! for the edge configuration of the domain, whose name it sends base64-encoded.

use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;

use super::certificate::{Protocol, names_edge_domain};
use super::connect::{Attempt, Next, Walk};
use super::srv::SrvTarget;
use super::{CANNOT_COMMUNICATE, IssueSubject, Purpose};
use crate::catalogue::Code;
use crate::dns::{Answer, Name, RData, Record, RecordType};
use crate::model::{Role, Server};

/// The edge-configuration URL Jabber asks on `target`.
pub fn edge_config_url(target: &str, port: u16, domain: &str) -> String {
    format!(
        "https://{}:{port}/{}/get_edge_config?service_name=_cisco-uds&service_name=_cuplogin",
        target.trim_end_matches('.'),
        STANDARD_NO_PAD.encode(domain.trim_end_matches('.'))
    )
}

/// Try the `_collab-edge` targets in order until one gives the edge configuration.
pub(super) fn mra(walk: &mut Walk<'_>, targets: &[SrvTarget], domain: &str) {
    for target in targets {
        match edge(walk, target, domain) {
            Next::Done => return,
            Next::Stop => break,
            Next::Another => {}
        }
    }
    walk.fail(CANNOT_COMMUNICATE);
}

fn edge(walk: &mut Walk<'_>, target: &SrvTarget, domain: &str) -> Next {
    let edges: Vec<&Server> = walk.deployment.servers_with(Role::ExpresswayE).collect();
    let named = walk.node(&target.target, Role::ExpresswayE);
    let through_cname = named
        .is_none()
        .then(|| cname_in_domain(walk, &target.target, &edges))
        .flatten();
    let server = named.or(through_cname);
    let next = walk.connect(&Attempt {
        purpose: Purpose::EdgeConfig,
        host: target.target.clone(),
        port: target.port,
        url: Some(edge_config_url(&target.target, target.port, domain)),
        server,
        protocol: Protocol::Https,
        also_names: vec![format!("{domain} or collab-edge.{domain}")],
        what: "`_collab-edge` target",
    });
    if next != Next::Done {
        return next;
    }
    if let Some(via) = through_cname {
        walk.step(format!(
            "`{}` is a CNAME in the domain of the Expressway-E `{}`: the authorization cookie is accepted.",
            target.target, via.node_name
        ));
    }
    if server.is_none() && !edges.is_empty() {
        let names: Vec<&str> = edges.iter().map(|s| s.node_name.as_str()).collect();
        let subject = match edges.as_slice() {
            [only] => IssueSubject::Server(only.node_name.clone()),
            _ => IssueSubject::Domain(domain.to_owned()),
        };
        walk.issue(
            Code::JAB003,
            subject,
            format!(
                "`_collab-edge._tls.{domain}` points to `{}`, not the Expressway-E's own FQDN (`{}`): the authorization cookie is refused",
                target.target,
                names.join("`, `")
            ),
        );
        walk.step(format!(
            "`{}` is not the Expressway-E's FQDN (`{}`) nor a CNAME to it in its domain: the Expressway refuses the authorization cookie (INTERNAL_ERROR).",
            target.target,
            names.join("`, `")
        ));
        walk.refuse_last("the Expressway refuses the authorization cookie (INTERNAL_ERROR)".to_owned());
        return Next::Stop;
    }
    if let Some(server) = server {
        if let Some(certificate) = &server.certificate {
            if !names_edge_domain(certificate, domain) {
                walk.issue(
                    Code::JAB004,
                    IssueSubject::Server(server.node_name.clone()),
                    format!(
                        "the certificate of Expressway-E `{}` has no SAN `{domain}` or `collab-edge.{domain}`: Jabber signing in as `@{domain}` does not connect",
                        server.node_name
                    ),
                );
                walk.step(format!(
                    "The Expressway-E certificate's SAN lacks `{domain}` (as `{domain}` or `collab-edge.{domain}`): Jabber does not connect."
                ));
                walk.refuse_last(format!(
                    "the certificate's SAN lacks `{domain}` and `collab-edge.{domain}`"
                ));
                return Next::Stop;
            }
        }
    }
    let cores: Vec<&Server> = walk.deployment.servers_with(Role::ExpresswayC).collect();
    if !cores.is_empty() {
        let enabled = cores.iter().any(|c| {
            c.unified_cm_domains
                .iter()
                .any(|d| d.trim_end_matches('.').eq_ignore_ascii_case(domain))
        });
        if !enabled {
            let names: Vec<&str> = cores.iter().map(|s| s.node_name.as_str()).collect();
            walk.step(format!(
                "`{domain}` is not enabled for Unified CM registrations on the Expressway-C (`{}`): it answers HTTP 403.",
                names.join("`, `")
            ));
            walk.refuse_last(format!(
                "HTTP 403: `{domain}` is not enabled for Unified CM registrations"
            ));
            return Next::Stop;
        }
    }
    walk.step(format!(
        "The Expressway-E returns the edge configuration for `{domain}`: Unified CM and IM and Presence are reached through it."
    ));
    Next::Done
}

/// The Expressway-E `host` is a CNAME to, when the alias sits in that Expressway's domain.
fn cname_in_domain<'a>(walk: &Walk<'_>, host: &str, edges: &[&'a Server]) -> Option<&'a Server> {
    let dns = walk.dns?;
    let name = Name::from_ascii(format!("{}.", host.trim_end_matches('.'))).ok()?;
    let Answer::Records(records) = dns.query(&name, RecordType::CNAME) else {
        return None;
    };
    edge_behind_alias(host, &records, edges, walk.deployment.domain.as_deref())
}

/// The Expressway-E among `edges` that the CNAME answer `records` for `host` leads to, when the
/// alias sits in that Expressway's own domain: the one alias the authorization cookie survives.
pub fn edge_behind_alias<'a>(
    host: &str,
    records: &[Record],
    edges: &[&'a Server],
    domain: Option<&str>,
) -> Option<&'a Server> {
    let canonical = records.iter().find_map(|r| match &r.data {
        RData::CNAME(target) => Some(target.0.to_ascii()),
        _ => None,
    })?;
    let parent = |n: &str| {
        n.trim_end_matches('.')
            .split_once('.')
            .map(|(_, rest)| rest.to_ascii_lowercase())
    };
    edges
        .iter()
        .copied()
        .find(|e| e.is_named(&canonical, domain) && parent(&canonical) == parent(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_domain_is_base64_without_padding() {
        assert_eq!(
            edge_config_url("expe.ex.com.", 8443, "ex.com"),
            "https://expe.ex.com:8443/ZXguY29t/get_edge_config?service_name=_cisco-uds&service_name=_cuplogin"
        );
        // "corp.com" would pad with one `=` in standard base64.
        assert!(edge_config_url("e", 8443, "corp.com").contains("/Y29ycC5jb20/"));
    }
}
