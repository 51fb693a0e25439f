//! The SRV queries of one profile, sent at once as Jabber sends them, to the DNS server it asks;
//! then core's own reading of the answers (`EXCLUDED_SERVICES`, Jabber for Windows 9.6's
//! `cisco-internal` fallback), so the observed queries and the predicted ones come from one rule.

use std::cell::RefCell;
use std::sync::Arc;

use tokio::task::JoinSet;
use uclint_core::derive::jabber::Service;
use uclint_core::derive::jabber::srv::{SrvQuery, discovery_queries};
use uclint_core::dns::{Answer, Name, RecordType, Resolver};
use uclint_core::model::JabberSettings;

use super::plan::Plan;
use crate::dns::LiveDns;
use crate::runner::blocking;

/// What the DNS server answered.
pub struct Seen {
    /// The queries as core reads the answers, in Jabber's order.
    pub queries: Vec<SrvQuery>,
    /// Each question asked (its absolute name) and the raw answer, in the order core asked.
    pub answers: Vec<(String, Answer)>,
    /// Who answered (`DNS 127.0.0.1:53`).
    pub source: String,
}

impl Seen {
    /// The raw answer to the question for `name`, when it was asked.
    pub fn answer(&self, name: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|(asked, _)| asked.eq_ignore_ascii_case(name))
            .map(|(_, answer)| answer)
    }
}

/// Ask `dns` the discovery records of `plan`'s profile.
pub async fn ask(dns: &Arc<LiveDns>, plan: &Plan) -> Seen {
    let settings = plan.client.jabber.clone().unwrap_or_default();
    let known = at_once(dns, &plan.domain, &settings).await;
    let (domain, kind, version) = (plan.domain.clone(), plan.client.kind, plan.client.version.clone());
    let live = Arc::clone(dns);
    blocking(move || {
        let recorder = Recorder {
            live,
            known,
            asked: RefCell::new(Vec::new()),
        };
        let queries = discovery_queries(&domain, kind, version.as_deref(), &settings, Some(&recorder));
        Seen {
            queries,
            source: recorder.live.label().to_owned(),
            answers: recorder.asked.into_inner(),
        }
    })
    .await
}

/// The first round of questions, side by side: one timeout for a silent server, not three.
async fn at_once(dns: &Arc<LiveDns>, domain: &str, settings: &JabberSettings) -> Vec<(Name, Answer)> {
    let mut running = JoinSet::new();
    for service in Service::ALL.into_iter().filter(|s| s.asked(settings)) {
        let Ok(name) = Name::from_ascii(format!("{}.{domain}.", service.prefix())) else {
            // Core says why the name is not one when it reads the answers.
            continue;
        };
        let dns = Arc::clone(dns);
        running.spawn(async move {
            let answer = dns.ask(&name, RecordType::SRV).await;
            (name, answer)
        });
    }
    let mut known = Vec::new();
    while let Some(joined) = running.join_next().await {
        match joined {
            Ok(pair) => known.push(pair),
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            // Cancelled only when the runtime shuts down, which waits for this task first.
            Err(_) => {}
        }
    }
    known
}

/// Answers core's questions from the first round, asking the live server for any other (the
/// 9.6 fallback), and keeps every answer for the evidence.
struct Recorder {
    live: Arc<LiveDns>,
    known: Vec<(Name, Answer)>,
    asked: RefCell<Vec<(String, Answer)>>,
}

impl Resolver for Recorder {
    fn query(&self, name: &Name, rtype: RecordType) -> Answer {
        let known = (rtype == RecordType::SRV)
            .then(|| self.known.iter().find(|(asked, _)| asked == name))
            .flatten();
        let answer = match known {
            Some((_, answer)) => answer.clone(),
            None => self.live.query(name, rtype),
        };
        self.asked.borrow_mut().push((name.to_ascii(), answer.clone()));
        answer
    }

    fn source(&self) -> String {
        self.live.source()
    }
}
