//! uclint in the browser: wasm-bindgen bindings of `uclint-core`.
//!
//! Conversion only: JS values in, core calls, serde values out. Every answer has the shape the
//! CLI's `--format json` prints (snake_case fields); every failure is thrown as a JS `Error` with
//! the CLI's message and a `code` property (see [`error`]). TypeScript types are generated from
//! the Rust types here by `tsify` into the `.d.ts` that `wasm-bindgen` writes.
//!
//! The output types mirror core's: each is built from the core value it mirrors, and unit tests
//! prove that both serialize to the same JSON.

pub mod check;
pub mod deployment;
pub mod error;
mod fragment;
pub mod health;
pub mod import;
pub mod jabber;
pub mod presence;
pub mod recipes;
pub mod resolve;
pub mod route;
pub mod rules;

use wasm_bindgen::prelude::wasm_bindgen;

/// The version of uclint this module was built from (the CLI's `uclint --version`).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
