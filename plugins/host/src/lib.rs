//! uclint-plugin-host: runs third-party rule plugins (WebAssembly components speaking
//! `uclint:rule`, every version in `bindings::KNOWN`) in a sandbox that grants nothing but the
//! contract and a captured stdout and stderr: no files, network, environment or clock; fuel,
//! memory and output caps per call; every output validated. Whatever a plugin does, the host
//! goes on and reports it as a PLUGIN finding.

mod accept;
mod bindings;
mod cache;
mod capture;
mod failure;
mod host;
mod imports;
mod limits;
mod names;
mod output;
mod plugin;
mod refuse;
mod run;
mod state;
mod validate;
mod version;
mod wasi;

pub use bindings::CONTRACT;
pub use cache::Cache;
pub use failure::Failure;
pub use host::PluginHost;
pub use limits::Limits;
pub use output::{PluginCheck, Printed};
pub use plugin::{Plugin, PluginRule};
pub use run::Sandbox;
