//! PRS: the presence address and the presence node (docs/derivations/presence-address.md).

use crate::catalogue::{Code, Fix, RuleInfo, Service, Severity};

/// The PRS rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::PRS001,
        title: "presence address is unusable or does not resolve",
        severity: Severity::Error,
        checks: "The presence address CUPC derives for each CUPS node (the node name, with the proxy domain appended unless it already ends with it) is neither an IP address nor a DNS name that resolves.",
        why: "CUPC registers to `user@ADDRESS`. The proxy may be content to match strings, but CUPC's SIP stack must resolve the host part to a routable address: `cup1.10.11.12.13`, `cup1.cisco.com.PROXY_DOMAIN_NOT_SET` or `cup1.cisco.com.CISCO.COM` never will, and presence fails.",
        fixes: &[
            Fix::new(
                "Set the CUPS node name to an FQDN within the proxy domain (System > Servers).",
                "Clients must resolve that FQDN; changes the login server CUPC 7.x remembers.",
            ),
            Fix::new(
                "Set the CUPS node name to its IP address.",
                "No name resolution needed, but renumbering the server means renaming the node.",
            ),
            Fix::new(
                "Set Proxy Domain to the DNS domain (Cisco UP SIP Proxy service parameters).",
                "Changes every user's SIP URI domain.",
            ),
        ],
        service: Some(Service::Presence),
    },
    RuleInfo {
        code: Code::PRS002,
        title: "proxy domain is an IP address",
        severity: Severity::Warning,
        checks: "The SIP Proxy Domain service parameter is an IP address.",
        why: "CUPC appends the proxy domain to a node name that does not end with it: with an IP as domain every hostname or FQDN node name becomes `name.10.11.12.13`, which no DNS resolves. Only IP node names still work.",
        fixes: &[Fix::new(
            "Set Proxy Domain to the DNS domain.",
            "Changes every user's SIP URI domain; federated peers and static routes must follow.",
        )],
        service: Some(Service::Presence),
    },
    RuleInfo {
        code: Code::PRS003,
        title: "proxy domain is not set",
        severity: Severity::Error,
        checks: "The SIP Proxy Domain service parameter is empty.",
        why: "CUPC then uses the literal `PROXY_DOMAIN_NOT_SET` and registers to `node.PROXY_DOMAIN_NOT_SET` unless the node name is an IP address.",
        fixes: &[Fix::new(
            "Set Proxy Domain (System > Service Parameters > Cisco UP SIP Proxy) to the DNS domain.",
            "A restart of the SIP proxy service.",
        )],
        service: Some(Service::Presence),
    },
    RuleInfo {
        code: Code::PRS004,
        title: "node name suffix differs from the proxy domain only in case",
        severity: Severity::Error,
        checks: "A CUPS node name ends with the proxy domain except for letter case (`cup1.cisco.com` with `CISCO.COM`).",
        why: "CUPC compares case-sensitively, sees no match and appends the domain: `cup1.cisco.com.CISCO.COM`, which does not resolve.",
        fixes: &[Fix::new(
            "Make the case of the proxy domain and the node name's domain identical.",
            "None beyond the change itself.",
        )],
        service: Some(Service::Presence),
    },
    RuleInfo {
        code: Code::PRS005,
        title: "node name ends with the proxy domain but not on a label boundary",
        severity: Severity::Warning,
        checks: "A CUPS node name ends with the proxy domain string, but not at a dot (`mycisco.com` with `cisco.com`).",
        why: "CUPC's rule is a plain string suffix test, so it uses the node name as it is, although the name is not inside the proxy's DNS domain; it works only by accident and breaks when either is renamed.",
        fixes: &[Fix::new(
            "Rename the node to an FQDN inside the proxy domain.",
            "Clients must resolve the new name.",
        )],
        service: Some(Service::Presence),
    },
    RuleInfo {
        code: Code::PRS006,
        title: "a CUPC 7.x client cannot resolve the presence FQHN",
        severity: Severity::Error,
        checks: "A CUPC 7.x client profile cannot resolve the presence address of a presence node its users register to.",
        why: "CUPC 1.2.x could use presence without resolving the presence FQHN; CUPC 7.0.x cannot (the design changed), so an upgrade alone can break presence.",
        fixes: &[
            Fix::new(
                "Add the DNS record for the presence address.",
                "Needs DNS access for every client network.",
            ),
            Fix::new(
                "Add the name to the client's hosts file.",
                "One file per machine to keep current.",
            ),
        ],
        service: Some(Service::Presence),
    },
];
