//! NAME: the names endpoints resolve on their own (name resolution, the implicit names).

use crate::catalogue::{Code, Fix, RuleInfo, Service, Severity};

/// The NAME rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::NAME001,
        title: "a client cannot resolve a node name it uses implicitly",
        severity: Severity::Error,
        checks: "A client profile cannot resolve a node name it uses without being told: the phone Directory URL, Attendant Console's JTAPI connection, or CUPC 7.x's home node.",
        why: "Endpoints use node names even when you typed an address: the Directory button opens http://NODE:8080/ccmcip/xmldirectory.jsp, Attendant Console connects JTAPI to CUCM by node name, and CUPC 7.x replaces the login server with the home node's node name after the first login. A bare hostname resolves only through the right DNS suffix.",
        fixes: &[
            Fix::new(
                "Type the FQHN as the login server at each login.",
                "Every user, every login.",
            ),
            Fix::new(
                "Add the node name to the client's hosts file.",
                "One file per machine to keep current.",
            ),
            Fix::new(
                "Change the node name to its FQHN.",
                "Clients resolve it anywhere DNS reaches; a cluster change.",
            ),
            Fix::new(
                "Change the node name to its IP address.",
                "No DNS needed, but renumbering means renaming.",
            ),
        ],
        service: Some(Service::Login),
    },
    RuleInfo {
        code: Code::NAME002,
        title: "node name is a bare hostname",
        severity: Severity::Info,
        checks: "A CUCM or CUPS node name is a bare hostname (the install default).",
        why: "Every client then has to complete it with its DNS suffix; off-site and other-subdomain clients cannot (NAME001). An FQHN or IP node name avoids that.",
        fixes: &[Fix::new(
            "Rename the node to its FQHN or IP (System > Servers).",
            "A cluster change; the hostname itself stays.",
        )],
        service: None,
    },
    RuleInfo {
        code: Code::NAME003,
        title: "client DNS suffix list lacks the corporate domain",
        severity: Severity::Warning,
        checks: "A client profile's DNS suffix search list does not contain the corporate DNS domain.",
        why: "VPN and off-site clients get the ISP's suffix from DHCP (isp.com), clients in another subdomain get theirs (emea.acme.com): bare node names then resolve to nothing.",
        fixes: &[
            Fix::new("Type the FQHN at each login.", "Every user, every login."),
            Fix::new("Add node names to the client's hosts file.", "One file per machine."),
            Fix::new("Change node names to FQHNs or IPs.", "A cluster change."),
        ],
        service: None,
    },
    RuleInfo {
        code: Code::NAME004,
        title: "DNS resolves a node name to another address",
        severity: Severity::Error,
        checks: "DNS resolves a server's node name (or FQHN) to an address that is not one of the server's own.",
        why: "Clients that resolve the name reach the wrong host (a stale record after re-addressing is typical), so login, presence or the directory fail only for them.",
        fixes: &[Fix::new(
            "Correct the DNS record, or the server's addresses in the deployment.",
            "Wait for cached records to expire.",
        )],
        service: Some(Service::Login),
    },
];
