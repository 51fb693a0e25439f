//! Each family's catalogue entries, one file per family (the checks are in `crate::rules`, in the
//! file of the same name).

pub mod auth;
pub mod cal;
pub mod drift;
pub mod jab;
pub mod ldap;
pub mod name;
pub mod plugin;
pub mod prs;
pub mod sip;
pub mod tls;
pub mod topo;
pub mod vm;
