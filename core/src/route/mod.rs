//! SIP request routing (docs/derivations/sip-routing.md): where the CUPS SIP proxy sends a request URI, and why.
//!
//! [`uri`] parses the request URI, [`table`] indexes static routes, [`router`] walks SIP routing's
//! steps (local domain, static routes, RFC 3263 DNS, unroutable) and records a trace.

mod outcome;
pub mod pattern;
mod rfc3263;
mod router;
pub mod table;
pub mod uri;
mod weighted;

pub use outcome::{Decision, Origin, Routing, Step, Target};
pub use router::{Router, route};
#[cfg(test)]
mod laws;
#[cfg(test)]
mod tests;
