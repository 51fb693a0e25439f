//! Diagnostic rules: their stable codes (SPEC §3).

mod code;

pub use code::{Code, Severity};
