//! Running every plugin a check asks for, the one way the command line and the bindings share.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use uclint_core::model::Deployment;
use uclint_core::report::Finding;
use uclint_core::report::sarif::RuleDescription;
use uclint_core::source::Location;

use crate::{PluginHost, PluginOutput};

/// One plugin to run: where it is, its settings, and where it was named (for PLUGIN findings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginSpec {
    /// The `.wasm` component.
    pub path: PathBuf,
    /// Settings handed to its `check`.
    pub config: BTreeMap<String, String>,
    /// Where the deployment file names it, if it does.
    pub origin: Option<Location>,
}

impl PluginSpec {
    /// A plugin given by path alone (`--plugin FILE`), without settings.
    pub fn path(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            config: BTreeMap::new(),
            origin: None,
        }
    }

    /// The plugins `deployment` lists, their paths taken relative to `base` (the folder of the
    /// deployment file).
    pub fn listed_in(deployment: &Deployment, base: &Path) -> Vec<Self> {
        deployment
            .plugins
            .iter()
            .map(|p| Self {
                path: base.join(&p.path),
                config: p.config.clone(),
                origin: p.location.clone(),
            })
            .collect()
    }

    /// The file name, as findings about the plugin name it.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }
}

/// What the plugins of one check produced.
#[derive(Debug, Default)]
pub struct PluginRun {
    /// Their findings, and PLUGIN findings about plugins that failed to load or misbehaved.
    pub findings: Vec<Finding>,
    /// The rules of every plugin that loaded, described for SARIF beside the built-in ones.
    pub rules: Vec<RuleDescription>,
    /// What each plugin that printed anything printed (loading, then checking), by file name.
    pub output: Vec<(String, PluginOutput)>,
}

impl PluginRun {
    /// Whether some loaded plugin declares `code`.
    pub fn declares(&self, code: &str) -> bool {
        self.rules.iter().any(|r| r.id == code)
    }

    /// Apply `--select` / `--ignore` (codes as written: built-in, PLUGIN or a plugin's `X-...`)
    /// to the plugins' findings: with a selection only selected codes stay, ignored ones never.
    /// Fails, with the message front-ends show, when a plugin code names no loaded plugin's rule.
    pub fn select<S: AsRef<str>>(&mut self, select: &[S], ignore: &[S]) -> Result<(), String> {
        let listed = |codes: &[S], code: &str| codes.iter().any(|c| c.as_ref() == code);
        if let Some(unknown) = select
            .iter()
            .chain(ignore)
            .map(AsRef::as_ref)
            .find(|code| code.starts_with("X-") && !self.declares(code))
        {
            let known: Vec<&str> = self.rules.iter().map(|r| r.id.as_str()).collect();
            return Err(format!(
                "no loaded plugin has a rule `{unknown}`; plugin rules: {}",
                if known.is_empty() {
                    "(no plugins loaded)".to_owned()
                } else {
                    known.join(", ")
                }
            ));
        }
        self.findings
            .retain(|f| (select.is_empty() || listed(select, &f.code)) && !listed(ignore, &f.code));
        Ok(())
    }
}

impl PluginHost {
    /// Load and run each plugin over `deployment`, in order. Never fails: a plugin that cannot
    /// load or misbehaves is reported as a PLUGIN finding and the others still run.
    pub fn run_all(&self, deployment: &Arc<Deployment>, plugins: &[PluginSpec]) -> PluginRun {
        let mut run = PluginRun::default();
        for spec in plugins {
            match self.load(&spec.path) {
                Ok(plugin) => {
                    run.rules.extend(plugin.rules.iter().map(|r| r.sarif()));
                    let checked = self.check(&plugin, deployment, &spec.config, spec.origin.clone());
                    run.findings.extend(checked.findings);
                    let mut output = plugin.load_output;
                    output.append(checked.output);
                    if !output.is_empty() {
                        run.output.push((plugin.name, output));
                    }
                }
                Err(failure) => run.findings.push(failure.finding(&spec.name(), spec.origin.clone())),
            }
        }
        run
    }
}
