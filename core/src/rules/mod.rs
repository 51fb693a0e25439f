//! Diagnostic rules (SPEC §3): the stable codes, one file per family, the registry of their
//! pages, and the engine that runs them.

mod acl;
mod auth;
mod cal;
mod code;
pub mod engine;
mod ldap;
mod name;
mod plugin;
mod prs;
pub mod registry;
mod sip;
mod tls;
mod topo;
mod vm;

pub use code::{Code, UnknownCode};
pub use engine::{Options, check};
pub use registry::{RuleInfo, Service};

/// Each family's checks, in SPEC order.
const FAMILY_CHECKS: [fn(&engine::Context<'_>, &mut engine::Sink<'_>); 9] = [
    prs::check,
    auth::check,
    vm::check,
    name::check,
    sip::check,
    ldap::check,
    cal::check,
    topo::check,
    tls::check,
];

#[cfg(test)]
mod tests;
