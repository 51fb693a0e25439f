//! `uclint probe DEPLOYMENT`: ask the real servers, show each observation beside the findings it
//! raises, and set the exit status as `check` does.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use uclint_core::report::text;
use uclint_probe::{EvidenceKind, Observation, Outcome, ProbeReport, ProbeRequest};

use super::{Failure, Outcome as CommandOutcome};
use crate::args::{Cli, OutputFormat, ProbeArgs};
use crate::output::{BAD, CODE, DIM, GOOD, WARN, codes};
use crate::{deployment_file, output};

/// Probe the deployment at `args.deployment`.
pub fn run(args: &ProbeArgs, cli: &Cli) -> Result<CommandOutcome, Failure> {
    let deployment = Arc::new(deployment_file::load(&args.deployment, cli.input_format)?);
    let mut request = ProbeRequest {
        only: args.only.clone(),
        client: args.client.clone(),
        user: args.user.clone(),
        dns_server: args.dns_server,
        public_dns_server: args.public_dns_server,
        timeout: Duration::from_secs_f64(args.timeout),
        ca: args.ca.clone(),
        concurrency: args.concurrency,
        imap_login: args.imap_login,
        allow_plaintext_password: args.allow_plaintext_password,
        ..ProbeRequest::default()
    };
    request.secrets = crate::secrets::gather(&request, &deployment);
    // A progress bar only for people watching a terminal, never in JSON or SARIF.
    let progress = Bar::new(cli.format == OutputFormat::Text && std::io::stderr().is_terminal());
    let report = uclint_probe::probe(&deployment, &request, &progress).map_err(|e| Failure::Usage(e.to_string()));
    progress.bar.finish_and_clear();
    let report = report?;
    let status = u8::from(report.report.fails_at(args.fail_on.severity()));
    Ok(CommandOutcome {
        report: Box::new(ProbeOutput {
            report,
            verbose: args.verbose,
        }),
        status,
    })
}

/// Progress on stderr: one tick per answered question.
struct Bar {
    bar: ProgressBar,
}

impl Bar {
    fn new(visible: bool) -> Self {
        let bar = if visible {
            ProgressBar::new(0)
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template("probing {bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Self { bar }
    }
}

impl uclint_probe::Progress for Bar {
    fn planned(&self, total: usize) {
        self.bar.set_length(total as u64);
    }

    fn finished(&self, observations: &[Observation]) {
        if let Some(last) = observations.last() {
            self.bar
                .set_message(format!("{} {}", last.probe.as_str(), last.target.host));
        }
        self.bar.inc(1);
    }
}

/// A probe run's report, in all three forms.
struct ProbeOutput {
    report: ProbeReport,
    verbose: bool,
}

impl serde::Serialize for ProbeOutput {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value: serde_json::Value =
            serde_json::from_str(&self.report.to_json()).map_err(serde::ser::Error::custom)?;
        value.serialize(serializer)
    }
}

impl output::Report for ProbeOutput {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        for observation in &self.report.observations {
            observe(out, observation, self.verbose)?;
        }
        if !self.report.observations.is_empty() {
            writeln!(out)?;
        }
        out.write_all(text::render(&self.report.report, &deployment_file::source_text).as_bytes())
    }

    fn sarif(&self) -> Option<String> {
        Some(self.report.to_sarif())
    }
}

fn with_space(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!("{text} ")
    }
}

/// One observation on one line, then (with `-v`) its exchange.
fn observe(out: &mut dyn Write, o: &Observation, verbose: bool) -> std::io::Result<()> {
    let style = match o.outcome {
        Outcome::Ok if o.raised.is_empty() => GOOD,
        Outcome::Ok => WARN,
        _ => BAD,
    };
    let outcome = o.outcome.as_str();
    writeln!(
        out,
        "{style}{outcome:<14}{style:#} {CODE}{:<4}{CODE:#} {} {}{DIM}({}, {} ms){DIM:#}",
        o.probe.as_str(),
        o.summary,
        with_space(&codes(&o.codes())),
        o.target,
        o.elapsed.as_millis(),
    )?;
    if verbose {
        for line in &o.evidence {
            let mark = match line.kind {
                EvidenceKind::Sent => ">",
                EvidenceKind::Received => "<",
                EvidenceKind::Note => "·",
            };
            writeln!(out, "{:15}{DIM}{mark} {}{DIM:#}", "", line.text)?;
        }
    }
    Ok(())
}
