//! Secrets are never stored: a secret field reads as whether it is set.

use serde::{Deserialize, Deserializer};

/// Whether a secret is set. Accepts a boolean (`true` = set) or the secret itself, which is
/// dropped at once: a non-blank string means set. The value never reaches the model, an error
/// message or any output.
pub fn set<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Secret {
        Flag(bool),
        Value(String),
    }
    match Secret::deserialize(deserializer) {
        Ok(Secret::Flag(set)) => Ok(set),
        Ok(Secret::Value(value)) => Ok(!value.trim().is_empty()),
        // Untagged errors never quote the input, so nothing secret leaks here.
        Err(_) => Err(serde::de::Error::custom(
            "expected true/false (whether the secret is set) or the secret text",
        )),
    }
}
