//! The parser: the scheme, then RFC 3261 §25.1 `SIP-URI` / `SIPS-URI` (hosts in `host`, tel URIs
//! in `tel`), left to right, stopping at the first character that cannot belong. Beyond the ABNF:
//! ports above 65535, repeated parameters, escapes that do not spell UTF-8 and malformed values of
//! the parameters routing reads (transport, user, method, ttl, maddr) are errors too.

use super::escape::{self, Part, Text, Written};
use super::host::{HOST_EXPECTED, bare_ipv6, host};
use super::tel::tel;
use super::{Host, Scheme, Uri, UriError};

/// A parse, with where the parts a Request-URI may not hold begin.
pub(super) struct Parsed {
    /// The URI.
    pub uri: Uri,
    /// Where `?` starts the headers.
    pub headers_at: Option<usize>,
    /// Where a `method` parameter's name starts.
    pub method_at: Option<usize>,
}

/// Parse a whole URI.
pub(super) fn parse(input: &str) -> Result<Parsed, UriError> {
    let (scheme, at) = scheme(input)?;
    match scheme {
        Scheme::Tel => tel(input, at),
        Scheme::Sip | Scheme::Sips => sip(input, at, scheme),
    }
}

/// `scheme ":"`, returning the scheme and where the rest starts.
fn scheme(input: &str) -> Result<(Scheme, usize), UriError> {
    let bytes = input.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return Err(UriError::at(input, 0, "a URI scheme: sip:, sips: or tel:"));
    }
    let end = bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
        .unwrap_or(bytes.len());
    let name = shorten(input.get(..end).unwrap_or_default());
    if bytes.get(end) != Some(&b':') {
        return Err(UriError::at(
            input,
            end,
            format!("':' after the scheme name `{name}` (a URI starts with sip:, sips: or tel:)"),
        ));
    }
    let scheme = match name.to_ascii_lowercase().as_str() {
        "sip" => Scheme::Sip,
        "sips" => Scheme::Sips,
        "tel" => Scheme::Tel,
        _ => {
            return Err(UriError::at(
                input,
                0,
                format!("the scheme sip:, sips: or tel: (uclint does not route `{name}:` URIs)"),
            ));
        }
    };
    Ok((scheme, end + 1))
}

/// At most 32 characters of a name for a message.
pub(super) fn shorten(name: &str) -> String {
    match name.get(..32) {
        Some(head) if name.len() > 32 => format!("{head}..."),
        _ => name.to_owned(),
    }
}

/// The userinfo of a sip/sips URI.
struct UserInfo {
    /// The user.
    user: Text,
    /// The password, after `:`.
    password: Option<Text>,
}

/// `[ userinfo ] hostport uri-parameters [ headers ]` from `at`.
fn sip(input: &str, at: usize, scheme: Scheme) -> Result<Parsed, UriError> {
    // No other part may hold `@` unescaped, so the first one ends the userinfo.
    let Some(at_sign) = input.get(at..).and_then(|rest| rest.find('@')).map(|i| at + i) else {
        return sip_rest(input, at, scheme, None);
    };
    match userinfo(input, at, at_sign) {
        Ok(info) => sip_rest(input, at_sign + 1, scheme, Some(info)),
        // The `@` may be a stray one after the host: report whichever reading got further.
        Err(first) => match sip_rest(input, at, scheme, None) {
            Err(second) if second.offset > first.offset => Err(second),
            Err(_) => Err(first),
            Ok(parsed) => Ok(parsed),
        },
    }
}

