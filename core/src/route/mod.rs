//! SIP request routing (SPEC D4): static route patterns so far.

pub mod pattern;
