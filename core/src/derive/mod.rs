//! Derivations (SPEC §2): pure functions that return an answer and the steps that led to it.

pub mod health;
pub mod imap;
pub mod implicit;
pub mod overview;
pub mod presence;
pub mod resolve;
pub mod wireshark;
