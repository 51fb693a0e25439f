//! The host as the check pipeline's plugin runner: every plugin a check asks for, loaded and run
//! in one sandbox, whatever the front door (command line, Python or C).

use std::sync::Arc;

use uclint_core::model::Deployment;
use uclint_core::pipeline::{PluginResult, PluginRunner, PluginSpec};
use uclint_core::report::PluginOutput;

use crate::{Cache, Limits, PluginHost, Printed};

/// Runs plugins in a [`PluginHost`] started on first use, so a check without plugins never
/// starts the WebAssembly engine.
#[derive(Debug, Clone, Default)]
pub struct Sandbox {
    /// The limits every call runs under.
    pub limits: Limits,
    /// Where compiled plugins are cached, if anywhere.
    pub cache: Option<Cache>,
}

impl PluginRunner for Sandbox {
    fn run(&self, deployment: &Arc<Deployment>, plugins: &[PluginSpec]) -> Vec<PluginResult> {
        match PluginHost::new(self.limits, self.cache.clone()) {
            Ok(host) => host.run_all(deployment, plugins),
            // Without an engine no plugin runs: each says so.
            Err(failure) => plugins
                .iter()
                .map(|spec| PluginResult {
                    name: spec.name(),
                    findings: vec![failure.finding(&spec.name(), spec.origin.clone())],
                    ..PluginResult::default()
                })
                .collect(),
        }
    }
}

impl PluginHost {
    /// Load and run each plugin over `deployment`, in order, one result each. Never fails: a
    /// plugin that cannot load or misbehaves is reported as a PLUGIN finding and the others
    /// still run.
    pub fn run_all(&self, deployment: &Arc<Deployment>, plugins: &[PluginSpec]) -> Vec<PluginResult> {
        plugins
            .iter()
            .map(|spec| {
                let name = spec.name();
                match self.load(&spec.path) {
                    Ok(plugin) => {
                        let checked = self.check(&plugin, deployment, &spec.config, spec.origin.clone());
                        // What it printed while loading, then while checking.
                        let mut printed = plugin.load_output.clone();
                        printed.append(checked.output);
                        PluginResult {
                            loaded: true,
                            rules: plugin.rules.iter().map(|r| r.sarif()).collect(),
                            findings: checked.findings,
                            output: output(&name, printed),
                            name,
                        }
                    }
                    Err(failure) => PluginResult {
                        findings: vec![failure.finding(&name, spec.origin.clone())],
                        name,
                        ..PluginResult::default()
                    },
                }
            })
            .collect()
    }
}

/// What `plugin` printed, as reports show it.
fn output(plugin: &str, printed: Printed) -> PluginOutput {
    let Printed {
        stdout,
        stderr,
        dropped_bytes,
    } = printed;
    PluginOutput {
        plugin: plugin.to_owned(),
        stdout,
        stderr,
        dropped_bytes,
    }
}
