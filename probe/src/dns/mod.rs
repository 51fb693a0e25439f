//! DNS as a client sees it: every name a client profile uses on its own, resolved with its
//! suffix list against real DNS, beside what the deployment's own DNS data answers.

mod client;
mod live;

pub use client::tasks;
pub use live::LiveDns;
