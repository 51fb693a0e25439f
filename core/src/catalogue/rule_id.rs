//! A rule's identity, parsed once: one of uclint's own codes, or a plugin's `X-VENDOR-NAME`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use super::{Code, UnknownCode};

/// The prefix every plugin code carries, so that no plugin code can be a built-in one.
const PLUGIN_PREFIX: &str = "X-";

/// Which rule a selection names or a finding comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// A built-in rule (including the plugin host's PLUGIN codes).
    Builtin(Code),
    /// A third-party plugin's rule, `X-VENDOR-NAME` as the plugin declares it.
    Plugin(String),
}

impl RuleId {
    /// The id as written: `PRS001`, `X-ACME-NAMING`.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Builtin(code) => code.as_str(),
            Self::Plugin(code) => code,
        }
    }

    /// The built-in code, when it is one.
    pub fn builtin(&self) -> Option<Code> {
        match self {
            Self::Builtin(code) => Some(*code),
            Self::Plugin(_) => None,
        }
    }

    /// Whether this is a plugin's code.
    pub fn is_plugin(&self) -> bool {
        matches!(self, Self::Plugin(_))
    }
}

impl From<Code> for RuleId {
    fn from(code: Code) -> Self {
        Self::Builtin(code)
    }
}

impl PartialEq<Code> for RuleId {
    fn eq(&self, other: &Code) -> bool {
        self.builtin() == Some(*other)
    }
}

/// Ids order as their text does, so reports sort the same whoever made the finding.
impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// `X-...` is a plugin's code (checked against the loaded plugins later); anything else must be
/// a built-in code, in any case, surrounding spaces ignored.
impl FromStr for RuleId {
    type Err = UnknownCode;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.starts_with(PLUGIN_PREFIX) {
            return Ok(Self::Plugin(text.to_owned()));
        }
        text.parse().map(Self::Builtin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_once_into_builtin_or_plugin() {
        assert_eq!(" prs001 ".parse::<RuleId>(), Ok(RuleId::Builtin(Code::PRS001)));
        assert_eq!(
            "X-ACME-NAMING".parse::<RuleId>(),
            Ok(RuleId::Plugin("X-ACME-NAMING".to_owned()))
        );
        assert!("PRS999".parse::<RuleId>().is_err());
        // Lower-case `x-` is not the plugin prefix: it must then be a built-in code, and is not.
        assert!("x-acme-naming".parse::<RuleId>().is_err());
    }

    #[test]
    fn ids_order_and_print_as_their_text() {
        let plugin = RuleId::Plugin("X-ACME-NAMING".to_owned());
        let builtin = RuleId::Builtin(Code::VM001);
        assert!(builtin < plugin, "`VM001` sorts before `X-...` as text does");
        assert!(RuleId::Builtin(Code::AUTH001) < RuleId::Builtin(Code::PRS001));
        assert_eq!(plugin.to_string(), "X-ACME-NAMING");
        assert_eq!(serde_json::to_value(&builtin).unwrap(), "VM001");
        assert_eq!(builtin, Code::VM001);
        assert!(plugin.is_plugin() && plugin.builtin().is_none());
    }
}
