//! AUTH: the credentials behind Show Server Health's "Invalid Credential".

use crate::catalogue::{Code, Fix, RuleInfo, Service, Severity};

/// The AUTH rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::AUTH001,
        title: "blank digest credential: Presence shows Invalid Credential",
        severity: Severity::Error,
        checks: "A user's digest credential is blank on CUCM End User, SIP authentication is on, and no incoming ACL pattern covers the addresses of every client the user logs in from.",
        why: "CUPS hands CUPC the digest credential synced from CUCM at logon, and CUPC answers the SIP proxy's digest challenge with it. Blank, the challenge fails: Show Server Health says Presence: Invalid Credential although login worked.",
        fixes: &[
            Fix::new(
                "Set any (dummy) digest credential on CUCM Admin > User Management > End User.",
                "Keeps SIP authentication: the secure fix.",
            ),
            Fix::new(
                "Add an incoming ACL pattern covering the users' CUPC machines (System > Security > Incoming ACL).",
                "Less secure: every machine in that pattern reaches the proxy without a digest challenge.",
            ),
            Fix::new(
                "Set the SIP proxy's Authentication Module to off.",
                "Least secure: turns SIP authentication off for everyone.",
            ),
        ],
        service: Some(Service::Presence),
    },
    RuleInfo {
        code: Code::AUTH002,
        title: "incoming ACL trusts too wide a pattern",
        severity: Severity::Security,
        checks: "An incoming ACL pattern is `all` or wider than a site subnet (shorter than /16 for IPv4, /48 for IPv6).",
        why: "Every address the pattern covers reaches the SIP proxy without a digest challenge.",
        fixes: &[Fix::new(
            "Narrow the pattern to the client subnets that need it, and fix digest credentials instead.",
            "Users outside the narrowed pattern need a digest credential.",
        )],
        service: None,
    },
    RuleInfo {
        code: Code::AUTH003,
        title: "SIP authentication module is off",
        severity: Severity::Security,
        checks: "The Cisco UP SIP Proxy Authentication Module service parameter is off.",
        why: "Presence then works without digest credentials, for anyone who can reach the proxy: the least secure way around Invalid Credential.",
        fixes: &[Fix::new(
            "Turn the authentication module on and give every user a digest credential.",
            "Users with a blank credential fail until it is set (AUTH001).",
        )],
        service: None,
    },
    RuleInfo {
        code: Code::AUTH004,
        title: "LDAP authentication port follows referrals: Desk Phone shows Invalid Credential",
        severity: Severity::Error,
        checks: "CUCM uses LDAP authentication on a port that follows referrals (389 or 636) while users control a desk phone from CUPC.",
        why: "CUPC authenticates to CTIManager with the user's own login; CTIManager checks it against LDAP and fails when LDAP answers with a referral (a CUCM bug). CUPC is the only application that uses end-user credentials with CTIManager, so only it breaks.",
        fixes: &[Fix::new(
            "Set the LDAP authentication port to 3268 (Global Catalog), then restart CTIManager.",
            "The Global Catalog must hold every attribute authentication needs.",
        )],
        service: Some(Service::DeskPhone),
    },
    RuleInfo {
        code: Code::AUTH005,
        title: "CUPS cannot reach the LDAP server used for authentication",
        severity: Severity::Error,
        checks: "CUCM uses LDAP authentication and a CUPS node cannot reach the LDAP server.",
        why: "CUPC logs in to CUPS, which authenticates against LDAP itself. With CUCM-LDAP and CUPS-CUCM open but CUPS-LDAP blocked, users sync to CUPS but cannot log in to CUPC.",
        fixes: &[Fix::new(
            "Open CUPS to the LDAP server (the access list or firewall between them).",
            "One more path through the firewall.",
        )],
        service: Some(Service::Login),
    },
    RuleInfo {
        code: Code::AUTH006,
        title: "LDAPS certificate is on CUCM but not on CUPS",
        severity: Severity::Error,
        checks: "CUCM uses LDAP over SSL and the LDAP server's certificate was uploaded to CUCM but not to a CUPS node.",
        why: "CUPS authenticates CUPC logins against LDAP itself; without the certificate it cannot set up LDAPS, and logins fail.",
        fixes: &[Fix::new(
            "Upload the LDAP certificate to each CUPS node.",
            "None beyond keeping it current on both.",
        )],
        service: Some(Service::Login),
    },
];
