//! SIP, SIPS and tel URIs: parsing (RFC 3261 §19.1 and §25.1, RFC 3966), comparison (RFC 3261
//! §19.1.4, RFC 3966 §4) and a canonical display that parses back to an equivalent URI.
//!
//! Values are kept unescaped (`sip:%61lice@...` has the user `alice`). Because RFC 3261 treats a
//! reserved character and its %-escape as different (`a%3Bb` is not `a;b`), each URI also keeps,
//! privately, how its text was written; comparison and display use it while it still spells the
//! public fields, and fall back to the plainest escaping if a field was changed by hand.

mod compare;
mod escape;
mod host;
mod parse;
#[cfg(test)]
mod props;
mod tel;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use serde::Serialize;

use escape::{Part, Written};

/// The URI schemes uclint routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// `sip:` (RFC 3261).
    Sip,
    /// `sips:`: SIP over TLS on every hop (RFC 3261 §19.1).
    Sips,
    /// `tel:`: a telephone number (RFC 3966).
    Tel,
}

impl Scheme {
    /// The scheme name, lowercase, without the colon.
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::Sip => "sip",
            Scheme::Sips => "sips",
            Scheme::Tel => "tel",
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The host of a URI.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Host {
    /// A host name as written: case and any trailing dot kept.
    Name(String),
    /// An IPv4 address.
    Ipv4(Ipv4Addr),
    /// An IPv6 address (written in brackets in a URI).
    Ipv6(Ipv6Addr),
}

impl Host {
    /// Whether two hosts are the same for SIP: names ignoring case, addresses by value.
    pub fn matches(&self, other: &Host) -> bool {
        match (self, other) {
            (Host::Name(a), Host::Name(b)) => a.eq_ignore_ascii_case(b),
            (Host::Ipv4(a), Host::Ipv4(b)) => a == b,
            (Host::Ipv6(a), Host::Ipv6(b)) => a == b,
            _ => false,
        }
    }

    /// Parse a host as a SIP URI writes it: a host name, an IPv4 address or `[IPv6]`.
    pub fn parse(text: &str) -> Result<Host, UriError> {
        host::host_only(text)
    }
}

/// As a URI writes it: IPv6 in brackets.
impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Name(name) => f.write_str(name),
            Host::Ipv4(addr) => write!(f, "{addr}"),
            Host::Ipv6(addr) => write!(f, "[{addr}]"),
        }
    }
}

/// A parsed `sip:`, `sips:` or `tel:` URI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uri {
    /// The scheme (written in any case, `SIP:` is `sip:`).
    pub scheme: Scheme,
    /// sip/sips: the user, unescaped (`sips:user@example.com` for `sips%3Auser%40example.com`).
    pub user: Option<String>,
    /// sip/sips: the password after `user:`, unescaped (`Some("")` for `user:@host`).
    pub password: Option<String>,
    /// sip/sips: the host, always present. tel: the `phone-context` domain, if it is a domain.
    pub host: Option<Host>,
    /// tel: the number as written, with visual separators (`+1-212-555-1212`, `7042`).
    pub number: Option<String>,
    /// sip/sips: the port, if written.
    pub port: Option<u16>,
    /// The `;name=value` parameters in written order, unescaped; names as written.
    pub params: Vec<(String, Option<String>)>,
    /// sip/sips: the `?name=value&...` headers in written order, unescaped.
    pub headers: Vec<(String, String)>,
    /// How user, password, parameters and headers were escaped (see the module docs).
    #[serde(skip)]
    written: Written,
}

impl Uri {
    /// Parse a `sip:`, `sips:` or `tel:` URI (the scheme in any case; no spaces anywhere).
    pub fn parse(input: &str) -> Result<Uri, UriError> {
        parse::parse(input).map(|parsed| parsed.uri)
    }

    /// Parse a Request-URI: as [`Uri::parse`], but without headers or a `method` parameter,
    /// which RFC 3261 §19.1.1 (table 1) does not allow there.
    pub fn parse_request_uri(input: &str) -> Result<Uri, UriError> {
        let parsed = parse::parse(input)?;
        if let Some(at) = parsed.headers_at {
            return Err(UriError::at(
                input,
                at,
                "the end of the URI: a Request-URI cannot carry headers (RFC 3261 §19.1.1)",
            ));
        }
        if let Some(at) = parsed.method_at {
            return Err(UriError::at(
                input,
                at,
                "a parameter other than method, which a Request-URI cannot carry (RFC 3261 §19.1.1)",
            ));
        }
        Ok(parsed.uri)
    }

    /// The domain of the URI: the host for sip/sips (IPv6 without brackets), the
    /// `phone-context` domain for tel.
    pub fn host_str(&self) -> Option<String> {
        self.host.as_ref().map(|host| match host {
            Host::Name(name) => name.clone(),
            Host::Ipv4(addr) => addr.to_string(),
            Host::Ipv6(addr) => addr.to_string(),
        })
    }

    /// The user for sip/sips, the number for tel.
    pub fn user_part(&self) -> Option<&str> {
        match self.scheme {
            Scheme::Tel => self.number.as_deref(),
            Scheme::Sip | Scheme::Sips => self.user.as_deref(),
        }
    }

