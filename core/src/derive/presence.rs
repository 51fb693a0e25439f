//! The presence address: the presence address CUPC registers to, derived from the presence node's node name
//! (`Presence.Primary.Address`) and the SIP proxy domain (`Presence.Domain`).
//!
//! The derivation is on the hot path of every per-user check, so the result is one string
//! buffer plus a few small fields; the explanation (`steps`) is written only when asked for.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::catalogue::Code;
use crate::dns::{AddressLookup, Name, Resolver, lookup_addresses};

/// What CUPC shows as `Presence.Domain` when the proxy domain is not set.
pub const PROXY_DOMAIN_NOT_SET: &str = "PROXY_DOMAIN_NOT_SET";

/// How the address was formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// The node name is an IP address and is used as it is.
    Ip,
    /// The node name already ends with the domain (byte for byte).
    AsConfigured,
    /// The domain was appended to the node name.
    Appended,
}

impl Method {
    /// The method as JSON writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ip => "ip",
            Self::AsConfigured => "as-configured",
            Self::Appended => "appended",
        }
    }
}

/// Whether CUPC can register to the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// An IP address or a well-formed DNS name (that resolves, when DNS data was consulted).
    Usable,
    /// Neither an IP address nor a possible DNS name.
    Unusable,
    /// A well-formed name that the DNS data does not resolve.
    Unresolved,
}

impl Verdict {
    /// The verdict as JSON writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Usable => "usable",
            Self::Unusable => "unusable",
            Self::Unresolved => "unresolved",
        }
    }
}

macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    )*};
}
display_as_str!(Method, Verdict);

/// Why an address is unusable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Defect {
    /// The last label is all digits: an IP address was appended to a name.
    IpAppended,
    /// The last label cannot be a top-level label (`PROXY_DOMAIN_NOT_SET`).
    BadTopLabel,
    /// A label is empty (`cup1..cisco.com`, or a node name that ended in a dot).
    EmptyLabel,
    /// The last `n` labels repeat the `n` before them except for case.
    CaseDoubled(u8),
}

/// What DNS said, when it was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DnsCheck {
    NotAsked,
    Found { source: String, addresses: Vec<IpAddr> },
    NotFound { source: String, outcome: AddressLookup },
}

/// The rule codes the presence address can raise, as bits (it only ever raises PRS codes).
const CODES: [Code; 5] = [Code::PRS001, Code::PRS002, Code::PRS003, Code::PRS004, Code::PRS005];
const PRS001: u8 = 1;
const PRS002: u8 = 1 << 1;
const PRS003: u8 = 1 << 2;
const PRS004: u8 = 1 << 3;
const PRS005: u8 = 1 << 4;

/// The result of the presence address derivation, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceAddress {
    /// `node`, then (for `Appended`) "." and the domain, or (for `Ip`) the domain: one allocation.
    buffer: String,
    node_len: usize,
    domain_len: usize,
    domain_set: bool,
    method: Method,
    verdict: Verdict,
    defect: Option<Defect>,
    codes: u8,
    user: Option<String>,
    dns: DnsCheck,
}

/// Derive the presence address without DNS: the verdict is `usable` or `unusable`.
///
/// `domain` is the proxy domain; `None` (or empty) means unset, and CUPC then uses the literal
/// [`PROXY_DOMAIN_NOT_SET`]. Comparisons are byte for byte and case-sensitive, as in CUPC; a
/// node name ending in a root dot is kept as written, so appending to it makes an empty label.
pub fn presence_address(node: &str, domain: Option<&str>, user: Option<&str>) -> PresenceAddress {
    let domain = domain.filter(|d| !d.is_empty());
    let domain_set = domain.is_some_and(|d| d != PROXY_DOMAIN_NOT_SET);
    let domain = domain.unwrap_or(PROXY_DOMAIN_NOT_SET);
    let mut codes = 0u8;
    if !domain_set {
        codes |= PRS003;
    } else if domain.parse::<Ipv4Addr>().is_ok() {
        codes |= PRS002;
    }

    let (method, buffer) = if is_ip(node) {
        let mut buffer = String::with_capacity(node.len() + domain.len());
        buffer.push_str(node);
        buffer.push_str(domain);
        (Method::Ip, buffer)
    } else if let Some(rest) = node.strip_suffix(domain) {
        if !rest.is_empty() && !rest.ends_with('.') {
            codes |= PRS005;
        }
        (Method::AsConfigured, node.to_owned())
    } else {
        let mut buffer = String::with_capacity(node.len() + 1 + domain.len());
        buffer.push_str(node);
        buffer.push('.');
        buffer.push_str(domain);
        (Method::Appended, buffer)
    };

    let mut result = PresenceAddress {
        buffer,
        node_len: node.len(),
        domain_len: domain.len(),
        domain_set,
        method,
        verdict: Verdict::Usable,
        defect: None,
        codes,
        user: user.map(str::to_owned),
        dns: DnsCheck::NotAsked,
    };
    if method != Method::Ip {
        result.defect = defect(result.address());
    }
    if let Some(defect) = result.defect {
        result.verdict = Verdict::Unusable;
        result.codes |= PRS001;
        if matches!(defect, Defect::CaseDoubled(_)) {
            result.codes |= PRS004;
        }
    }
    result
}

