//! Character classes of RFC 3261 §25.1 and %-escaping.
//!
//! A part's "written form" (its key) is its text with every escape decoded except those of
//! RFC 2396 reserved characters and of `%` itself, which stay as upper-case `%HH`. Two parts are
//! equal under RFC 3261 §19.1.4 exactly when their keys are, and a key writes back as URI text
//! without ambiguity, since a literal `%` never occurs in one.

use std::borrow::Cow;
use std::fmt;

use super::UriError;

/// Which part of a URI text belongs to; each allows a different set of characters unescaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// `user` (and telephone-subscriber) before `:password` or `@`.
    User,
    /// `password` after `user:`.
    Password,
    /// A `;name=value` parameter's name or value.
    Param,
    /// A `?name=value` header's name or value.
    Header,
}

impl Part {
    /// Whether `b` may appear unescaped in this part.
    pub(super) fn allows(self, b: u8) -> bool {
        is_unreserved(b)
            || match self {
                Part::User => matches!(b, b'&' | b'=' | b'+' | b'$' | b',' | b';' | b'?' | b'/'),
                Part::Password => matches!(b, b'&' | b'=' | b'+' | b'$' | b','),
                Part::Param => matches!(b, b'[' | b']' | b'/' | b':' | b'&' | b'+' | b'$'),
                Part::Header => matches!(b, b'[' | b']' | b'/' | b'?' | b':' | b'+' | b'$'),
            }
    }

    /// How an error names the part.
    pub(super) fn what(self) -> &'static str {
        match self {
            Part::User => "user name",
            Part::Password => "password",
            Part::Param => "parameter",
            Part::Header => "header",
        }
    }
}

/// `alphanum / mark`.
pub(super) fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')')
}

/// RFC 2396 reserved characters: these are not equal to their escaped form.
fn is_reserved(b: u8) -> bool {
    matches!(b, b';' | b'/' | b'?' | b':' | b'@' | b'&' | b'=' | b'+' | b'$' | b',')
}

/// Whether a decoded byte stays escaped in a key.
fn stays_escaped(b: u8) -> bool {
    is_reserved(b) || b == b'%'
}

/// A scanned part: its unescaped value and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Text {
    /// Unescaped.
    pub value: String,
    /// Reserved characters escaped as written.
    pub key: String,
}

/// Scan `part` text from `start` to the first character the part does not allow; returns where it
/// stopped. Errors on a bad escape or on escapes that do not spell UTF-8.
pub(super) fn scan(input: &str, start: usize, part: Part) -> Result<(usize, Text), UriError> {
    let bytes = input.as_bytes();
    let (mut value, mut key, mut origin) = (Vec::new(), Vec::new(), Vec::new());
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let decoded = hex_pair(input, i)?;
            value.push(decoded);
            origin.push(i);
            if stays_escaped(decoded) {
                key.extend_from_slice(format!("%{decoded:02X}").as_bytes());
            } else {
                key.push(decoded);
            }
            i += 3;
        } else if part.allows(b) {
            value.push(b);
            key.push(b);
            origin.push(i);
            i += 1;
        } else {
            break;
        }
    }
    let utf8_error = |valid_up_to: usize| {
        let at = origin.get(valid_up_to).copied().unwrap_or(start);
        UriError::at(
            input,
            at,
            format!(
                "%-escapes in the {} that spell UTF-8 characters (the bytes from here are not UTF-8)",
                part.what()
            ),
        )
    };
    let value = String::from_utf8(value).map_err(|e| utf8_error(e.utf8_error().valid_up_to()))?;
    // The key differs from the value only in ASCII, so it is UTF-8 when the value is.
    let key = String::from_utf8(key).map_err(|_| utf8_error(0))?;
    Ok((i, Text { value, key }))
}

/// The byte `%HH` at `at` stands for.
pub(super) fn hex_pair(input: &str, at: usize) -> Result<u8, UriError> {
    let bytes = input.as_bytes();
    let digit = |i: usize| {
        bytes
            .get(i)
            .and_then(|b| (*b as char).to_digit(16))
            .ok_or_else(|| UriError::at(input, i, "two hex digits after '%' (write a literal '%' as %25)"))
    };
    let (high, low) = (digit(at + 1)?, digit(at + 2)?);
    // Two hex digits are at most 0xFF, so the conversion cannot fail.
    u8::try_from(high * 16 + low).map_err(|_| UriError::at(input, at, "a %-escape"))
}

/// The key for `value`: `hint` while it still spells `value`, else the plainest escaping.
pub(super) fn key<'a>(value: &'a str, hint: Option<&'a str>, part: Part) -> Cow<'a, str> {
    match hint {
        Some(hint) if unescape(hint) == value => Cow::Borrowed(hint),
        _ if !value.bytes().any(|b| must_escape(b, part)) => Cow::Borrowed(value),
        _ => {
            let mut out = String::with_capacity(value.len() + 6);
            for c in value.chars() {
                if c.is_ascii() && must_escape(c as u8, part) {
                    out.push_str(&format!("%{:02X}", c as u8));
                } else {
                    out.push(c);
                }
            }
            Cow::Owned(out)
        }
    }
}

/// Whether a key must hold `b` escaped: `%`, and reserved characters `part` does not allow.
fn must_escape(b: u8, part: Part) -> bool {
    stays_escaped(b) && !part.allows(b)
}

/// Decode the escapes left in a key.
pub(super) fn unescape(key: &str) -> Cow<'_, str> {
    if !key.contains('%') {
        return Cow::Borrowed(key);
    }
    let bytes = key.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let decoded = (b == b'%').then(|| hex_pair(key, i).ok()).flatten();
        match decoded {
            Some(decoded) => {
                out.push(decoded);
                i += 3;
            }
            None => {
                out.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(text) => Cow::Owned(text),
        Err(e) => Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

/// Write a key as URI text: escapes kept, and whatever `part` does not allow escaped.
pub(super) fn write_key(out: &mut impl fmt::Write, key: &str, part: Part) -> fmt::Result {
    for c in key.chars() {
        // A `%` in a key always starts a kept escape; its hex digits follow as letters/digits.
        if c == '%' || (c.is_ascii() && part.allows(c as u8)) {
            out.write_char(c)?;
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                write!(out, "%{b:02X}")?;
            }
        }
    }
    Ok(())
}

/// How user, password, parameters and headers were written (keys), beside the unescaped values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Written {
    /// The user's key.
    pub user: Option<String>,
    /// The password's key.
    pub password: Option<String>,
    /// Each parameter's keys, in order.
    pub params: Vec<(String, Option<String>)>,
    /// Each header's keys, in order.
    pub headers: Vec<(String, String)>,
}
