//! Show Server Health, live: each service as the deployment file predicts it beside what the
//! real servers answered, and where they disagree, the setting of the file the answer
//! contradicts.

use std::sync::Arc;

use serde::Serialize;
use uclint_core::catalogue::{self, Code, FoundBy, Service, Severity};
use uclint_core::health::{ServiceHealth, Status, health};
use uclint_core::model::{Deployment, Problem, Role};
use uclint_core::report::SubjectKind;

use crate::{Observation, Outcome, ProbeRequest, Progress, Raised, RequestError, Setting};

/// What the probes saw of one service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Seen {
    /// Every question about it was answered as a working service answers.
    Ok,
    /// Answered, with a risk or a warning.
    Warning,
    /// A question failed.
    Failing,
    /// No probe asks about it (yet), or none applies to this user.
    NotObserved,
}

impl Seen {
    /// The state as shown.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Warning => "warning",
            Self::Failing => "failing",
            Self::NotObserved => "not-observed",
        }
    }
}

/// One service, predicted and observed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiveService {
    /// The service.
    pub service: Service,
    /// Its name as CUPC shows it.
    pub label: &'static str,
    /// What the deployment file predicts.
    pub predicted: ServiceHealth,
    /// What the real servers showed.
    pub observed: Seen,
    /// The codes the observations raised.
    pub observed_codes: Vec<Code>,
    /// One line saying what was seen.
    pub observed_reason: String,
    /// Whether prediction and observation agree (always, when nothing was observed).
    pub agrees: bool,
    /// Where they disagree: the setting of the deployment file the observation contradicts, when
    /// an observation names one.
    pub contradicts: Option<Setting>,
}

/// Show Server Health for one user on one client, predicted and observed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiveHealth {
    /// The user's CUCM id.
    pub user: String,
    /// The client profile's id.
    pub client: String,
    /// Each service, in CUPC's order.
    pub services: Vec<LiveService>,
    /// Every observation made for it.
    pub observations: Vec<Observation>,
}

/// Predict Show Server Health for `user` on `client`, probe the real servers as that user on
/// that client, and set the two side by side.
pub fn live_health(
    deployment: &Arc<Deployment>,
    references: &[Problem],
    user: &str,
    client: &str,
    request: &ProbeRequest,
    progress: &dyn Progress,
) -> Result<LiveHealth, RequestError> {
    let request = ProbeRequest {
        client: Some(client.to_owned()),
        user: Some(user.to_owned()),
        ..request.clone()
    };
    let profile = deployment.client(client).ok_or_else(|| RequestError::UnknownClient {
        id: client.to_owned(),
        known: deployment
            .clients
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    })?;
    let who = deployment
        .user(user)
        .ok_or_else(|| RequestError::UnknownUser(user.to_owned()))?;
    let predicted = health(deployment, references, who, profile);
    let observations = crate::runner::run(deployment, &request, progress)?;
    let services = predicted
        .services
        .into_iter()
        .map(|predicted| {
            let about: Vec<&Observation> = observations
                .iter()
                .filter(|o| o.service == Some(predicted.service) && relevant(o, deployment, user, client))
                .collect();
            compare(predicted, &about)
        })
        .collect();
    Ok(LiveHealth {
        user: user.to_owned(),
        client: client.to_owned(),
        services,
        observations,
    })
}

/// Whether `observation` is about this user's view: its client profile, itself, or a server it
/// uses (its nodes, or the voicemail, calendar and directory servers).
fn relevant(observation: &Observation, deployment: &Deployment, user: &str, client: &str) -> bool {
    let name = observation.subject.name.as_str();
    match observation.subject.kind {
        SubjectKind::Client => name == client,
        SubjectKind::User => name == user,
        SubjectKind::Server => {
            let nodes = deployment
                .user(user)
                .map(|u| [u.home_node.as_deref(), u.presence_node()])
                .unwrap_or_default();
            nodes.contains(&Some(name))
                || deployment.server(name).is_some_and(|s| {
                    [Role::Exchange, Role::Unity, Role::UnityConnection, Role::Ldap]
                        .iter()
                        .any(|r| s.has_role(*r))
                })
        }
        SubjectKind::Ldap | SubjectKind::Voicemail | SubjectKind::Calendar => true,
        _ => false,
    }
}

fn compare(predicted: ServiceHealth, about: &[&Observation]) -> LiveService {
    let (observed, observed_codes, observed_reason) = seen(predicted.service, about);
    let agrees = match (observed, predicted.status) {
        (Seen::NotObserved, _) => true,
        (Seen::Ok, Status::Ok | Status::NotConfigured) => true,
        (Seen::Warning, Status::Warning) | (Seen::Failing, Status::Failing) => true,
        // A warning seen where the file predicts one of another kind, or none, still differs.
        _ => false,
    };
    let contradicts = (!agrees)
        .then(|| about.iter().find_map(|o| o.setting.clone()))
        .flatten();
    LiveService {
        service: predicted.service,
        label: predicted.label,
        predicted,
        observed,
        observed_codes,
        observed_reason,
        agrees,
        contradicts,
    }
}

/// The worst of what the observations about one service showed.
fn seen(service: Service, about: &[&Observation]) -> (Seen, Vec<Code>, String) {
    if about.is_empty() {
        return (Seen::NotObserved, Vec::new(), "no probe asks about it".to_owned());
    }
    // What an observation raises about this service: codes that break it, and what only a probe
    // sees (a certificate, a port, a drift); not advice about other things (the Wireshark
    // recipe's TLS001 on Exchange's HTTPS port says nothing of the calendar's health).
    let counts = |r: &&Raised| catalogue::info(r.code).service == Some(service) || r.code.found_by() == FoundBy::Probe;
    let failing = |o: &&&Observation| {
        o.outcome != Outcome::Ok || o.raised.iter().filter(counts).any(|r| r.severity == Severity::Error)
    };
    let warning = |o: &&&Observation| o.raised.iter().filter(counts).any(|r| r.severity > Severity::Info);
    let mut codes: Vec<Code> = Vec::new();
    for code in about
        .iter()
        .flat_map(|o| o.raised.iter().filter(counts).map(|r| r.code))
    {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    let (status, first) = if let Some(o) = about.iter().find(failing) {
        (Seen::Failing, o)
    } else if let Some(o) = about.iter().find(warning) {
        (Seen::Warning, o)
    } else {
        (Seen::Ok, &about[0])
    };
    let reason = first
        .raised
        .iter()
        .find(counts)
        .map_or_else(|| first.summary.clone(), |r| r.message.clone());
    // Findings say "observed:" to stand apart from predictions; here the column says it.
    let reason = reason.strip_prefix("observed: ").map_or(reason.clone(), str::to_owned);
    (status, codes, reason)
}
