//! `uclint diff OLD NEW`: what changed between two deployment files, and which findings came and
//! went; status 1 when new findings at or above `--fail-on` appeared.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use uclint_core::diff::{DeploymentDiff, diff};
use uclint_core::model::Deployment;
use uclint_core::pipeline::{self, CheckRequest};
use uclint_core::report::Report;

use super::{Failure, Outcome};
use crate::args::{Cli, DiffArgs};
use crate::{deployment_file, output, plugins};

/// Load and check both files (each with its own plugins), then compare.
pub fn run(args: &DiffArgs, cli: &Cli) -> Result<Outcome, Failure> {
    let (old, old_report) = checked(&args.old, args, cli)?;
    let (new, new_report) = checked(&args.new, args, cli)?;
    let diff = diff(&old, &old_report, &new, &new_report);
    let status = u8::from(diff.appeared_at_or_above(args.fail_on.severity()) > 0);
    Ok(Outcome {
        report: Box::new(DiffReport(diff)),
        status,
    })
}

fn checked(path: &Path, args: &DiffArgs, cli: &Cli) -> Result<(Arc<Deployment>, Report), Failure> {
    let (deployment, references) = deployment_file::load_with_references(path, cli.input_format)?;
    let deployment = Arc::new(deployment);
    let request = CheckRequest {
        plugin_dir: path.parent().unwrap_or_else(|| Path::new("")).to_path_buf(),
        ..CheckRequest::default()
    };
    let sandbox = plugins::sandbox(&args.sandbox);
    let checked = pipeline::check(&deployment, &references, &request, Some(&sandbox))
        .map_err(|e| Failure::Usage(e.to_string()))?;
    Ok((deployment, checked.report))
}

/// The diff, as text or JSON.
struct DiffReport(DeploymentDiff);

impl serde::Serialize for DiffReport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl output::Report for DiffReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(self.0.to_text().as_bytes())
    }
}
