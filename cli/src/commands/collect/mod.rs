//! `uclint collect --out FILE --from SOURCE...`: the deployment file written from the real
//! sources (files people have: `ipconfig /all`, resolv.conf, hosts, LDIF, BAT exports; live
//! servers: LDAP, AXFR, AXL), or merged into an existing file (`--into`) keeping what a person
//! wrote. Nothing is written unless every source was read and the result loads.

mod sources;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use uclint_core::collect::Collected;
use uclint_probe::collect::{Save, now};
use uclint_probe::{SecretKind, Secrets};

use super::{Failure, Outcome};
use crate::args::{Cli, CollectArgs, OutputFormat};
use crate::output::{self, DIM, HEADING};
use crate::source_spec::Spec;

/// Read every source in order, merge, check the result loads, then write it atomically.
pub fn run(args: &CollectArgs, cli: &Cli) -> Result<Outcome, Failure> {
    let save = Save {
        out: args.out.clone(),
        into: args.into.clone(),
        force: args.force,
    };
    // Refuse a wrong target before any server is asked.
    save.target().map_err(|e| Failure::Usage(e.to_string()))?;
    let secrets = secrets(&args.from);
    let reach = sources::Reach {
        timeout: Duration::from_secs_f64(args.timeout),
        ca: args.ca.as_deref(),
        allow_plaintext_password: args.allow_plaintext_password,
        secrets: &secrets,
    };
    let spinner = Spinner::new(cli.format == OutputFormat::Text && std::io::stderr().is_terminal());
    let mut collected: Vec<Collected> = Vec::with_capacity(args.from.len());
    let mut notes = Vec::new();
    for spec in &args.from {
        spinner.reading(spec);
        let (part, note) = sources::collect(spec, &reach).map_err(|e| {
            spinner.done();
            Failure::Usage(format!("{e}; nothing was written"))
        })?;
        notes.push(note);
        collected.push(part);
    }
    spinner.done();
    let at = now();
    let (file, _) = save
        .save(&collected, &at)
        .map_err(|e| Failure::Usage(format!("{e}; nothing was written")))?;
    let sources = collected
        .iter()
        .zip(notes)
        .map(|(c, note)| Source::of(c, note))
        .collect();
    Ok(Outcome::ok(Box::new(Written { file, sources, at })))
}

/// The passwords the sources need: an LDAP bind's and AXL's, from the environment, else asked
/// for without echo on a terminal.
fn secrets(specs: &[Spec]) -> Secrets {
    let mut secrets = Secrets::default();
    let needs = |kind: SecretKind| {
        specs.iter().any(|spec| match spec {
            Spec::Ldap { bind, .. } => kind == SecretKind::LdapAccount && bind.is_some(),
            Spec::Axl { .. } => kind == SecretKind::Axl,
            _ => false,
        })
    };
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    for kind in [SecretKind::LdapAccount, SecretKind::Axl] {
        if !needs(kind) {
            continue;
        }
        let value = std::env::var(kind.variable()).ok().or_else(|| {
            interactive
                .then(|| {
                    let prompt = format!("{} ({} is not set; not echoed): ", kind.describe(), kind.variable());
                    rpassword::prompt_password(prompt).ok()
                })
                .flatten()
        });
        secrets.set(kind, value.unwrap_or_default());
    }
    secrets
}

/// A spinner on stderr naming the source being read, for people at a terminal.
struct Spinner(ProgressBar);

impl Spinner {
    fn new(visible: bool) -> Self {
        let bar = if visible {
            ProgressBar::new_spinner()
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template("{spinner} reading {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        Self(bar)
    }

    fn reading(&self, spec: &Spec) {
        self.0.set_message(spec.describe());
    }

    fn done(&self) {
        self.0.finish_and_clear();
    }
}

/// What was written.
#[derive(serde::Serialize)]
struct Written {
    file: PathBuf,
    at: String,
    sources: Vec<Source>,
}

#[derive(serde::Serialize)]
struct Source {
    kind: String,
    origin: String,
    servers: usize,
    users: usize,
    records: usize,
    clients: usize,
    sip_proxy: bool,
    ldap: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Source {
    fn of(c: &Collected, note: Option<String>) -> Self {
        Self {
            kind: c.source.kind.to_string(),
            origin: c.source.origin.clone(),
            servers: c.servers.len(),
            users: c.users.len(),
            records: c.records.len(),
            clients: c.clients.len(),
            sip_proxy: c.sip_proxy.is_some(),
            ldap: c.ldap.is_some(),
            note,
        }
    }
}

impl output::Report for Written {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "{HEADING}wrote {}{HEADING:#}", self.file.display())?;
        for s in &self.sources {
            let mut parts = Vec::new();
            for (n, what) in [
                (s.servers, "servers"),
                (s.users, "users"),
                (s.records, "DNS records"),
                (s.clients, "client profiles"),
            ] {
                if n > 0 {
                    parts.push(format!("{n} {what}"));
                }
            }
            if s.sip_proxy {
                parts.push("the SIP proxy".to_owned());
            }
            if s.ldap {
                parts.push("the LDAP settings".to_owned());
            }
            let note = s
                .note
                .as_ref()
                .map(|n| format!(" {DIM}({n}){DIM:#}"))
                .unwrap_or_default();
            writeln!(out, "  {} {}: {}{note}", s.kind, s.origin, parts.join(", "))?;
        }
        writeln!(out, "{DIM}next: uclint check {}{DIM:#}", self.file.display())
    }
}
