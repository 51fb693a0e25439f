//! Every rule code of SPEC §3. Once released, a code never changes meaning.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// How bad a finding is (SPEC §3).
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

macro_rules! codes {
    ($($code:ident => $severity:ident, $title:literal;)*) => {
        /// A stable rule code, such as `PRS001`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum Code { $($code,)* }

        impl Code {
            /// Every code, in SPEC order.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            /// The code as written, e.g. `"PRS001"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code),)* }
            }

            /// The severity SPEC gives the rule by default.
            pub const fn default_severity(self) -> Severity {
                match self { $(Code::$code => Severity::$severity,)* }
            }

            /// One line saying what the rule is about.
            pub const fn title(self) -> &'static str {
                match self { $(Code::$code => $title,)* }
            }
        }
    };
}

codes! {
    PRS001 => Error, "presence address is unusable or does not resolve";
    PRS002 => Warning, "proxy domain is an IP address";
    PRS003 => Error, "proxy domain is not set";
    PRS004 => Error, "node name suffix differs from the proxy domain only in case";
    PRS005 => Warning, "node name ends with the proxy domain but not on a label boundary";
    PRS006 => Error, "a CUPC 7.x client cannot resolve the presence FQHN";
    AUTH001 => Error, "blank digest credential: Presence shows Invalid Credential";
    AUTH002 => Security, "incoming ACL trusts too wide a pattern";
    AUTH003 => Security, "SIP authentication module is off";
    AUTH004 => Error, "LDAP authentication port follows referrals: Desk Phone shows Invalid Credential";
    AUTH005 => Error, "CUPS cannot reach the LDAP server used for authentication";
    AUTH006 => Error, "LDAPS certificate is on CUCM but not on CUPS";
    VM001 => Error, "Exchange 2007 IMAP on TCP 143 with plain-text LOGIN disabled";
    VM002 => Error, "IMAP service is not running on an Exchange mailbox server";
    VM003 => Error, "voicemail profile points to the Unity server, not the Exchange store";
    VM004 => Error, "fewer voicemail profiles than mailbox servers";
    VM005 => Info, "Unity Connection uses the Web Application Password";
    VM006 => Error, "captured IMAP CAPABILITY shows LOGINDISABLED on a plain-text port";
    NAME001 => Error, "a client cannot resolve a node name it uses implicitly";
    NAME002 => Info, "node name is a bare hostname";
    NAME003 => Warning, "client DNS suffix list lacks the corporate domain";
    NAME004 => Error, "DNS resolves a node name to another address";
    SIP001 => Warning, "SIP domain differs from the DNS domain of the presence nodes";
    SIP002 => Error, "a destination domain has no static route, SRV or A record";
    SIP003 => Error, "a static route's next hop does not resolve";
    SIP004 => Warning, "duplicate static routes where one is out of service or blocked";
    SIP005 => Error, "a static route shadows the local domain";
    SIP006 => Info, "no DNS in use: every client needs a hosts file";
    LDAP001 => Error, "LDAP authentication without LDAP synchronization";
    LDAP002 => Warning, "LDAP user lacks a last name and will not synchronize";
    LDAP003 => Warning, "CUCM user missing from LDAP will be deleted after 72 hours";
    LDAP004 => Warning, "large directory synchronized on port 389";
    LDAP005 => Error, "LDAPS certificate uploaded after the last Cisco Tomcat restart";
    LDAP006 => Error, "LDAP user id differs from the CUCM user id: contact always offline";
    LDAP007 => Warning, "LDAP search account password changed while clients keep the old profile";
    LDAP008 => Info, "CUCM not integrated with LDAP while CUPC searches LDAP";
    CAL001 => Error, "calendar connection is not HTTPS";
    CAL002 => Warning, "Exchange 2003/2007 mixed mode";
    CAL003 => Warning, "a firewall between CUPS and Exchange";
    CAL004 => Warning, "a load balancer between CUPS and Exchange";
    CAL005 => Info, "forms-based authentication enabled";
    CAL006 => Error, "Exchange 2010 or later has no WebDAV";
    CAL007 => Info, "a whole-day test event shows as FREE by default";
    TOPO001 => Error, "a server holds both cucm and cups roles";
    TOPO002 => Error, "home or presence node is not a CUPS node";
    TOPO003 => Error, "dangling reference";
    TLS001 => Warning, "RSA key cannot decrypt a forward-secret cipher suite";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
        assert_eq!(Code::ALL.len(), 47);
        assert!("prs001".parse::<Code>().is_ok());
        assert!("PRS999".parse::<Code>().is_err());
    }
}
