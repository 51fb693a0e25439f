//! `uclint check DEPLOYMENT`: every rule, with the line at fault and the fixes.

use std::io::Write;

use uclint_core::report::{Report, Severity, json, sarif, text};
use uclint_core::rules::{Options, check, registry};

use super::{Failure, Outcome};
use crate::args::{CheckArgs, Cli, FailOn};
use crate::deployment_file;
use crate::output;

/// Load (dangling references become TOPO003 findings), check, and set the exit status.
pub fn run(args: &CheckArgs, cli: &Cli) -> Result<Outcome, Failure> {
    let (deployment, references) = deployment_file::load_with_references(&args.deployment, cli.input_format)?;
    let options = Options {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let report = check(&deployment, &references, &options);
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Security => Severity::Security,
        FailOn::Info => Severity::Info,
    };
    let status = u8::from(report.fails_at(threshold));
    Ok(Outcome {
        report: Box::new(CheckReport {
            report,
            verbose: args.verbose,
        }),
        status,
    })
}

/// A check's report, in all three forms.
pub struct CheckReport {
    report: Report,
    verbose: bool,
}

impl serde::Serialize for CheckReport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        json::to_value(&self.report).serialize(serializer)
    }
}

impl output::Report for CheckReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(text::render(&self.report, &deployment_file::source_text).as_bytes())?;
        if self.verbose && !self.report.skipped.is_empty() {
            writeln!(out, "\nrules that stayed silent for lack of data:")?;
            for skipped in &self.report.skipped {
                writeln!(out, "  {}: {}", skipped.code, skipped.reason)?;
            }
        }
        Ok(())
    }

    fn sarif(&self) -> Option<String> {
        Some(sarif::render(
            &self.report,
            &registry::sarif_rules(),
            env!("CARGO_PKG_VERSION"),
        ))
    }
}
