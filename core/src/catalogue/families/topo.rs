//! TOPO: which server does what, and whether references hold.

use crate::catalogue::{Code, Fix, RuleInfo, Service, Severity};

/// The TOPO rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::TOPO001,
        title: "a server holds both cucm and cups roles",
        severity: Severity::Error,
        checks: "One server is both a CUCM and a CUPS node.",
        why: "CUPS is a standalone product: it requires its own server and cannot be co-resident with CUCM.",
        fixes: &[Fix::new(
            "Install CUPS on a separate server.",
            "Another supported server.",
        )],
        service: None,
    },
    RuleInfo {
        code: Code::TOPO002,
        title: "home or presence node is not a CUPS node",
        severity: Severity::Error,
        checks: "A user's home node or presence node is a server that is not a CUPS node.",
        why: "CUPC logs in to the home node after the first login and registers presence to the presence node: both must be CUPS nodes.",
        fixes: &[Fix::new(
            "Assign the user to a CUPS node.",
            "Rebalances the CUPS nodes' load.",
        )],
        service: Some(Service::Login),
    },
    RuleInfo {
        code: Code::TOPO003,
        title: "dangling reference",
        severity: Severity::Error,
        checks: "A server, client or user named somewhere in the deployment does not exist in it.",
        why: "A reference to nothing is a typo or a leftover; whatever depends on it cannot be derived.",
        fixes: &[Fix::new("Fix the reference or add what it names.", "None.")],
        service: None,
    },
];
