//! The parser: RFC 3261 §25.1 `SIP-URI` / `SIPS-URI` and RFC 3966 `telephone-uri`, left to right,
//! stopping at the first character that cannot belong. Beyond the ABNF: IPv4 numbers above 255,
//! ports above 65535, repeated parameters, escapes that do not spell UTF-8 and malformed values of
//! the parameters routing reads (transport, user, method, ttl, maddr) are errors too.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::escape::{self, Part, Text, Written};
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

/// What a host position accepts.
const HOST_EXPECTED: &str = "a host name, IPv4 address or [IPv6 reference]";

/// Parse a whole URI.
pub(super) fn parse(input: &str) -> Result<Parsed, UriError> {
    let (scheme, at) = scheme(input)?;
    match scheme {
        Scheme::Tel => tel(input, at),
        Scheme::Sip | Scheme::Sips => sip(input, at, scheme),
    }
}

/// Parse a host alone, as a `maddr` value would hold it.
pub(super) fn host_only(text: &str) -> Result<Host, UriError> {
    let (host, end) = host(text, 0)?;
    if end != text.len() {
        return Err(UriError::at(
            text,
            end,
            format!("the end of the host after {HOST_EXPECTED}"),
        ));
    }
    Ok(host)
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
fn shorten(name: &str) -> String {
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

/// `host` from `start`: a host name, an IPv4 address or `[IPv6]`; returns where it ends.
fn host(input: &str, start: usize) -> Result<(Host, usize), UriError> {
    let bytes = input.as_bytes();
    if bytes.get(start) == Some(&b'[') {
        return ipv6_reference(input, start);
    }
    let len = bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'))
        .count();
    let end = start + len;
    if len == 0 {
        return Err(UriError::at(input, start, HOST_EXPECTED));
    }
    let text = input.get(start..end).unwrap_or_default();
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        if let Some(addr) = ipv4(input, start, end)? {
            return Ok((Host::Ipv4(addr), end));
        }
    }
    host_name(input, start, end).map_err(|mut e| {
        if bare_ipv6(input, start) {
            e.expected.push_str(" (an IPv6 address must be written in [brackets])");
        }
        e
    })?;
    Ok((Host::Name(text.to_owned()), end))
}

/// Whether the text at `start` looks like an IPv6 address someone forgot to bracket.
fn bare_ipv6(input: &str, start: usize) -> bool {
    let run = input
        .get(start..)
        .unwrap_or_default()
        .bytes()
        .take_while(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'));
    run.filter(|b| *b == b':').count() >= 2
}

/// `hostname = *( domainlabel "." ) toplabel [ "." ]` between `start` and `end`.
fn host_name(input: &str, start: usize, end: usize) -> Result<(), UriError> {
    let text = input.get(start..end).unwrap_or_default();
    // One trailing dot is allowed (an absolute name); it ends no label.
    let body = text.strip_suffix('.').filter(|body| !body.is_empty()).unwrap_or(text);
    let count = body.split('.').count();
    let mut offset = start;
    for (index, label) in body.split('.').enumerate() {
        let bytes = label.as_bytes();
        match (bytes.first(), bytes.last()) {
            (None, _) => {
                return Err(UriError::at(
                    input,
                    offset,
                    "a letter or digit to start a host name label (a name has no empty labels)",
                ));
            }
            (Some(b'-'), _) => {
                return Err(UriError::at(
                    input,
                    offset,
                    "a letter or digit to start a host name label",
                ));
            }
            (_, Some(b'-')) => {
                return Err(UriError::at(
                    input,
                    offset + label.len() - 1,
                    "a letter or digit to end the host name label ('-' may appear only inside a label)",
                ));
            }
            (Some(first), _) if index + 1 == count && !first.is_ascii_alphabetic() => {
                let expected = if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                    "an IPv4 address of four numbers, or a host name whose last label starts with a letter"
                } else {
                    "a letter to start the last label of the host name (a top-level label cannot start with a digit)"
                };
                return Err(UriError::at(input, offset, expected));
            }
            _ => {}
        }
        offset += label.len() + 1;
    }
    Ok(())
}

/// An IPv4 address between `start` and `end`, or `None` when the text does not have its shape
/// (`1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT`).
fn ipv4(input: &str, start: usize, end: usize) -> Result<Option<Ipv4Addr>, UriError> {
    let text = input.get(start..end).unwrap_or_default();
    let parts: Vec<&str> = text.split('.').collect();
    let shaped = parts.len() == 4
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return Ok(None);
    }
    let mut octets = [0u8; 4];
    let mut offset = start;
    for (octet, part) in octets.iter_mut().zip(&parts) {
        // Three digits at most, so the value fits a u16; the ABNF allows 999, we stop at 255.
        *octet = part
            .parse::<u16>()
            .ok()
            .and_then(|v| u8::try_from(v).ok())
            .ok_or_else(|| {
                UriError::at(
                    input,
                    offset,
                    format!("an IPv4 address, whose four numbers are each 0 to 255 (not {part})"),
                )
            })?;
        offset += part.len() + 1;
    }
    Ok(Some(Ipv4Addr::from(octets)))
}

