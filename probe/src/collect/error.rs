//! Why a source could not be read, naming it.

use uclint_core::collect::SourceKind;

/// A source that could not be read: which one (`ldap ldap://dc:389`), and what went wrong. Never
/// carries a credential.
#[derive(Debug, thiserror::Error)]
#[error("{kind} {origin}: {reason}")]
pub struct CollectError {
    /// The kind of source.
    pub kind: SourceKind,
    /// What was read (URL, `ZONE@SERVER`), without credentials.
    pub origin: String,
    /// What went wrong, in words.
    pub reason: String,
}

impl CollectError {
    /// `reason` reading `origin`, a `kind` source.
    pub fn new(kind: SourceKind, origin: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            kind,
            origin: origin.into(),
            reason: reason.into(),
        }
    }
}
