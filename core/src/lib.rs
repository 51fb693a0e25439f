//! uclint-core: what a Cisco Unified Presence (CUPS/CUPC) or SIP deployment will really do.
//!
//! Pure and synchronous: no sockets, threads or filesystem. Callers hand it text (and, through
//! [`source::SourceFiles`], the files a deployment refers to); it answers with typed values that
//! carry their own explanation.

pub mod catalogue;
pub mod collect;
pub mod derive;
pub mod diff;
pub mod dns;
pub mod health;
pub mod model;
pub mod pipeline;
pub mod report;
mod rng;
pub mod route;
pub mod rules;
pub mod source;
pub mod synth;
