//! Secrets are never stored: a secret field reads as whether it is set.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, EnumAccess, MapAccess, SeqAccess, Visitor};

/// Whether a secret is set. Accepts a boolean (`true` = set) or the secret itself, which is
/// dropped at once: a non-blank string means set. The value never reaches the model, an error
/// message or any output.
pub fn set<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    deserializer.deserialize_any(SecretSet)
}

const EXPECTED: &str = "true/false (whether the secret is set) or the secret text";

/// A visitor rather than an untagged enum: the parser then reports a refused value where it is
/// written, which names the field in the error; an untagged enum buffers the value and fails
/// later, at the enclosing table.
struct SecretSet;

/// Every refusal has the same words: serde's own would quote the value, which may be the secret.
fn refused<E: de::Error>() -> E {
    E::custom(format!("expected {EXPECTED}"))
}

impl<'de> Visitor<'de> for SecretSet {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_bool<E: de::Error>(self, set: bool) -> Result<bool, E> {
        Ok(set)
    }

    fn visit_str<E: de::Error>(self, secret: &str) -> Result<bool, E> {
        Ok(!secret.trim().is_empty())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Err(refused())
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<bool, E> {
        Err(refused())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Err(refused())
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<bool, E> {
        Err(refused())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Err(refused())
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<bool, E> {
        Err(refused())
    }

    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        Err(refused())
    }

    fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<bool, D::Error> {
        Err(refused())
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Err(refused())
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, _: D) -> Result<bool, D::Error> {
        Err(refused())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<bool, A::Error> {
        Err(refused())
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<bool, A::Error> {
        Err(refused())
    }

    fn visit_enum<A: EnumAccess<'de>>(self, _: A) -> Result<bool, A::Error> {
        Err(refused())
    }
}

#[cfg(test)]
mod tests {
    use serde::de::IntoDeserializer;
    use serde::de::value::Error;

    use super::*;

    fn read<'de>(value: impl IntoDeserializer<'de, Error>) -> Result<bool, Error> {
        set(value.into_deserializer())
    }

    #[test]
    fn a_flag_or_a_non_blank_text_says_whether_it_is_set() {
        assert_eq!(read(true), Ok(true));
        assert_eq!(read(false), Ok(false));
        assert_eq!(read("hunter2"), Ok(true));
        assert_eq!(read("  "), Ok(false));
    }

    #[test]
    fn anything_else_is_refused_without_quoting_it() {
        for refused in [read(1234_i64), read(1234_u64), read(12.34_f64), read(())] {
            let message = refused.map_err(|e| e.to_string()).unwrap_err();
            assert_eq!(message, format!("expected {EXPECTED}"));
        }
    }
}
