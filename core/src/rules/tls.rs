//! TLS: troubleshooting recipes (docs/derivations/recipes.md).

use super::engine::{Context, Sink};
use crate::catalogue::Code;
use crate::derive::wireshark::has_forward_secrecy;
use crate::model::Path;
use crate::report::{Subject, SubjectKind};

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
