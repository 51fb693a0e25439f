//! `uclint resolve NAME --client C -c DEPLOYMENT`: name resolution, every attempt shown.

use std::io::Write;

use uclint_core::derive::resolve::{Outcome, Resolution, resolve};

use super::{Failure, client, load};
use crate::args::{Cli, ResolveArgs};
use crate::output::{BAD, DIM, ErasedReport, GOOD, HEADING, Report};

/// Resolve the name as the client would.
pub fn run(args: &ResolveArgs, cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    let deployment = load(&args.deployment, cli)?;
    let client = client(&deployment, &args.client)?;
    let dns = deployment
        .has_dns()
        .then_some(&deployment.dns_view as &dyn uclint_core::dns::Resolver);
    Ok(Box::new(ResolveReport(resolve(&args.name, client, dns))))
}

/// The name resolution answer, shown.
#[derive(serde::Serialize)]
#[serde(transparent)]
pub struct ResolveReport(pub Resolution);

impl Report for ResolveReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let r = &self.0;
        match r.address {
            Some(address) => writeln!(
                out,
                "{HEADING}{}{HEADING:#} as {} -> {GOOD}{address}{GOOD:#}",
                r.name, r.client
            )?,
            None => writeln!(
                out,
                "{HEADING}{}{HEADING:#} as {} -> {BAD}not resolvable{BAD:#}",
                r.name, r.client
            )?,
        }
        attempts(out, r)
    }
}

/// The attempts of a resolution as an aligned table.
pub fn attempts(out: &mut dyn Write, r: &Resolution) -> std::io::Result<()> {
    let width = r.attempts.iter().map(|a| a.query.len()).max().unwrap_or(0);
    let source_width = r.attempts.iter().map(|a| a.source.to_string().len()).max().unwrap_or(0);
    for (i, attempt) in r.attempts.iter().enumerate() {
        let style = if matches!(attempt.result, Outcome::Found { .. }) {
            GOOD
        } else {
            DIM
        };
        writeln!(
            out,
            "  {}. {:<width$}  {:<source_width$}  {style}{}{style:#}",
            i + 1,
            attempt.query,
            attempt.source.to_string(),
            attempt.result,
        )?;
    }
    Ok(())
}
