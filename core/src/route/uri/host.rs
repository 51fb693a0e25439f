//! The host of a SIP URI (RFC 3261 §25.1 `host`): a host name, an IPv4 address or an IPv6
//! reference. Beyond the ABNF: IPv4 numbers stop at 255; RFC 3261's `:::` before an IPv4 tail is
//! tolerated (RFC 5118 §4.10).

use std::net::{Ipv4Addr, Ipv6Addr};

use super::{Host, UriError};

/// What a host position accepts.
pub(super) const HOST_EXPECTED: &str = "a host name, IPv4 address or [IPv6 reference]";

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
/// `host` from `start`: a host name, an IPv4 address or `[IPv6]`; returns where it ends.
pub(super) fn host(input: &str, start: usize) -> Result<(Host, usize), UriError> {
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
pub(super) fn bare_ipv6(input: &str, start: usize) -> bool {
    let run = input
        .get(start..)
        .unwrap_or_default()
        .bytes()
        .take_while(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'));
    run.filter(|b| *b == b':').count() >= 2
}

/// `hostname = *( domainlabel "." ) toplabel [ "." ]` between `start` and `end`.
pub(super) fn host_name(input: &str, start: usize, end: usize) -> Result<(), UriError> {
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

/// An IPv6 address (RFC 4291 §2.2 text) between `start` and `end`, read group by group so that
/// an error can point at its character.
fn ipv6(input: &str, start: usize, end: usize) -> Result<Ipv6Addr, UriError> {
    let bytes = input.as_bytes();
    let text = input.get(start..end).unwrap_or_default();
    if text.is_empty() {
        return Err(UriError::at(input, end, "an IPv6 address inside [ ]"));
    }
    // The groups before and after `::`, and where each starts (an IPv4 tail counts twice).
    let (mut head, mut tail, mut starts) = (Vec::new(), Vec::new(), Vec::new());
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
                .is_some_and(|rest| rest.contains('.') && !rest.contains(':'))
        {
            three_colons = true;
            i += 1;
            continue;
        }
        let groups = if compressed { &mut tail } else { &mut head };
        let run = bytes
            .get(i..end)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if bytes.get(i + run) == Some(&b'.') && i + run < end {
            // An IPv4 address ends the IPv6 address (`::ffff:192.0.2.10`).
            let Some(v4) = ipv4(input, i, end)? else {
                return Err(UriError::at(
                    input,
                    i,
                    "an IPv4 address of four numbers to end the IPv6 address",
                ));
            };
            let [a, b, c, d] = v4.octets();
            groups.extend([u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d])]);
            starts.extend([i, i]);
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
        let digits = input.get(i..i + run).unwrap_or_default();
        groups.push(u16::from_str_radix(digits, 16).unwrap_or_default());
        starts.push(i);
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
    // `::` stands for at least one group of zeros.
    let limit = if compressed { 7 } else { 8 };
    if let Some(&extra) = starts.get(limit) {
        return Err(UriError::at(
            input,
            extra,
            "at most 8 groups in an IPv6 address (7 beside '::')",
        ));
    }
    if !compressed && head.len() < 8 {
        return Err(UriError::at(
            input,
            end,
            "more groups: an IPv6 address has 8, or '::' for runs of zeros",
        ));
    }
    let mut segments = [0u16; 8];
    for (slot, group) in segments.iter_mut().zip(&head) {
        *slot = *group;
    }
    for (slot, group) in segments.iter_mut().rev().zip(tail.iter().rev()) {
        *slot = *group;
    }
    Ok(Ipv6Addr::from(segments))
}
