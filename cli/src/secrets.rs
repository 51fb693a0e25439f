//! Passwords for the probes: from the environment, else asked for without echo on a terminal;
//! never from the command line or the deployment file.

use std::io::IsTerminal;

use uclint_core::model::Deployment;
use uclint_probe::{ProbeRequest, SecretKind, Secrets};

/// The secrets `request` may send over `deployment`: each from its environment variable, else
/// from a prompt when stdin and stderr are a terminal.
pub fn gather(request: &ProbeRequest, deployment: &Deployment) -> Secrets {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let prompt = |kind: SecretKind| {
        let prompt = format!("{} ({} is not set; not echoed): ", kind.describe(), kind.variable());
        rpassword::prompt_password(prompt).ok()
    };
    Secrets::gather(
        request,
        deployment,
        interactive.then_some(&prompt as &dyn Fn(SecretKind) -> Option<String>),
    )
}
