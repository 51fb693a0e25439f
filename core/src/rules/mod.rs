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
mod users;
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

/// Each family's rules that judge one user at a time, run in one walk over the users before
/// the checks above (which read that walk's tallies).
const USER_RULES: [users::Prepare; 3] = [auth::user_rules, ldap::user_rules, topo::user_rules];

#[cfg(test)]
mod tests;
