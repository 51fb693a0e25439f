//! DRIFT: where what the real servers do contradicts the deployment file.

use crate::catalogue::{Code, Fix, RuleInfo, Severity};

/// The DRIFT rules.
pub const RULES: &[RuleInfo] = &[RuleInfo {
    code: Code::DRIFT001,
    title: "the deployment file disagrees with the real deployment",
    severity: Severity::Warning,
    checks: "Observed by `uclint probe`: a server answers differently from what the deployment file says (DNS gives another address than the file's records, a service the file says runs refuses connections, a port the file names is closed).",
    why: "Every prediction uclint makes rests on the file: when it is stale, the predictions built on that setting are suspect, and the real failure may be elsewhere.",
    fixes: &[Fix::new(
        "Update the deployment file to what the servers do (or collect it again from them), then run `uclint check` again.",
        "None.",
    )],
    service: None,
}];
