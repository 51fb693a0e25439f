//! `uclint plugin info FILE.wasm`: load a plugin in the sandbox and list its rules.

use std::io::Write;

use uclint_plugin_host::Plugin;

use super::Failure;
use crate::args::PluginInfoArgs;
use crate::output::{CODE, DIM, ErasedReport, HEADING, Report};
use crate::plugins;

/// Load and describe the plugin.
pub fn info(args: &PluginInfoArgs) -> Result<Box<dyn ErasedReport>, Failure> {
    let plugin = plugins::load(&args.file, &args.sandbox)?;
    Ok(Box::new(PluginInfo::from(&plugin)))
}

/// What `uclint plugin info` shows.
#[derive(serde::Serialize)]
pub struct PluginInfo {
    name: String,
    path: String,
    contract: &'static str,
    namespace: String,
    rules: Vec<RuleLine>,
}

#[derive(serde::Serialize)]
struct RuleLine {
    code: String,
    severity: String,
    title: String,
    summary: String,
    fixes: Vec<uclint_core::report::Fix>,
}

impl From<&Plugin> for PluginInfo {
    fn from(plugin: &Plugin) -> Self {
        Self {
            name: plugin.name.clone(),
            path: plugin.path.display().to_string(),
            contract: plugin.contract(),
            namespace: plugin.namespace.clone(),
            rules: plugin
                .rules
                .iter()
                .map(|r| RuleLine {
                    code: r.code.clone(),
                    severity: r.severity.to_string(),
                    title: r.title.clone(),
                    summary: r.summary.clone(),
                    fixes: r.fixes.clone(),
                })
                .collect(),
        }
    }
}

impl Report for PluginInfo {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            out,
            "{HEADING}{}{HEADING:#}  namespace {}  {DIM}({}){DIM:#}",
            self.name, self.namespace, self.contract
        )?;
        let width = self.rules.iter().map(|r| r.code.len()).max().unwrap_or(0);
        for rule in &self.rules {
            writeln!(
                out,
                "  {CODE}{:<width$}{CODE:#}  {:<8}  {}",
                rule.code, rule.severity, rule.title
            )?;
            writeln!(out, "  {:<width$}  {:<8}  {DIM}{}{DIM:#}", "", "", rule.summary)?;
        }
        Ok(())
    }
}
