//! TLS: the Wireshark recipe (docs/derivations/recipes.md) and the certificates servers present.

use crate::catalogue::{Code, Fix, RuleInfo, Severity};

const NEW_CERTIFICATE: Fix = Fix::new(
    "Issue a certificate from the CA the clients trust, naming the node name and the hostname (SAN DNS names), and install it on the server.",
    "Services using it restart.",
);

/// The TLS rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
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
    },
    RuleInfo {
        code: Code::TLS002,
        title: "the certificate does not name the server",
        severity: Severity::Error,
        checks: "Observed by `uclint probe`: the certificate a server presents names neither its node name nor the hostname users type (SAN DNS names and IP addresses, then the CN; a leftmost wildcard allowed).",
        why: "Clients connect by the node name CUPS hands them (or by the name the user typed) and check it against the certificate: a certificate issued for another name is untrusted, so the client warns, or refuses and the service fails.",
        fixes: &[
            NEW_CERTIFICATE,
            Fix::new(
                "Rename the node to the name the certificate carries.",
                "Every client learns the new name at its next logon.",
            ),
        ],
        service: None,
    },
    RuleInfo {
        code: Code::TLS003,
        title: "the certificate has expired or expires within 30 days",
        severity: Severity::Error,
        checks: "Observed by `uclint probe`: the certificate a server presents is past its notAfter date (error), or reaches it within 30 days (warning).",
        why: "An expired certificate is refused by every client that checks it: logins, presence over TLS, LDAPS and calendar stop at once, on the day it expires.",
        fixes: &[NEW_CERTIFICATE],
        service: None,
    },
    RuleInfo {
        code: Code::TLS004,
        title: "the certificate chain is not trusted",
        severity: Severity::Error,
        checks: "Observed by `uclint probe`: the chain a server presents does not lead to a trusted root (the system's roots, or the CA bundle given with `--ca`): self-signed, or signed by an unknown issuer.",
        why: "Clients that do not trust the issuer warn or refuse; on CUCM and CUPS the issuer must also be uploaded to each server's trust store (as for LDAPS, AUTH006).",
        fixes: &[
            NEW_CERTIFICATE,
            Fix::new(
                "Distribute the issuing CA certificate to the clients' and servers' trust stores.",
                "Every client and server must get it.",
            ),
        ],
        service: None,
    },
];
