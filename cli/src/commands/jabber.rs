//! `uclint derive jabber`: D8, what Jabber or Webex App connects to when a user signs in.

use std::io::Write;

use uclint_core::derive::jabber::{Connection, JabberDiscovery, Outcome, Trust, jabber_discovery};

use super::{Failure, client, load};
use crate::args::{Cli, JabberArgs};
use crate::output::{BAD, DIM, ErasedReport, GOOD, HEADING, Report, WARN, codes, field, steps};

/// Derive D8 for one sign-in on one client profile.
pub fn run(args: &JabberArgs, cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    let deployment = load(&args.deployment, cli)?;
    let profile = client(&deployment, &args.client)?;
    let discovery = jabber_discovery(&deployment, profile, &args.address).map_err(|e| Failure::Usage(e.to_string()))?;
    Ok(Box::new(JabberReport(discovery)))
}

/// D8's answer, shown.
#[derive(serde::Serialize)]
#[serde(transparent)]
struct JabberReport(JabberDiscovery);

const WIDTH: usize = 11;

impl Report for JabberReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let d = &self.0;
        let style = if !d.signs_in {
            BAD
        } else if d.prompted() || !d.issues.is_empty() {
            WARN
        } else {
            GOOD
        };
        field(out, "path", WIDTH, &d.path.as_str())?;
        field(
            out,
            "user sees",
            WIDTH,
            &format_args!("{style}{}{style:#} {}", d.message, codes(&d.codes())),
        )?;
        field(
            out,
            "sign-in",
            WIDTH,
            &format_args!("{} ({} on {})", d.address, d.client, d.kind.as_str()),
        )?;
        if let (Some(services), Some(lookup)) = (&d.services_domain, &d.lookup_domain) {
            field(
                out,
                "domain",
                WIDTH,
                &format_args!("services {services}, SRV under {lookup}"),
            )?;
        }
        if let Some(id) = &d.jabber_id {
            field(out, "jabber id", WIDTH, id)?;
        }
        if !d.queries.is_empty() {
            writeln!(out, "{HEADING}queries:{HEADING:#}")?;
            let width = d.queries.iter().map(|q| q.name.len()).max().unwrap_or(0);
            for query in &d.queries {
                writeln!(out, "  {:<width$}  {}", query.name, query.answer())?;
            }
        }
        if !d.connections.is_empty() {
            writeln!(out, "{HEADING}connections:{HEADING:#}")?;
            for (i, connection) in d.connections.iter().enumerate() {
                write_connection(out, i + 1, connection)?;
            }
        }
        for issue in &d.issues {
            writeln!(out, "{} {}", codes(&[issue.code]), issue.message)?;
        }
        steps(out, &d.steps)
    }
}

fn write_connection(out: &mut dyn Write, number: usize, c: &Connection) -> std::io::Result<()> {
    let target = c.url.clone().unwrap_or_else(|| format!("{}:{}", c.host, c.port));
    let (style, outcome) = match &c.outcome {
        Outcome::Connects => (GOOD, "connects".to_owned()),
        Outcome::Prompts => (WARN, "prompts for the certificate".to_owned()),
        Outcome::Fails { message } => (BAD, format!("fails: \"{message}\"")),
    };
    writeln!(out, "  {number}. {target}  {style}{outcome}{style:#}")?;
    let address = c
        .address
        .map_or_else(|| "does not resolve".to_owned(), |a| a.to_string());
    let trust = match &c.trust {
        Trust::Unknown => "certificate not described".to_owned(),
        Trust::Trusted { matched } => format!("certificate names {matched}"),
        Trust::Untrusted { reason } => format!("untrusted: {reason}"),
    };
    writeln!(
        out,
        "     {DIM}{address} · must carry {} · {trust}{DIM:#}",
        c.certificate_names.join(", ")
    )
}
