//! `uclint check DEPLOYMENT`: every rule (built-in and plugins), with the line at fault and the
//! fixes, through the one check pipeline every front door shares.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use uclint_core::pipeline::{self, CheckRequest, Checked, PluginSpec};
use uclint_core::report::{json, text};

use super::{Failure, Outcome};
use crate::args::{CheckArgs, Cli};
use crate::output::DIM;
use crate::{deployment_file, output, plugins};

/// Load (dangling references become TOPO003 findings), check with the plugins asked for, and
/// set the exit status.
pub fn run(args: &CheckArgs, cli: &Cli) -> Result<Outcome, Failure> {
    let (deployment, references) = deployment_file::load_with_references(&args.deployment, cli.input_format)?;
    let request = CheckRequest {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        plugins: args.plugins.iter().map(PluginSpec::path).collect(),
        plugin_dir: args.deployment.parent().unwrap_or_else(|| Path::new("")).to_path_buf(),
        fail_on: args.fail_on.severity(),
    };
    let sandbox = plugins::sandbox(&args.sandbox);
    let checked = pipeline::check(&Arc::new(deployment), &references, &request, Some(&sandbox))
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let status = u8::from(checked.failed);
    Ok(Outcome {
        report: Box::new(CheckReport {
            checked,
            verbose: args.verbose,
        }),
        status,
    })
}

/// A check's report, in all three forms.
pub struct CheckReport {
    checked: Checked,
    verbose: bool,
}

impl serde::Serialize for CheckReport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        json::to_value(&self.checked.report).serialize(serializer)
    }
}

impl output::Report for CheckReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let report = &self.checked.report;
        out.write_all(text::render(report, &deployment_file::source_text).as_bytes())?;
        if !self.verbose {
            return Ok(());
        }
        if !report.skipped.is_empty() {
            writeln!(out, "\nrules that stayed silent for lack of data:")?;
            for skipped in &report.skipped {
                writeln!(out, "  {}: {}", skipped.code, skipped.reason)?;
            }
        }
        for printed in &report.plugin_output {
            writeln!(out, "\nplugin `{}` printed:", printed.plugin)?;
            for (stream, text) in [("stdout", &printed.stdout), ("stderr", &printed.stderr)] {
                for line in text.lines() {
                    writeln!(out, "  {DIM}{stream} |{DIM:#} {line}")?;
                }
            }
            if printed.dropped_bytes > 0 {
                writeln!(
                    out,
                    "  {DIM}({} more bytes dropped: past the cap on what one call may print){DIM:#}",
                    printed.dropped_bytes
                )?;
            }
        }
        Ok(())
    }

    fn sarif(&self) -> Option<String> {
        Some(self.checked.to_sarif())
    }
}
