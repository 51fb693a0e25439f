//! Plugins on the command line: the sandbox the options describe.

use std::path::Path;

use uclint_plugin_host::{Cache, Limits, Plugin, PluginHost, Sandbox};

use crate::args::SandboxArgs;
use crate::commands::Failure;

/// The host the sandbox options describe.
pub fn host(args: &SandboxArgs) -> Result<PluginHost, Failure> {
    PluginHost::new(limits(args), cache(args)).map_err(|e| Failure::Usage(e.to_string()))
}

fn limits(args: &SandboxArgs) -> Limits {
    let mut limits = Limits::default();
    if let Some(fuel) = args.plugin_fuel {
        limits.fuel = fuel;
    }
    if let Some(mib) = args.plugin_memory_mib {
        limits.memory_bytes = mib.saturating_mul(1 << 20);
    }
    limits
}

fn cache(args: &SandboxArgs) -> Option<Cache> {
    (!args.no_plugin_cache)
        .then(Cache::default_dir)
        .flatten()
        .map(Cache::new)
}

/// The runner a check hands the pipeline: the sandbox the options describe, started only when
/// a plugin is to run.
pub fn sandbox(args: &SandboxArgs) -> Sandbox {
    Sandbox {
        limits: limits(args),
        cache: cache(args),
    }
}

/// Load one plugin for `uclint plugin info`.
pub fn load(path: &Path, sandbox: &SandboxArgs) -> Result<Plugin, Failure> {
    let host = host(sandbox)?;
    host.load(path)
        .map_err(|failure| Failure::Usage(format!("plugin `{}`: {}", path.display(), failure.reason)))
}
