//! `tel:` URIs (RFC 3966 `telephone-uri`), the common subset: a global number (`+` and digits
//! with `-.()` separators) or a local one with `;phone-context=`, and parameters.

use super::escape::{self, Part, Text, Written};
use super::host::host_name;
use super::parse::{Parsed, shorten};
use super::{Host, Scheme, Uri, UriError};

/// RFC 3966 `visual-separator`.
fn is_separator(b: u8) -> bool {
    matches!(b, b'-' | b'.' | b'(' | b')')
}

/// `telephone-subscriber` from `at` (after `tel:`).
pub(super) fn tel(input: &str, at: usize) -> Result<Parsed, UriError> {
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
