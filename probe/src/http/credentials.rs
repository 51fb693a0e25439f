//! Basic credentials of the calendar account, and the one rule for sending them: over TLS that
//! is trusted and names the server, or over plain HTTP only with `--allow-plaintext-password`.
//! The header value is never shown: evidence says `Authorization: Basic ********`, and every
//! line shown is cleared of the token as well as of the password.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::REDACTED;

/// `Authorization: Basic` credentials; their token never leaves except in a request.
#[derive(Clone)]
pub struct Basic {
    user: String,
    token: String,
}

impl Basic {
    /// Credentials of `user` with `password`.
    pub fn new(user: &str, password: &str) -> Self {
        Self {
            user: user.to_owned(),
            token: STANDARD.encode(format!("{user}:{password}")),
        }
    }

    /// The account's name (not a secret).
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The header value to send.
    pub fn header(&self) -> String {
        format!("Basic {}", self.token)
    }

    /// `text` without the token (a server may echo it back).
    pub fn redact(&self, text: &str) -> String {
        text.replace(&self.token, REDACTED)
    }
}

/// Never print the token, even by accident.
impl std::fmt::Debug for Basic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Basic")
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

/// How a connection protects what crosses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Security {
    /// Plain text.
    Plain,
    /// TLS; `doubt` says why its certificate is not one to trust with a password, if it is not.
    Tls {
        /// Why not, or `None` when the chain is trusted and the certificate names the server.
        doubt: Option<String>,
    },
}

/// Why credentials must not be sent over a connection with `security`, or `None` when they may;
/// `plaintext_allowed` is `--allow-plaintext-password`.
pub fn refusal(security: &Security, plaintext_allowed: bool) -> Option<String> {
    match security {
        Security::Plain if plaintext_allowed => None,
        Security::Plain => Some(
            "the connection is plain HTTP: Basic credentials would cross it readable (--allow-plaintext-password \
             sends them anyway)"
                .to_owned(),
        ),
        Security::Tls { doubt: None } => None,
        Security::Tls { doubt: Some(why) } => Some(format!(
            "the server's certificate is not one to trust with a password: {why}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_base64_and_never_shown() {
        let basic = Basic::new("alice", "alicepw");
        assert_eq!(basic.header(), "Basic YWxpY2U6YWxpY2Vwdw==");
        assert_eq!(basic.redact("echo: Basic YWxpY2U6YWxpY2Vwdw=="), "echo: Basic ********");
        assert!(!format!("{basic:?}").contains("YWxp"));
        assert_eq!(basic.user(), "alice");
    }

    #[test]
    fn credentials_go_over_trusted_tls_or_plain_text_when_allowed() {
        assert_eq!(refusal(&Security::Tls { doubt: None }, false), None);
        assert_eq!(refusal(&Security::Plain, true), None);
        assert!(
            refusal(&Security::Plain, false)
                .unwrap()
                .contains("--allow-plaintext-password")
        );
        let untrusted = Security::Tls {
            doubt: Some("self-signed".to_owned()),
        };
        assert!(
            refusal(&untrusted, true).unwrap().contains("self-signed"),
            "no flag overrides trust"
        );
    }
}
