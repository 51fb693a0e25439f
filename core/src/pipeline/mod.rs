//! The one check pipeline every front door calls (the command line, Python, C and the browser):
//! a [`CheckRequest`] in (which rules, which plugins, when to fail), a [`Checked`] out (the
//! findings in their stable order, every rule described for SARIF, and whether the run fails).
//!
//! Plugins reach it through [`PluginRunner`]: native front doors hand it the sandboxed plugin
//! host; the browser has none, so core never depends on a WebAssembly runtime.

mod checked;
mod plugins;
mod request;
mod selection;

use std::sync::Arc;

pub use checked::Checked;
pub use plugins::{PluginResult, PluginRunner, PluginSpec};
pub use request::CheckRequest;
pub use selection::SelectionError;

use self::selection::Selection;
use crate::catalogue::Code;
use crate::model::{Deployment, Problem};
use crate::report::{Report, Skipped, sarif};

/// Check `deployment` as `request` asks: the built-in rules, then every plugin (those the
/// request names, then those the deployment lists) through `plugins`, selected, sorted and
/// judged against `request.fail_on`. Dangling `references` found while loading become TOPO003
/// findings. Fails only when the selection names a plugin rule no loaded plugin declares.
pub fn check(
    deployment: &Arc<Deployment>,
    references: &[Problem],
    request: &CheckRequest,
    plugins: Option<&dyn PluginRunner>,
) -> Result<Checked, SelectionError> {
    let specs = request.plugin_specs(deployment);
    let (results, not_run) = match plugins {
        Some(runner) if !specs.is_empty() => (runner.run(deployment, &specs), Vec::new()),
        _ => (Vec::new(), specs),
    };
    let selection = Selection::new(&request.select, &request.ignore);
    selection.validate(&results)?;

    let mut report = if selection.runs_builtin_rules() {
        crate::rules::check(deployment, references, &selection.builtin_options())
    } else {
        Report::default()
    };
    let mut rules = sarif::builtin_rules();
    for result in results {
        let PluginResult {
            findings,
            rules: declared,
            output,
            ..
        } = &result;
        report
            .findings
            .extend(findings.iter().filter(|f| selection.keeps(f, &result)).cloned());
        rules.extend(declared.iter().cloned());
        if !output.is_empty() {
            report.plugin_output.push(output.clone());
        }
    }
    // A front door without a plugin host says which plugins it left out, rather than nothing.
    report.skipped.extend(not_run.iter().map(|spec| Skipped {
        code: Code::PLUGIN001,
        reason: format!(
            "plugin `{}` was not run: plugins run from the command line, Python and C, not here",
            spec.name()
        ),
    }));
    report.sort();
    let failed = report.fails_at(request.fail_on);
    Ok(Checked { report, rules, failed })
}

#[cfg(test)]
mod tests;
