//! CAL: calendar integration between CUPS and Exchange over WebDAV.

use super::Code;
use super::engine::{Context, Sink};
use super::registry::{RuleInfo, Service};
use crate::model::Path;
use crate::report::{Fix, Severity, Subject, SubjectKind};

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
];

/// Run the CAL rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(cal) = &cx.deployment.calendar else {
        return;
    };
    let path = Path::default().key("calendar");
    let subject = || Subject::new(SubjectKind::Calendar, &cal.exchange);
    if !cal.protocol.eq_ignore_ascii_case("https") {
        out.emit(
            Code::CAL001,
            subject(),
            cx.locate(&path.clone().key("protocol")),
            format!(
                "CUPS reaches Exchange `{}` over {}, not HTTPS",
                cal.exchange, cal.protocol
            ),
        );
    }
    if cal.mixed_mode_2003_2007 {
        out.emit(
            Code::CAL002,
            subject(),
            cx.locate(&path.clone().key("mixed_mode_2003_2007")),
            "Exchange 2003/2007 mixed mode rarely works with CUPS's WebDAV",
        );
    }
    if let Some(firewall) = &cal.firewall {
        let isa = if firewall.to_ascii_lowercase().contains("isa") {
            " (ISA especially troubles WebDAV)"
        } else {
            ""
        };
        out.emit(
            Code::CAL003,
            subject(),
            cx.locate(&path.clone().key("firewall")),
            format!("firewall `{firewall}` between CUPS and Exchange{isa}"),
        );
    }
    if cal.load_balancer {
        out.emit(
            Code::CAL004,
            subject(),
            cx.locate(&path.clone().key("load_balancer")),
            "a load balancer sits between CUPS and Exchange",
        );
    }
    if cal.forms_based_authentication {
        out.emit(
            Code::CAL005,
            subject(),
            cx.locate(&path.clone().key("forms_based_authentication")),
            "forms-based authentication is on: disable it while troubleshooting",
        );
    }
    let version = cx
        .server(&cal.exchange)
        .and_then(|s| s.version.as_deref())
        .and_then(|v| v.trim().get(..4)?.parse::<u16>().ok());
    match version {
        Some(v) if v >= 2010 => out.emit(
            Code::CAL006,
            subject(),
            cx.locate(&path.clone().key("exchange")),
            format!("Exchange {v} has no WebDAV: this integration cannot work"),
        ),
        Some(_) => {}
        None => out.skip(Code::CAL006, "the calendar Exchange server has no version"),
    }
    out.emit(
        Code::CAL007,
        subject(),
        cal.location.clone(),
        "when testing, mark the whole-day test meeting Busy: it is FREE by default",
    );
}
