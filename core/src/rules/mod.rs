//! Diagnostic rules: the checks, one file per family (their codes and pages are in
//! [`crate::catalogue`], in the file of the same name), and the engine that runs them.

mod acl;
mod auth;
mod cal;
pub mod engine;
mod jab;
mod ldap;
mod name;
mod prs;
mod sip;
mod tls;
mod topo;
mod users;
mod vm;

pub use engine::{Options, check};

/// Each family's checks, in the catalogue's order.
const FAMILY_CHECKS: [fn(&engine::Context<'_>, &mut engine::Sink<'_>); 10] = [
    prs::check,
    auth::check,
    vm::check,
    name::check,
    sip::check,
    ldap::check,
    cal::check,
    topo::check,
    tls::check,
    jab::check,
];

/// Each family's rules that judge one user at a time, run in one walk over the users before
/// the checks above (which read that walk's tallies).
const USER_RULES: [users::Prepare; 3] = [auth::user_rules, ldap::user_rules, topo::user_rules];

#[cfg(test)]
mod tests;
