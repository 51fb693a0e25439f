//! LDAP: CUCM's directory integration and CUPC's LDAP search.

use crate::catalogue::{Code, Fix, RuleInfo, Service, Severity};

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
    RuleInfo {
        code: Code::LDAP009,
        title: "LDAP bind refused",
        severity: Severity::Error,
        checks: "Observed by `uclint probe`: a simple bind as the CUPC search account (or as the user with `--user`) is refused: result 49, invalid credentials, or the account is locked by the directory's password policy.",
        why: "CUPC binds with the account of its LDAP profile to search contacts; a refused bind leaves contact search empty. A locked account is the lockout loop of LDAP007: clients still holding the old password keep failing binds until the directory locks the account.",
        fixes: &[
            Fix::new(
                "Set the account's password in the CUPC LDAP profile to the one the directory holds.",
                "Clients pick up the profile at their next logon.",
            ),
            Fix::new(
                "If the account is locked, create a second account, point the profile at it once, correctly, then unlock or retire the first.",
                "One more directory account to manage.",
            ),
        ],
        service: Some(Service::Directory),
    },
    RuleInfo {
        code: Code::LDAP010,
        title: "the LDAP authentication port returns referrals",
        severity: Severity::Error,
        checks: "Observed by `uclint probe`: a search under the base on the port CUCM authenticates on returns referrals (search continuation references or result 10).",
        why: "CTIManager authenticates CUPC's desk-phone control against LDAP with the user's own credentials; when the directory answers with referrals on 389/636, the bind goes to the referred server and fails, and Show Server Health says Desk Phone \"Invalid Credential\" (AUTH004, observed).",
        fixes: &[Fix::new(
            "Authenticate against the Global Catalog port 3268 (3269 with TLS), which does not return referrals, and restart CTIManager.",
            "The Global Catalog must hold the attributes CUCM authenticates with.",
        )],
        service: Some(Service::DeskPhone),
    },
];