/// Derive the presence address and, when it is a usable name, ask `resolver` whether it
/// resolves (as an absolute name): `unresolved` when it has neither A nor AAAA records.
pub fn presence_address_resolved(
    node: &str,
    domain: Option<&str>,
    user: Option<&str>,
    resolver: &dyn Resolver,
) -> PresenceAddress {
    let mut result = presence_address(node, domain, user);
    if result.verdict != Verdict::Usable || result.method == Method::Ip {
        return result;
    }
    let source = resolver.source();
    let lookup = match Name::from_ascii(format!("{}.", result.address())) {
        Ok(name) => lookup_addresses(resolver, &name),
        Err(e) => AddressLookup::Failed(e.to_string()),
    };
    result.dns = match lookup {
        AddressLookup::Found(addresses) => DnsCheck::Found { source, addresses },
        outcome => {
            result.verdict = Verdict::Unresolved;
            result.codes |= PRS001;
            DnsCheck::NotFound { source, outcome }
        }
    };
    result
}

/// A dotted-decimal IPv4 address, or (decision, the presence address) an IPv6 literal.
fn is_ip(node: &str) -> bool {
    let first = node.as_bytes().first().copied().unwrap_or(b'x');
    // Cheap pre-checks keep the common case (a name) off the full parsers.
    (first.is_ascii_digit() && node.parse::<Ipv4Addr>().is_ok())
        || (node.contains(':')
            && node
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
                .is_ok())
}

/// Why `address` cannot be a DNS name, if it cannot.
fn defect(address: &str) -> Option<Defect> {
    let last = address.rsplit('.').next().unwrap_or(address);
    if address.split('.').any(str::is_empty) {
        return Some(Defect::EmptyLabel);
    }
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Defect::IpAppended);
    }
    let valid_top =
        last.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') && !last.starts_with('-') && !last.ends_with('-');
    if !valid_top {
        return Some(Defect::BadTopLabel);
    }
    case_doubled(address).map(Defect::CaseDoubled)
}

/// The smallest `n` such that the last `n` labels repeat the `n` before them except for case.
fn case_doubled(address: &str) -> Option<u8> {
    let labels: Vec<&str> = address.split('.').collect();
    (1..=labels.len() / 2).find_map(|n| {
        let tail = &labels[labels.len() - n..];
        let before = &labels[labels.len() - 2 * n..labels.len() - n];
        let same_ignoring_case = tail.iter().zip(before).all(|(a, b)| a.eq_ignore_ascii_case(b));
        (same_ignoring_case && tail != before).then(|| u8::try_from(n).unwrap_or(u8::MAX))
    })
}

impl PresenceAddress {
    /// The node name (Presence.Primary.Address) as given.
    pub fn node(&self) -> &str {
        &self.buffer[..self.node_len]
    }

    /// The proxy domain, `None` when unset.
    pub fn domain(&self) -> Option<&str> {
        self.domain_set.then(|| self.effective_domain())
    }

    /// The domain CUPC used: the proxy domain, or `PROXY_DOMAIN_NOT_SET`.
    pub fn effective_domain(&self) -> &str {
        match self.method {
            Method::Ip => &self.buffer[self.node_len..],
            Method::AsConfigured => &self.buffer[self.node_len - self.domain_len..],
            Method::Appended => &self.buffer[self.node_len + 1..],
        }
    }