    /// The parameter `name` (any case): `None` if absent, `Some(None)` if it has no value.
    pub fn param(&self, name: &str) -> Option<Option<&str>> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_deref())
    }

    /// The `transport` parameter's value.
    pub fn transport(&self) -> Option<&str> {
        self.param("transport").flatten()
    }

    /// The `maddr` parameter's value: the host to send to instead of the URI's host.
    pub fn maddr(&self) -> Option<&str> {
        self.param("maddr").flatten()
    }

    /// Whether the two URIs are equivalent (RFC 3261 §19.1.4; RFC 3966 §4 for tel).
    pub fn equivalent(&self, other: &Uri) -> bool {
        compare::equivalent(self, other)
    }

    /// The user as written (reserved characters still escaped), for comparison and display.
    fn user_key(&self) -> Option<Cow<'_, str>> {
        let user = self.user.as_deref()?;
        Some(escape::key(user, self.written.user.as_deref(), Part::User))
    }

    /// The password as written.
    fn password_key(&self) -> Option<Cow<'_, str>> {
        let password = self.password.as_deref()?;
        Some(escape::key(password, self.written.password.as_deref(), Part::Password))
    }

    /// Parameter `index` as written (name, value).
    fn param_key(&self, index: usize) -> Option<(Cow<'_, str>, Option<Cow<'_, str>>)> {
        let (name, value) = self.params.get(index)?;
        let hint = self.written.params.get(index);
        let name_key = escape::key(name, hint.map(|(n, _)| n.as_str()), Part::Param);
        let value_key = value.as_deref().map(|value| {
            let hint = hint.and_then(|(_, v)| v.as_deref());
            escape::key(value, hint, Part::Param)
        });
        Some((name_key, value_key))
    }

    /// Header `index` as written (name, value).
    fn header_key(&self, index: usize) -> Option<(Cow<'_, str>, Cow<'_, str>)> {
        let (name, value) = self.headers.get(index)?;
        let hint = self.written.headers.get(index);
        Some((
            escape::key(name, hint.map(|(n, _)| n.as_str()), Part::Header),
            escape::key(value, hint.map(|(_, v)| v.as_str()), Part::Header),
        ))
    }
}

impl FromStr for Uri {
    type Err = UriError;

    fn from_str(s: &str) -> Result<Uri, UriError> {
        Uri::parse(s)
    }
}

/// The canonical form: lowercase scheme, unreserved characters unescaped, escapes in upper case,
/// reserved characters escaped where they were written escaped; parts in written order.
impl fmt::Display for Uri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.scheme)?;
        if self.scheme == Scheme::Tel {
            // `#` would start a URI fragment, so a tel number carries it escaped.
            for c in self.number.as_deref().unwrap_or_default().chars() {
                match c {
                    '#' => f.write_str("%23")?,
                    c => write!(f, "{c}")?,
                }
            }
        } else {
            if let Some(user) = self.user_key() {
                escape::write_key(f, &user, Part::User)?;
                if let Some(password) = self.password_key() {
                    f.write_str(":")?;
                    escape::write_key(f, &password, Part::Password)?;
                }
                f.write_str("@")?;
            }
            if let Some(host) = &self.host {
                write!(f, "{host}")?;
            }
            if let Some(port) = self.port {
                write!(f, ":{port}")?;
            }
        }
        for index in 0..self.params.len() {
            if let Some((name, value)) = self.param_key(index) {
                f.write_str(";")?;
                escape::write_key(f, &name, Part::Param)?;
                if let Some(value) = value {
                    f.write_str("=")?;
                    escape::write_key(f, &value, Part::Param)?;
                }
            }
        }
        for index in 0..self.headers.len() {
            if let Some((name, value)) = self.header_key(index) {
                f.write_str(if index == 0 { "?" } else { "&" })?;
                escape::write_key(f, &name, Part::Header)?;
                f.write_str("=")?;
                escape::write_key(f, &value, Part::Header)?;
            }
        }
        Ok(())
    }
}

/// A URI that does not parse: where, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("at character {} ({}): expected {}", .offset + 1, describe(*.found), .expected)]
pub struct UriError {
    /// Byte offset of the offending character (0-based; the message counts from 1). Everything
    /// before it is ASCII, so it is also the character index.
    pub offset: usize,
    /// The offending character; `None` at the end of the URI.
    pub found: Option<char>,
    /// What would have been valid there, with a hint on how to fix it.
    pub expected: String,
}

impl UriError {
    /// An error at `offset` of `input`, adding a hint for characters no URI may hold unescaped.
    fn at(input: &str, offset: usize, expected: impl Into<String>) -> UriError {
        let found = input.get(offset..).and_then(|rest| rest.chars().next());
        let mut expected = expected.into();
        match found {
            Some(' ' | '\t' | '\r' | '\n') => {
                expected.push_str("; a URI cannot contain spaces or line breaks (escape a space as %20)");
            }
            Some(c) if c.is_control() => {
                expected.push_str("; control characters must be %-escaped (e.g. %00)");
            }
            Some(c) if !c.is_ascii() => {
                expected.push_str("; characters beyond ASCII must be %-escaped as UTF-8 bytes (é is %C3%A9)");
            }
            _ => {}
        }
        UriError {
            offset,
            found,
            expected,
        }
    }
}

/// The offending character for a message: quoted when printable, by code point when not.
fn describe(found: Option<char>) -> String {
    match found {
        None => "end of the URI".to_owned(),
        Some(' ') => "a space".to_owned(),
        Some('\t') => "a tab".to_owned(),
        Some('\'') => "\"'\"".to_owned(),
        Some(c) if c.is_ascii_graphic() => format!("'{c}'"),
        // Only letters and digits are echoed: other code points may be invisible or reorder text.
        Some(c) if c.is_alphanumeric() => format!("'{c}', U+{:04X}", u32::from(c)),
        Some(c) if c.is_control() => format!("control character U+{:04X}", u32::from(c)),
        Some(c) => format!("U+{:04X}", u32::from(c)),
    }
}
