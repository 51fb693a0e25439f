//! What one profile's SRV answers mean, beside D8's prediction: the path they choose, `_cisco-uds`
//! on public DNS (JAB001), no record at all (JAB002), and every record the deployment's DNS data
//! predicts otherwise (DRIFT001, pointing at that data).

use uclint_core::catalogue::Code;
use uclint_core::derive::jabber::{
    CANNOT_FIND, DiscoveryPath, Place, Service, SrvQuery, SrvResult, chosen, excluded_note,
};
use uclint_core::dns::Answer;
use uclint_core::model::{Deployment, InlineRecord, Path, ZoneFile};

use super::lookup::Seen;
use super::plan::Plan;
use crate::{EvidenceKind, Observation, Outcome, Setting};

/// Fill `observation` with what `seen` shows for `plan`'s profile.
pub fn judge(deployment: &Deployment, plan: &Plan, seen: &Seen, observation: &mut Observation) {
    let predicted = &plan.prediction;
    for (name, _) in &seen.answers {
        observation.evidence(EvidenceKind::Sent, format!("SRV {name}"));
    }
    for query in &seen.queries {
        observation.evidence(
            EvidenceKind::Received,
            format!("{} SRV ({}): {}", query.name, seen.source, query.answer()),
        );
    }
    for query in &predicted.queries {
        observation.evidence(
            EvidenceKind::Note,
            format!("D8 predicts {}: {}", query.name, query.answer()),
        );
    }
    observation.outcome = outcome(seen);
    let (path, _) = chosen(&seen.queries);
    observation.summary = format!(
        "`{}` ({}) asks for `{}`: {}: {} (D8: {})",
        plan.client.id,
        plan.place().as_str(),
        plan.domain,
        records(seen),
        if observation.outcome == Outcome::Ok {
            path.as_str()
        } else {
            "no answer"
        },
        predicted.path.as_str()
    );
    if plan.place() == Place::Outside {
        public_cisco_uds(seen, observation);
    }
    if observation.outcome == Outcome::Ok && path == DiscoveryPath::Manual {
        nothing_found(plan, seen, observation);
    }
    for query in &seen.queries {
        drift(deployment, plan, seen, query, observation);
    }
}

/// A timeout, a refusal or a failure on any question is the outcome; else the server answered.
fn outcome(seen: &Seen) -> Outcome {
    let any = |wanted: fn(&Answer) -> bool| seen.answers.iter().any(|(_, a)| wanted(a));
    if any(|a| matches!(a, Answer::Timeout)) {
        Outcome::Timeout
    } else if any(|a| matches!(a, Answer::Refused)) {
        Outcome::Refused
    } else if any(|a| matches!(a, Answer::Failed(_))) {
        Outcome::Failed
    } else {
        Outcome::Ok
    }
}