    /// The presence address.
    pub fn address(&self) -> &str {
        match self.method {
            Method::Ip => self.node(),
            Method::AsConfigured | Method::Appended => &self.buffer,
        }
    }

    /// The registration URI `user@address`, when a user was given.
    pub fn uri(&self) -> Option<String> {
        self.user.as_ref().map(|user| format!("{user}@{}", self.address()))
    }

    /// How the address was formed.
    pub fn method(&self) -> Method {
        self.method
    }

    /// Whether CUPC can register to it.
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// The rule codes behind the verdict, and warnings about the inputs (PRS002, PRS003, PRS005).
    pub fn codes(&self) -> Vec<Code> {
        CODES
            .iter()
            .enumerate()
            .filter(|(bit, _)| self.codes & (1 << bit) != 0)
            .map(|(_, code)| *code)
            .collect()
    }

    /// Whether `code` is among [`codes`](Self::codes).
    pub fn has_code(&self, code: Code) -> bool {
        CODES
            .iter()
            .position(|c| *c == code)
            .is_some_and(|bit| self.codes & (1 << bit) != 0)
    }

    /// The addresses DNS gave, when DNS was asked and answered.
    pub fn resolved_addresses(&self) -> &[IpAddr] {
        match &self.dns {
            DnsCheck::Found { addresses, .. } => addresses,
            _ => &[],
        }
    }

    /// The explanation: one sentence per step taken.
    pub fn steps(&self) -> Vec<String> {
        let (node, domain, address) = (self.node(), self.effective_domain(), self.address());
        let mut steps = Vec::with_capacity(5);
        steps.push(if self.domain_set {
            format!("Presence.Primary.Address (the presence node's node name) is `{node}`; Presence.Domain (the SIP proxy domain) is `{domain}`.")
        } else {
            format!("Presence.Primary.Address (the presence node's node name) is `{node}`; the proxy domain is not set, so CUPC uses the literal `{PROXY_DOMAIN_NOT_SET}`.")
        });
        if self.has_code(Code::PRS002) {
            steps.push(format!(
                "The proxy domain `{domain}` is an IP address, not a DNS domain (PRS002)."
            ));
        }
        steps.push(match self.method {
            Method::Ip => format!("`{node}` is an IP address, so CUPC uses it as the presence address unchanged (method ip)."),
            Method::AsConfigured => format!("`{node}` already ends with `{domain}` (compared byte for byte, case-sensitive), so CUPC uses it as configured (method as-configured)."),
            Method::Appended => {
                let case_only = node.len() >= domain.len() && node[node.len() - domain.len()..].eq_ignore_ascii_case(domain);
                let note = if case_only { " It would match ignoring case, but CUPC compares case-sensitively." } else { "" };
                format!("`{node}` does not end with `{domain}` (compared byte for byte, case-sensitive), so CUPC appends `.{domain}` (method appended).{note}")
            }
        });
        if self.has_code(Code::PRS005) {
            steps.push(format!("`{node}` ends with the string `{domain}` but not on a label boundary: the string rule still applies, though the name is not in that DNS domain (PRS005)."));
        }
        steps.push(match self.uri() {
            Some(uri) => format!("The presence address is `{address}`; CUPC registers as `{uri}`."),
            None => format!("The presence address is `{address}`."),
        });
        steps.push(self.verdict_step());
        steps
    }

