//! JAB: Cisco Jabber and Webex App service discovery (D8, beyond the notes).

use crate::catalogue::{Code, Fix, RuleInfo, Service, Severity};

const PUBLIC_CERTIFICATE: Fix = Fix::new(
    "Issue the server a certificate from a CA the clients' operating systems trust, naming every name Jabber connects to (SAN DNS names; for XMPP also xmppAddr or srvName).",
    "Services using it restart; every name must be listed again at the next renewal.",
);

/// The JAB rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::JAB001,
        title: "`_cisco-uds` resolves on public DNS",
        severity: Severity::Error,
        checks: "The public DNS the deployment describes (`dns.public`) answers `_cisco-uds._tcp` for a domain Jabber signs in with.",
        why: "Jabber weighs `_cisco-uds` above `_collab-edge` wherever it is: outside the network it finds the internal record, chooses on-premises sign-in, cannot reach Unified CM, and never starts Mobile and Remote Access.",
        fixes: &[Fix::new(
            "Remove `_cisco-uds._tcp` (and `_cuplogin._tcp`) from the public zone; keep them on internal DNS only (split DNS).",
            "None for inside clients, which ask internal DNS.",
        )],
        service: Some(Service::JabberSignIn),
    },
    RuleInfo {
        code: Code::JAB002,
        title: "no discovery record for the domain",
        severity: Severity::Error,
        checks: "A Jabber or Webex App client profile finds no usable `_cisco-uds._tcp`, `_cuplogin._tcp` or `_collab-edge._tls` record for its services domain in the DNS it sees (inside: the deployment's; outside: `dns.public`), counting services `EXCLUDED_SERVICES` stops.",
        why: "Without a record service discovery ends at \"Cannot find your services automatically\", and every user must type a server in Advanced settings.",
        fixes: &[
            Fix::new(
                "Publish `_cisco-uds._tcp.DOMAIN` on internal DNS pointing at the CUCM nodes (port 8443), and `_collab-edge._tls.DOMAIN` on public DNS pointing at the Expressway-E (port 8443).",
                "Needs the DNS team; the records serve every client at once.",
            ),
            Fix::new(
                "Set SERVICES_DOMAIN or VOICE_SERVICES_DOMAIN to a domain that has the records.",
                "Pushed to every client (installer, bootstrap, MDM).",
            ),
        ],
        service: Some(Service::JabberSignIn),
    },
    RuleInfo {
        code: Code::JAB003,
        title: "`_collab-edge` target is not the Expressway-E's FQDN",
        severity: Severity::Error,
        checks: "`_collab-edge._tls.DOMAIN` points to a name that is neither an Expressway-E's own FQDN nor a CNAME to it in the same domain.",
        why: "The Expressway-E issues the authorization cookie for its own FQDN: reached under another name it refuses the cookie (INTERNAL_ERROR) and MRA sign-in fails.",
        fixes: &[Fix::new(
            "Point the SRV record at the Expressway-E's FQDN (System host name plus Domain name).",
            "Public DNS change; the FQDN must also be in the Expressway-E's certificate.",
        )],
        service: Some(Service::JabberSignIn),
    },
    RuleInfo {
        code: Code::JAB004,
        title: "Expressway-E certificate SAN lacks the domain",
        severity: Severity::Error,
        checks: "The Expressway-E's certificate has no SAN DNS name equal to the MRA domain or to `collab-edge.DOMAIN`.",
        why: "Jabber checks the edge certificate against the domain it signs in with, not only the host name: without it Jabber does not connect through MRA.",
        fixes: &[Fix::new(
            "Reissue the Expressway-E certificate with `DOMAIN` (or `collab-edge.DOMAIN`) added to the SAN.",
            "A public CA must validate the domain; the Expressway restarts.",
        )],
        service: Some(Service::JabberSignIn),
    },
    RuleInfo {
        code: Code::JAB005,
        title: "a name Jabber connects to does not resolve for the client",
        severity: Severity::Error,
        checks: "A discovery target, the CUCM node name or the IM and Presence node name that a Jabber or Webex App client profile connects to does not resolve in the DNS that client sees (with its hosts file and search list).",
        why: "Service discovery hands Jabber names, and the servers' configuration hands it node names: a name that does not resolve where the client is ends at \"Cannot communicate with the server\".",
        fixes: &[
            Fix::new(
                "Add the A record for the name to the DNS the client uses.",
                "Needs the DNS team.",
            ),
            Fix::new(
                "Rename the node to an FQDN that resolves everywhere (System > Server).",
                "A cluster change; certificates must carry the new name.",
            ),
        ],
        service: Some(Service::JabberSignIn),
    },
    RuleInfo {
        code: Code::JAB006,
        title: "certificate does not name what Jabber connects to, or is not trusted",
        severity: Severity::Error,
        checks: "The certificate of a server Jabber connects to does not carry the name it connects by (HTTPS: SAN DNS names, then CN; XMPP: xmppAddr, srvName, DNS, then CN; a leftmost wildcard allowed), or is self-signed. Connecting by IP address or short name to an FQDN certificate counts.",
        why: "An untrusted certificate makes Jabber prompt the user (or refuse, with InvalidCertificateBehavior=RejectAndNotify or in FIPS mode), and Webex App never prompts: it fails unless the operating system trusts the certificate. On CUCM's Tomcat that is \"Untrusted server. No services discovered.\"",
        fixes: &[
            PUBLIC_CERTIFICATE,
            Fix::new(
                "Rename the node to the FQDN its certificate carries.",
                "A cluster change; clients learn the new name at next sign-in.",
            ),
        ],
        service: Some(Service::JabberSignIn),
    },
    RuleInfo {
        code: Code::JAB007,
        title: "Jabber for Windows gives up before the target that works",
        severity: Severity::Error,
        checks: "For Jabber for Windows, one of the two best `_cisco-uds` targets (priority, then weight) does not resolve for the client or is not a CUCM node of the deployment, while a later target would have worked.",
        why: "Jabber for Windows tries only the two best `_cisco-uds` targets and gives up after 20 seconds: a working third target is never reached.",
        fixes: &[Fix::new(
            "Keep the `_cisco-uds` records to reachable CUCM nodes, the best two first; remove records to decommissioned nodes.",
            "Needs the DNS team.",
        )],
        service: Some(Service::JabberSignIn),
    },
    RuleInfo {
        code: Code::JAB008,
        title: "VoiceServicesDomain equals the sign-in domain",
        severity: Severity::Info,
        checks: "A client profile sets VOICE_SERVICES_DOMAIN to the domain users sign in with.",
        why: "VoiceServicesDomain exists for deployments whose SRV records live in another domain than the sign-in address; set to the same domain it changes nothing and is one more setting to keep in step when the domain changes.",
        fixes: &[Fix::new("Leave VOICE_SERVICES_DOMAIN unset.", "None.")],
        service: Some(Service::JabberSignIn),
    },
];
