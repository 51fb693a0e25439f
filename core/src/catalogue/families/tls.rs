//! TLS: the Wireshark recipe (docs/derivations/recipes.md).

use crate::catalogue::{Code, Fix, RuleInfo, Severity};

/// The TLS rules.
pub const RULES: &[RuleInfo] = &[RuleInfo {
    code: Code::TLS001,
    title: "RSA key cannot decrypt a forward-secret cipher suite",
    severity: Severity::Warning,
    checks: "The cipher suite between CUPS and Exchange uses (EC)DHE key exchange or TLS 1.3, so the Wireshark recipe (the server's RSA key) cannot decrypt captures (beyond the notes).",
    why: "With RSA key exchange the server's private key decrypts the session; with (EC)DHE the session keys never cross the wire, so only a key log file can.",
    fixes: &[Fix::new(
        "Capture with a key log: set SSLKEYLOGFILE on the client side and give the file to Wireshark.",
        "Needs control of a TLS endpoint's process.",
    )],
    service: None,
}];
