//! `uclint check DEPLOYMENT...`: every rule (built-in and plugins), with the line at fault and
//! the fixes, through the one check pipeline every front door shares. One deployment gives its
//! report; several (or a folder) are checked on every core into one report with a section each.

mod inputs;
mod many;
mod parallel;
mod report;

use std::path::Path;
use std::sync::Arc;

use uclint_core::pipeline::{self, CheckRequest, Checked, PluginSpec, SelectionError};
use uclint_plugin_host::Sandbox;

use super::{Failure, Outcome};
use crate::args::{CheckArgs, Cli};
use crate::{deployment_file, plugins};

pub use report::{CheckReport, TextOptions};

/// Check what `args` names and set the exit status: the worst of the deployments checked.
pub fn run(args: &CheckArgs, cli: &Cli) -> Result<Outcome, Failure> {
    let paths = inputs::expand(&args.deployments).map_err(Failure::Usage)?;
    let options = TextOptions::from(args);
    let sandbox = plugins::sandbox(&args.sandbox);
    // One file named alone keeps the report of one deployment, and fails as one.
    if let [path] = paths.as_slice()
        && args.deployments.len() == 1
        && !args.deployments[0].is_dir()
    {
        let checked = check_one(path, args, cli, &sandbox)?;
        let status = u8::from(checked.failed);
        return Ok(Outcome {
            report: Box::new(CheckReport::new(checked, options)),
            status,
        });
    }
    let jobs = args.jobs.map_or_else(parallel::cores, usize::from);
    let parts = parallel::map(&paths, jobs, |path| {
        many::part(path, &check_one(path, args, cli, &sandbox), cli.format, options)
    });
    let report = many::ManyReport::new(parts);
    let status = report.status();
    Ok(Outcome {
        report: Box::new(report),
        status,
    })
}

/// Load one deployment (dangling references become TOPO003 findings) and check it with the
/// plugins asked for.
fn check_one(path: &Path, args: &CheckArgs, cli: &Cli, sandbox: &Sandbox) -> Result<Checked, Failure> {
    let (deployment, references) = deployment_file::load_with_references(path, cli.input_format)?;
    let request = CheckRequest {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        plugins: args.plugins.iter().map(PluginSpec::path).collect(),
        plugin_dir: path.parent().unwrap_or_else(|| Path::new("")).to_path_buf(),
        fail_on: args.fail_on.severity(),
    };
    pipeline::check(&Arc::new(deployment), &references, &request, Some(sandbox))
        .map_err(|e: SelectionError| Failure::Usage(e.to_string()))
}
