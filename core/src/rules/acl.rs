//! Incoming ACL address patterns, and whether they cover a client's addresses.

use std::net::IpAddr;

use ipnet::IpNet;

/// One incoming ACL pattern as CUPS accepts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// `all` (or `*`): every address.
    All,
    /// An address, a CIDR subnet, or a wildcard such as `10.1.20.*`.
    Net(IpNet),
    /// A host name pattern, which cannot be compared with addresses.
    Host(String),
}

impl Pattern {
    /// Read one pattern.
    pub fn parse(text: &str) -> Self {
        let text = text.trim();
        if text.eq_ignore_ascii_case("all") || text == "*" {
            return Self::All;
        }
        if let Ok(net) = text.parse::<IpNet>() {
            return Self::Net(net.trunc());
        }
        if let Ok(ip) = text.parse::<IpAddr>() {
            return Self::Net(IpNet::from(ip));
        }
        if let Some(net) = wildcard(text) {
            return Self::Net(net);
        }
        Self::Host(text.to_owned())
    }

    /// Whether every address of `net` is covered.
    pub fn covers(&self, net: &IpNet) -> bool {
        match self {
            Self::All => true,
            Self::Net(pattern) => pattern.contains(net),
            Self::Host(_) => false,
        }
    }

    /// Whether the pattern is wider than a site subnet: `all`, or shorter than /16 (IPv4) or
    /// /48 (IPv6) (decision: a site rarely needs more).
    pub fn is_wide(&self) -> bool {
        match self {
            Self::All => true,
            Self::Net(IpNet::V4(net)) => net.prefix_len() < 16,
            Self::Net(IpNet::V6(net)) => net.prefix_len() < 48,
            Self::Host(host) => host.starts_with('*') && host.matches('.').count() < 2,
        }
    }
}

/// `10.1.20.*` as 10.1.20.0/24; `10.*` as 10.0.0.0/8.
fn wildcard(text: &str) -> Option<IpNet> {
    let parts: Vec<&str> = text.split('.').collect();
    let fixed = parts.iter().take_while(|p| **p != "*").count();
    if parts.len() > 4 || fixed == 0 || parts[fixed..].iter().any(|p| *p != "*") {
        return None;
    }
    let mut octets = [0u8; 4];
    for (i, part) in parts[..fixed].iter().enumerate() {
        octets[i] = part.parse().ok()?;
    }
    let prefix = u8::try_from(fixed * 8).ok()?;
    IpNet::new(IpAddr::from(octets), prefix).ok()
}

/// A client address written as an IP or a CIDR subnet.
pub fn client_net(text: &str) -> Option<IpNet> {
    let text = text.trim();
    text.parse::<IpNet>()
        .map(|n| n.trunc())
        .ok()
        .or_else(|| text.parse::<IpAddr>().ok().map(IpNet::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_cover_subnets() {
        let hq = client_net("10.1.20.0/24").unwrap();
        assert!(Pattern::parse("all").covers(&hq));
        assert!(Pattern::parse("10.1.0.0/16").covers(&hq));
        assert!(Pattern::parse("10.1.20.*").covers(&hq));
        assert!(!Pattern::parse("10.1.20.5").covers(&hq));
        assert!(Pattern::parse("10.1.20.5").covers(&client_net("10.1.20.5").unwrap()));
        assert!(!Pattern::parse("10.1.21.0/24").covers(&hq));
        assert!(!Pattern::parse("*.acme.com").covers(&hq));
    }

    #[test]
    fn wide_patterns() {
        assert!(Pattern::parse("ALL").is_wide());
        assert!(Pattern::parse("10.*").is_wide());
        assert!(Pattern::parse("10.0.0.0/8").is_wide());
        assert!(!Pattern::parse("10.1.0.0/16").is_wide());
        assert!(!Pattern::parse("10.1.20.*").is_wide());
        assert!(Pattern::parse("fd00::/32").is_wide());
    }
}