    fn verdict_step(&self) -> String {
        let address = self.address();
        if let Some(defect) = self.defect {
            let why = match defect {
                Defect::IpAppended => "its last label is all digits: an IP address was appended to a name".to_owned(),
                Defect::BadTopLabel => format!(
                    "its last label `{}` cannot be a top-level DNS label",
                    address.rsplit('.').next().unwrap_or(address)
                ),
                Defect::EmptyLabel => {
                    "it has an empty label (two dots together, or a name that ended in a dot)".to_owned()
                }
                Defect::CaseDoubled(n) => {
                    let labels: Vec<&str> = address.split('.').collect();
                    let tail = labels[labels.len() - usize::from(n)..].join(".");
                    format!("it repeats the suffix `{tail}` differing only in case (PRS004)")
                }
            };
            return format!(
                "Unusable (PRS001): `{address}` is neither an IP address nor a resolvable DNS name, because {why}."
            );
        }
        match &self.dns {
            _ if self.method == Method::Ip => "Usable: the address is an IP address.".to_owned(),
            DnsCheck::NotAsked => {
                format!("Usable: `{address}` is a well-formed DNS name (DNS was not consulted).")
            }
            DnsCheck::Found { source, addresses } => {
                let list: Vec<String> = addresses.iter().map(ToString::to_string).collect();
                format!("Usable: `{address}` resolves in {source} to {}.", list.join(", "))
            }
            DnsCheck::NotFound { source, outcome } => {
                let why = match outcome {
                    AddressLookup::NxDomain => "the name does not exist".to_owned(),
                    AddressLookup::NoData => "the name has no A or AAAA records".to_owned(),
                    AddressLookup::Timeout => "the lookup timed out".to_owned(),
                    AddressLookup::Refused => "the server refused the query".to_owned(),
                    AddressLookup::Failed(why) => why.clone(),
                    AddressLookup::Found(_) => String::new(),
                };
                format!("Unresolved (PRS001): `{address}` does not resolve in {source}: {why}.")
            }
        }
    }
}

impl Serialize for PresenceAddress {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("PresenceAddress", 8)?;
        s.serialize_field("node", self.node())?;
        s.serialize_field("domain", self.effective_domain())?;
        s.serialize_field("address", self.address())?;
        s.serialize_field("uri", &self.uri())?;
        s.serialize_field("method", &self.method)?;
        s.serialize_field("verdict", &self.verdict)?;
        s.serialize_field("codes", &self.codes())?;
        s.serialize_field("steps", &self.steps())?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::DnsView;
    use crate::dns::zone::parse_zone;

    /// One golden row: (Proxy.Domain, Presence.Primary.Address, address, method, verdict, codes).
    type Row = (
        Option<&'static str>,
        &'static str,
        &'static str,
        Method,
        Verdict,
        &'static [Code],
    );

    /// the presence address golden table.
    const GOLDEN: [Row; 8] = [
        (
            Some("cisco.com"),
            "cup1",
            "cup1.cisco.com",
            Method::Appended,
            Verdict::Usable,
            &[],
        ),
        (
            Some("cisco.com"),
            "cup1.cisco.com",
            "cup1.cisco.com",
            Method::AsConfigured,
            Verdict::Usable,
            &[],
        ),
        (
            Some("cisco.com"),
            "10.11.12.13",
            "10.11.12.13",
            Method::Ip,
            Verdict::Usable,
            &[],
        ),
        (
            Some("10.11.12.13"),
            "10.11.12.13",
            "10.11.12.13",
            Method::Ip,
            Verdict::Usable,
            &[Code::PRS002],
        ),
        (
            Some("10.11.12.13"),
            "cup1",
            "cup1.10.11.12.13",
            Method::Appended,
            Verdict::Unusable,
            &[Code::PRS001, Code::PRS002],
        ),
        (
            Some("10.11.12.13"),
            "cup1.cisco.com",
            "cup1.cisco.com.10.11.12.13",
            Method::Appended,
            Verdict::Unusable,
            &[Code::PRS001, Code::PRS002],
        ),
        (
            None,
            "cup1.cisco.com",
            "cup1.cisco.com.PROXY_DOMAIN_NOT_SET",
            Method::Appended,
            Verdict::Unusable,
            &[Code::PRS001, Code::PRS003],
        ),
        (
            Some("CISCO.COM"),
            "cup1.cisco.com",
            "cup1.cisco.com.CISCO.COM",
            Method::Appended,
            Verdict::Unusable,
            &[Code::PRS001, Code::PRS004],
        ),
    ];

    #[test]
    fn golden_table_from_the_notes() {
        for (i, (domain, node, address, method, verdict, codes)) in GOLDEN.iter().enumerate() {
            let p = presence_address(node, *domain, Some("user"));
            assert_eq!(p.address(), *address, "row {}", i + 1);
            assert_eq!(p.method(), *method, "row {}", i + 1);
            assert_eq!(p.verdict(), *verdict, "row {}", i + 1);
            assert_eq!(p.codes(), *codes, "row {}", i + 1);
            assert_eq!(p.uri().as_deref(), Some(format!("user@{address}").as_str()));
            assert_eq!(p.node(), *node);
        }
    }

