//! `uclint route URI -c DEPLOYMENT`: SIP routing, offline from the deployment's DNS data or live.

use std::io::Write;
use std::time::Duration;

use uclint_core::dns::Resolver;
use uclint_core::route::{Decision, Router, Routing};

use super::{Failure, load};
use crate::args::{Cli, RouteArgs};
use crate::output::{BAD, CODE, DIM, ErasedReport, GOOD, HEADING, Report, WARN};
use uclint_probe::dns::LiveDns;

/// Route the URI as the deployment's SIP proxy would.
pub fn run(args: &RouteArgs, cli: &Cli) -> Result<Box<dyn ErasedReport>, Failure> {
    let deployment = load(&args.deployment, cli)?;
    let live = if args.live_dns || args.dns_server.is_some() {
        Some(LiveDns::new(args.dns_server, Duration::from_millis(args.dns_timeout_ms)).map_err(Failure::Usage)?)
    } else {
        None
    };
    let dns: Option<&dyn Resolver> = match &live {
        Some(live) => Some(live),
        None => deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver),
    };
    let routing = Router::new(&deployment.sip_proxy)
        .route(&args.uri, dns, args.seed)
        .map_err(|e| Failure::Usage(format!("cannot parse the request URI `{}`: {e}", args.uri)))?;
    Ok(Box::new(RouteReport(routing)))
}

/// The SIP routing answer, shown.
#[derive(serde::Serialize)]
#[serde(transparent)]
pub struct RouteReport(pub Routing);

impl Report for RouteReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let r = &self.0;
        let style = match r.decision {
            Decision::Local | Decision::Static | Decision::Dns => GOOD,
            Decision::Blocked => WARN,
            Decision::Unroutable => BAD,
        };
        writeln!(out, "{HEADING}{}{HEADING:#} -> {style}{}{style:#}", r.uri, r.decision)?;
        if !r.targets.is_empty() {
            writeln!(out, "\n{HEADING}next hops, in order{HEADING:#}")?;
            let host_width = r.targets.iter().map(|t| t.host.len()).max().unwrap_or(0);
            for (i, t) in r.targets.iter().enumerate() {
                let address = t
                    .address
                    .map_or_else(|| "(does not resolve)".to_owned(), |a| a.to_string());
                let transport = serde_json::to_value(t.transport).ok();
                writeln!(
                    out,
                    "  {}. {:<host_width$}  {:<24} port {:<5} {:<4} priority {:<3} weight {:<3} ({:.0}%){}",
                    i + 1,
                    t.host,
                    address,
                    t.port,
                    transport.as_ref().and_then(|v| v.as_str()).unwrap_or_default(),
                    t.priority,
                    t.weight,
                    t.share * 100.0,
                    if t.fallback { "  fallback" } else { "" }
                )?;
            }
        }
        writeln!(out, "\n{HEADING}trace{HEADING:#}")?;
        for (i, step) in r.trace.iter().enumerate() {
            writeln!(out, "  {}. {}  {DIM}->{DIM:#} {}", i + 1, step.tried, step.found)?;
        }
        if !r.codes.is_empty() {
            let codes: Vec<String> = r.codes.iter().map(ToString::to_string).collect();
            writeln!(out, "\nrules: {CODE}{}{CODE:#} (uclint explain CODE)", codes.join(", "))?;
        }
        Ok(())
    }
}
