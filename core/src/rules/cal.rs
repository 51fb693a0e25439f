//! CAL: calendar integration between CUPS and Exchange over WebDAV.

use super::engine::{Context, Sink};
use crate::catalogue::Code;
use crate::model::Path;
use crate::report::{Subject, SubjectKind};

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
