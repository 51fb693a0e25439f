//! TLS: troubleshooting recipes (SPEC D5).

use super::Code;
use super::engine::{Context, Sink};
use super::registry::RuleInfo;
use crate::derive::wireshark::has_forward_secrecy;
use crate::model::Path;
use crate::report::{Fix, Severity, Subject, SubjectKind};

/// The TLS rules.
pub const RULES: &[RuleInfo] = &[RuleInfo {
    code: Code::TLS001,
    title: "RSA key cannot decrypt a forward-secret cipher suite",
    severity: Severity::Warning,
    checks: "The cipher suite between CUPS and Exchange uses (EC)DHE key exchange or TLS 1.3, so the D5 Wireshark recipe (the server's RSA key) cannot decrypt captures (beyond the notes).",
    why: "With RSA key exchange the server's private key decrypts the session; with (EC)DHE the session keys never cross the wire, so only a key log file can.",
    fixes: &[Fix::new(
        "Capture with a key log: set SSLKEYLOGFILE on the client side and give the file to Wireshark.",
        "Needs control of a TLS endpoint's process.",
    )],
    service: None,
}];

/// Run the TLS rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(cal) = &cx.deployment.calendar else {
        return;
    };
    let Some(suite) = cal.cipher_suite.as_deref() else {
        return;
    };
    if has_forward_secrecy(suite) {
        out.emit(
            Code::TLS001,
            Subject::new(SubjectKind::Calendar, &cal.exchange),
            cx.locate(&Path::default().key("calendar").key("cipher_suite")),
            format!("CUPS and Exchange negotiate `{suite}`: the Exchange RSA key cannot decrypt captures of it, use a key log"),
        );
    }
}
