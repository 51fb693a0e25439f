//! One module per subcommand; each turns arguments into a [`Report`](crate::output::Report).

mod check;
mod collect;
mod completions;
mod derive;
mod diff;
mod generate;
mod health;
mod jabber;
mod overview;
mod plugin;
mod plugin_new;
mod plugin_template;
mod probe;
mod resolve;
mod route;
mod rules;
mod schema;

use uclint_core::model::{Deployment, LoadError};

use crate::args::{Cli, Command, OutputFormat, PluginCommand};
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

/// What a command answered, and the exit status it asks for.
pub struct Outcome {
    /// The answer.
    pub report: Box<dyn ErasedReport>,
    /// 0, or 1 when `check` found something at or above `--fail-on`.
    pub status: u8,
}

impl Outcome {
    fn ok(report: Box<dyn ErasedReport>) -> Self {
        Self { report, status: 0 }
    }
}

/// Run the command `cli` names.
pub fn run(cli: &Cli) -> Result<Outcome, Failure> {
    if cli.format == OutputFormat::Sarif && !matches!(cli.command, Command::Check(_) | Command::Probe(_)) {
        return Err(Failure::Usage(
            "--format sarif is only for `uclint check` and `uclint probe`; use text or json".to_owned(),
        ));
    }
    match &cli.command {
        Command::Check(args) => check::run(args, cli),
        Command::Health(args) => health::run(args, cli).map(Outcome::ok),
        Command::Rules => Ok(Outcome::ok(rules::list())),
        Command::Generate(args) => generate::run(args).map(Outcome::ok),
        Command::Explain(args) => Ok(Outcome::ok(rules::explain(args.code))),
        Command::Overview(args) => overview::run(args, cli).map(Outcome::ok),
        Command::Resolve(args) => resolve::run(args, cli).map(Outcome::ok),
        Command::Route(args) => route::run(args, cli).map(Outcome::ok),
        Command::Derive(derive) => derive::run(derive, cli).map(Outcome::ok),
        Command::Plugin(PluginCommand::Info(args)) => plugin::info(args).map(Outcome::ok),
        Command::Plugin(PluginCommand::New(args)) => plugin_new::run(args).map(Outcome::ok),
        Command::Probe(args) => probe::run(args, cli),
        Command::Diff(args) => diff::run(args, cli),
        Command::Collect(args) => collect::run(args, cli),
        Command::Schema(args) => schema::run(args).map(Outcome::ok),
        Command::Completions(args) => Ok(Outcome::ok(completions::script(args.shell))),
        Command::Man(args) => completions::man(args).map(Outcome::ok),
    }
}

/// Load the deployment at `path` as the command line asks.
pub fn load(path: &std::path::Path, cli: &Cli) -> Result<Deployment, Failure> {
    Ok(crate::deployment_file::load(path, cli.input_format)?)
}

/// The client profile `id`, or a usage error listing those that exist.
pub fn client<'a>(deployment: &'a Deployment, id: &str) -> Result<&'a uclint_core::model::Client, Failure> {
    deployment.client(id).ok_or_else(|| {
        let known: Vec<&str> = deployment.clients.iter().map(|c| c.id.as_str()).collect();
        Failure::Usage(format!(
            "no client profile `{id}` in the deployment; expected one of: {}",
            known.join(", ")
        ))
    })
}
