//! Jabber settings and Expressway domains must be what discovery can use: addresses with a
//! user and a domain, domains that are DNS domains.

use super::error::{Problem, ProblemKind};
use crate::model::check_domain;
use crate::model::deployment::Deployment;
use crate::model::source_map::Path;

/// Every Jabber value that is not an address or a domain, with where it was written.
pub fn check(deployment: &Deployment) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut bad = |path: Path, why: String| {
        let location = deployment
            .source_map
            .locate_value(&path)
            .or_else(|| deployment.source_map.locate(&path));
        problems.push(Problem::new(ProblemKind::Type, location, format!("{path}: {why}")));
    };
    for (i, client) in deployment.clients.iter().enumerate() {
        let Some(jabber) = &client.jabber else { continue };
        let at = |field: &str| Path::default().key("clients").index(i).key("jabber").key(field);
        if let Some(sign_in) = &jabber.sign_in {
            let domain = match sign_in.rsplit_once('@') {
                Some(("", _)) => Err(format!(
                    "`{sign_in}` has no user before the `@`: expected user@domain or a domain"
                )),
                Some((_, domain)) => check_domain(domain),
                None => check_domain(sign_in),
            };
            if let Err(why) = domain {
                bad(at("sign_in"), why);
            }
        }
        if let Some(upn) = &jabber.windows_upn {
            match upn.rsplit_once('@') {
                Some((user, domain)) if !user.is_empty() => {
                    if let Err(why) = check_domain(domain) {
                        bad(at("windows_upn"), why);
                    }
                }
                _ => bad(at("windows_upn"), format!("`{upn}` is not a UPN: expected user@domain")),
            }
        }
        let domains = [
            ("services_domain", &jabber.services_domain),
            ("voice_services_domain", &jabber.voice_services_domain),
        ];
        for (field, value) in domains {
            if let Some(Err(why)) = value.as_deref().map(check_domain) {
                bad(at(field), why);
            }
        }
    }
    for (i, server) in deployment.servers.iter().enumerate() {
        for (j, domain) in server.unified_cm_domains.iter().enumerate() {
            if let Err(why) = check_domain(domain) {
                bad(
                    Path::default()
                        .key("servers")
                        .index(i)
                        .key("unified_cm_domains")
                        .index(j),
                    why,
                );
            }
        }
    }
    problems
}
