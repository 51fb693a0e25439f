//! One module per subcommand; each turns arguments into a [`Report`](crate::output::Report).

mod derive;
mod overview;
mod resolve;

use uclint_core::model::{Deployment, LoadError};

use crate::args::{Cli, Command};
use crate::output::ErasedReport;

/// Why a command could not answer.
#[derive(Debug)]
pub enum Failure {
    /// The deployment did not load.
    Load(LoadError),
    /// The arguments do not make sense together (or name something that does not exist).
    Usage(String),
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Self::Load(error)
    }
}

/// Run the command `cli` names.
pub fn run(cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    match &cli.command {
        Command::Overview(args) => overview::run(args, cli),
        Command::Resolve(args) => resolve::run(args, cli),
        Command::Derive(derive) => derive::run(derive, cli),
    }
}

/// Load the deployment at `path` as the command line asks.
pub fn load(path: &std::path::Path, cli: &Cli) -> Result<Deployment, Failure> {
    Ok(crate::deployment_file::load(path, cli.input_format)?)
}

/// The client profile `id`, or a usage error listing those that exist.
pub fn client<'a>(
    deployment: &'a Deployment,
    id: &str,
) -> Result<&'a uclint_core::model::Client, Failure> {
    deployment.client(id).ok_or_else(|| {
        let known: Vec<&str> = deployment.clients.iter().map(|c| c.id.as_str()).collect();
        Failure::Usage(format!(
            "no client profile `{id}` in the deployment; expected one of: {}",
            known.join(", ")
        ))
    })
}
