//! `uclint check DEPLOYMENT`: every rule (built-in and plugins), with the line at fault and the
//! fixes.

use std::io::Write;

use uclint_core::report::sarif::RuleDescription;
use uclint_core::report::{Report, Severity, json, sarif, text};
use uclint_core::rules::{Code, Options, check, registry};

use super::{Failure, Outcome};
use crate::args::{CheckArgs, Cli, FailOn, RuleCode};
use crate::{deployment_file, output, plugins};

/// Load (dangling references become TOPO003 findings), check, run plugins, and set the exit
/// status.
pub fn run(args: &CheckArgs, cli: &Cli) -> Result<Outcome, Failure> {
    let (deployment, references) = deployment_file::load_with_references(&args.deployment, cli.input_format)?;
    let builtin = |codes: &[RuleCode]| -> Vec<Code> {
        codes
            .iter()
            .filter_map(|c| match c {
                RuleCode::Builtin(code) => Some(*code),
                RuleCode::Plugin(_) => None,
            })
            .collect()
    };
    let selects_plugins_only = !args.select.is_empty() && builtin(&args.select).is_empty();
    let options = Options {
        select: builtin(&args.select),
        ignore: builtin(&args.ignore),
    };
    let mut report = if selects_plugins_only {
        Report::default()
    } else {
        check(&deployment, &references, &options)
    };

    let mut run = plugins::run(deployment, &args.deployment, &args.plugins, &args.sandbox)?;
    run.select(&args.select, &args.ignore).map_err(Failure::Usage)?;
    report.findings.append(&mut run.findings);
    report.sort();

    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Security => Severity::Security,
        FailOn::Info => Severity::Info,
    };
    let status = u8::from(report.fails_at(threshold));
    let mut rules = registry::sarif_rules();
    rules.extend(run.rules);
    Ok(Outcome {
        report: Box::new(CheckReport {
            report,
            verbose: args.verbose,
            rules,
        }),
        status,
    })
}

/// A check's report, in all three forms.
pub struct CheckReport {
    report: Report,
    verbose: bool,
    rules: Vec<RuleDescription>,
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
        Some(sarif::render(&self.report, &self.rules, env!("CARGO_PKG_VERSION")))
    }
}
