//! Plugins on the command line: the sandbox the options describe, and the plugins a check
//! asks for (`--plugin` and the deployment's `plugins`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use uclint_core::model::Deployment;
use uclint_plugin_host::{Cache, Limits, Plugin, PluginHost, PluginRun, PluginSpec};

use crate::args::SandboxArgs;
use crate::commands::Failure;

/// The host the sandbox options describe.
pub fn host(args: &SandboxArgs) -> Result<PluginHost, Failure> {
    let mut limits = Limits::default();
    if let Some(fuel) = args.plugin_fuel {
        limits.fuel = fuel;
    }
    if let Some(mib) = args.plugin_memory_mib {
        limits.memory_bytes = mib.saturating_mul(1 << 20);
    }
    let cache = (!args.no_plugin_cache)
        .then(Cache::default_dir)
        .flatten()
        .map(Cache::new);
    PluginHost::new(limits, cache).map_err(|e| Failure::Usage(e.to_string()))
}

/// Run the plugins named by `--plugin` (`extra`) and by the deployment file at `path`.
pub fn run(
    deployment: Deployment,
    path: &Path,
    extra: &[PathBuf],
    sandbox: &SandboxArgs,
) -> Result<PluginRun, Failure> {
    let base = path.parent().unwrap_or_else(|| Path::new(""));
    let specs: Vec<PluginSpec> = extra
        .iter()
        .map(PluginSpec::path)
        .chain(PluginSpec::listed_in(&deployment, base))
        .collect();
    if specs.is_empty() {
        return Ok(PluginRun::default());
    }
    Ok(host(sandbox)?.run_all(&Arc::new(deployment), &specs))
}

/// Load one plugin for `uclint plugin info`.
pub fn load(path: &Path, sandbox: &SandboxArgs) -> Result<Plugin, Failure> {
    let host = host(sandbox)?;
    host.load(path)
        .map_err(|failure| Failure::Usage(format!("plugin `{}`: {}", path.display(), failure.reason)))
}
