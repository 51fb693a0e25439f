//! Live collectors: the deployment file's sections read from the real sources (a directory by
//! paged LDAP search, the corporate zone by AXFR, CUCM and IM&P through AXL). Each answers with a
//! [`Collected`] like the core's text importers, or a [`CollectError`] naming the source; nothing
//! half-read is ever returned.

pub mod axfr;
mod error;
pub mod ldap;

pub use axfr::{AxfrCollected, collect_axfr};
pub use error::CollectError;
pub use ldap::{LdapCollected, LdapSource, collect_ldap};
pub use uclint_core::collect::{Collected, Source, SourceKind};
