//! Derivations (the derivations (docs/derivations)): pure functions that return an answer and the steps that led to it.

pub mod imap;
pub mod implicit;
pub mod jabber;
pub mod overview;
pub mod presence;
#[cfg(test)]
mod presence_laws;
pub mod resolve;
pub mod wireshark;
