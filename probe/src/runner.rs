//! Every probe's questions, asked at once (bounded), each within its time, in a stable order
//! whatever order the answers come in.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use uclint_core::model::Deployment;

use crate::net::seconds;
use crate::{Context, Observation, Outcome, ProbeRequest, RequestError, dns, http, imap, jabber, ldap, sip, tls};

/// Told how a run goes (the command line draws a progress bar from it).
pub trait Progress {
    /// `total` questions are about to be asked.
    fn planned(&self, _total: usize) {}
    /// One question was answered (or gave up).
    fn finished(&self, _observations: &[Observation]) {}
}

/// Progress nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// What a task does: asks, and says what it saw.
pub type Work = Pin<Box<dyn Future<Output = Vec<Observation>> + Send>>;

/// One question to one server.
pub struct Task {
    /// What the observation would say had the task given up: its probe, target and subject.
    pub template: Observation,
    /// The work.
    pub work: Work,
    /// The most steps the work takes, each within the request's timeout: the task gives up after
    /// that many timeouts (a safety net; each step keeps its own).
    pub steps: u32,
}

/// Ask every question of every probe the request runs.
pub fn run(
    deployment: &Arc<Deployment>,
    request: &ProbeRequest,
    progress: &dyn Progress,
) -> Result<Vec<Observation>, RequestError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| RequestError::Start(e.to_string()))?;
    runtime.block_on(async {
        let cx = Arc::new(Context::new(Arc::clone(deployment), request.clone())?);
        let tasks: Vec<Task> = [
            dns::tasks,
            tls::tasks,
            sip::tasks,
            ldap::tasks,
            imap::tasks,
            http::tasks,
            jabber::tasks,
        ]
        .into_iter()
        .flat_map(|plan| plan(&cx))
        .collect();
        Ok(ask(tasks, request, progress).await)
    })
}

async fn ask(tasks: Vec<Task>, request: &ProbeRequest, progress: &dyn Progress) -> Vec<Observation> {
    progress.planned(tasks.len());
    let permits = Arc::new(Semaphore::new(request.concurrency.max(1)));
    let mut running = JoinSet::new();
    let mut templates = HashMap::new();
    for task in tasks {
        let permits = Arc::clone(&permits);
        let limit = request.timeout.saturating_mul(task.steps.max(1));
        let template = task.template.clone();
        let handle = running.spawn(async move {
            // The semaphore is never closed, so a permit always comes.
            let _permit = permits.acquire_owned().await;
            let started = Instant::now();
            match tokio::time::timeout(limit, task.work).await {
                Ok(observations) => observations,
                Err(_) => vec![gave_up(task.template, started, limit)],
            }
        });
        templates.insert(handle.id(), template);
    }
    let mut observations = Vec::new();
    while let Some(done) = running.join_next_with_id().await {
        let done = match done {
            Ok((_, observations)) => observations,
            // A task that panicked is a bug of ours: say so rather than lose the others.
            Err(error) => templates
                .remove(&error.id())
                .map(|template| vec![crashed(template, &error)])
                .unwrap_or_default(),
        };
        progress.finished(&done);
        observations.extend(done);
    }
    observations.sort_by(|a, b| {
        (
            a.probe,
            &a.target.host,
            a.target.port,
            a.target.transport,
            &a.subject,
            &a.summary,
        )
            .cmp(&(
                b.probe,
                &b.target.host,
                b.target.port,
                b.target.transport,
                &b.subject,
                &b.summary,
            ))
    });
    observations
}

fn gave_up(mut template: Observation, started: Instant, limit: std::time::Duration) -> Observation {
    template.outcome = Outcome::Timeout;
    template.elapsed = started.elapsed();
    template.summary = format!("no answer within {}", seconds(limit));
    template
}

fn crashed(mut template: Observation, error: &tokio::task::JoinError) -> Observation {
    template.outcome = Outcome::Failed;
    template.summary = format!("the probe failed inside uclint (a bug, please report it): {error}");
    template
}

/// Run blocking `work` (core's synchronous resolver walk over live DNS) on the blocking pool; a
/// panic in it is the task's panic, which [`run`] reports with the task's template.
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(work).await {
        Ok(value) => value,
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        // Cancelled only when the runtime shuts down, which waits for this task first.
        Err(error) => panic!("a blocking probe step was cancelled: {error}"),
    }
}
