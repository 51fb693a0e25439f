//! LDAP as CUCM and CUPC use the directory: CUPC's search account binds and searches on the
//! synchronization port (Directory); with `--user`, the user binds on the authentication port,
//! where CUCM checks passwords and CTIManager checks CUPC's desk-phone login (Desk Phone).
//!
//! What it sends, in order, on one task:
//!
//! 1. On `ldap.sync_port`: a connection, TLS when `ldap.tls` says so ([`Security`]: LDAPS on 636
//!    and 3269, StartTLS on any other port), one simple bind as `cupc_profile.service_account`
//!    with the password policy control, then a subtree search under `ldap.base` asking for `sn`,
//!    the user id attribute, `telephoneNumber` and `ref`: for the user the request names (by
//!    their presence id: LDAP id, else CUCM id; the telephone number when the id attribute is a
//!    phone attribute), or, without a user, every entry with a user id, page by page.
//! 2. On `ldap.auth_port`, when LDAP authentication is on: with `--user`, a connection of its own,
//!    one bind as the user (by the DN the search found), and a search for them as themselves.
//!    Without a user, the listing answers for it when it is the same port; another port gets a
//!    connection (and TLS) only.
//!
//! What it raises: LDAP009 for a refused bind (result 49), with LDAP007 when the search account
//! is locked (the password policy control's accountLocked, or Active Directory's `data 775`);
//! LDAP002 for entries without `sn`; LDAP006 for a user id CUCM knows otherwise; LDAP010 for
//! referrals on the authentication port (continuation references or result 10), with AUTH004
//! when users control a desk phone; DRIFT001 for a port the file names that is closed, a
//! StartTLS the file implies that the server refuses, or a base that does not exist.
//!
//! Rules of conduct, stricter than for the other probes because a password is at stake:
//!
//! - **One bind per account per run, never retried.** A wrong password costs the account one
//!   failed bind, never more: the probe cannot be what locks it out. The search account binds
//!   on the synchronization port only, the user on the authentication port only.
//! - **The password travels encrypted, to a server that proves who it is.** Over plain LDAP the
//!   bind is not tried unless `ProbeRequest::allow_plaintext_password`; over TLS it is not tried
//!   when the certificate is not trusted or names none of the server's names (`--ca` trusts a
//!   private CA; nothing else overrides it).
//! - **No password, no bind.** An unset password is said, naming its environment variable.
//! - **No anonymous search in place of a bind.** The search runs anonymously only when the
//!   deployment names no search account.
//! - **Secrets never shown.** Every line of evidence, summary and message passes through
//!   [`crate::Secrets::redact`]; the bind line shows the password as `********`.
//!
//! The LDAP client is ldap3, over its rustls (the workspace's one, with ring) and this crate's TLS
//! configuration; the probe opens the TCP connection itself. ldap3 panics on some malformed
//! answers: each operation runs on a task of its own, so such a panic is the protocol error it
//! is. Entries, references and controls are read here ([`ber`]) without panicking.

mod authentication;
pub(crate) mod ber;
mod bind;
pub(crate) mod codes;
mod directory;
pub(crate) mod fault;
pub(crate) mod gate;
mod judge;
mod plan;
mod search;
mod security;
mod session;

use std::sync::Arc;
use std::time::Instant;

use uclint_core::catalogue::Service;

pub use security::{LDAPS_PORTS, Security};

use self::plan::{Plan, Port};
use crate::runner::Task;
use crate::{Context, Observation, Probe};

/// The questions of the LDAP probe: one task, the synchronization port then the authentication
/// port (the user's bind needs the DN the first search found).
pub fn tasks(cx: &Arc<Context>) -> Vec<Task> {
    if !cx.request.runs(Probe::Ldap) {
        return Vec::new();
    }
    let Some(plan) = Plan::of(cx) else {
        return Vec::new();
    };
    let cx = Arc::clone(cx);
    vec![Task {
        template: blank(&plan),
        steps: plan.steps(),
        work: Box::pin(async move { ask(&cx, &plan).await }),
    }]
}

/// The search account's observation, before anything is asked.
fn blank(plan: &Plan) -> Observation {
    plan.observation(Port::Sync, plan.subject(), Service::Directory)
}

async fn ask(cx: &Context, plan: &Plan) -> Vec<Observation> {
    let started = Instant::now();
    let mut account = blank(plan);
    let mut observations = match cx.address_of(&plan.server, &mut account).await {
        Ok(address) => {
            let (mut observations, view) = directory::ask(cx, plan, address, account).await;
            if plan.ldap.authentication {
                observations.push(authentication::ask(cx, plan, address, &view).await);
            }
            observations
        }
        Err(fault) => {
            account.outcome = fault.outcome;
            account.summary = judge::outcome_words(fault.outcome).to_owned();
            account.evidence(crate::EvidenceKind::Note, fault.detail);
            account.elapsed = started.elapsed();
            vec![account]
        }
    };
    for observation in &mut observations {
        redact(cx, observation);
    }
    observations
}

/// Every secret out of what an observation shows.
fn redact(cx: &Context, observation: &mut Observation) {
    let secrets = &cx.request.secrets;
    for line in &mut observation.evidence {
        line.text = secrets.redact(&line.text);
    }
    observation.summary = secrets.redact(&observation.summary);
    for raised in &mut observation.raised {
        raised.message = secrets.redact(&raised.message);
    }
    if let Some(setting) = &mut observation.setting {
        setting.says = secrets.redact(&setting.says);
    }
}
