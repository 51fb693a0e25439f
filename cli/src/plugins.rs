//! Plugins on the command line: the sandbox the options describe, and running every plugin a
//! check asks for (`--plugin` and the deployment's `plugins`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use uclint_core::model::Deployment;
use uclint_core::report::Finding;
use uclint_core::report::sarif::RuleDescription;
use uclint_core::source::Location;
use uclint_plugin_host::{Cache, Limits, Plugin, PluginHost};

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

/// One plugin a check runs: where it is, its settings, and where it was named.
struct Wanted {
    path: PathBuf,
    config: BTreeMap<String, String>,
    origin: Option<Location>,
}

/// What the plugins of one check produced.
#[derive(Default)]
pub struct PluginRun {
    /// Their findings, and PLUGIN findings about plugins that misbehaved.
    pub findings: Vec<Finding>,
    /// The rules of every plugin that loaded, for SARIF and `--select`.
    pub rules: Vec<RuleDescription>,
}

/// Run the plugins named by `--plugin` (`extra`) and by the deployment file at `path`.
pub fn run(
    deployment: Deployment,
    deployment_path: &Path,
    extra: &[PathBuf],
    sandbox: &SandboxArgs,
) -> Result<(Arc<Deployment>, PluginRun), Failure> {
    let beside = deployment_path.parent().unwrap_or_else(|| Path::new(""));
    let wanted: Vec<Wanted> = extra
        .iter()
        .map(|path| Wanted {
            path: path.clone(),
            config: BTreeMap::new(),
            origin: None,
        })
        .chain(deployment.plugins.iter().map(|p| Wanted {
            path: beside.join(&p.path),
            config: p.config.clone(),
            origin: p.location.clone(),
        }))
        .collect();
    let deployment = Arc::new(deployment);
    let mut out = PluginRun::default();
    if wanted.is_empty() {
        return Ok((deployment, out));
    }
    let host = host(sandbox)?;
    for want in wanted {
        match host.load(&want.path) {
            Ok(plugin) => {
                out.rules.extend(plugin.rules.iter().map(|r| r.sarif()));
                out.findings
                    .extend(host.check(&plugin, &deployment, &want.config, want.origin));
            }
            Err(failure) => out
                .findings
                .push(failure.finding(&display_name(&want.path), want.origin)),
        }
    }
    Ok((deployment, out))
}

/// Load one plugin for `uclint plugin info`.
pub fn load(path: &Path, sandbox: &SandboxArgs) -> Result<Plugin, Failure> {
    let host = host(sandbox)?;
    host.load(path)
        .map_err(|failure| Failure::Usage(format!("plugin `{}`: {}", path.display(), failure.reason)))
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
