//! `uclint`: the front door to uclint's derivations, routing and checks, as a library so the
//! Python package can ship the same command (`pip install uclint` puts `uclint` on PATH).

mod args;
mod commands;
mod deployment_file;
mod diagnostic;
mod output;
mod plugins;
mod secrets;
mod source_spec;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, OutputFormat};
use crate::commands::Failure;

/// Run the command line with `args` (the program name first, as `std::env::args_os` gives
/// them) and give its exit status: 0 clean, 1 findings at or above `--fail-on`, 2 a usage or load
/// error. Help, `--version` and argument errors print as clap prints them.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    ExitCode::from(run_status(args))
}

/// [`run`], with the exit status as a number: an embedding program (the Python package's
/// `uclint` script) passes it on to its own exit, and an `ExitCode` cannot be read back.
pub fn run_status<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return u8::try_from(e.exit_code()).unwrap_or(2);
        }
    };
    match commands::run(&cli) {
        Ok(outcome) => match output::emit(outcome.report.as_ref(), cli.format) {
            Ok(()) => outcome.status,
            // A closed pipe (`uclint ... | head`) is not an error worth a message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => outcome.status,
            Err(e) => {
                let _ = writeln!(anstream::stderr(), "error: cannot write output: {e}");
                2
            }
        },
        Err(failure) => {
            let mut err = anstream::stderr().lock();
            let _ = match cli.format {
                OutputFormat::Text => report_failure(&mut err, &failure),
                OutputFormat::Json | OutputFormat::Sarif => report_failure_json(&mut err, &failure),
            };
            2
        }
    }
}

/// A failure as text: each problem with its source line, or the usage error.
pub(crate) fn report_failure(out: &mut dyn Write, failure: &Failure) -> std::io::Result<()> {
    match failure {
        Failure::Load(error) => {
            for problem in &error.problems {
                diagnostic::render(out, problem, &deployment_file::source_text)?;
            }
            let n = error.problems.len();
            if n > 1 {
                writeln!(out, "{n} problems: the deployment was not loaded")?;
            }
            Ok(())
        }
        Failure::Usage(message) => writeln!(out, "error: {message}"),
    }
}

/// Scripts asked for JSON: they get the problems as JSON on stderr too.
fn report_failure_json(out: &mut dyn Write, failure: &Failure) -> std::io::Result<()> {
    writeln!(out, "{}", serde_json::json!({ "error": failure_json(failure) }))
}

/// A failure as JSON: `{"kind": "load", "problems": [...]}` or `{"kind": "usage", "message": ...}`.
pub(crate) fn failure_json(failure: &Failure) -> serde_json::Value {
    match failure {
        Failure::Load(error) => serde_json::json!({ "kind": "load", "problems": error.problems }),
        Failure::Usage(message) => serde_json::json!({ "kind": "usage", "message": message }),
    }
}
