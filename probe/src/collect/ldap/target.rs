//! The directory a collection reads: its URL taken apart (scheme, host, port), and how the
//! connection is protected. The URL is what errors name, so it never carries a credential.

use std::net::IpAddr;

use crate::ldap::Security;

/// Where to connect and how, from `ldap://HOST[:PORT]` or `ldaps://HOST[:PORT]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The host as the URL names it (an IPv6 address without its brackets).
    pub host: String,
    /// The port: the URL's, else 389 (ldap://) or 636 (ldaps://).
    pub port: u16,
    /// Plain, StartTLS or LDAPS.
    pub security: Security,
    /// `SCHEME://HOST:PORT`, what errors and the collected source name.
    pub origin: String,
}

impl Target {
    /// `url` taken apart; `starttls` upgrades ldap:// before anything else is sent. The error says
    /// what is wrong with the URL, without repeating anything before an `@`.
    pub fn parse(url: &str, starttls: bool) -> Result<Self, String> {
        let url = url.trim();
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| "expected a URL `ldap://HOST[:PORT]` or `ldaps://HOST[:PORT]`".to_owned())?;
        let (security, default_port) = match (scheme.to_ascii_lowercase().as_str(), starttls) {
            ("ldap", false) => (Security::Plain, 389),
            ("ldap", true) => (Security::StartTls, 389),
            ("ldaps", false) => (Security::Ldaps, 636),
            ("ldaps", true) => {
                return Err("StartTLS is for ldap:// URLs: ldaps:// is TLS from the first byte".to_owned());
            }
            (other, _) => {
                return Err(format!(
                    "unknown scheme `{other}`: expected `ldap://HOST[:PORT]` or `ldaps://HOST[:PORT]`"
                ));
            }
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.contains('@') {
            return Err(
                "the URL carries credentials: give the bind DN on its own and the password in UCLINT_LDAP_PASSWORD"
                    .to_owned(),
            );
        }
        if rest.len() > authority.len() && !matches!(&rest[authority.len()..], "/" | "") {
            return Err("the URL names more than the server: give the base DN on its own".to_owned());
        }
        let (host, port) = host_port(authority)?;
        let port = port.unwrap_or(default_port);
        if host.contains(':') && security.encrypted() {
            return Err(format!(
                "TLS to the IPv6 address {host} is not supported by the LDAP client: name the server by a DNS name"
            ));
        }
        let shown = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.clone()
        };
        let origin = format!("{}://{shown}:{port}", security.scheme());
        Ok(Self {
            host,
            port,
            security,
            origin,
        })
    }

    /// The URL ldap3 connects to (`ldap://` for StartTLS too: it upgrades by itself).
    pub fn connect_url(&self) -> String {
        self.origin.clone()
    }
}

/// `HOST[:PORT]`, `[V6][:PORT]`.
fn host_port(authority: &str) -> Result<(String, Option<u16>), String> {
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (host, after) = bracketed
            .split_once(']')
            .ok_or_else(|| format!("`{authority}`: an IPv6 address needs its closing `]`"))?;
        if host.parse::<IpAddr>().is_err() {
            return Err(format!("`{host}` is not an IPv6 address"));
        }
        match after {
            "" => (host, None),
            _ => (
                host,
                Some(
                    after
                        .strip_prefix(':')
                        .ok_or_else(|| format!("`{authority}`: expected `:PORT` after the address"))?,
                ),
            ),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err("the URL names no server".to_owned());
    }
    if host.contains(':') && !authority.starts_with('[') {
        return Err(format!("`{authority}`: write an IPv6 address in brackets, `[{host}]`"));
    }
    let port = match port {
        None => None,
        Some(text) => Some(
            text.parse::<u16>()
                .ok()
                .filter(|p| *p != 0)
                .ok_or_else(|| format!("`{text}` is not a port number"))?,
        ),
    };
    Ok((host.to_owned(), port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_give_host_port_and_protection() {
        let plain = Target::parse("ldap://dc.acme.com", false).unwrap();
        assert_eq!((plain.host.as_str(), plain.port), ("dc.acme.com", 389));
        assert_eq!(plain.security, Security::Plain);
        assert_eq!(plain.origin, "ldap://dc.acme.com:389");
        let tls = Target::parse("LDAPS://127.0.0.1:61636/", false).unwrap();
        assert_eq!((tls.port, tls.security), (61636, Security::Ldaps));
        assert_eq!(tls.origin, "ldaps://127.0.0.1:61636");
        let start = Target::parse("ldap://dc:3268", true).unwrap();
        assert_eq!(start.security, Security::StartTls);
        assert_eq!(start.connect_url(), "ldap://dc:3268");
        let v6 = Target::parse("ldap://[::1]:61389", false).unwrap();
        assert_eq!((v6.host.as_str(), v6.origin.as_str()), ("::1", "ldap://[::1]:61389"));
    }

    #[test]
    fn wrong_urls_say_why_and_never_repeat_credentials() {
        let with_password = Target::parse("ldap://admin:hunter2@dc:389", false).unwrap_err();
        assert!(with_password.contains("carries credentials"), "{with_password}");
        assert!(!with_password.contains("hunter2"));
        assert!(
            Target::parse("dc.acme.com", false)
                .unwrap_err()
                .contains("expected a URL")
        );
        assert!(
            Target::parse("http://dc", false)
                .unwrap_err()
                .contains("unknown scheme `http`")
        );
        assert!(
            Target::parse("ldaps://dc", true)
                .unwrap_err()
                .contains("StartTLS is for ldap://")
        );
        assert!(
            Target::parse("ldap://dc:99999", false)
                .unwrap_err()
                .contains("not a port")
        );
        assert!(
            Target::parse("ldap://:389", false)
                .unwrap_err()
                .contains("names no server")
        );
        assert!(
            Target::parse("ldap://dc/dc=acme,dc=com", false)
                .unwrap_err()
                .contains("base DN")
        );
        assert!(Target::parse("ldaps://[::1]", false).unwrap_err().contains("IPv6"));
        assert!(Target::parse("ldap://::1", false).unwrap_err().contains("brackets"));
    }
}
