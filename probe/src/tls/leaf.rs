//! What the server's own certificate says, read with x509-parser: its names, its validity, its
//! subject and issuer.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use x509_parser::extensions::GeneralName;
use x509_parser::parse_x509_certificate;
use x509_parser::time::ASN1Time;

/// The leaf certificate, as the probe judges it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    /// The subject, as written (`CN=cups-1.acme.com, O=Acme`).
    pub subject: String,
    /// The issuer, as written.
    pub issuer: String,
    /// Whether the issuer is the subject itself.
    pub self_signed: bool,
    /// The subjectAltName DNS names.
    pub dns_names: Vec<String>,
    /// The subjectAltName IP addresses.
    pub ip_addresses: Vec<IpAddr>,
    /// The subject's common names (a name for clients only when there is no SAN name).
    pub common_names: Vec<String>,
    /// notBefore, in seconds since the Unix epoch.
    pub not_before: i64,
    /// notAfter, in seconds since the Unix epoch.
    pub not_after: i64,
}

impl Leaf {
    /// Read the DER certificate `der`.
    pub fn parse(der: &[u8]) -> Result<Self, String> {
        let (_, cert) = parse_x509_certificate(der).map_err(|e| format!("cannot read the certificate: {e}"))?;
        let mut dns_names = Vec::new();
        let mut ip_addresses = Vec::new();
        let san = cert
            .subject_alternative_name()
            .map_err(|e| format!("cannot read the certificate's subjectAltName: {e}"))?;
        for name in san.iter().flat_map(|san| san.value.general_names.iter()) {
            match name {
                GeneralName::DNSName(dns) => dns_names.push((*dns).to_owned()),
                GeneralName::IPAddress(bytes) => ip_addresses.extend(ip(bytes)),
                _ => {}
            }
        }
        let common_names = cert
            .subject()
            .iter_common_name()
            .filter_map(|cn| cn.as_str().ok())
            .map(str::to_owned)
            .collect();
        let validity = cert.validity();
        Ok(Self {
            subject: cert.subject().to_string(),
            issuer: cert.issuer().to_string(),
            self_signed: cert.subject().as_raw() == cert.issuer().as_raw(),
            dns_names,
            ip_addresses,
            common_names,
            not_before: validity.not_before.timestamp(),
            not_after: validity.not_after.timestamp(),
        })
    }

    /// Whether the certificate has a SAN DNS name or IP address (then its CN names nothing).
    pub fn has_san_names(&self) -> bool {
        !self.dns_names.is_empty() || !self.ip_addresses.is_empty()
    }

    /// The names it carries, as a client reads them: `DNS a, IP 10.0.0.1`, or `CN a (no
    /// subjectAltName)`, or `no name`.
    pub fn names(&self) -> String {
        if self.has_san_names() {
            let dns = self.dns_names.iter().map(|n| format!("DNS {n}"));
            let ips = self.ip_addresses.iter().map(|a| format!("IP {a}"));
            return dns.chain(ips).collect::<Vec<_>>().join(", ");
        }
        match self.common_names.as_slice() {
            [] => "no name (no subjectAltName, no CN)".to_owned(),
            cns => format!("CN {} (no subjectAltName)", cns.join(", CN ")),
        }
    }

    /// The certificate as evidence shows it, line by line: subject, names, issuer, validity.
    pub fn lines(&self) -> [String; 4] {
        [
            format!("certificate subject: {}", self.subject),
            format!("certificate names: {}", self.names()),
            format!(
                "certificate issuer: {}{}",
                self.issuer,
                if self.self_signed { " (self-signed)" } else { "" }
            ),
            format!(
                "certificate valid from {} to {}",
                date(self.not_before),
                date(self.not_after)
            ),
        ]
    }
}

/// A SAN IP address: 4 bytes (IPv4) or 16 (IPv6); anything else names nothing.
fn ip(bytes: &[u8]) -> Option<IpAddr> {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return Some(IpAddr::V4(Ipv4Addr::from(v4)));
    }
    <[u8; 16]>::try_from(bytes)
        .ok()
        .map(|v6| IpAddr::V6(Ipv6Addr::from(v6)))
}

/// `seconds` since the Unix epoch as people read a date: `2027-03-01 12:00 UTC`.
pub fn date(seconds: i64) -> String {
    match ASN1Time::from_timestamp(seconds) {
        Ok(time) => {
            let t = time.to_datetime();
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02} UTC",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute()
            )
        }
        Err(_) => format!("{seconds} s after 1970"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(date(0), "1970-01-01 00:00 UTC");
        assert_eq!(date(1_577_836_800), "2020-01-01 00:00 UTC");
        assert_eq!(date(1_709_294_400), "2024-03-01 12:00 UTC");
    }

    #[test]
    fn san_ip_addresses_are_four_or_sixteen_bytes() {
        assert_eq!(ip(&[127, 0, 0, 1]), Some(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        assert_eq!(ip(&Ipv6Addr::LOCALHOST.octets()), Some(IpAddr::V6(Ipv6Addr::LOCALHOST)));
        assert_eq!(ip(&[1, 2, 3]), None);
    }

    #[test]
    fn the_cn_is_shown_only_without_san_names() {
        let mut leaf = Leaf {
            subject: "CN=a".into(),
            issuer: "CN=a".into(),
            self_signed: true,
            dns_names: vec![],
            ip_addresses: vec![],
            common_names: vec!["a.example".into()],
            not_before: 0,
            not_after: 0,
        };
        assert_eq!(leaf.names(), "CN a.example (no subjectAltName)");
        leaf.dns_names.push("b.example".into());
        leaf.ip_addresses.push(IpAddr::V4(Ipv4Addr::LOCALHOST));
        assert_eq!(leaf.names(), "DNS b.example, IP 127.0.0.1");
        assert!(leaf.has_san_names());
    }

    #[test]
    fn garbage_is_no_certificate() {
        assert!(Leaf::parse(b"not a certificate").is_err());
    }
}
