//! What a YAML scalar means: the core schema of YAML 1.2 for plain scalars, and the core tags.
//!
//! A plain scalar is null (`~`, `null`, `Null`, `NULL` or nothing), a boolean (`true`, `True`,
//! `TRUE` and the same for false), an integer (`[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`), a
//! float (`1.5`, `-2e3`, `.inf`, `.nan`...) or else a string; a quoted or block scalar is always
//! a string. An explicit core tag (`!!str`, `!!int`...) says the type whatever the style.

use saphyr_parser::Tag as ParsedTag;

/// The handle of the tags of YAML's core schema (`!!` expands to it).
const CORE_HANDLE: &str = "tag:yaml.org,2002:";

/// A tag of the core schema, as written on a node (`!!str`, `!!seq`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// `!!str`, or the non-specific `!`.
    Str,
    /// `!!int`.
    Int,
    /// `!!float`.
    Float,
    /// `!!bool`.
    Bool,
    /// `!!null`.
    Null,
    /// `!!seq`.
    Seq,
    /// `!!map`.
    Map,
}

impl Tag {
    /// The core tag `tag` names, or `None` for any other tag (`!!binary`, `!local`...).
    pub fn of(tag: &ParsedTag) -> Option<Self> {
        if tag.handle == "!" && tag.suffix.is_empty() {
            return Some(Self::Str);
        }
        if tag.handle != CORE_HANDLE {
            return None;
        }
        Some(match tag.suffix.as_str() {
            "str" => Self::Str,
            "int" => Self::Int,
            "float" => Self::Float,
            "bool" => Self::Bool,
            "null" => Self::Null,
            "seq" => Self::Seq,
            "map" => Self::Map,
            _ => return None,
        })
    }

    /// Whether the tag may stand on a scalar.
    pub fn is_scalar(self) -> bool {
        !matches!(self, Self::Seq | Self::Map)
    }
}

/// A tag as it was written, for messages: `!!binary`, `!local`, `!<tag:example.com:x>`.
pub fn written(tag: &ParsedTag) -> String {
    match tag.handle.as_str() {
        CORE_HANDLE => format!("!!{}", tag.suffix),
        "!" => format!("!{}", tag.suffix),
        handle => format!("!<{handle}{}>", tag.suffix),
    }
}

/// An integer, in the smallest of serde's types that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Int {
    /// Zero or more.
    U64(u64),
    /// Below zero.
    I64(i64),
    /// Beyond `u64`.
    U128(u128),
    /// Below `i64`.
    I128(i128),
}

/// What a scalar means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// Null.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(Int),
    /// A float.
    Float(f64),
    /// A string: the scalar's text.
    Str(&'a str),
}

/// What a plain, untagged scalar `text` means in the core schema.
pub fn resolve_plain(text: &str) -> Value<'_> {
    // Most plain scalars are names: only these first characters can start anything else.
    match text.as_bytes().first() {
        None => return Value::Null,
        Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F') => {}
        Some(_) => return Value::Str(text),
    }
    if is_null(text) {
        Value::Null
    } else if let Some(boolean) = parse_bool(text) {
        Value::Bool(boolean)
    } else if let Some(int) = parse_int(text) {
        Value::Int(int)
    } else if let Some(float) = parse_float(text) {
        Value::Float(float)
    } else {
        Value::Str(text)
    }
}

/// Whether `text` is the core schema's null: `~`, `null`, `Null`, `NULL` or nothing.
pub fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// The core schema's booleans.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// The core schema's integers: decimal with an optional sign, `0o` octal, `0x` hexadecimal.
/// A decimal beyond 128 bits is not an integer (it reads as a float).
pub fn parse_int(text: &str) -> Option<Int> {
    if let Some(octal) = text.strip_prefix("0o") {
        return radix(octal, 8);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return radix(hex, 16);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.starts_with('-') {
        text.parse().map(Int::I64).or_else(|_| text.parse().map(Int::I128)).ok()
    } else {
        digits
            .parse()
            .map(Int::U64)
            .or_else(|_| digits.parse().map(Int::U128))
            .ok()
    }
}

/// Unsigned digits in `radix`, nothing else (Rust's parser would take a sign too).
fn radix(digits: &str, radix: u32) -> Option<Int> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u64::from_str_radix(digits, radix)
        .map(Int::U64)
        .or_else(|_| u128::from_str_radix(digits, radix).map(Int::U128))
        .ok()
}

