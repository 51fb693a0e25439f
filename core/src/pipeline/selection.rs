//! `--select` and `--ignore` over built-in and plugin rules alike, with one promise: selecting a
//! plugin's rule never hides that the plugin failed.

use super::PluginResult;
use crate::catalogue::RuleId;
use crate::report::Finding;
use crate::rules::Options;

/// A selection names a plugin rule that no loaded plugin declares.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no loaded plugin has a rule `{code}`; plugin rules: {}", known_list(.known))]
pub struct SelectionError {
    /// The code as written.
    pub code: String,
    /// The rules the loaded plugins declare.
    pub known: Vec<String>,
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        "(no plugins loaded)".to_owned()
    } else {
        known.join(", ")
    }
}

/// The request's `select` and `ignore`.
pub(super) struct Selection<'r> {
    select: &'r [RuleId],
    ignore: &'r [RuleId],
}

impl<'r> Selection<'r> {
    pub(super) fn new(select: &'r [RuleId], ignore: &'r [RuleId]) -> Self {
        Self { select, ignore }
    }

    /// Every plugin code named must be some loaded plugin's, unless a plugin failed to load
    /// (its rules are unknown, so the code may be one of them: its failure is reported instead).
    pub(super) fn validate(&self, plugins: &[PluginResult]) -> Result<(), SelectionError> {
        if plugins.iter().any(|p| !p.loaded) {
            return Ok(());
        }
        let unknown = self
            .select
            .iter()
            .chain(self.ignore)
            .find(|id| id.is_plugin() && !plugins.iter().any(|p| p.declares(id)));
        match unknown {
            None => Ok(()),
            Some(id) => Err(SelectionError {
                code: id.to_string(),
                known: plugins
                    .iter()
                    .flat_map(|p| p.rules.iter().map(|r| r.id.clone()))
                    .collect(),
            }),
        }
    }

    /// Built-in rules run unless only plugin rules are selected.
    pub(super) fn runs_builtin_rules(&self) -> bool {
        self.select.is_empty() || self.select.iter().any(|id| !id.is_plugin())
    }

    /// The built-in part, for the rule engine.
    pub(super) fn builtin_options(&self) -> Options {
        Options {
            select: self.select.iter().filter_map(RuleId::builtin).collect(),
            ignore: self.ignore.iter().filter_map(RuleId::builtin).collect(),
        }
    }

    fn selected(&self, id: &RuleId) -> bool {
        self.select.is_empty() || self.select.contains(id)
    }

    /// Whether `finding`, from `plugin`'s result, stays. A PLUGIN finding (the plugin failed or
    /// misbehaved) stays whenever any rule of that plugin is selected, and when the plugin did
    /// not load, whenever any plugin rule is; only naming its PLUGIN code in `ignore` drops it.
    pub(super) fn keeps(&self, finding: &Finding, plugin: &PluginResult) -> bool {
        let id = &finding.code;
        if self.ignore.contains(id) {
            return false;
        }
        if id.is_plugin() {
            return self.selected(id);
        }
        self.selected(id)
            || self
                .select
                .iter()
                .any(|s| s.is_plugin() && (!plugin.loaded || plugin.declares(s)))
    }
}
