//! Helpers shared by the command-line tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod sarif;
