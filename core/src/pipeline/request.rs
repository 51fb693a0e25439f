//! What a front door asks of a check: which rules, which plugins, and when the run fails.

use std::path::PathBuf;

use super::PluginSpec;
use crate::catalogue::{RuleId, Severity};
use crate::model::Deployment;

/// One check, as `uclint check --select --ignore --plugin --fail-on` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRequest {
    /// Only these rules (all when empty).
    pub select: Vec<RuleId>,
    /// Never these rules.
    pub ignore: Vec<RuleId>,
    /// Plugins to run besides those the deployment lists (`--plugin`).
    pub plugins: Vec<PluginSpec>,
    /// The folder the deployment's own plugin paths are relative to: the deployment file's.
    pub plugin_dir: PathBuf,
    /// The run fails when a finding is at or above this severity.
    pub fail_on: Severity,
}

impl Default for CheckRequest {
    fn default() -> Self {
        Self {
            select: Vec::new(),
            ignore: Vec::new(),
            plugins: Vec::new(),
            plugin_dir: PathBuf::new(),
            fail_on: Severity::Error,
        }
    }
}

impl CheckRequest {
    /// Every plugin to run: the request's own, then those `deployment` lists.
    pub fn plugin_specs(&self, deployment: &Deployment) -> Vec<PluginSpec> {
        self.plugins
            .iter()
            .cloned()
            .chain(PluginSpec::listed_in(deployment, &self.plugin_dir))
            .collect()
    }
}
