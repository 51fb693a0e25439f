//! `uclint overview DEPLOYMENT`: what every client will do, at a glance.

use std::io::Write;

use uclint_core::derive::overview::{Overview, overview};
use uclint_core::derive::presence::Verdict;

use super::{Failure, load};
use crate::args::{Cli, OverviewArgs};
use crate::output::{BAD, DIM, ErasedReport, GOOD, HEADING, Report, WARN, codes};

/// Load the deployment and derive its overview.
pub fn run(args: &OverviewArgs, cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    let deployment = load(&args.deployment, cli)?;
    Ok(Box::new(OverviewReport(overview(&deployment))))
}

/// The overview, shown.
#[derive(serde::Serialize)]
#[serde(transparent)]
pub struct OverviewReport(pub Overview);

/// The style a verdict is shown in.
pub fn verdict_style(verdict: Verdict) -> anstyle::Style {
    match verdict {
        Verdict::Usable => GOOD,
        Verdict::Unusable => BAD,
        Verdict::Unresolved => WARN,
    }
}

impl Report for OverviewReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let o = &self.0;
        let c = &o.counts;
        writeln!(out, "{HEADING}{}{HEADING:#}", o.name.as_deref().unwrap_or("deployment"))?;
        writeln!(
            out,
            "{DIM}{} servers, {} client profiles, {} users, {} static routes, {} DNS records{DIM:#}",
            c.servers, c.clients, c.users, c.static_routes, c.dns_records
        )?;
        writeln!(
            out,
            "proxy domain: {}",
            o.proxy_domain.as_deref().unwrap_or("(not set: PROXY_DOMAIN_NOT_SET)")
        )?;

        writeln!(out, "\n{HEADING}Presence address of each CUPS node{HEADING:#}")?;
        let node_width = o.presence_nodes.iter().map(|p| p.node().len()).max().unwrap_or(0);
        let address_width = o.presence_nodes.iter().map(|p| p.address().len()).max().unwrap_or(0);
        for p in &o.presence_nodes {
            let style = verdict_style(p.verdict());
            let verdict = p.verdict().to_string();
            let codes = codes(&p.codes());
            // Pad outside the style codes, and only when something follows.
            let (method, codes) = if codes.is_empty() {
                (p.method().to_string(), String::new())
            } else {
                (format!("{:<13}", p.method()), format!(" {codes}"))
            };
            writeln!(
                out,
                "  {:<node_width$}  ->  {:<address_width$}  {style}{verdict:<10}{style:#}  {DIM}{method}{DIM:#}{codes}",
                p.node(),
                p.address(),
            )?;
        }

        writeln!(out, "\n{HEADING}Names each client resolves on its own{HEADING:#}")?;
        for client in &o.clients {
            let version = client.version.as_deref().map(|v| format!(" {v}")).unwrap_or_default();
            let place = if client.on_corporate_network {
                "on site"
            } else {
                "off site"
            };
            writeln!(
                out,
                "  {HEADING}{}{HEADING:#} {DIM}({}{version}, {place}, suffixes: {}){DIM:#}",
                client.id,
                client.kind.as_str(),
                if client.dns_suffixes.is_empty() {
                    "none".to_owned()
                } else {
                    client.dns_suffixes.join(" ")
                },
            )?;
            if client.names.is_empty() {
                writeln!(out, "    {DIM}(no implicit names){DIM:#}")?;
            }
            let rows: Vec<(&str, String, bool, &str)> = client
                .names
                .iter()
                .map(|n| {
                    let result = n
                        .resolution
                        .address
                        .map_or_else(|| "not resolvable".to_owned(), |a| a.to_string());
                    (
                        n.name.name.as_str(),
                        result,
                        n.resolution.address.is_some(),
                        n.name.purpose.as_str(),
                    )
                })
                .collect();
            let name_width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
            let result_width = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
            for (name, result, ok, purpose) in rows {
                let style = if ok { GOOD } else { BAD };
                writeln!(
                    out,
                    "    {name:<name_width$}  {style}{result:<result_width$}{style:#}  {DIM}{purpose}{DIM:#}"
                )?;
            }
        }
        Ok(())
    }
}
