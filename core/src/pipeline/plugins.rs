//! How a check reaches third-party rule plugins without core knowing how they run: the plugins
//! to run, the runner a native front door provides, and what each plugin gave back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::catalogue::RuleId;
use crate::model::Deployment;
use crate::report::sarif::RuleDescription;
use crate::report::{Finding, PluginOutput};
use crate::source::Location;

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

/// What one plugin gave back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PluginResult {
    /// The plugin's file name.
    pub name: String,
    /// Whether it loaded (its rules are known); a plugin that did not load declares nothing.
    pub loaded: bool,
    /// The rules it declares, described for SARIF.
    pub rules: Vec<RuleDescription>,
    /// Its findings, and the PLUGIN findings about it (it failed, misbehaved, was sanitized).
    pub findings: Vec<Finding>,
    /// What it printed.
    pub output: PluginOutput,
}

impl PluginResult {
    /// Whether the plugin declares `id`.
    pub fn declares(&self, id: &RuleId) -> bool {
        self.rules.iter().any(|r| r.id == id.as_str())
    }
}

/// Runs plugins for a check. The native front doors fill it with the sandboxed host; the
/// browser has none.
pub trait PluginRunner {
    /// Load and run each plugin over `deployment`, in order, one result per plugin. Never
    /// fails: a plugin that cannot load or misbehaves is reported in its result as PLUGIN
    /// findings, and the others still run.
    fn run(&self, deployment: &Arc<Deployment>, plugins: &[PluginSpec]) -> Vec<PluginResult>;
}
