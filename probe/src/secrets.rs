//! Passwords a probe may send, where they come from, and the one place that keeps them out of
//! everything it shows.

use uclint_core::model::Deployment;

use crate::ProbeRequest;

/// The secrets of one run. Their values only leave through [`Secrets::value`] (to be sent to a
/// server); everything shown passes through [`Secrets::redact`].
#[derive(Clone, Default)]
pub struct Secrets {
    values: Vec<(SecretKind, String)>,
}

/// Which secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// The CUPC LDAP search account's password (`UCLINT_LDAP_PASSWORD`).
    LdapAccount,
    /// The user's own password (`UCLINT_USER_PASSWORD`).
    User,
    /// The password of the account CUPS reads Exchange calendars with (`UCLINT_CALENDAR_PASSWORD`).
    Calendar,
    /// The AXL application user's password, for `uclint collect` (`UCLINT_AXL_PASSWORD`).
    Axl,
}

impl SecretKind {
    /// Every secret a probe may need.
    pub const ALL: [SecretKind; 4] = [Self::LdapAccount, Self::User, Self::Calendar, Self::Axl];

    /// The environment variable it is read from.
    pub const fn variable(self) -> &'static str {
        match self {
            Self::LdapAccount => "UCLINT_LDAP_PASSWORD",
            Self::User => "UCLINT_USER_PASSWORD",
            Self::Calendar => "UCLINT_CALENDAR_PASSWORD",
            Self::Axl => "UCLINT_AXL_PASSWORD",
        }
    }

    /// What it is, for a prompt.
    pub const fn describe(self) -> &'static str {
        match self {
            Self::LdapAccount => "the CUPC LDAP search account's password",
            Self::User => "the user's password",
            Self::Calendar => "the calendar account's password",
            Self::Axl => "the AXL user's password",
        }
    }
}

/// What a secret looks like in anything shown.
pub const REDACTED: &str = "********";

impl Secrets {
    /// The secrets `request` may send over `deployment`, each from its environment variable, else
    /// from `ask` (a front door's prompt without echo, when it has a terminal). A secret neither
    /// gives stays unset: the probe that needs it says it did not try, and why.
    pub fn gather(
        request: &ProbeRequest,
        deployment: &Deployment,
        ask: Option<&dyn Fn(SecretKind) -> Option<String>>,
    ) -> Self {
        let mut secrets = Self::default();
        for kind in SecretKind::ALL {
            if !request.needs(deployment, kind) {
                continue;
            }
            let value = std::env::var(kind.variable())
                .ok()
                .or_else(|| ask.and_then(|ask| ask(kind)))
                .unwrap_or_default();
            secrets.set(kind, value);
        }
        secrets
    }

    /// Keep `value` as the `kind` secret (an empty value is no secret).
    pub fn set(&mut self, kind: SecretKind, value: String) {
        self.values.retain(|(k, _)| *k != kind);
        if !value.is_empty() {
            self.values.push((kind, value));
        }
    }

    /// The `kind` secret, to send.
    pub fn value(&self, kind: SecretKind) -> Option<&str> {
        self.values.iter().find(|(k, _)| *k == kind).map(|(_, v)| v.as_str())
    }

    /// `text` with every secret replaced by `********`.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_owned();
        // Longest first: a secret that contains another is replaced whole.
        let mut values: Vec<&str> = self.values.iter().map(|(_, v)| v.as_str()).collect();
        values.sort_by_key(|v| std::cmp::Reverse(v.len()));
        for value in values {
            out = out.replace(value, REDACTED);
        }
        out
    }
}

/// Never print a secret, even by accident.
impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kinds: Vec<SecretKind> = self.values.iter().map(|(k, _)| *k).collect();
        f.debug_struct("Secrets").field("set", &kinds).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_show() {
        let mut secrets = Secrets::default();
        secrets.set(SecretKind::User, "hunter2".to_owned());
        secrets.set(SecretKind::LdapAccount, "hunter2-admin".to_owned());
        assert_eq!(secrets.redact("2 LOGIN alice hunter2"), "2 LOGIN alice ********");
        assert_eq!(secrets.redact("bind hunter2-admin"), "bind ********");
        assert!(!format!("{secrets:?}").contains("hunter2"));
        assert_eq!(secrets.value(SecretKind::User), Some("hunter2"));
        secrets.set(SecretKind::User, String::new());
        assert_eq!(secrets.value(SecretKind::User), None);
    }
}
