//! The next hops real DNS gives for each destination domain (`sip_proxy.destinations`), routed
//! by the core as the proxy routes `sip:DOMAIN` (RFC 3263), each asked with OPTIONS.
//!
//! Only DNS decisions are asked here: a domain a static route takes is asked through that
//! route's next hop; local, blocked and unroutable domains have no next hop (SIP002 is the
//! static check's). A DNS next hop already asked as a node or a route is not asked again.

use std::collections::HashSet;
use std::sync::Arc;

use tokio::task::JoinSet;
use uclint_core::dns::Resolver;
use uclint_core::report::{Subject, SubjectKind};
use uclint_core::route::{Decision, Origin, Routing, route};

use super::hop::{Hop, Key, Kind};
use super::options;
use crate::runner::blocking;
use crate::{Context, Observation, Outcome, Probe, Target};

/// What the observation of `domain` would say had routing given up.
pub fn template(domain: &str) -> Observation {
    let mut observation = Observation::new(
        Probe::Sip,
        Target::named(domain),
        Subject::new(SubjectKind::Domain, domain),
    );
    observation.summary = format!("OPTIONS to the next hops of `{domain}`");
    observation
}

/// Route `sip:DOMAIN` over live DNS and ask each next hop not in `known`.
pub async fn ask(cx: Arc<Context>, domain: String, known: Arc<HashSet<Key>>) -> Vec<Observation> {
    let routing = {
        let cx = Arc::clone(&cx);
        let domain = domain.clone();
        blocking(move || {
            let dns: &dyn Resolver = cx.dns.as_ref();
            route(&cx.deployment.sip_proxy, &format!("sip:{domain}"), Some(dns), None)
        })
        .await
    };
    let routing = match routing {
        Ok(routing) => routing,
        Err(why) => {
            let mut observation = template(&domain);
            observation.outcome = Outcome::Failed;
            observation.summary = format!("`sip:{domain}` is not a SIP URI: {why}");
            return vec![observation];
        }
    };
    if routing.decision != Decision::Dns {
        return Vec::new();
    }
    let trace = trace(&routing);
    let mut asked = JoinSet::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    for (hop, from) in hops(&domain, &routing) {
        if !seen.insert(hop.key()) {
            continue;
        }
        if known.contains(&hop.key()) {
            skipped.push(format!(
                "{}:{} over {} (already asked)",
                hop.host,
                hop.port,
                hop.transport.as_str()
            ));
            continue;
        }
        let mut notes = trace.clone();
        notes.push(format!("next hop from {from}"));
        asked.spawn(options::ask(Arc::clone(&cx), hop, notes));
    }
    let mut observations = Vec::new();
    while let Some(done) = asked.join_next().await {
        match done {
            Ok(observation) => observations.push(observation),
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            Err(_) => {}
        }
    }
    if let (Some(first), false) = (observations.first_mut(), skipped.is_empty()) {
        first.evidence(
            crate::EvidenceKind::Note,
            format!("DNS also gives {}", skipped.join(", ")),
        );
    }
    observations
}

/// The routing's steps, as notes.
fn trace(routing: &Routing) -> Vec<String> {
    routing.trace.iter().map(|step| format!("routing: {step}")).collect()
}

/// One hop per DNS target, and where DNS gave it.
fn hops(domain: &str, routing: &Routing) -> Vec<(Hop, String)> {
    routing
        .targets
        .iter()
        .map(|target| {
            let from = match &target.origin {
                Origin::Srv { name } => format!("SRV {name}"),
                Origin::Address => "the domain's own address records".to_owned(),
                Origin::Literal => "the address in the URI".to_owned(),
                Origin::StaticRoute { pattern, .. } => format!("static route `{pattern}`"),
            };
            let host = target.host.trim_end_matches('.').to_owned();
            let hop = Hop {
                subject: Subject::new(SubjectKind::Domain, domain),
                kind: Kind::Domain,
                host: host.clone(),
                address: target.address,
                port: target.port,
                transport: target.transport,
                sni: host,
                also: Vec::new(),
            };
            (hop, from)
        })
        .collect()
}
