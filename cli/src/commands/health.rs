//! `uclint health --user U --client C -c DEPLOYMENT [--live]`: Show Server Health, predicted, and
//! with `--live` observed beside it.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use uclint_core::health::{Health, ServiceHealth, Status, health};
use uclint_probe::{LiveHealth, NoProgress, ProbeRequest, Seen, live_health};

use super::{Failure, client};
use crate::args::{Cli, HealthArgs};
use crate::deployment_file;
use crate::output::{BAD, CODE, DIM, ErasedReport, GOOD, HEADING, Report, WARN};

/// Predict (and with `--live` observe) the health of one user on one client.
pub fn run(args: &HealthArgs, cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    let (deployment, references) = deployment_file::load_with_references(&args.deployment, cli.input_format)?;
    let profile = client(&deployment, &args.client)?;
    let user = deployment
        .user(&args.user)
        .ok_or_else(|| Failure::Usage(format!("no user `{}` in the deployment", args.user)))?;
    if !args.live {
        return Ok(Box::new(HealthReport(health(&deployment, &references, user, profile))));
    }
    let mut request = ProbeRequest {
        client: Some(args.client.clone()),
        user: Some(args.user.clone()),
        dns_server: args.dns_server,
        public_dns_server: args.public_dns_server,
        timeout: Duration::from_secs_f64(args.timeout),
        ca: args.ca.clone(),
        ..ProbeRequest::default()
    };
    request.secrets = crate::secrets::gather(&request, &deployment);
    let (user, client) = (args.user.clone(), args.client.clone());
    let live = live_health(
        &Arc::new(deployment),
        &references,
        &user,
        &client,
        &request,
        &NoProgress,
    )
    .map_err(|e| Failure::Usage(e.to_string()))?;
    Ok(Box::new(LiveReport(live)))
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
            line(
                out,
                s.label,
                width,
                s.status.as_str(),
                status_style(s.status),
                &codes(s),
            )?;
            if matches!(s.status, Status::Failing | Status::Warning) {
                writeln!(out, "  {:<width$}  {DIM}{}{DIM:#}", "", s.reason)?;
            }
        }
        Ok(())
    }
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct LiveReport(LiveHealth);

impl Report for LiveReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let h = &self.0;
        writeln!(
            out,
            "{HEADING}Show Server Health{HEADING:#} for {} on {}, predicted and observed",
            h.user, h.client
        )?;
        let width = h.services.iter().map(|s| s.label.len()).max().unwrap_or(0);
        // The predicted column as plain text, to pad before the styles go in.
        let plain = |s: &uclint_probe::LiveService| {
            let codes: Vec<&str> = s.predicted.codes.iter().map(|c| c.as_str()).collect();
            match codes.is_empty() {
                true => s.predicted.status.as_str().to_owned(),
                false => format!("{} [{}]", s.predicted.status.as_str(), codes.join(" ")),
            }
        };
        let column = h
            .services
            .iter()
            .map(|s| plain(s).len())
            .max()
            .unwrap_or(0)
            .max("predicted".len());
        writeln!(
            out,
            "  {DIM}{:<width$}  {:<column$}  observed{DIM:#}",
            "service", "predicted"
        )?;
        for s in &h.services {
            let predicted = &s.predicted;
            let style = status_style(predicted.status);
            let pad = " ".repeat(column - plain(s).len());
            let seen_style = match s.observed {
                Seen::Ok => GOOD,
                Seen::Warning => WARN,
                Seen::Failing => BAD,
                Seen::NotObserved => DIM,
            };
            let observed: Vec<&str> = s.observed_codes.iter().map(|c| c.as_str()).collect();
            let listed = if observed.is_empty() {
                String::new()
            } else {
                format!(" {CODE}[{}]{CODE:#}", observed.join(" "))
            };
            let verdict = if s.agrees {
                String::new()
            } else {
                format!("  {BAD}differs{BAD:#}")
            };
            writeln!(
                out,
                "  {:<width$}  {style}{}{style:#}{}{pad}  {seen_style}{}{seen_style:#}{listed}{verdict}",
                s.label,
                predicted.status.as_str(),
                codes(predicted),
                s.observed.as_str(),
            )?;
            let indent = " ".repeat(width + 2);
            if matches!(predicted.status, Status::Failing | Status::Warning) {
                writeln!(out, "  {indent}{DIM}predicted: {}{DIM:#}", predicted.reason)?;
            }
            if matches!(s.observed, Seen::Failing | Seen::Warning) {
                writeln!(out, "  {indent}{DIM}observed: {}{DIM:#}", s.observed_reason)?;
            }
            if let Some(setting) = &s.contradicts {
                let at = setting.location.as_ref().map(|l| format!(" ({l})")).unwrap_or_default();
                writeln!(
                    out,
                    "  {indent}{BAD}contradicts{BAD:#} {} = {}{at}",
                    setting.name, setting.says
                )?;
            }
        }
        Ok(())
    }
}

fn status_style(status: Status) -> anstyle::Style {
    match status {
        Status::Ok => GOOD,
        Status::Warning => WARN,
        Status::Failing => BAD,
        Status::NotConfigured => DIM,
    }
}

fn codes(s: &ServiceHealth) -> String {
    if s.codes.is_empty() {
        return String::new();
    }
    let codes: Vec<&str> = s.codes.iter().map(|c| c.as_str()).collect();
    format!(" {CODE}[{}]{CODE:#}", codes.join(" "))
}

/// `label  status [codes]`, padded outside the style codes, and only when something follows.
fn line(
    out: &mut dyn Write,
    label: &str,
    width: usize,
    status: &str,
    style: anstyle::Style,
    codes: &str,
) -> std::io::Result<()> {
    let pad = if codes.is_empty() {
        String::new()
    } else {
        " ".repeat(14usize.saturating_sub(status.len()))
    };
    writeln!(out, "  {label:<width$}  {style}{status}{style:#}{pad}{codes}")
}