    #[test]
    fn the_literal_not_set_domain_counts_as_unset() {
        let p = presence_address("cup1.cisco.com", Some(PROXY_DOMAIN_NOT_SET), None);
        assert_eq!(p.address(), "cup1.cisco.com.PROXY_DOMAIN_NOT_SET");
        assert_eq!(p.domain(), None);
        assert_eq!(p.codes(), [Code::PRS001, Code::PRS003]);
        assert_eq!(presence_address("cup1", Some(""), None).domain(), None);
    }

    #[test]
    fn suffix_off_a_label_boundary_follows_the_string_rule_and_warns() {
        let p = presence_address("mycisco.com", Some("cisco.com"), None);
        assert_eq!(p.address(), "mycisco.com");
        assert_eq!(p.method(), Method::AsConfigured);
        assert_eq!(p.verdict(), Verdict::Usable);
        assert_eq!(p.codes(), [Code::PRS005]);
        assert!(p.steps().iter().any(|s| s.contains("PRS005")));
        assert_eq!(p.effective_domain(), "cisco.com");
    }

    #[test]
    fn ipv6_literals_are_used_as_they_are() {
        let p = presence_address("fd00::20", Some("cisco.com"), None);
        assert_eq!(
            (p.address(), p.method(), p.verdict()),
            ("fd00::20", Method::Ip, Verdict::Usable)
        );
    }

    #[test]
    fn a_trailing_root_dot_is_kept_byte_for_byte() {
        let p = presence_address("cup1.cisco.com.", Some("cisco.com"), None);
        assert_eq!(p.address(), "cup1.cisco.com..cisco.com");
        assert_eq!(p.verdict(), Verdict::Unusable);
    }

    #[test]
    fn dns_decides_unresolved() {
        let mut dns = DnsView::new();
        dns.extend(
            parse_zone(
                "cup1 IN A 10.11.12.13
",
                Some("cisco.com"),
                "z",
            )
            .unwrap(),
        );
        let p = presence_address_resolved("cup1", Some("cisco.com"), None, &dns);
        assert_eq!(p.verdict(), Verdict::Usable);
        assert_eq!(p.resolved_addresses(), ["10.11.12.13".parse::<IpAddr>().unwrap()]);
        let p = presence_address_resolved("cup2", Some("cisco.com"), None, &dns);
        assert_eq!(p.verdict(), Verdict::Unresolved);
        assert_eq!(p.codes(), [Code::PRS001]);
        assert!(p.steps().last().unwrap().contains("does not exist"));
        // Unusable stays unusable; IPs need no DNS.
        assert_eq!(
            presence_address_resolved("cup1", Some("10.11.12.13"), None, &dns).verdict(),
            Verdict::Unusable
        );
        assert_eq!(
            presence_address_resolved("10.0.0.1", Some("cisco.com"), None, &dns).verdict(),
            Verdict::Usable
        );
    }

    #[test]
    fn steps_explain_each_decision() {
        let steps = presence_address("cup1.cisco.com", Some("CISCO.COM"), Some("jdoe")).steps();
        assert!(steps[0].contains("`cup1.cisco.com`") && steps[0].contains("`CISCO.COM`"));
        assert!(steps[1].contains("appends") && steps[1].contains("case-sensitively"));
        assert!(steps[2].contains("jdoe@cup1.cisco.com.CISCO.COM"));
        assert!(steps[3].contains("PRS004"));
    }

    #[test]
    fn json_has_the_documented_fields() {
        let v = serde_json::to_value(presence_address("cup1", None, None)).unwrap();
        assert_eq!(v["domain"], PROXY_DOMAIN_NOT_SET);
        assert_eq!(v["uri"], serde_json::Value::Null);
        assert_eq!(v["method"], "appended");
        assert_eq!(v["verdict"], "unusable");
        assert_eq!(v["codes"], serde_json::json!(["PRS001", "PRS003"]));
        assert!(v["steps"].as_array().unwrap().len() >= 3);
    }
}
