//! Host-side bindings of the plugin contract `uclint:rule@0.1.0`, generated from plugins/wit.
//!
//! Every import is trappable: a host function stops a plugin that overspends its budget.
#![allow(missing_docs)]

wasmtime::component::bindgen!({
    path: "../wit",
    world: "uclint:rule/plugin",
    imports: { default: trappable },
});

/// The contract version this host speaks.
pub const CONTRACT: &str = "uclint:rule@0.1.0";