/// `( user / telephone-subscriber ) [ ":" password ]` between `start` and the `@` at `end`.
fn userinfo(input: &str, start: usize, end: usize) -> Result<UserInfo, UriError> {
    let (stop, user) = escape::scan(input, start, Part::User)?;
    if stop == start && stop == end {
        return Err(UriError::at(input, start, "a user name before '@'"));
    }
    let (stop, password) = match input.as_bytes().get(stop) {
        Some(b':') if stop > start => {
            let (stop, password) = escape::scan(input, stop + 1, Part::Password)?;
            (stop, Some(password))
        }
        _ => (stop, None),
    };
    if stop != end {
        let expected = if password.is_some() {
            "a character of the password (others must be %-escaped) or '@'"
        } else if stop == start {
            "a user name (other characters must be %-escaped)"
        } else {
            "a character of the user name (others must be %-escaped), ':' and a password, or '@'"
        };
        return Err(UriError::at(input, stop, expected));
    }
    Ok(UserInfo { user, password })
}

/// What came last, which decides what may follow.
#[derive(Clone, Copy)]
enum After {
    /// A host name, which more name characters could extend.
    HostName,
    /// An IP address.
    Address,
    /// The port.
    Port,
    /// A parameter.
    Param,
    /// A header.
    Header,
}

impl After {
    /// What may follow, for an error.
    fn expected(self) -> &'static str {
        match self {
            After::HostName => {
                "a letter, digit, '-' or '.' of the host name, ':' and a port, ';' and a parameter, '?' and \
                 headers, or the end of the URI"
            }
            After::Address => "':' and a port, ';' and a parameter, '?' and headers, or the end of the URI",
            After::Port => "a digit of the port, ';' and a parameter, '?' and headers, or the end of the URI",
            After::Param => {
                "a character of the parameter (others must be %-escaped), ';' and another parameter, '?' and \
                 headers, or the end of the URI"
            }
            After::Header => {
                "a character of the header (others must be %-escaped), '&' and another header, or the end of \
                 the URI"
            }
        }
    }
}

/// Parameters gathered so far: values, keys, and where `method` is.
#[derive(Default)]
struct Params {
    /// Unescaped.
    values: Vec<(String, Option<String>)>,
    /// As written.
    keys: Vec<(String, Option<String>)>,
    /// Where a `method` parameter's name starts.
    method_at: Option<usize>,
}

/// `hostport uri-parameters [ headers ]` from `start`.
fn sip_rest(input: &str, start: usize, scheme: Scheme, info: Option<UserInfo>) -> Result<Parsed, UriError> {
    let bytes = input.as_bytes();
    let (host, mut pos) = host(input, start)?;
    let mut after = match host {
        Host::Name(_) => After::HostName,
        Host::Ipv4(_) | Host::Ipv6(_) => After::Address,
    };
    let mut port = None;
    if bytes.get(pos) == Some(&b':') {
        let (value, end) = port_number(input, start, pos + 1)?;
        (port, pos, after) = (Some(value), end, After::Port);
    }
    let mut params = Params::default();
    while bytes.get(pos) == Some(&b';') {
        pos = sip_param(input, pos + 1, &mut params)?;
        after = After::Param;
    }
    let (mut headers, mut header_keys, mut headers_at) = (Vec::new(), Vec::new(), None);
    if bytes.get(pos) == Some(&b'?') {
        headers_at = Some(pos);
        after = After::Header;
        loop {
            let (end, name, value) = header(input, pos + 1)?;
            headers.push((name.value, value.value));
            header_keys.push((name.key, value.key));
            pos = end;
            if bytes.get(pos) != Some(&b'&') {
                break;
            }
        }
    }
    if pos != bytes.len() {
        return Err(UriError::at(input, pos, after.expected()));
    }
    let (user, password) = match info {
        Some(UserInfo { user, password }) => (Some(user), password),
        None => (None, None),
    };
    let written = Written {
        user: user.as_ref().map(|t| t.key.clone()),
        password: password.as_ref().map(|t| t.key.clone()),
        params: params.keys,
        headers: header_keys,
    };
    let uri = Uri {
        scheme,
        user: user.map(|t| t.value),
        password: password.map(|t| t.value),
        host: Some(host),
        number: None,
        port,
        params: params.values,
        headers,
        written,
    };
    Ok(Parsed {
        uri,
        headers_at,
        method_at: params.method_at,
    })
}
/// `port = 1*DIGIT` from `start` (after the `:`), at most 65535. `host_at` is where the host began.
fn port_number(input: &str, host_at: usize, start: usize) -> Result<(u16, usize), UriError> {
    let len = input
        .get(start..)
        .unwrap_or_default()
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if len == 0 {
        let mut expected = "a port number after ':'".to_owned();
        if bare_ipv6(input, host_at) {
            expected.push_str(" (an IPv6 address must be written in [brackets])");
        }
        return Err(UriError::at(input, start, expected));
    }
    let digits = input.get(start..start + len).unwrap_or_default();
    let port = digits.parse::<u16>().map_err(|_| {
        UriError::at(
            input,
            start,
            format!("a port number from 0 to 65535 (not {})", shorten(digits)),
        )
    })?;
    Ok((port, start + len))
}

