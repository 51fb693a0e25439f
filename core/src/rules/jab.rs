//! JAB: Jabber and Webex App service discovery. Each Jabber or Webex App profile signs in
//! through D8, which names the rules behind what it finds.

use super::engine::{Context, Sink};
use crate::catalogue::Code;
use crate::derive::jabber::{IssueSubject, Place, Service, discover, profile_sign_in, public_cisco_uds_message, srv};
use crate::model::{Client, JabberSettings, Path};
use crate::report::{Subject, SubjectKind};

const CODES: [Code; 8] = [
    Code::JAB001,
    Code::JAB002,
    Code::JAB003,
    Code::JAB004,
    Code::JAB005,
    Code::JAB006,
    Code::JAB007,
    Code::JAB008,
];

/// Run the JAB rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    if !CODES.iter().any(|&code| out.enabled(code)) {
        return;
    }
    let profiles: Vec<(usize, &Client)> = cx
        .deployment
        .clients
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind.discovers_services())
        .collect();
    // No Jabber profile: the rules do not apply (nothing is missing), so nothing is skipped.
    let mut seen: Vec<(Code, Subject, String)> = Vec::new();
    let mut lookup_domains: Vec<String> = Vec::new();
    for (i, client) in profiles {
        let client_path = Path::default().key("clients").index(i);
        if !client.on_corporate_network && cx.deployment.public_dns_view.is_none() {
            for code in CODES {
                out.skip(
                    code,
                    format!("`{}` is outside and the deployment has no `dns.public`", client.id),
                );
            }
            continue;
        }
        // Per profile, not per user: what discovery finds depends on the domain, not the user.
        let Some(sign_in) = profile_sign_in(cx.deployment, client, None) else {
            for code in CODES {
                out.skip(
                    code,
                    format!("`{}` has no `jabber.sign_in` and the deployment no `domain`", client.id),
                );
            }
            continue;
        };
        let discovery = discover(cx.deployment, client, &sign_in);
        lookup_domains.extend(discovery.lookup_domain.clone());
        for issue in discovery.issues {
            let (subject, location) = match &issue.subject {
                IssueSubject::Client => {
                    let at = match issue.code {
                        Code::JAB008 => client_path.clone().key("jabber").key("voice_services_domain"),
                        _ => client_path.clone(),
                    };
                    (Subject::new(SubjectKind::Client, &client.id), cx.locate(&at))
                }
                IssueSubject::Server(node) => {
                    let index = cx.deployment.servers.iter().position(|s| &s.node_name == node);
                    let at = index.map(|j| Path::default().key("servers").index(j));
                    (Subject::new(SubjectKind::Server, node), at.and_then(|p| cx.locate(&p)))
                }
                IssueSubject::Domain(domain) => {
                    let at = match discovery.place {
                        Place::Outside => Path::default().key("dns").key("public"),
                        Place::Inside => Path::default().key("dns"),
                    };
                    (Subject::new(SubjectKind::Domain, domain), cx.locate(&at))
                }
            };
            // Profiles that share a domain or a server find the same fault: say it once.
            let key = (issue.code, subject.clone(), issue.message.clone());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            out.emit(issue.code, subject, location, issue.message);
        }
    }
    public_cisco_uds(cx, out, &lookup_domains, &mut seen);
}

/// JAB001 for every domain a profile looks up, inside profiles too: the record on public DNS
/// breaks whoever signs in from outside, described here or not.
fn public_cisco_uds(cx: &Context<'_>, out: &mut Sink<'_>, domains: &[String], seen: &mut Vec<(Code, Subject, String)>) {
    let Some(public) = &cx.deployment.public_dns_view else {
        return;
    };
    for domain in domains {
        // Read as D8 reads it: a lone `.` target is no service.
        let query = srv::ask(Service::CiscoUds, domain, &JabberSettings::default(), Some(public));
        if query.targets().is_empty() {
            continue;
        }
        let subject = Subject::new(SubjectKind::Domain, domain);
        if seen.iter().any(|(code, s, _)| *code == Code::JAB001 && *s == subject) {
            continue;
        }
        let message = public_cisco_uds_message(&query.name);
        seen.push((Code::JAB001, subject.clone(), message.clone()));
        out.emit(
            Code::JAB001,
            subject,
            cx.locate(&Path::default().key("dns").key("public")),
            message,
        );
    }
}
