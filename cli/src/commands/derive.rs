//! `uclint derive ...`: one derivation each.

use std::io::Write;

use uclint_core::derive::imap::{ImapTest, MailStore, imap_test};
use uclint_core::derive::implicit::{ImplicitName, directory_url, implicit_names};
use uclint_core::derive::presence::{PresenceAddress, presence_address, presence_address_resolved};
use uclint_core::derive::wireshark::{WiresharkInput, WiresharkRecipe, wireshark_recipe};

use super::overview::verdict_style;
use super::{Failure, client, load};
use crate::args::{Cli, Derive, DirectoryUrlArgs, ImapTestArgs, ImplicitNamesArgs, PresenceArgs, WiresharkArgs};
use crate::output::{DIM, ErasedReport, HEADING, Report, codes, field, steps};

/// Run one derivation.
pub fn run(derive: &Derive, cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    match derive {
        Derive::PresenceAddress(args) => presence(args, cli),
        Derive::DirectoryUrl(args) => Ok(Box::new(directory(args))),
        Derive::ImplicitNames(args) => implicit(args, cli),
        Derive::Wireshark(args) => wireshark(args),
        Derive::ImapTest(args) => imap(args),
        Derive::Jabber(args) => super::jabber::run(args, cli),
    }
}

fn presence(args: &PresenceArgs, cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    let domain = args.domain.as_deref();
    let user = args.user.as_deref();
    let result = match &args.deployment {
        Some(path) => {
            let deployment = load(path, cli)?;
            presence_address_resolved(&args.node, domain, user, &deployment.dns_view)
        }
        None => presence_address(&args.node, domain, user),
    };
    Ok(Box::new(PresenceReport(result)))
}

/// The presence address answer, shown.
#[derive(serde::Serialize)]
#[serde(transparent)]
struct PresenceReport(PresenceAddress);

impl Report for PresenceReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let p = &self.0;
        let style = verdict_style(p.verdict());
        field(out, "address", 7, &p.address())?;
        if let Some(uri) = p.uri() {
            field(out, "uri", 7, &uri)?;
        }
        field(out, "method", 7, &p.method())?;
        field(
            out,
            "verdict",
            7,
            &format_args!("{style}{}{style:#} {}", p.verdict(), codes(&p.codes())),
        )?;
        steps(out, &p.steps())
    }
}

/// The Directory URL of one node.
#[derive(serde::Serialize)]
struct DirectoryReport {
    node: String,
    url: String,
}

fn directory(args: &DirectoryUrlArgs) -> DirectoryReport {
    DirectoryReport {
        node: args.node.clone(),
        url: directory_url(&args.node),
    }
}

impl Report for DirectoryReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "{}", self.url)?;
        writeln!(
            out,
            "{DIM}The phone resolves `{}` itself: it must resolve from every phone subnet.{DIM:#}",
            self.node
        )
    }
}

fn implicit(args: &ImplicitNamesArgs, cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    let deployment = load(&args.deployment, cli)?;
    let client = client(&deployment, &args.client)?;
    let user = match &args.user {
        Some(id) => Some(
            deployment
                .user(id)
                .ok_or_else(|| Failure::Usage(format!("no user `{id}` in the deployment")))?,
        ),
        None => None,
    };
    Ok(Box::new(ImplicitReport {
        client: client.id.clone(),
        names: implicit_names(&deployment, client, user),
    }))
}

/// the implicit names names for one client.
#[derive(serde::Serialize)]
struct ImplicitReport {
    client: String,
    names: Vec<ImplicitName>,
}

impl Report for ImplicitReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        if self.names.is_empty() {
            return writeln!(out, "{} uses no names implicitly", self.client);
        }
        let width = self.names.iter().map(|n| n.name.len()).max().unwrap_or(0);
        for name in &self.names {
            writeln!(
                out,
                "{HEADING}{:<width$}{HEADING:#}  {}",
                name.name,
                name.url.as_deref().unwrap_or("")
            )?;
            writeln!(out, "  {DIM}{}{DIM:#}", name.purpose.explain())?;
        }
        Ok(())
    }
}

fn wireshark(args: &WiresharkArgs) -> Result<Box<dyn ErasedReport>, Failure> {
    let input = WiresharkInput {
        server_ip: args.server_ip,
        port: args.port,
        protocol: args.protocol.clone(),
        key_file: args.key_file.clone(),
        pfx_name: args.pfx.clone(),
        cipher_suite: args.cipher_suite.clone(),
    };
    let recipe = wireshark_recipe(&input).map_err(|e| Failure::Usage(e.to_string()))?;
    Ok(Box::new(WiresharkReport(recipe)))
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct WiresharkReport(WiresharkRecipe);

impl Report for WiresharkReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let r = &self.0;
        field(out, "extract key", 13, &r.openssl_command)?;
        field(out, "RSA keys list", 13, &r.rsa_keys_entry)?;
        field(out, "where", 13, &r.menu_path)?;
        if !r.codes.is_empty() {
            field(out, "warning", 13, &codes(&r.codes))?;
        }
        steps(out, &r.steps)
    }
}

fn imap(args: &ImapTestArgs) -> Result<Box<dyn ErasedReport>, Failure> {
    let store: MailStore = args
        .store
        .parse()
        .map_err(|e: uclint_core::derive::imap::UnknownMailStore| Failure::Usage(e.to_string()))?;
    Ok(Box::new(ImapReport(imap_test(&args.server, store, &args.user))))
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct ImapReport(ImapTest);

impl Report for ImapReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let t = &self.0;
        field(out, "connect", 7, &t.connect_command)?;
        writeln!(out, "{HEADING}type:{HEADING:#}")?;
        for line in &t.session {
            writeln!(out, "  {line}")?;
        }
        writeln!(out, "{HEADING}read:{HEADING:#}")?;
        for line in &t.reading {
            writeln!(out, "  {DIM}-{DIM:#} {line}")?;
        }
        if !t.codes.is_empty() {
            field(out, "codes", 7, &codes(&t.codes))?;
        }
        Ok(())
    }
}
