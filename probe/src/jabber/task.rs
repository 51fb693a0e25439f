//! The Jabber probe's questions: one task per Jabber or Webex App profile, which asks the SRV
//! queries, then reaches every target found side by side.

use std::sync::Arc;
use std::time::Instant;

use super::plan::Plan;
use super::view::View;
use super::{found, lookup, target};
use crate::runner::Task;
use crate::{Context, EvidenceKind, Observation, Outcome, Probe, Target};

/// The most steps one profile takes, each within the timeout: the first round of SRV queries;
/// Jabber for Windows 9.6's two `cisco-internal` queries; then for every target at once, its
/// A and AAAA queries, a CNAME query on the edge, the connection and the handshake.
const STEPS: u32 = 1 + 2 + 5;

/// The questions of the Jabber probe.
pub fn tasks(cx: &Arc<Context>) -> Vec<Task> {
    if !cx.request.runs(Probe::Jabber) {
        return Vec::new();
    }
    cx.clients()
        .into_iter()
        .filter_map(|client| Plan::new(&cx.deployment, &cx.request, client))
        .map(|plan| {
            let plan = Arc::new(plan);
            let template = lookups(cx, &plan);
            let cx = Arc::clone(cx);
            Task {
                template,
                steps: STEPS,
                work: Box::pin(async move { ask(&cx, &plan).await }),
            }
        })
        .collect()
}

/// The observation of a profile's SRV queries before anything is asked.
fn lookups(cx: &Context, plan: &Plan) -> Observation {
    let target = match &plan.view {
        Some(view) => view.target(cx),
        None => Target::named("public DNS"),
    };
    plan.observation(target)
}

async fn ask(cx: &Arc<Context>, plan: &Arc<Plan>) -> Vec<Observation> {
    let started = Instant::now();
    let mut observation = lookups(cx, plan);
    let Some(view) = &plan.view else {
        not_asked(plan, &mut observation);
        return vec![observation];
    };
    introduce(plan, view, &mut observation);
    let dns = match view.resolver(cx) {
        Ok(dns) => dns,
        Err(why) => {
            observation.outcome = Outcome::Failed;
            observation.summary = format!("`{}`: cannot ask {}: {why}", plan.client.id, view.why);
            return vec![observation];
        }
    };
    let seen = lookup::ask(&dns, plan).await;
    found::judge(&cx.deployment, plan, &seen, &mut observation);
    observation.elapsed = started.elapsed();
    let mut observations = vec![observation];
    observations.extend(target::check_all(cx, plan, &dns, &seen.queries).await);
    observations
}

/// Who signs in, where, asking whom.
fn introduce(plan: &Plan, view: &View, observation: &mut Observation) {
    observation.evidence(
        EvidenceKind::Note,
        format!(
            "`{}` ({}) signs in as `{}` from {}; SRV lookups under `{}`; it asks {}",
            plan.client.id,
            plan.client.kind.as_str(),
            plan.prediction.address,
            plan.place().as_str(),
            plan.domain,
            view.why
        ),
    );
}

/// Outside, with no public DNS server to ask: said, not guessed. Not counted for the service's
/// health: nothing was observed.
fn not_asked(plan: &Plan, observation: &mut Observation) {
    observation.service = None;
    observation.outcome = Outcome::Unreachable;
    observation.summary = format!(
        "`{}` (outside) asks public DNS, and none was given: --public-dns-server IP:PORT, or `dns_servers` on the profile",
        plan.client.id
    );
}
