//! uclint-probe: eyes on the real deployment. Each probe asks real servers the question the core
//! answers from the deployment file (what a client resolves, what certificate a server shows,
//! whether the SIP proxy challenges a REGISTER...) and says what it observed, beside the
//! prediction: an [`Observation`] per question, turned into findings of the same report as
//! `uclint check`.
//!
//! Native only: it opens sockets, so the core stays pure and keeps building for the browser.
//! Rules of conduct for every probe: contact only hosts the deployment or the request names; a
//! timeout on every step; every read bounded; secrets redacted from everything shown.

pub mod collect;
mod context;
pub mod dns;
mod health;
mod http;
mod imap;
mod jabber;
pub mod ldap;
pub mod net;
mod observation;
mod report;
mod request;
mod runner;
mod secrets;
mod sip;
pub mod tls;

pub use context::Context;
pub use health::{LiveHealth, LiveService, Seen, live_health};
pub use observation::{Evidence, EvidenceKind, Observation, Outcome, Probe, Raised, Setting, Target};
pub use report::ProbeReport;
pub use request::{ProbeRequest, RequestError};
pub use runner::{NoProgress, Progress};
pub use secrets::{REDACTED, SecretKind, Secrets};

use std::sync::Arc;

use uclint_core::model::Deployment;

/// Run every probe `request` asks for over `deployment`, concurrently (at most
/// `request.concurrency` at once), telling `progress` as each finishes. Blocks the calling thread
/// on a runtime of its own.
pub fn probe(
    deployment: &Arc<Deployment>,
    request: &ProbeRequest,
    progress: &dyn Progress,
) -> Result<ProbeReport, RequestError> {
    let observations = runner::run(deployment, request, progress)?;
    Ok(ProbeReport::new(deployment, observations))
}
