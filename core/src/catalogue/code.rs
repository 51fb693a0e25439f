//! Every built-in rule code, plus the PLUGIN codes the plugin host reports about plugins that
//! misbehave: what each rule checks lives in its family's file. Once released, a code never
//! changes meaning.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

macro_rules! codes {
    ($($code:ident,)*) => {
        /// A stable rule code, such as `PRS001`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum Code { $($code,)* }

        impl Code {
            /// Every code, family by family.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            /// The code as written, e.g. `"PRS001"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code),)* }
            }
        }
    };
}

codes! {
    PRS001,
    PRS002,
    PRS003,
    PRS004,
    PRS005,
    PRS006,
    AUTH001,
    AUTH002,
    AUTH003,
    AUTH004,
    AUTH005,
    AUTH006,
    VM001,
    VM002,
    VM003,
    VM004,
    VM005,
    VM006,
    VM007,
    NAME001,
    NAME002,
    NAME003,
    NAME004,
    SIP001,
    SIP002,
    SIP003,
    SIP004,
    SIP005,
    SIP006,
    SIP007,
    SIP008,
    LDAP001,
    LDAP002,
    LDAP003,
    LDAP004,
    LDAP005,
    LDAP006,
    LDAP007,
    LDAP008,
    LDAP009,
    LDAP010,
    CAL001,
    CAL002,
    CAL003,
    CAL004,
    CAL005,
    CAL006,
    CAL007,
    CAL008,
    TOPO001,
    TOPO002,
    TOPO003,
    TLS001,
    TLS002,
    TLS003,
    TLS004,
    JAB001,
    JAB002,
    JAB003,
    JAB004,
    JAB005,
    JAB006,
    JAB007,
    JAB008,
    DRIFT001,
    PLUGIN001,
    PLUGIN002,
    PLUGIN003,
    PLUGIN004,
    PLUGIN005,
    PLUGIN006,
    PLUGIN007,
    PLUGIN008,
}

/// How a rule's findings are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FoundBy {
    /// `uclint check`, from the deployment file.
    Check,
    /// `uclint probe`, from what the real servers answer.
    Probe,
    /// The plugin host, about a plugin that misbehaves.
    PluginHost,
}

/// The rules only a live probe can observe: no deployment file can say what a server answers.
const OBSERVED: [Code; 10] = [
    Code::VM007,
    Code::SIP007,
    Code::SIP008,
    Code::LDAP009,
    Code::LDAP010,
    Code::CAL008,
    Code::TLS002,
    Code::TLS003,
    Code::TLS004,
    Code::DRIFT001,
];

impl Code {
    /// How this rule's findings are found.
    pub fn found_by(self) -> FoundBy {
        if OBSERVED.contains(&self) {
            FoundBy::Probe
        } else if self.as_str().starts_with("PLUGIN") {
            FoundBy::PluginHost
        } else {
            FoundBy::Check
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The text was not a known rule code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule code `{0}`")]
pub struct UnknownCode(pub String);

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate {code}");
            assert_eq!(code.as_str().parse::<Code>(), Ok(*code));
        }
        // 47 rules of the field notes, 8 of Jabber discovery, 10 that only live probes observe,
        // 8 from the plugin host.
        assert_eq!(Code::ALL.len(), 47 + 8 + 10 + 8);
        assert!("prs001".parse::<Code>().is_ok());
        assert!("PRS999".parse::<Code>().is_err());
    }
}
