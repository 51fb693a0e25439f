//! TLS002: whether the certificate names the server as its clients ask for it. SAN DNS names and
//! IP addresses, the CN only when there is no SAN name; a leftmost wildcard stands for one label;
//! case-insensitive; an address is named only by a SAN IP address.
//!
//! Our own matcher rather than rustls's `verify_server_name`: webpki never reads the CN (a
//! certificate without SAN names would name nothing), and refuses node names that are not valid
//! DNS names before it compares anything.

use std::net::IpAddr;

use uclint_core::model::Server;

use super::leaf::Leaf;

/// The names a client may ask for `server` by: its node name, its hostname, and the hostname in
/// its domain (its own, else the deployment's), each once.
pub fn wanted(server: &Server, deployment_domain: Option<&str>) -> Vec<String> {
    let hostname = server.hostname();
    let mut names = vec![server.node_name.clone(), hostname.to_owned()];
    let domain = server.domain.as_deref().or(deployment_domain);
    if let Some(domain) = domain.map(|d| d.trim_matches('.')).filter(|d| !d.is_empty()) {
        if address(hostname).is_none() && !ends_with_domain(hostname, domain) {
            names.push(format!("{}.{domain}", hostname.trim_end_matches('.')));
        }
    }
    let mut unique: Vec<String> = Vec::new();
    for name in names {
        if !unique.iter().any(|u| same(u, &name)) {
            unique.push(name);
        }
    }
    unique
}

/// Whether `leaf` names `name` (a DNS name or an address).
pub fn names(leaf: &Leaf, name: &str) -> bool {
    if let Some(address) = address(name) {
        return leaf.ip_addresses.contains(&address);
    }
    if leaf.has_san_names() {
        leaf.dns_names.iter().any(|pattern| matches(pattern, name))
    } else {
        leaf.common_names.iter().any(|pattern| matches(pattern, name))
    }
}

/// `name` as an address, with or without brackets.
fn address(name: &str) -> Option<IpAddr> {
    name.trim_start_matches('[').trim_end_matches(']').parse().ok()
}

fn ends_with_domain(hostname: &str, domain: &str) -> bool {
    let hostname = hostname.trim_end_matches('.').to_ascii_lowercase();
    hostname.ends_with(&format!(".{}", domain.to_ascii_lowercase()))
}

fn same(a: &str, b: &str) -> bool {
    a.trim_end_matches('.').eq_ignore_ascii_case(b.trim_end_matches('.'))
}

/// Whether the certificate name `pattern` matches the DNS name `name`: equal ignoring case and a
/// final dot, or `*.rest` where `name` is one non-empty label then `rest` (and `rest` has at least
/// two labels: `*.com` matches nothing).
fn matches(pattern: &str, name: &str) -> bool {
    let pattern = pattern.trim_end_matches('.').to_ascii_lowercase();
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    if name.is_empty() {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(rest) => {
            rest.contains('.')
                && !rest.contains('*')
                && name
                    .split_once('.')
                    .is_some_and(|(label, tail)| !label.is_empty() && tail == rest)
        }
        None => !pattern.contains('*') && pattern == name,
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use uclint_core::model::Role;

    use super::*;

    fn leaf(dns: &[&str], ips: &[IpAddr], cn: &[&str]) -> Leaf {
        Leaf {
            subject: String::new(),
            issuer: String::new(),
            self_signed: false,
            dns_names: dns.iter().map(|n| (*n).to_owned()).collect(),
            ip_addresses: ips.to_vec(),
            common_names: cn.iter().map(|n| (*n).to_owned()).collect(),
            not_before: 0,
            not_after: 0,
        }
    }

    fn server(node: &str, hostname: Option<&str>, domain: Option<&str>) -> Server {
        Server {
            hostname: hostname.map(str::to_owned),
            domain: domain.map(str::to_owned),
            ..Server::new(node, vec![Role::Cups])
        }
    }

    #[test]
    fn a_leftmost_wildcard_stands_for_one_label() {
        assert!(matches("*.acme.com", "cups-1.acme.com"));
        assert!(matches("*.ACME.com.", "Cups-1.acme.COM"));
        assert!(!matches("*.acme.com", "a.b.acme.com"));
        assert!(!matches("*.acme.com", "acme.com"));
        assert!(!matches("*.acme.com", ".acme.com"));
        assert!(!matches("*.com", "acme.com"));
        assert!(!matches("cups*.acme.com", "cups1.acme.com"));
        assert!(!matches("a.*.com", "a.acme.com"));
        assert!(matches("CUPS-1.acme.com", "cups-1.acme.com."));
    }

    #[test]
    fn san_names_hide_the_cn() {
        let with_san = leaf(&["other.example"], &[], &["cups-1"]);
        assert!(!names(&with_san, "cups-1"));
        assert!(names(&with_san, "OTHER.example"));
        let cn_only = leaf(&[], &[], &["cups-1"]);
        assert!(names(&cn_only, "cups-1"));
        let ip_san = leaf(&[], &[IpAddr::V4(Ipv4Addr::new(10, 0, 0, 5))], &["cups-1"]);
        assert!(!names(&ip_san, "cups-1"), "an IP SAN is a SAN: the CN no longer counts");
    }

    #[test]
    fn an_address_is_named_only_by_a_san_ip_address() {
        let ip = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 5));
        assert!(names(&leaf(&[], &[ip], &[]), "10.0.0.5"));
        assert!(!names(&leaf(&["10.0.0.5"], &[], &[]), "10.0.0.5"));
        assert!(!names(&leaf(&[], &[], &["10.0.0.5"]), "10.0.0.5"));
        let v6 = IpAddr::V6(std::net::Ipv6Addr::LOCALHOST);
        assert!(names(&leaf(&[], &[v6], &[]), "[::1]"));
    }

    #[test]
    fn the_names_wanted_are_node_hostname_and_fqdn_once_each() {
        assert_eq!(
            wanted(&server("cups-1", None, None), Some("acme.com")),
            ["cups-1", "cups-1.acme.com"]
        );
        assert_eq!(
            wanted(
                &server("cups-1", Some("CUPSPUB"), Some("lab.acme.com")),
                Some("acme.com")
            ),
            ["cups-1", "CUPSPUB", "CUPSPUB.lab.acme.com"]
        );
        assert_eq!(
            wanted(&server("cups-1.acme.com", None, None), Some("acme.com")),
            ["cups-1.acme.com"]
        );
        assert_eq!(wanted(&server("10.0.0.5", None, None), Some("acme.com")), ["10.0.0.5"]);
        assert_eq!(wanted(&server("cups-1", None, None), None), ["cups-1"]);
    }
}