/// The core schema's floats: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the
/// infinities `[-+]?\.(inf|Inf|INF)` and `.nan`, `.NaN`, `.NAN`.
pub fn parse_float(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let negative = text.starts_with('-');
    match unsigned {
        ".inf" | ".Inf" | ".INF" => return Some(if negative { f64::NEG_INFINITY } else { f64::INFINITY }),
        ".nan" | ".NaN" | ".NAN" if unsigned.len() == text.len() => return Some(f64::NAN),
        _ => {}
    }
    is_decimal_float(unsigned).then(|| text.parse().ok()).flatten()
}

/// Whether `text` is `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
fn is_decimal_float(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut at = digits(0);
    let whole = at;
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        fraction = digits(at + 1);
        at += 1 + fraction;
    }
    if whole == 0 && fraction == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'-' | b'+')) {
            at += 1;
        }
        let exponent = digits(at);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nulls_and_booleans_are_the_core_spellings_only() {
        for null in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(resolve_plain(null), Value::Null, "{null:?}");
        }
        assert_eq!(resolve_plain("True"), Value::Bool(true));
        assert_eq!(resolve_plain("FALSE"), Value::Bool(false));
        // YAML 1.1's yes/no/on/off and other casings are strings in YAML 1.2.
        for text in ["yes", "no", "on", "off", "nULL", "tRUE"] {
            assert_eq!(resolve_plain(text), Value::Str(text), "{text:?}");
        }
    }

    #[test]
    fn integers_in_decimal_octal_and_hex() {
        assert_eq!(resolve_plain("5060"), Value::Int(Int::U64(5060)));
        assert_eq!(resolve_plain("+12"), Value::Int(Int::U64(12)));
        assert_eq!(resolve_plain("-3"), Value::Int(Int::I64(-3)));
        assert_eq!(resolve_plain("0123"), Value::Int(Int::U64(123)));
        assert_eq!(resolve_plain("0o17"), Value::Int(Int::U64(15)));
        assert_eq!(resolve_plain("0x1F"), Value::Int(Int::U64(31)));
        assert_eq!(
            resolve_plain("18446744073709551616"),
            Value::Int(Int::U128(18_446_744_073_709_551_616))
        );
        assert_eq!(
            resolve_plain("-9223372036854775809"),
            Value::Int(Int::I128(-9_223_372_036_854_775_809))
        );
        // Signs belong to decimals only; Rust's own parsers would take these.
        for text in ["0x+1", "0o-7", "-0x10", "0b101", "0o8", "0x", "1_000", "+", "-"] {
            assert_eq!(resolve_plain(text), Value::Str(text), "{text:?}");
        }
    }

    #[test]
    fn floats_as_the_core_schema_writes_them() {
        assert_eq!(resolve_plain("7.0"), Value::Float(7.0));
        assert_eq!(resolve_plain("-.5"), Value::Float(-0.5));
        assert_eq!(resolve_plain("1."), Value::Float(1.0));
        assert_eq!(resolve_plain("2e3"), Value::Float(2000.0));
        assert_eq!(resolve_plain("+1.5E-1"), Value::Float(0.15));
        assert_eq!(resolve_plain("-.inf"), Value::Float(f64::NEG_INFINITY));
        assert_eq!(resolve_plain(".Inf"), Value::Float(f64::INFINITY));
        assert!(matches!(resolve_plain(".NaN"), Value::Float(f) if f.is_nan()));
        // A decimal too large for 128 bits is still a number.
        assert!(matches!(resolve_plain(&"9".repeat(50)), Value::Float(f) if f > 1e49));
        // Rust's float parser takes all of these; the core schema does not.
        for text in [
            "inf", "NaN", "infinity", "-.nan", ".", "1e", "e5", "1.2.3", "7.0.2", "1e+",
        ] {
            assert_eq!(resolve_plain(text), Value::Str(text), "{text:?}");
        }
    }

    #[test]
    fn only_core_tags_are_known() {
        let tag = |handle: &str, suffix: &str| ParsedTag {
            handle: handle.to_owned(),
            suffix: suffix.to_owned(),
        };
        assert_eq!(Tag::of(&tag(CORE_HANDLE, "str")), Some(Tag::Str));
        assert_eq!(Tag::of(&tag("!", "")), Some(Tag::Str));
        assert_eq!(Tag::of(&tag(CORE_HANDLE, "binary")), None);
        assert_eq!(Tag::of(&tag("!", "Role")), None);
        assert_eq!(written(&tag(CORE_HANDLE, "binary")), "!!binary");
        assert_eq!(written(&tag("!", "Role")), "!Role");
    }
}
