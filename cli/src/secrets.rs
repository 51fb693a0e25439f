//! Passwords for the probes: from the environment, else asked for without echo on a terminal;
//! never from the command line or the deployment file.

use std::io::IsTerminal;

use uclint_core::model::Deployment;
use uclint_probe::{ProbeRequest, SecretKind, Secrets};

/// The secrets `request` may send over `deployment`, each from its environment variable, else
/// from a prompt when stdin and stderr are a terminal. A secret neither gives stays unset: the
/// probe that needs it says it did not try, and why.
pub fn gather(request: &ProbeRequest, deployment: &Deployment) -> Secrets {
    let mut secrets = Secrets::default();
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    for kind in SecretKind::ALL {
        if !request.needs(deployment, kind) {
            continue;
        }
        let value = match std::env::var(kind.variable()) {
            Ok(value) => value,
            Err(_) if interactive => {
                let prompt = format!("{} ({} is not set; not echoed): ", kind.describe(), kind.variable());
                rpassword::prompt_password(prompt).unwrap_or_default()
            }
            Err(_) => String::new(),
        };
        secrets.set(kind, value);
    }
    secrets
}
