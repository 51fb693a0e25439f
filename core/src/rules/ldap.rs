//! LDAP: CUCM's directory integration and CUPC's LDAP search.

use super::engine::{Context, Sink};
use super::users::UserRules;
use crate::catalogue::Code;
use crate::model::{Path, Role, User};
use crate::report::{Subject, SubjectKind};

/// Directories at least this large sync slowly on 389 (decision: "large" in the notes' sense).
pub const LARGE_DIRECTORY: u32 = 10_000;

/// Run the LDAP rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(ldap) = &cx.deployment.ldap else {
        for code in [
            Code::LDAP001,
            Code::LDAP002,
            Code::LDAP003,
            Code::LDAP004,
            Code::LDAP005,
            Code::LDAP006,
            Code::LDAP007,
            Code::LDAP008,
        ] {
            out.skip(code, "the deployment has no `ldap` section");
        }
        return;
    };
    let path = Path::default().key("ldap");
    let subject = || Subject::new(SubjectKind::Ldap, &ldap.server);
    if ldap.authentication && !ldap.synchronization {
        out.emit(
            Code::LDAP001,
            subject(),
            cx.locate(&path.clone().key("authentication")),
            "LDAP authentication is enabled without LDAP synchronization, which CUCM requires first",
        );
    }
    if ldap.synchronization {
        match ldap.directory_size {
            Some(size) if size >= LARGE_DIRECTORY && matches!(ldap.sync_port, 389 | 636) => out.emit(
                Code::LDAP004,
                subject(),
                cx.locate(&path.clone().key("sync_port")),
                format!(
                    "a directory of {size} users synchronizes on port {}: use the Global Catalog (3268)",
                    ldap.sync_port
                ),
            ),
            Some(_) => {}
            None => out.skip(Code::LDAP004, "`ldap.directory_size` is not given"),
        }
    }
    if ldap.tls {
        for cert in &ldap.certificates {
            if !cert.tomcat_restarted_after_upload && cx.server(&cert.server).is_some_and(|s| s.has_role(Role::Cucm)) {
                out.emit(
                    Code::LDAP005,
                    Subject::new(SubjectKind::Server, &cert.server),
                    cert.location.clone(),
                    format!("the LDAPS certificate on `{}` was uploaded after the last Cisco Tomcat restart: it is not in use yet", cert.server),
                );
            }
        }
    }
    let Some(profile) = ldap.cupc_profile.as_ref().filter(|p| p.enabled) else {
        return;
    };
    if !ldap.synchronization {
        out.emit(
            Code::LDAP008,
            subject(),
            cx.locate(&path.clone().key("cupc_profile")),
            "CUPC searches LDAP but CUCM is not integrated with it: contact ids will drift",
        );
    }
    if profile.password_changed_with_clients_logged_in {
        out.emit(
            Code::LDAP007,
            subject(),
            cx.locate(&path.clone().key("cupc_profile").key("password_changed_with_clients_logged_in")),
            format!("the password of search account `{}` changed while CUPC clients were logged in: they keep the old profile until next logon and will lock the account out", profile.service_account.as_deref().unwrap_or("(unnamed)")),
        );
    }
}

/// LDAP002 and LDAP003 (when CUCM synchronizes from LDAP) and LDAP006 (when CUPC searches
/// LDAP), user by user.
pub fn user_rules<'a>(cx: &Context<'a>, out: &mut Sink<'_>) -> Option<Box<dyn UserRules<'a> + 'a>> {
    let ldap = cx.deployment.ldap.as_ref()?;
    let synchronized = ldap.synchronization && (out.enabled(Code::LDAP002) || out.enabled(Code::LDAP003));
    let presence_ids = ldap
        .cupc_profile
        .as_ref()
        .filter(|p| p.enabled && out.enabled(Code::LDAP006))
        .map(|profile| PresenceIds {
            attribute: &profile.user_id_attribute,
            mapped_to_phone: profile.maps_to_phone(),
        });
    (synchronized || presence_ids.is_some()).then(|| {
        Box::new(DirectoryUsers {
            synchronized,
            presence_ids,
        }) as Box<dyn UserRules<'a>>
    })
}

struct DirectoryUsers<'a> {
    synchronized: bool,
    presence_ids: Option<PresenceIds<'a>>,
}

/// The LDAP attribute CUPC takes as the presence id of the users it finds.
struct PresenceIds<'a> {
    attribute: &'a str,
    mapped_to_phone: bool,
}

impl<'a> UserRules<'a> for DirectoryUsers<'a> {
    fn check_user(&mut self, cx: &Context<'a>, user: &'a User, out: &mut Sink<'_>) {
        if self.synchronized {
            match &user.ldap_id {
                Some(id) if user.last_name.is_none() => out.emit(
                    Code::LDAP002,
                    Subject::new(SubjectKind::User, user.cucm_id.as_str()),
                    cx.user_location(user),
                    format!("directory user `{id}` has no last name (sn): CUCM will not synchronize it"),
                ),
                None => out.emit(
                    Code::LDAP003,
                    Subject::new(SubjectKind::User, user.cucm_id.as_str()),
                    cx.user_location(user),
                    format!("CUCM user `{}` is not in LDAP: synchronization marks it delete pending and deletes it after 72 hours", user.cucm_id),
                ),
                Some(_) => {}
            }
        }
        let Some(ids) = &self.presence_ids else { return };
        let presence_id = if ids.mapped_to_phone {
            user.telephone_number.as_deref()
        } else {
            user.ldap_id.as_deref()
        };
        if let Some(presence_id) = presence_id.filter(|id| *id != user.cucm_id) {
            out.emit(
                Code::LDAP006,
                Subject::new(SubjectKind::User, user.cucm_id.as_str()),
                cx.user_location(user),
                format!("CUPC adds `{}` from LDAP as `{presence_id}` ({}), but CUCM knows them as `{}`: they will always show offline", user.cucm_id, ids.attribute, user.cucm_id),
            );
        }
    }
}
