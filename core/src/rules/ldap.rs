//! LDAP: CUCM's directory integration and CUPC's LDAP search.

use super::Code;
use super::engine::{Context, Sink};
use super::registry::{RuleInfo, Service};
use super::users::UserRules;
use crate::model::{Path, Role, User};
use crate::report::{Fix, Severity, Subject, SubjectKind};

/// Directories at least this large sync slowly on 389 (decision: "large" in the notes' sense).
pub const LARGE_DIRECTORY: u32 = 10_000;

/// LDAP attributes that hold a phone number, for CUPC's user-id mapping.
const PHONE_ATTRIBUTES: &[&str] = &["telephonenumber", "ipphone", "othertelephone", "mobile"];

/// The LDAP rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::LDAP001,
        title: "LDAP authentication without LDAP synchronization",
        severity: Severity::Error,
        checks: "CUCM has LDAP authentication enabled but LDAP synchronization disabled.",
        why: "On CUCM 5.0 and later you may enable synchronization without authentication, but not authentication without synchronization.",
        fixes: &[Fix::new(
            "Enable LDAP synchronization first.",
            "CUCM users missing from LDAP become delete pending (LDAP003).",
        )],
        service: Some(Service::Login),
    },
    RuleInfo {
        code: Code::LDAP002,
        title: "LDAP user lacks a last name and will not synchronize",
        severity: Severity::Warning,
        checks: "A directory user has no last name (`sn`).",
        why: "Last name is a critical attribute for CUCM: an LDAP account without it is not synchronized to CUCM, so the user never reaches CUPS.",
        fixes: &[Fix::new("Fill the last name attribute in the directory.", "None.")],
        service: Some(Service::Login),
    },
    RuleInfo {
        code: Code::LDAP003,
        title: "CUCM user missing from LDAP will be deleted after 72 hours",
        severity: Severity::Warning,
        checks: "LDAP synchronization is on and a CUCM user does not exist in LDAP.",
        why: "CUCM marks users that exist in its database but not in LDAP as \"delete pending\" and deletes them permanently after 72 hours, with no way to recover them.",
        fixes: &[Fix::new(
            "Add the user to LDAP before the next synchronization, or accept the deletion.",
            "Local-only accounts (service accounts) must move to LDAP.",
        )],
        service: Some(Service::Login),
    },
    RuleInfo {
        code: Code::LDAP004,
        title: "large directory synchronized on port 389",
        severity: Severity::Warning,
        checks: "LDAP synchronization of a directory of 10,000 or more users runs on port 389 (or 636).",
        why: "Synchronization of a large Active Directory is slow on 389; the Global Catalog port 3268 is recommended.",
        fixes: &[Fix::new(
            "Synchronize through the Global Catalog, port 3268 (3269 with SSL).",
            "The Global Catalog must replicate the attributes CUCM imports.",
        )],
        service: None,
    },
    RuleInfo {
        code: Code::LDAP005,
        title: "LDAPS certificate uploaded after the last Cisco Tomcat restart",
        severity: Severity::Error,
        checks: "The LDAPS certificate was uploaded to CUCM and Cisco Tomcat was not restarted since.",
        why: "CUCM uses a newly uploaded certificate for LDAP over SSL only after Cisco Tomcat restarts.",
        fixes: &[Fix::new(
            "Restart the Cisco Tomcat service on that node.",
            "The administration pages are briefly unavailable.",
        )],
        service: Some(Service::Login),
    },
    RuleInfo {
        code: Code::LDAP006,
        title: "LDAP user id differs from the CUCM user id: contact always offline",
        severity: Severity::Error,
        checks: "CUPC searches LDAP and a user's LDAP id (the id CUPC adds contacts by) differs from their CUCM user id, with no phone-attribute mapping that makes them equal.",
        why: "A contact added from an LDAP search is watched under its LDAP id as presence user id; if CUCM knows the user by another id, the contact always shows offline.",
        fixes: &[
            Fix::new(
                "Make the LDAP user id match the CUCM user id.",
                "Renaming ids touches every system that uses them.",
            ),
            Fix::new(
                "When CUCM ids are extensions and LDAP holds the extension, map the LDAP phone attribute to the CUPC user id (CUPS Admin > Application > CUPC > Settings).",
                "Only works while ids are extensions.",
            ),
        ],
        service: Some(Service::Directory),
    },
    RuleInfo {
        code: Code::LDAP007,
        title: "LDAP search account password changed while clients keep the old profile",
        severity: Severity::Warning,
        checks: "The CUPC LDAP search service account's password was changed while CUPC clients were logged in.",
        why: "CUPC downloads the LDAP profile only at logon: logged-in clients keep trying the old password and lock the account out again right after every unlock.",
        fixes: &[Fix::new(
            "Create a second service account and switch the LDAP profile to it once, correctly the first time.",
            "Two accounts to manage until the old one is retired.",
        )],
        service: Some(Service::Directory),
    },
    RuleInfo {
        code: Code::LDAP008,
        title: "CUCM not integrated with LDAP while CUPC searches LDAP",
        severity: Severity::Info,
        checks: "CUPC searches LDAP for contacts but CUCM does not synchronize from LDAP.",
        why: "Without integration, adding contacts is painful and LDAP ids drift from CUCM ids, which leaves contacts offline (LDAP006). CUCM/LDAP integration is highly recommended.",
        fixes: &[Fix::new(
            "Integrate CUCM with LDAP (synchronization).",
            "CUCM users missing from LDAP become delete pending.",
        )],
        service: Some(Service::Directory),
    },
];

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
            mapped_to_phone: PHONE_ATTRIBUTES.contains(&profile.user_id_attribute.to_ascii_lowercase().as_str()),
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