/// `"[" IPv6address "]"` from the `[` at `start`.
fn ipv6_reference(input: &str, start: usize) -> Result<(Host, usize), UriError> {
    let bytes = input.as_bytes();
    let from = start + 1;
    let len = bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'))
        .count();
    let end = from + len;
    match bytes.get(end) {
        Some(b']') => {}
        None => {
            return Err(UriError::at(
                input,
                end,
                format!("']' to close the IPv6 reference opened at character {}", start + 1),
            ));
        }
        Some(_) => {
            return Err(UriError::at(
                input,
                end,
                "a hex digit, ':' or '.' of the IPv6 address, or ']'",
            ));
        }
    }
    Ok((Host::Ipv6(ipv6(input, from, end)?), end + 1))
}

/// An IPv6 address (RFC 4291 §2.2 text) between `start` and `end`, checked group by group so
/// that an error can point at its character.
fn ipv6(input: &str, start: usize, end: usize) -> Result<Ipv6Addr, UriError> {
    let bytes = input.as_bytes();
    let text = input.get(start..end).unwrap_or_default();
    if text.is_empty() {
        return Err(UriError::at(input, end, "an IPv6 address inside [ ]"));
    }
    let mut compressed = false;
    let mut i = start;
    if text.starts_with("::") {
        compressed = true;
        i += 2;
    } else if text.starts_with(':') {
        return Err(UriError::at(
            input,
            start,
            "a hex group or '::' to start the IPv6 address",
        ));
    }
    // Where each 16-bit group starts (an IPv4 tail counts twice).
    let mut groups: Vec<usize> = Vec::with_capacity(8);
    let mut three_colons = false;
    while i < end {
        // RFC 3261's ABNF (from RFC 2373) derives `2001:db8:::192.0.2.1`; RFC 5118 §4.10 says to
        // tolerate it, read as `::`. Only right after `::` and before an IPv4 tail.
        if compressed
            && !three_colons
            && i >= start + 2
            && input.get(i - 2..=i) == Some(":::")
            && input
                .get(i + 1..end)
                .is_some_and(|tail| tail.contains('.') && !tail.contains(':'))
        {
            three_colons = true;
            i += 1;
            continue;
        }
        let run = bytes
            .get(i..end)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if bytes.get(i + run) == Some(&b'.') && i + run < end {
            // An IPv4 address ends the IPv6 address (`::ffff:192.0.2.10`).
            if ipv4(input, i, end)?.is_none() {
                return Err(UriError::at(
                    input,
                    i,
                    "an IPv4 address of four numbers to end the IPv6 address",
                ));
            }
            groups.extend([i, i]);
            break;
        }
        if run == 0 {
            let expected = if compressed && bytes.get(i) == Some(&b':') {
                "a hex group of the IPv6 address (it may hold '::' once, and no ':::')"
            } else {
                "a hex group of the IPv6 address"
            };
            return Err(UriError::at(input, i, expected));
        }
        if run > 4 {
            return Err(UriError::at(
                input,
                i + 4,
                "at most 4 hex digits in a group of the IPv6 address",
            ));
        }
        groups.push(i);
        i += run;
        if i == end {
            break;
        }
        // Only ':' can follow a group here: '.' was handled above.
        if bytes.get(i + 1) == Some(&b':') && i + 1 < end {
            if compressed {
                return Err(UriError::at(input, i, "only one '::' in an IPv6 address"));
            }
            compressed = true;
            i += 2;
        } else {
            i += 1;
            if i == end {
                return Err(UriError::at(
                    input,
                    end,
                    "a hex group after ':' (an IPv6 address cannot end with a single ':')",
                ));
            }
        }
    }
    let limit = if compressed { 7 } else { 8 };
    if let Some(&extra) = groups.get(limit) {
        return Err(UriError::at(
            input,
            extra,
            "at most 8 groups in an IPv6 address (7 beside '::')",
        ));
    }
    if !compressed && groups.len() < 8 {
        return Err(UriError::at(
            input,
            end,
            "more groups: an IPv6 address has 8, or '::' for runs of zeros",
        ));
    }
    let text = if three_colons {
        text.replacen(":::", "::", 1)
    } else {
        text.to_owned()
    };
    text.parse().map_err(|_| UriError::at(input, start, "an IPv6 address"))
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

/// RFC 3966 `visual-separator`.
fn is_separator(b: u8) -> bool {
    matches!(b, b'-' | b'.' | b'(' | b')')
}

/// `telephone-subscriber` from `at` (after `tel:`).
fn tel(input: &str, at: usize) -> Result<Parsed, UriError> {
    let bytes = input.as_bytes();
    let global = bytes.get(at) == Some(&b'+');
    let mut pos = if global { at + 1 } else { at };
    let mut number = if global { "+".to_owned() } else { String::new() };
    let mut digits = 0;
    loop {
        match bytes.get(pos) {
            Some(&b) if b.is_ascii_digit() || (!global && (b.is_ascii_hexdigit() || matches!(b, b'*' | b'#'))) => {
                number.push(char::from(b));
                digits += 1;
                pos += 1;
            }
            // `#` is usually escaped, since it would start a URI fragment.
            Some(b'%') if !global && escape::hex_pair(input, pos).ok() == Some(b'#') => {
                number.push('#');
                digits += 1;
                pos += 3;
            }
            Some(&b) if is_separator(b) => {
                number.push(char::from(b));
                pos += 1;
            }
            _ => break,
        }
    }
    if digits == 0 {
        let expected = if global {
            "a digit of the global number after '+'"
        } else {
            "a telephone number: '+' and digits for a global number, or digits and ;phone-context= for a local one"
        };
        return Err(UriError::at(input, pos, expected));
    }
    let (mut params, mut keys, mut host, mut context) = (Vec::new(), Vec::new(), None, false);
    let mut after_number = true;
    while bytes.get(pos) == Some(&b';') {
        let (name, value, end) = tel_param(input, pos + 1, &params)?;
        let lower = name.to_ascii_lowercase();
        // Where the value starts, or where its '=' is missing.
        let value_at = pos + 1 + name.len() + usize::from(value.is_some());
        if lower == "phone-context" {
            if global {
                return Err(UriError::at(
                    input,
                    pos + 1,
                    "no phone-context on a global number (one starting with '+')",
                ));
            }
            if value.is_none() {
                return Err(UriError::at(
                    input,
                    value_at,
                    "'=' and a domain or '+' and digits after phone-context",
                ));
            }
            context = true;
            host = phone_context(input, value_at, end)?;
        } else if lower == "ext" {
            let ok = value.as_ref().is_some_and(|v| {
                v.value.bytes().all(|b| b.is_ascii_digit() || is_separator(b))
                    && v.value.bytes().any(|b| b.is_ascii_digit())
            });
            if !ok {
                let expected = if value.is_some() {
                    "the digits of the extension (with -.() as separators)"
                } else {
                    "'=' and the digits of the extension"
                };
                return Err(UriError::at(input, value_at, expected));
            }
        }
        keys.push((name.clone(), value.as_ref().map(|v| v.key.clone())));
        params.push((name, value.map(|v| v.value)));
        pos = end;
        after_number = false;
    }
    if pos != bytes.len() {
        let expected = if after_number {
            "a digit or visual separator (-.()) of the number, ';' and a parameter, or the end of the URI"
        } else {
            "a character of the parameter (others must be %-escaped), ';' and another parameter, or the end of \
             the URI"
        };
        return Err(UriError::at(input, pos, expected));
    }
    if !global && !context {
        return Err(UriError::at(
            input,
            pos,
            "';phone-context=' after a local number (or a global number starting with '+')",
        ));
    }
    let uri = Uri {
        scheme: Scheme::Tel,
        user: None,
        password: None,
        host,
        number: Some(number),
        port: None,
        params,
        headers: Vec::new(),
        written: Written {
            params: keys,
            ..Written::default()
        },
    };
    Ok(Parsed {
        uri,
        headers_at: None,
        method_at: None,
    })
}

/// A tel `parameter` from `start` (after `;`): its name, value and end.
fn tel_param(
    input: &str,
    start: usize,
    seen: &[(String, Option<String>)],
) -> Result<(String, Option<Text>, usize), UriError> {
    let bytes = input.as_bytes();
    let len = bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    let name_end = start + len;
    let name = input.get(start..name_end).unwrap_or_default().to_owned();
    if name.is_empty() {
        return Err(UriError::at(
            input,
            start,
            "a parameter name (letters, digits and '-') after ';'",
        ));
    }
    if seen.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name)) {
        let name = shorten(&name);
        return Err(UriError::at(
            input,
            start,
            format!("a parameter not given before (`{name}` is repeated)"),
        ));
    }
    if bytes.get(name_end) != Some(&b'=') {
        return Ok((name, None, name_end));
    }
    let (end, value) = escape::scan(input, name_end + 1, Part::Param)?;
    if end == name_end + 1 {
        return Err(UriError::at(input, end, "a parameter value after '='"));
    }
    Ok((name, Some(value), end))
}

/// `descriptor = domainname / global-number-digits` between `start` and `end`; the domain, if
/// it is one.
fn phone_context(input: &str, start: usize, end: usize) -> Result<Option<Host>, UriError> {
    const EXPECTED: &str = "a domain name or '+' and digits as the phone-context";
    let bytes = input.as_bytes();
    let text = input.get(start..end).unwrap_or_default();
    if text.starts_with('+') {
        let bad = text
            .bytes()
            .skip(1)
            .position(|b| !(b.is_ascii_digit() || is_separator(b)));
        if let Some(bad) = bad {
            return Err(UriError::at(input, start + 1 + bad, EXPECTED));
        }
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return Err(UriError::at(input, end, EXPECTED));
        }
        return Ok(None);
    }
    let bad = (start..end).find(|&i| {
        !bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'))
    });
    if let Some(bad) = bad {
        return Err(UriError::at(input, bad, EXPECTED));
    }
    host_name(input, start, end)?;
    Ok(Some(Host::Name(text.to_owned())))
}
