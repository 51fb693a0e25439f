//! A loaded plugin: its namespace, its rules (validated) and its pre-linked instance.

use std::path::PathBuf;

use uclint_core::report::{Fix, Severity};
use wasmtime::component::InstancePre;

use crate::bindings::Contract;
use crate::output::Printed;
use crate::state::State;

/// One rule a plugin declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginRule {
    /// `X-VENDOR-NAME`.
    pub code: String,
    /// One line.
    pub title: String,
    /// What it checks.
    pub summary: String,
    /// Default severity.
    pub severity: Severity,
    /// Why it matters, in Markdown.
    pub docs: String,
    /// Fixes, best first.
    pub fixes: Vec<Fix>,
}

impl PluginRule {
    /// The rule described for SARIF's `tool.driver.rules`, beside the built-in ones.
    pub fn sarif(&self) -> uclint_core::report::sarif::RuleDescription {
        uclint_core::report::sarif::RuleDescription {
            id: self.code.clone(),
            title: self.title.clone(),
            full: format!("{} {}", self.summary, self.docs),
            help_markdown: self.page(),
            severity: self.severity,
        }
    }

    /// The rule's page in Markdown, like a built-in rule's.
    pub fn page(&self) -> String {
        let mut page = format!(
            "# {}: {}\n\nDefault severity: **{}**\n\n## What it checks\n\n{}\n\n## Why\n\n{}\n\n## Fixes\n\n",
            self.code, self.title, self.severity, self.summary, self.docs
        );
        if self.fixes.is_empty() {
            page.push_str("Advice only: nothing to change.\n");
        }
        for (i, fix) in self.fixes.iter().enumerate() {
            page.push_str(&format!("{}. {} Trade-off: {}\n", i + 1, fix.action, fix.tradeoff));
        }
        page
    }
}

/// A plugin ready to run: compiled, linked, its rules checked.
pub struct Plugin {
    /// The file name, for findings about the plugin.
    pub name: String,
    /// Where it was loaded from.
    pub path: PathBuf,
    /// `X-VENDOR`.
    pub namespace: String,
    /// Its rules, validated.
    pub rules: Vec<PluginRule>,
    /// Whether the compiled component came from the on-disk cache.
    pub from_cache: bool,
    /// What the plugin printed while loading (its `namespace` and `rules` calls).
    pub load_output: Printed,
    /// Characters stripped from the rules' text while loading (reported as PLUGIN007).
    pub(crate) stripped_at_load: usize,
    /// The contract version it was built for.
    pub(crate) contract: &'static Contract,
    pub(crate) pre: InstancePre<State>,
}

impl Plugin {
    /// The contract it was built for, as WIT names it: `uclint:rule@0.1.0`. Every version in
    /// the host's list still loads, so this need not be the newest ([`crate::CONTRACT`]).
    pub fn contract(&self) -> &'static str {
        self.contract.name
    }
}

impl std::fmt::Debug for Plugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plugin")
            .field("name", &self.name)
            .field("namespace", &self.namespace)
            .field("rules", &self.rules)
            .field("contract", &self.contract.name)
            .finish_non_exhaustive()
    }
}
