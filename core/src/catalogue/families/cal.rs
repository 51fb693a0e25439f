//! CAL: calendar integration between CUPS and Exchange over WebDAV.

use crate::catalogue::{Code, Fix, RuleInfo, Service, Severity};

/// The CAL rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::CAL001,
        title: "calendar connection is not HTTPS",
        severity: Severity::Error,
        checks: "CUPS connects to Exchange for calendar over something other than HTTPS.",
        why: "CUPS requires HTTPS (TLS) between CUPS and Exchange for calendar integration.",
        fixes: &[Fix::new(
            "Use HTTPS, with the Exchange certificate (or its CA) trusted on CUPS.",
            "Certificates to issue and keep current (a self-signed one from makecert.exe will do for a lab).",
        )],
        service: Some(Service::Calendar),
    },
    RuleInfo {
        code: Code::CAL002,
        title: "Exchange 2003/2007 mixed mode",
        severity: Severity::Warning,
        checks: "Exchange runs 2003 and 2007 in mixed mode.",
        why: "More likely than not it will not work with CUPS, because of WebDAV's limitations.",
        fixes: &[Fix::new(
            "Avoid mixed mode for the mailboxes CUPS reads.",
            "A migration step.",
        )],
        service: Some(Service::Calendar),
    },
    RuleInfo {
        code: Code::CAL003,
        title: "a firewall between CUPS and Exchange",
        severity: Severity::Warning,
        checks: "A firewall (Microsoft ISA server especially) sits between CUPS and Exchange.",
        why: "Firewalls, ISA in particular, interfere with the WebDAV traffic CUPS depends on.",
        fixes: &[Fix::new(
            "Avoid the firewall on the CUPS-Exchange path.",
            "Network design change.",
        )],
        service: Some(Service::Calendar),
    },
    RuleInfo {
        code: Code::CAL004,
        title: "a load balancer between CUPS and Exchange",
        severity: Severity::Warning,
        checks: "A load balancer or traffic director sits between CUPS and Exchange.",
        why: "WebDAV subscriptions and notifications break when a load balancer sends requests to another server.",
        fixes: &[Fix::new(
            "Point CUPS at an Exchange server directly.",
            "No load balancing for calendar traffic.",
        )],
        service: Some(Service::Calendar),
    },
    RuleInfo {
        code: Code::CAL005,
        title: "forms-based authentication enabled",
        severity: Severity::Info,
        checks: "Forms-based authentication (FBA) is enabled on OWA/IIS.",
        why: "Exchange offers many authentication methods; FBA is a common source of trouble, so disable it while troubleshooting.",
        fixes: &[],
        service: Some(Service::Calendar),
    },
    RuleInfo {
        code: Code::CAL006,
        title: "Exchange 2010 or later has no WebDAV",
        severity: Severity::Error,
        checks: "The calendar Exchange server is Exchange 2010 or later (beyond the notes).",
        why: "CUPS of this era queries calendars over WebDAV, which Exchange 2010 removed; Microsoft recommends EWS.",
        fixes: &[Fix::new(
            "Use an EWS-based calendar integration (a later CUPS release).",
            "An upgrade.",
        )],
        service: Some(Service::Calendar),
    },
    RuleInfo {
        code: Code::CAL007,
        title: "a whole-day test event shows as FREE by default",
        severity: Severity::Info,
        checks: "Calendar integration is configured (advice for testing it).",
        why: "Test with a meeting set to Busy, as a whole-day event to avoid time-zone glitches; but a whole-day event is FREE by default in Outlook, so set it to Busy explicitly.",
        fixes: &[],
        service: Some(Service::Calendar),
    },
    RuleInfo {
        code: Code::CAL008,
        title: "WebDAV PROPFIND refused with the configured account",
        severity: Severity::Error,
        checks: "Observed by `uclint probe`: a WebDAV PROPFIND on the user's Exchange calendar URL, with the account CUPS is configured with, is answered 401 or 403.",
        why: "CUPS reads each user's calendar over WebDAV with one account that must have rights on every mailbox; a refused PROPFIND means no calendar presence for anyone.",
        fixes: &[Fix::new(
            "Give the CUPS account receive-as rights on the mailboxes (or fix its password in the presence gateway).",
            "A service account that reads every calendar.",
        )],
        service: Some(Service::Calendar),
    },
];