/// `_cisco-uds cucm1.ex.com:8443, _cuplogin none, _collab-edge none`.
fn records(seen: &Seen) -> String {
    seen.queries
        .iter()
        .map(|q| {
            let found = match &q.result {
                SrvResult::Found { targets } => targets
                    .iter()
                    .map(|t| format!("{}:{}", t.target, t.port))
                    .collect::<Vec<_>>()
                    .join(" "),
                SrvResult::NotFound { .. } if matches!(seen.answer(&q.name), Some(Answer::Timeout)) => {
                    "timed out".to_owned()
                }
                SrvResult::NotFound { .. } => "none".to_owned(),
                SrvResult::Excluded => "excluded".to_owned(),
                SrvResult::NoDns => "not asked".to_owned(),
            };
            let internal = if q.name.contains(".cisco-internal.") {
                " (cisco-internal)"
            } else {
                ""
            };
            format!("{}{internal} {found}", q.service.label())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// JAB001: public DNS answers `_cisco-uds`.
fn public_cisco_uds(seen: &Seen, observation: &mut Observation) {
    for query in seen
        .queries
        .iter()
        .filter(|q| q.service == Service::CiscoUds && !q.targets().is_empty())
    {
        observation.raise(
            Code::JAB001,
            format!(
                "observed: `{}` resolves on public DNS ({}): Jabber outside chooses on-premises and never starts MRA",
                query.name, seen.source
            ),
        );
    }
}

/// JAB002: the server answered every question, and no record is usable.
fn nothing_found(plan: &Plan, seen: &Seen, observation: &mut Observation) {
    let why = excluded_note(&seen.queries);
    let place = plan.place().dns_phrase();
    observation.raise(
        Code::JAB002,
        format!(
            "observed: `{}` finds no `_cisco-uds`, `_cuplogin` or `_collab-edge` record for `{}` {place} ({}){why}: \"{CANNOT_FIND}\"",
            plan.client.id, plan.domain, seen.source
        ),
    );
}

/// DRIFT001 when the deployment's DNS data for this place gives `query` other targets than the
/// server did. A question without an answer (timeout, refusal) contradicts nothing.
fn drift(deployment: &Deployment, plan: &Plan, seen: &Seen, query: &SrvQuery, observation: &mut Observation) {
    let Some(predicted) = plan
        .prediction
        .queries
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(&query.name))
    else {
        return;
    };
    if predicted.result == SrvResult::NoDns {
        return;
    }
    let answered = matches!(
        seen.answer(&query.name),
        Some(Answer::Records(_) | Answer::NxDomain | Answer::NoData)
    );
    if !answered || targets(predicted) == targets(query) {
        return;
    }
    let (section, what) = match plan.place() {
        Place::Inside => ("dns", "internal"),
        Place::Outside => ("dns.public", "public"),
    };
    let says = |q: &SrvQuery| match &q.result {
        SrvResult::Found { .. } => q.answer(),
        _ => "no record".to_owned(),
    };
    // One observation, one setting: the first record that disagrees.
    observation.setting.get_or_insert_with(|| Setting {
        name: format!("{section}: {} SRV", query.name),
        says: says(predicted),
        location: record_location(deployment, plan.place(), &query.name),
    });
    observation.raise(
        Code::DRIFT001,
        format!(
            "the deployment's {what} DNS data (`{section}`) gives `{}` {}, {} answers {}",
            query.name,
            says(predicted),
            seen.source,
            says(query)
        ),
    );
}

/// The targets as compared: name (any case), port, priority and weight, in order.
fn targets(query: &SrvQuery) -> Vec<(String, u16, u16, u16)> {
    let mut all: Vec<(String, u16, u16, u16)> = query
        .targets()
        .iter()
        .map(|t| (t.target.to_ascii_lowercase(), t.port, t.priority, t.weight))
        .collect();
    all.sort();
    all
}

/// Where the deployment writes the SRV record `name` for `place`: its inline record, else the
/// first zone file, else the section.
fn record_location(deployment: &Deployment, place: Place, name: &str) -> Option<uclint_core::source::Location> {
    let dns = deployment.dns.as_ref()?;
    let (section, records, zone_files): (Path, &[InlineRecord], &[ZoneFile]) = match place {
        Place::Inside => (Path::default().key("dns"), &dns.records, &dns.zone_files),
        Place::Outside => {
            let public = dns.public.as_ref()?;
            (
                Path::default().key("dns").key("public"),
                &public.records,
                &public.zone_files,
            )
        }
    };
    let inline = records.iter().position(|r| {
        r.rtype.eq_ignore_ascii_case("SRV")
            && r.name
                .trim_end_matches('.')
                .eq_ignore_ascii_case(name.trim_end_matches('.'))
    });
    let path = match inline {
        Some(i) => section.key("records").index(i),
        None if !zone_files.is_empty() => section.key("zone_files").index(0),
        None => section,
    };
    deployment.source_map.locate(&path)
}
