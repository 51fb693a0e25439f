//! VM: voicemail as CUPC reaches it over IMAP.

use crate::catalogue::{Code, Fix, RuleInfo, Service, Severity};

/// The VM rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::VM001,
        title: "Exchange 2007 IMAP on TCP 143 with plain-text LOGIN disabled",
        severity: Severity::Error,
        checks: "A voicemail profile uses IMAP over TCP 143 to an Exchange 2007 (or later) mailbox server on which plain-text LOGIN is not enabled.",
        why: "Exchange 2007 disables LOGIN on TCP 143 by default (it is available over SSL only), so CUPC shows Voicemail: Invalid username/password.",
        fixes: &[
            Fix::new(
                "Run `Set-IMAPSettings -LoginType 1` in the Exchange Management Shell and restart the IMAP4 service.",
                "Passwords cross the network in plain text on 143.",
            ),
            Fix::new(
                "Point the profile to port 993 (IMAP over SSL).",
                "CUPC must trust the Exchange certificate.",
            ),
        ],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM002,
        title: "IMAP service is not running on an Exchange mailbox server",
        severity: Severity::Error,
        checks: "The Microsoft Exchange IMAP4 service of a mailbox server is not set to Automatic and running.",
        why: "Exchange installs IMAP4 disabled; CUPC's voicemail cannot connect until it is started.",
        fixes: &[Fix::new(
            "Set the IMAP4 service's startup type to Automatic and start it.",
            "One more service exposed on the mailbox server.",
        )],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM003,
        title: "voicemail profile points to the Unity server, not the Exchange store",
        severity: Severity::Error,
        checks: "With Cisco Unity, a CUPC voicemail profile points to the Unity server instead of the Exchange server that stores the messages.",
        why: "Unity keeps voicemail in Exchange; CUPC must read it there. CUPS Admin calls the field \"Unity Server\", which misleads, especially in unified messaging where they are different servers.",
        fixes: &[Fix::new("Point the profile to the Exchange mailbox server.", "None.")],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM004,
        title: "fewer voicemail profiles than mailbox servers",
        severity: Severity::Error,
        checks: "There are more Exchange mailbox servers than CUPC voicemail profiles pointing to them.",
        why: "CUPC does not follow IMAP referrals: users whose mailbox lives on a server without a profile get no voicemail.",
        fixes: &[Fix::new(
            "Enable IMAP on each mailbox server and create one profile for each.",
            "More profiles to assign and keep current.",
        )],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM005,
        title: "Unity Connection uses the Web Application Password",
        severity: Severity::Info,
        checks: "Voicemail is on Cisco Unity Connection.",
        why: "CUPC logs in to Unity Connection's IMAP with the user's Web Application Password, not the voicemail PIN; resetting the PIN does not fix a failed login.",
        fixes: &[Fix::new(
            "Reset the user's Web Application Password when voicemail login fails.",
            "The user must learn a new password.",
        )],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM006,
        title: "captured IMAP CAPABILITY shows LOGINDISABLED on a plain-text port",
        severity: Severity::Error,
        checks: "A captured IMAP `CAPABILITY` line contains `LOGINDISABLED` on port 143.",
        why: "The server refuses plain-text LOGIN on that port: CUPC's voicemail login will fail there.",
        fixes: &[
            Fix::new(
                "Run `Set-IMAPSettings -LoginType 1` and restart IMAP.",
                "Passwords cross the network in plain text.",
            ),
            Fix::new("Use port 993 (SSL).", "CUPC must trust the certificate."),
        ],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM007,
        title: "IMAP login refused on every port",
        severity: Severity::Error,
        checks: "Observed by `uclint probe --imap-login`: the voicemail server refuses the user's login on the plain-text port and on the SSL port alike.",
        why: "When only port 143 refuses, plain-text LOGIN is disabled (VM001, VM006); when every port refuses, the credentials themselves are wrong: for Unity Connection, CUPC sends the Web Application Password, not the voicemail PIN, and the mailbox must exist on that server.",
        fixes: &[
            Fix::new(
                "Reset the user's Web Application Password (Unity Connection) or Windows password (Exchange) and enter it in CUPC.",
                "The user must update every client that stores it.",
            ),
            Fix::new(
                "Check that the mailbox lives on the server the voicemail profile names.",
                "None.",
            ),
        ],
        service: Some(Service::Voicemail),
    },
];
