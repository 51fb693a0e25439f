//! Where the AXL service is: `https://HOST[:PORT][/axl/]`, port 8443 unless given. Only https:
//! AXL's Basic credentials never cross a plain-text connection.

use std::net::IpAddr;

/// The port CUCM and IM&P serve AXL on.
const AXL_PORT: u16 = 8443;

/// An AXL service's host and port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The host name or address (an IPv6 address without brackets).
    pub host: String,
    /// The TCP port.
    pub port: u16,
}

impl Endpoint {
    /// Read `url`, or say why it is not an AXL URL.
    pub fn parse(url: &str) -> Result<Self, String> {
        let rest = url
            .strip_prefix("https://")
            .ok_or_else(|| format!("`{url}` is not an https:// URL (AXL credentials only go over TLS)"))?;
        let authority = match rest.split_once('/') {
            Some((authority, "" | "axl" | "axl/")) => authority,
            Some((_, path)) => return Err(format!("`{url}`: AXL lives at /axl/, not /{path}")),
            None => rest,
        };
        if authority.contains('@') {
            return Err(format!("`{url}`: give the AXL user apart, never inside the URL"));
        }
        let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
            let (host, after) = bracketed
                .split_once(']')
                .ok_or_else(|| format!("`{url}`: an IPv6 address without its closing `]`"))?;
            (host, after.strip_prefix(':'))
        } else {
            match authority.rsplit_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            }
        };
        let port = match port {
            Some(port) => port
                .parse()
                .map_err(|_| format!("`{url}`: `{port}` is not a port number"))?,
            None => AXL_PORT,
        };
        if host.is_empty() {
            return Err(format!("`{url}` names no host"));
        }
        Ok(Self {
            host: host.to_owned(),
            port,
        })
    }

    /// The service's URL, as the collector names its source.
    pub fn url(&self) -> String {
        match self.host.parse::<IpAddr>() {
            Ok(IpAddr::V6(_)) => format!("https://[{}]:{}/axl/", self.host, self.port),
            _ => format!("https://{}:{}/axl/", self.host, self.port),
        }
    }

    /// The Host header's value.
    pub fn authority(&self) -> String {
        match self.host.parse::<IpAddr>() {
            Ok(IpAddr::V6(_)) => format!("[{}]:{}", self.host, self.port),
            _ => format!("{}:{}", self.host, self.port),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_as_admins_write_them() {
        let e = Endpoint::parse("https://cucm-pub.acme.com").unwrap();
        assert_eq!((e.host.as_str(), e.port), ("cucm-pub.acme.com", 8443));
        assert_eq!(e.url(), "https://cucm-pub.acme.com:8443/axl/");
        let e = Endpoint::parse("https://127.0.0.1:40443/axl/").unwrap();
        assert_eq!(e.authority(), "127.0.0.1:40443");
        let e = Endpoint::parse("https://[::1]:8443/").unwrap();
        assert_eq!(e.url(), "https://[::1]:8443/axl/");
        assert!(Endpoint::parse("http://cucm:8080").unwrap_err().contains("https://"));
        assert!(Endpoint::parse("https://admin:pw@cucm").unwrap_err().contains("apart"));
        assert!(Endpoint::parse("https://cucm:x").unwrap_err().contains("port"));
        assert!(Endpoint::parse("https://cucm/ccmadmin").unwrap_err().contains("/axl/"));
    }
}