/// `uri-parameter` from `start` (after the `;`); returns where it ends.
fn sip_param(input: &str, start: usize, params: &mut Params) -> Result<usize, UriError> {
    let bytes = input.as_bytes();
    let (name_end, name) = escape::scan(input, start, Part::Param)?;
    if name_end == start {
        return Err(UriError::at(input, start, "a parameter name after ';'"));
    }
    let raw_name = shorten(input.get(start..name_end).unwrap_or_default());
    if params.values.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name.value)) {
        return Err(UriError::at(
            input,
            start,
            format!("a parameter not given before (`{raw_name}` is repeated)"),
        ));
    }
    let (value, value_at, end) = if bytes.get(name_end) == Some(&b'=') {
        let (end, value) = escape::scan(input, name_end + 1, Part::Param)?;
        if end == name_end + 1 {
            return Err(UriError::at(input, end, "a parameter value after '='"));
        }
        (Some(value), name_end + 1, end)
    } else {
        (None, name_end, name_end)
    };
    let lower = name.value.to_ascii_lowercase();
    let value_text = value.as_ref().map(|v| v.value.as_str());
    match (lower.as_str(), value_text) {
        ("transport" | "user" | "method", None) | ("ttl", None) | ("maddr", None) => {
            return Err(UriError::at(
                input,
                value_at,
                format!("'=' and a value after `{raw_name}`"),
            ));
        }
        ("transport" | "user" | "method", Some(v)) if !is_token(v) => {
            return Err(UriError::at(
                input,
                value_at,
                format!("a token (letters, digits and -.!%*_+`'~) as the value of `{raw_name}`"),
            ));
        }
        ("ttl", Some(v)) if !(v.len() <= 3 && v.parse::<u8>().is_ok()) => {
            return Err(UriError::at(input, value_at, "a ttl from 0 to 255"));
        }
        ("maddr", Some(_)) => {
            let (_, host_end) = host(input, value_at)?;
            if host_end != end {
                return Err(UriError::at(
                    input,
                    host_end,
                    format!("the end of the maddr value after {HOST_EXPECTED}"),
                ));
            }
        }
        _ => {}
    }
    if lower == "method" {
        params.method_at = Some(start);
    }
    params.keys.push((name.key, value.as_ref().map(|v| v.key.clone())));
    params.values.push((name.value, value.map(|v| v.value)));
    Ok(end)
}

/// RFC 3261 `token` characters.
fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(b, b'-' | b'.' | b'!' | b'%' | b'*' | b'_' | b'+' | b'`' | b'\'' | b'~')
        })
}

/// `hname "=" hvalue` from `start` (after `?` or `&`); returns where it ends, name and value.
fn header(input: &str, start: usize) -> Result<(usize, Text, Text), UriError> {
    let (name_end, name) = escape::scan(input, start, Part::Header)?;
    if name_end == start {
        return Err(UriError::at(
            input,
            start,
            "a header name (a header is written name=value)",
        ));
    }
    if input.as_bytes().get(name_end) != Some(&b'=') {
        return Err(UriError::at(
            input,
            name_end,
            "a character of the header name (others must be %-escaped) or '=' and its value",
        ));
    }
    let (end, value) = escape::scan(input, name_end + 1, Part::Header)?;
    Ok((end, name, value))
}
