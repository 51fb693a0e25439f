//! `uclint generate --out DIR --users N`: a synthetic deployment on disk.

use std::io::Write;
use std::path::PathBuf;

use uclint_core::synth::{Spec, generate};

use super::Failure;
use crate::args::GenerateArgs;
use crate::output::{ErasedReport, Report};

/// Generate and write the deployment.
pub fn run(args: &GenerateArgs) -> Result<Box<dyn ErasedReport>, Failure> {
    let spec = Spec {
        users: args.users,
        cups_nodes: args.nodes,
        clients: args.clients,
        routes: args.routes,
        seed: args.seed,
    };
    let synthetic = generate(&spec);
    let write = |name: &str, text: &str| -> Result<PathBuf, Failure> {
        let path = args.out.join(name);
        std::fs::write(&path, text).map_err(|e| Failure::Usage(format!("cannot write `{}`: {e}", path.display())))?;
        Ok(path)
    };
    std::fs::create_dir_all(&args.out)
        .map_err(|e| Failure::Usage(format!("cannot create `{}`: {e}", args.out.display())))?;
    let deployment = write("deployment.toml", &synthetic.deployment)?;
    let users = write("users.csv", &synthetic.users_csv)?;
    Ok(Box::new(Generated {
        deployment,
        users,
        count: spec.users,
    }))
}

#[derive(serde::Serialize)]
struct Generated {
    deployment: PathBuf,
    users: PathBuf,
    count: usize,
}

impl Report for Generated {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            out,
            "wrote {} and {} ({} users)",
            self.deployment.display(),
            self.users.display(),
            self.count
        )?;
        writeln!(out, "check it with: uclint check {}", self.deployment.display())
    }
}
