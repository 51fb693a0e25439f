//! AUTH: the credentials behind Show Server Health's "Invalid Credential".

use super::acl::{Pattern, client_net};
use super::engine::{Context, Sink};
use super::users::UserRules;
use crate::catalogue::Code;
use crate::model::{Path, Role, User};
use crate::report::{Subject, SubjectKind};

/// Run the AUTH rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let proxy = &cx.deployment.sip_proxy;
    let patterns: Vec<Pattern> = proxy.incoming_acl.iter().map(|p| Pattern::parse(p)).collect();
    for (i, pattern) in patterns.iter().enumerate() {
        if pattern.is_wide() {
            out.emit(
                Code::AUTH002,
                Subject::new(SubjectKind::SipProxy, &proxy.incoming_acl[i]),
                cx.locate(&Path::default().key("sip_proxy").key("incoming_acl").index(i)),
                format!(
                    "incoming ACL pattern `{}` lets a whole network past the digest challenge",
                    proxy.incoming_acl[i]
                ),
            );
        }
    }
    if !proxy.authentication_module {
        out.emit(
            Code::AUTH003,
            Subject::new(SubjectKind::SipProxy, ""),
            cx.locate(&Path::default().key("sip_proxy").key("authentication_module")),
            "the SIP proxy's authentication module is off: nobody is challenged",
        );
    }
    ldap_auth(cx, out);
}

/// AUTH001, user by user, when the authentication module is on (AUTH003 covers it off).
pub fn user_rules<'a>(cx: &Context<'a>, out: &mut Sink<'_>) -> Option<Box<dyn UserRules<'a> + 'a>> {
    let proxy = &cx.deployment.sip_proxy;
    if !proxy.authentication_module || !out.enabled(Code::AUTH001) {
        return None;
    }
    let patterns: Vec<Pattern> = proxy.incoming_acl.iter().map(|p| Pattern::parse(p)).collect();
    // Coverage is a property of the client profile: decide it once per profile, not per user.
    let coverage = cx
        .deployment
        .clients
        .iter()
        .filter_map(|client| {
            let nets: Vec<_> = client.addresses.iter().filter_map(|a| client_net(a)).collect();
            (!nets.is_empty()).then(|| {
                (
                    client.id.as_str(),
                    nets.iter().all(|net| patterns.iter().any(|p| p.covers(net))),
                )
            })
        })
        .collect();
    let jabber = cx
        .deployment
        .clients
        .iter()
        .filter(|c| c.kind.discovers_services())
        .map(|c| c.id.as_str())
        .collect();
    Some(Box::new(BlankDigestCovered {
        no_acl: patterns.is_empty(),
        coverage,
        jabber,
    }))
}

/// AUTH001: a blank digest credential is only safe from a client the incoming ACL covers.
struct BlankDigestCovered<'a> {
    no_acl: bool,
    /// Whether the ACL covers each client profile that has addresses.
    coverage: rustc_hash::FxHashMap<&'a str, bool>,
    /// Jabber and Webex App profiles: they sign in over XMPP, not with a SIP digest.
    jabber: rustc_hash::FxHashSet<&'a str>,
}

impl<'a> UserRules<'a> for BlankDigestCovered<'a> {
    fn check_user(&mut self, cx: &Context<'a>, user: &'a User, out: &mut Sink<'_>) {
        if user.digest_credential {
            return;
        }
        let covered = |client_id: &str| self.coverage.get(client_id).copied();
        let sip_clients: Vec<&str> = user
            .clients
            .iter()
            .map(|c| &**c)
            .filter(|c| self.jabber.is_empty() || !self.jabber.contains(c))
            .collect();
        if sip_clients.is_empty() && !user.clients.is_empty() {
            return;
        }
        // Without an ACL nothing is covered; with one, the user's clients must tell.
        let uncovered: Vec<&str> = if self.no_acl {
            sip_clients
        } else {
            let verdicts: Vec<(&str, Option<bool>)> = sip_clients.iter().map(|c| (*c, covered(c))).collect();
            if verdicts.is_empty() || verdicts.iter().any(|(_, v)| v.is_none()) {
                out.skip(Code::AUTH001, "some users with a blank digest credential have clients without addresses, so ACL coverage cannot be decided");
                return;
            }
            verdicts
                .into_iter()
                .filter(|(_, v)| *v == Some(false))
                .map(|(c, _)| c)
                .collect()
        };
        if self.no_acl || !uncovered.is_empty() {
            let from = if uncovered.is_empty() {
                String::new()
            } else {
                format!(" from {}", uncovered.join(", "))
            };
            out.emit(
                Code::AUTH001,
                Subject::new(SubjectKind::User, user.cucm_id.as_str()),
                cx.user_location(user),
                format!("`{}` has a blank digest credential and no incoming ACL covers their client{from}: Presence will show Invalid Credential", user.cucm_id),
            );
        }
    }
}

fn ldap_auth(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(ldap) = &cx.deployment.ldap else {
        return;
    };
    if !ldap.authentication {
        return;
    }
    let ldap_path = Path::default().key("ldap");
    if matches!(ldap.auth_port, 389 | 636) {
        let users = cx.desk_phone_users();
        if users > 0 {
            out.emit(
                Code::AUTH004,
                Subject::new(SubjectKind::Ldap, &ldap.server),
                cx.locate(&ldap_path.clone().key("auth_port")),
                format!("LDAP authentication uses port {}, which follows referrals: {users} users who control a desk phone from CUPC will see Desk Phone: Invalid Credential", ldap.auth_port),
            );
        }
    }
    for cups in cx.deployment.servers_with(Role::Cups) {
        let fact = cx
            .deployment
            .reachability
            .iter()
            .find(|r| r.from == cups.node_name && r.to == ldap.server);
        match fact {
            Some(fact) if !fact.reachable => out.emit(
                Code::AUTH005,
                Subject::new(SubjectKind::Server, &cups.node_name),
                fact.location.clone(),
                format!("CUPS node `{}` cannot reach LDAP server `{}` while CUCM uses LDAP authentication: its users sync but cannot log in to CUPC", cups.node_name, ldap.server),
            ),
            Some(_) => {}
            None => out.skip(Code::AUTH005, "no reachability is known from some CUPS nodes to the LDAP server"),
        }
    }
    if ldap.tls {
        let on = |role: Role| {
            ldap.certificates
                .iter()
                .any(|c| cx.server(&c.server).is_some_and(|s| s.has_role(role)))
        };
        if on(Role::Cucm) {
            for cups in cx.deployment.servers_with(Role::Cups) {
                if !ldap.certificates.iter().any(|c| c.server == cups.node_name) {
                    out.emit(
                        Code::AUTH006,
                        Subject::new(SubjectKind::Server, &cups.node_name),
                        cups.location.clone(),
                        format!("the LDAPS certificate is on CUCM but not on CUPS node `{}`: it cannot authenticate CUPC logins over LDAPS", cups.node_name),
                    );
                }
            }
        }
    }
}
