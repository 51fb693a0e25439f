//! D8 step 6: whether a certificate names the host Jabber connects to, and what the client
//! does when it does not.

use std::net::IpAddr;

use serde::Serialize;

use crate::model::{CertificateBehavior, CertificateNames, ClientKind, JabberSettings};

/// What a name is checked for: HTTPS (UDS, edge config) or XMPP (IM&P).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Protocol {
    /// SAN DNS names, then the CN.
    Https,
    /// SAN xmppAddr, srvName, DNS names, then the CN.
    Xmpp,
}

/// Whether the client trusts the certificate a server presents for `host`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "trust", rename_all = "kebab-case")]
pub enum Trust {
    /// The deployment does not say what the certificate carries.
    Unknown,
    /// A name matches and the issuer is trusted.
    Trusted {
        /// The certificate name that matched.
        matched: String,
    },
    /// Not trusted.
    Untrusted {
        /// Why, in a sentence.
        reason: String,
    },
}

/// Judge `certificate` (none: unknown) for a connection to `host`.
pub fn judge(certificate: Option<&CertificateNames>, host: &str, protocol: Protocol) -> Trust {
    let Some(certificate) = certificate else {
        return Trust::Unknown;
    };
    let host = host.trim_end_matches('.');
    let names = names_for(certificate, protocol);
    if let Some(matched) = names.iter().find(|name| matches(name, host)) {
        if certificate.self_signed {
            return Trust::Untrusted {
                reason: format!("the certificate names `{matched}` but is self-signed"),
            };
        }
        return Trust::Trusted {
            matched: (*matched).to_owned(),
        };
    }
    let list = if names.is_empty() {
        "no name".to_owned()
    } else {
        names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
    };
    let how = if host.parse::<IpAddr>().is_ok() {
        format!("Jabber connects by IP address `{host}`")
    } else if !host.contains('.') {
        format!("Jabber connects by the short name `{host}`")
    } else {
        format!("Jabber connects to `{host}`")
    };
    Trust::Untrusted {
        reason: format!("{how}; the certificate carries {list}"),
    }
}

/// The names to check, in the order the client checks them.
fn names_for(certificate: &CertificateNames, protocol: Protocol) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    if protocol == Protocol::Xmpp {
        names.extend(certificate.xmpp_addr.iter().map(String::as_str));
        // srvName carries `_xmpp-client.DOMAIN`: the service label is not part of the name.
        names.extend(
            certificate
                .srv_name
                .iter()
                .map(|n| n.split_once('.').map_or(n.as_str(), |(_, rest)| rest)),
        );
    }
    names.extend(certificate.san_dns.iter().map(String::as_str));
    names.extend(certificate.cn.as_deref());
    // The same name often sits in several fields (SAN DNS and xmppAddr, CN): list it once.
    let mut seen = Vec::with_capacity(names.len());
    names.retain(|n| {
        let new = !seen.iter().any(|s: &&str| s.eq_ignore_ascii_case(n));
        seen.push(*n);
        new
    });
    names
}

/// Whether certificate name `pattern` covers `host`: equal ignoring case, or a leftmost `*.`
/// wildcard standing for exactly one label.
pub fn matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.');
    if pattern.eq_ignore_ascii_case(host) {
        return true;
    }
    match (pattern.strip_prefix("*."), host.split_once('.')) {
        (Some(base), Some((label, rest))) => !label.is_empty() && base.eq_ignore_ascii_case(rest),
        _ => false,
    }
}

/// Whether an Expressway-E certificate names the MRA `domain` as Jabber requires: a SAN DNS name
/// equal to `domain` or to `collab-edge.DOMAIN` (a wildcard stands for neither).
pub fn names_edge_domain(certificate: &CertificateNames, domain: &str) -> bool {
    let wanted = [domain.to_owned(), format!("collab-edge.{domain}")];
    certificate
        .san_dns
        .iter()
        .any(|n| wanted.iter().any(|w| n.trim_end_matches('.').eq_ignore_ascii_case(w)))
}

/// What the client does with an untrusted certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reaction {
    /// Jabber asks the user to accept it, and goes on if they do.
    Prompt,
    /// The client refuses it.
    Refuse,
}

