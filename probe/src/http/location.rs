//! Where a request went and where a redirect points, read against it: the same host (perhaps on
//! another port or scheme), another host, or Exchange's forms-based logon page.

use std::net::IpAddr;

use hyper::Uri;

/// `http` or `https`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Plain HTTP.
    Http,
    /// HTTP over TLS.
    Https,
}

impl Scheme {
    /// The scheme as a URL writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Https => "https",
        }
    }

    /// The port a URL without one means.
    pub const fn default_port(self) -> u16 {
        match self {
            Self::Http => 80,
            Self::Https => 443,
        }
    }

    /// The transport a [`crate::Target`] names.
    pub const fn transport(self) -> &'static str {
        match self {
            Self::Http => "tcp",
            Self::Https => "tls",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "http" => Some(Self::Http),
            "https" => Some(Self::Https),
            _ => None,
        }
    }
}

/// One place on one host: what a request is sent to, or what a redirect names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The scheme.
    pub scheme: Scheme,
    /// The host as the URL names it (a node name, a DNS name, an address), without brackets.
    pub host: String,
    /// The port.
    pub port: u16,
    /// The path and query (`/exchange/alice/`).
    pub path: String,
}

impl Place {
    /// The URL (`https://mail:8443/exchange/alice/`), the port only when not the scheme's own.
    pub fn url(&self) -> String {
        format!("{}://{}{}", self.scheme.as_str(), self.authority(), self.path)
    }

    /// The Host header: the host, bracketed when an IPv6 address, with the port when not the
    /// scheme's own.
    pub fn authority(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        if self.port == self.scheme.default_port() {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }

    /// Whether `other` is on this place's host: the same name (ignoring case and a final dot), or
    /// `address`, where this place's host was reached.
    pub fn same_host(&self, other: &Place, address: IpAddr) -> bool {
        let name = |h: &str| h.trim_end_matches('.').to_ascii_lowercase();
        name(&self.host) == name(&other.host) || other.host.parse::<IpAddr>().is_ok_and(|a| a == address)
    }

    /// `location` (a redirect's `Location`) read against this place: an absolute URL, one
    /// without a scheme (`//host/path`), an absolute path or a relative one.
    pub fn resolve(&self, location: &str) -> Result<Place, String> {
        let location = location.trim();
        if location.is_empty() {
            return Err("an empty Location".to_owned());
        }
        if let Some(rest) = location.strip_prefix("//") {
            return self.absolute(&format!("{}://{rest}", self.scheme.as_str()));
        }
        if location.contains("://") {
            return self.absolute(location);
        }
        let path = if location.starts_with('/') {
            location.to_owned()
        } else {
            let base = self.path.split('?').next().unwrap_or_default();
            let directory = base.rsplit_once('/').map_or("", |(dir, _)| dir);
            format!("{directory}/{location}")
        };
        if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(format!("`{location}` is no URL"));
        }
        Ok(Place { path, ..self.clone() })
    }

    fn absolute(&self, location: &str) -> Result<Place, String> {
        let uri: Uri = location.parse().map_err(|e| format!("`{location}` is no URL: {e}"))?;
        let scheme = uri
            .scheme_str()
            .and_then(Scheme::parse)
            .ok_or_else(|| format!("`{location}` is not an http or https URL"))?;
        let host = uri
            .host()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| format!("`{location}` names no host"))?;
        Ok(Place {
            scheme,
            host: host.trim_start_matches('[').trim_end_matches(']').to_owned(),
            port: uri.port_u16().unwrap_or(scheme.default_port()),
            path: uri
                .path_and_query()
                .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned()),
        })
    }
}

/// Whether `location` is an Exchange forms-based authentication logon page: OWA 2007's
/// `/owa/auth/logon.aspx` or Exchange 2003's `/exchweb/bin/auth/owalogon.asp`.
pub fn is_forms_logon(location: &str) -> bool {
    let location = location.to_ascii_lowercase();
    let path = location.split(['?', '#']).next().unwrap_or_default();
    ["/owa/auth/logon.aspx", "/exchweb/bin/auth/owalogon.asp"]
        .iter()
        .any(|page| path.ends_with(page))
}

/// `segment` as one path segment of a URL: unreserved characters, sub-delimiters, `:` and `@` as
/// they are, anything else (`/`, `\`, `?`, `%`, spaces, non-ASCII) percent-encoded.
pub fn segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&byte);
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use super::*;

    fn mail() -> Place {
        Place {
            scheme: Scheme::Https,
            host: "mail".to_owned(),
            port: 443,
            path: "/exchange/alice/".to_owned(),
        }
    }

    const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

    #[test]
    fn urls_and_host_headers_leave_out_the_default_port() {
        let mut place = mail();
        assert_eq!(place.url(), "https://mail/exchange/alice/");
        place.port = 8443;
        assert_eq!(place.authority(), "mail:8443");
        place.host = "fd00::1".to_owned();
        assert_eq!(place.url(), "https://[fd00::1]:8443/exchange/alice/");
    }

    #[test]
    fn locations_resolve_against_the_request() {
        let base = mail();
        let absolute = base.resolve("http://MAIL:8080/owa/auth/logon.aspx?url=x").unwrap();
        assert_eq!(
            (absolute.scheme, absolute.port, absolute.path.as_str()),
            (Scheme::Http, 8080, "/owa/auth/logon.aspx?url=x")
        );
        assert!(base.same_host(&absolute, LOOPBACK));
        let path = base.resolve("/owa/").unwrap();
        assert_eq!(
            (path.host.as_str(), path.port, path.path.as_str()),
            ("mail", 443, "/owa/")
        );
        assert_eq!(base.resolve("calendar/").unwrap().path, "/exchange/alice/calendar/");
        assert_eq!(base.resolve("//other.example/x").unwrap().host, "other.example");
        let other = base.resolve("http://other.example/owa/").unwrap();
        assert!(!base.same_host(&other, LOOPBACK));
        let address = base.resolve("https://127.0.0.1/exchange/alice/").unwrap();
        assert!(base.same_host(&address, LOOPBACK), "the address the probe reached");
        let v6 = base.resolve("https://[::1]:8443/").unwrap();
        assert_eq!((v6.host.as_str(), v6.port), ("::1", 8443));
        assert!(base.resolve("ftp://mail/").is_err());
        assert!(base.resolve("").is_err());
        assert!(base.resolve("a b").is_err());
    }

    #[test]
    fn forms_logon_pages_of_exchange_2003_and_2007() {
        assert!(is_forms_logon(
            "https://mail/owa/auth/logon.aspx?url=https://mail/exchange/&reason=0"
        ));
        assert!(is_forms_logon("/OWA/auth/logon.aspx"));
        assert!(is_forms_logon("https://mail/exchweb/bin/auth/owalogon.asp?url=x"));
        assert!(!is_forms_logon("http://other.example/owa/"));
        assert!(!is_forms_logon("/exchange/alice/?next=/owa/auth/logon.aspx"));
    }

    #[test]
    fn user_ids_are_one_segment() {
        assert_eq!(segment("alice"), "alice");
        assert_eq!(segment("alice@acme.com"), "alice@acme.com");
        assert_eq!(segment("ACME\\al ice/../x%"), "ACME%5Cal%20ice%2F..%2Fx%25");
        assert_eq!(segment("zoë"), "zo%C3%AB");
    }
}
