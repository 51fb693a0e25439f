//! `uclint health --user U --client C -c DEPLOYMENT`: Show Server Health, predicted.

use std::io::Write;

use uclint_core::health::{Health, Status, health};

use super::{Failure, client};
use crate::args::{Cli, HealthArgs};
use crate::deployment_file;
use crate::output::{BAD, CODE, DIM, ErasedReport, GOOD, HEADING, Report, WARN};

/// Predict the health of one user on one client.
pub fn run(args: &HealthArgs, cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    let (deployment, references) = deployment_file::load_with_references(&args.deployment, cli.input_format)?;
    let client = client(&deployment, &args.client)?;
    let user = deployment
        .user(&args.user)
        .ok_or_else(|| Failure::Usage(format!("no user `{}` in the deployment", args.user)))?;
    Ok(Box::new(HealthReport(health(&deployment, &references, user, client))))
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct HealthReport(Health);

impl Report for HealthReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let h = &self.0;
        writeln!(
            out,
            "{HEADING}Show Server Health{HEADING:#} for {} on {}",
            h.user, h.client
        )?;
        let width = h.services.iter().map(|s| s.label.len()).max().unwrap_or(0);
        for s in &h.services {
            let style = match s.status {
                Status::Ok => GOOD,
                Status::Warning => WARN,
                Status::Failing => BAD,
                Status::NotConfigured => DIM,
            };
            let codes = if s.codes.is_empty() {
                String::new()
            } else {
                let codes: Vec<&str> = s.codes.iter().map(|c| c.as_str()).collect();
                format!(" {CODE}[{}]{CODE:#}", codes.join(" "))
            };
            // Pad outside the style codes, and only when something follows.
            let status = s.status.as_str();
            let pad = if codes.is_empty() {
                String::new()
            } else {
                " ".repeat(14usize.saturating_sub(status.len()))
            };
            writeln!(out, "  {:<width$}  {style}{status}{style:#}{pad}{codes}", s.label)?;
            if matches!(s.status, Status::Failing | Status::Warning) {
                writeln!(out, "  {:<width$}  {DIM}{}{DIM:#}", "", s.reason)?;
            }
        }
        Ok(())
    }
}