/// Jabber prompts unless told to reject or in FIPS mode; Webex App never prompts.
pub fn reaction(kind: ClientKind, settings: &JabberSettings) -> Reaction {
    if kind == ClientKind::WebexApp
        || settings.fips
        || settings.invalid_certificate_behavior == CertificateBehavior::RejectAndNotify
    {
        Reaction::Refuse
    } else {
        Reaction::Prompt
    }
}

/// What `kind` does with an untrusted certificate, in a sentence.
pub const fn reaction_words(kind: ClientKind, reaction: Reaction) -> &'static str {
    match reaction {
        Reaction::Prompt => "Jabber asks the user to accept it",
        Reaction::Refuse if matches!(kind, ClientKind::WebexApp) => "Webex App never prompts and refuses it",
        Reaction::Refuse => "the client refuses it without asking (RejectAndNotify or FIPS)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cert(san: &[&str], cn: Option<&str>) -> CertificateNames {
        CertificateNames {
            san_dns: san.iter().map(|s| (*s).to_owned()).collect(),
            cn: cn.map(str::to_owned),
            ..CertificateNames::default()
        }
    }

    #[test]
    fn san_then_cn_with_one_label_wildcards() {
        let c = cert(&["*.ex.com"], Some("cucm1.ex.com"));
        assert!(matches!(
            judge(Some(&c), "cucm2.ex.com", Protocol::Https),
            Trust::Trusted { .. }
        ));
        assert!(matches!(
            judge(Some(&c), "a.b.ex.com", Protocol::Https),
            Trust::Untrusted { .. }
        ));
        assert!(matches!(
            judge(Some(&c), "ex.com", Protocol::Https),
            Trust::Untrusted { .. }
        ));
        let cn_only = cert(&[], Some("CUCM1.ex.com"));
        assert!(matches!(
            judge(Some(&cn_only), "cucm1.ex.com.", Protocol::Https),
            Trust::Trusted { .. }
        ));
        assert_eq!(judge(None, "cucm1.ex.com", Protocol::Https), Trust::Unknown);
    }

    #[test]
    fn ip_and_short_names_are_untrusted_against_fqdns() {
        let c = cert(&["cucm1.ex.com"], None);
        match judge(Some(&c), "10.0.0.1", Protocol::Https) {
            Trust::Untrusted { reason } => assert!(reason.contains("IP address"), "{reason}"),
            other => panic!("{other:?}"),
        }
        match judge(Some(&c), "cucm1", Protocol::Https) {
            Trust::Untrusted { reason } => assert!(reason.contains("short name"), "{reason}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn xmpp_reads_xmpp_addr_and_srv_name_first() {
        let c = CertificateNames {
            srv_name: vec!["_xmpp-client.ex.com".to_owned()],
            ..CertificateNames::default()
        };
        assert!(matches!(
            judge(Some(&c), "ex.com", Protocol::Xmpp),
            Trust::Trusted { .. }
        ));
        assert!(matches!(
            judge(Some(&c), "ex.com", Protocol::Https),
            Trust::Untrusted { .. }
        ));
    }

    #[test]
    fn self_signed_is_untrusted_even_when_the_name_matches() {
        let c = CertificateNames {
            self_signed: true,
            ..cert(&["cucm1.ex.com"], None)
        };
        assert!(matches!(
            judge(Some(&c), "cucm1.ex.com", Protocol::Https),
            Trust::Untrusted { .. }
        ));
    }

    #[test]
    fn the_edge_names_the_domain_itself_or_collab_edge_never_by_wildcard() {
        assert!(names_edge_domain(&cert(&["expe.ex.com", "EX.com."], None), "ex.com"));
        assert!(names_edge_domain(&cert(&["collab-edge.ex.com"], None), "ex.com"));
        assert!(!names_edge_domain(
            &cert(&["*.ex.com", "expe.ex.com"], Some("ex.com")),
            "ex.com"
        ));
    }

    #[test]
    fn only_jabber_prompts() {
        let mut settings = JabberSettings::default();
        assert_eq!(reaction(ClientKind::JabberMac, &settings), Reaction::Prompt);
        assert_eq!(reaction(ClientKind::WebexApp, &settings), Reaction::Refuse);
        settings.fips = true;
        assert_eq!(reaction(ClientKind::JabberWindows, &settings), Reaction::Refuse);
        settings.fips = false;
        settings.invalid_certificate_behavior = CertificateBehavior::RejectAndNotify;
        assert_eq!(reaction(ClientKind::JabberMobile, &settings), Reaction::Refuse);
    }
}
