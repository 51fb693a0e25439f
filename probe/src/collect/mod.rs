//! Live collectors: the deployment file's sections read from the real sources (a directory by
//! paged LDAP search, the corporate zone by AXFR, CUCM and IM&P through AXL). Each answers with a
//! [`Collected`] like the core's text importers, or a [`CollectError`] naming the source; nothing
//! half-read is ever returned.

pub mod axfr;
mod axl;
pub mod document;
mod error;
pub mod ldap;

pub use axfr::{AxfrCollected, collect_axfr};
pub use axl::{AXL_VERSION, AxlTarget, collect_axl};
pub use document::{DocumentError, Save, SaveError, WriteError, document, write_atomically};
pub use error::CollectError;
pub use ldap::{LdapCollected, LdapSource, collect_ldap};
pub use uclint_core::collect::{Collected, Source, SourceKind};

/// Now, as the written file's notes say it: RFC 3339, UTC, to the second.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}
