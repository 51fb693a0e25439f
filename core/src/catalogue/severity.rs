//! How bad a finding is.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// How bad a finding is, from least to most severe for `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice.
    Info,
    /// Works, but weakens protection.
    Security,
    /// Fails in some conditions, or a risk.
    Warning,
    /// A feature will fail.
    Error,
}

impl Severity {
    /// Every severity, most severe first (the order reports use).
    pub const ALL: [Severity; 4] = [Severity::Error, Severity::Warning, Severity::Security, Severity::Info];

    /// The severity as written.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Security => "security",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|severity| severity.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown severity `{s}`: expected error, warning, security or info"))
    }
}
