//! The synchronization port, as CUPC's search account reads the directory: one bind as the
//! account (or none, and an anonymous search, when the deployment names no account), then a
//! search under the base: for the user the request names, or else a listing of every entry with
//! a user id.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use uclint_core::catalogue::Service;
use uclint_core::model::User;
use uclint_core::report::{Subject, SubjectKind};

use super::ber::Entry;
use super::bind::{self, Bound, Who};
use super::judge::{self, Listing};
use super::plan::{Plan, Port};
use super::search::{Searched, count, search};
use super::session::{self, Peer, Query, Session, Unopened};
use crate::{Context, EvidenceKind, Observation};

/// How many entries of a listing the evidence shows.
const SHOWN: usize = 5;

/// What the authentication port's questions need from the synchronization port's.
#[derive(Debug)]
pub struct View {
    /// The port could not be opened (the authentication port, when it is the same, fares alike).
    pub unreached: Option<Unopened>,
    /// The DN of the user's entry, or why it is not known.
    pub user_dn: Result<String, String>,
    /// Without a user, the listing (whose referrals answer for the authentication port when it
    /// is the same port), or why there is none.
    pub listing: Result<Searched, String>,
}

/// Ask the synchronization port at `address`: the search account's observation, then the
/// user's when the request names one.
pub async fn ask(cx: &Context, plan: &Plan, address: IpAddr, account: Observation) -> (Vec<Observation>, View) {
    let started = Instant::now();
    let mut account = account;
    account.target.address = Some(address);
    let security = plan.security(Port::Sync);
    let peer = Peer {
        address: SocketAddr::new(address, plan.port(Port::Sync)),
        names: &plan.names,
        security,
    };
    let session = match session::open(cx, peer, &mut account).await {
        Ok(session) => session,
        Err(unopened) => {
            judge::unopened(cx, plan, Port::Sync, &unopened, &mut account);
            account.elapsed = started.elapsed();
            let why = format!("{}: {}", Port::Sync.words(), account.summary);
            let view = View {
                unreached: Some(unopened),
                user_dn: Err(why.clone()),
                listing: Err(why),
            };
            return (vec![account], view);
        }
    };
    let reader = match &plan.account {
        Some(name) => {
            let who = Who::SearchAccount { name };
            let bound = bind::once(cx, &session, who, &mut account).await;
            let words = match &bound {
                Bound::Accepted => "bind accepted".to_owned(),
                Bound::Refused(answer) => format!("bind refused: {answer}"),
                Bound::NotTried(why) => format!("bind {why}"),
                Bound::Broken(fault) => {
                    account.outcome = fault.outcome;
                    format!("bind: {}", judge::outcome_words(fault.outcome))
                }
            };
            account.summary = format!("{} over {}: {words}", who.words(), security.words());
            (bound == Bound::Accepted).then_some(()).ok_or(words)
        }
        None => {
            account.evidence(
                EvidenceKind::Note,
                "no bind: the deployment names no search account (`ldap.cupc_profile.service_account`), so the search is anonymous",
            );
            account.summary = format!("no search account: anonymous over {}", security.words());
            Ok(())
        }
    };
    let mut observations = Vec::new();
    let view = match reader {
        Err(why) => {
            let why = format!("the search account could not search ({why})");
            account.evidence(EvidenceKind::Note, format!("no search: {why}"));
            View {
                unreached: None,
                user_dn: Err(why.clone()),
                listing: Err(why),
            }
        }
        Ok(()) => match (&plan.ldap.base, &plan.user) {
            (None, _) => {
                let why = "the deployment gives no search base: add `base = \"dc=...\"` to [ldap]".to_owned();
                account.summary.push_str("; no search: no `ldap.base`");
                account.evidence(EvidenceKind::Note, format!("no search: {why}"));
                View {
                    unreached: None,
                    user_dn: Err(why.clone()),
                    listing: Err(why),
                }
            }
            (Some(base), Some(user)) => {
                let (found, user_dn) = find_user(cx, plan, &session, base, user, &account).await;
                account
                    .summary
                    .push_str(&format!("; search for `{}`: {}", user.cucm_id, found.summary));
                observations.push(found);
                View {
                    unreached: None,
                    user_dn,
                    listing: Err("the request names a user".to_owned()),
                }
            }
            (Some(base), None) => {
                let listing = list(cx, plan, &session, base, &mut account).await;
                View {
                    unreached: None,
                    user_dn: Err("the request names no user".to_owned()),
                    listing,
                }
            }
        },
    };
    account.elapsed = started.elapsed();
    observations.insert(0, account);
    (observations, view)
}

/// Search for `user` under `base`: their observation (LDAP002, LDAP006), and their entry's DN.
async fn find_user(
    cx: &Context,
    plan: &Plan,
    session: &Session,
    base: &str,
    user: &User,
    account: &Observation,
) -> (Observation, Result<String, String>) {
    let started = Instant::now();
    let cucm_id = user.cucm_id.as_str();
    let mut found = plan.observation(Port::Sync, Subject::new(SubjectKind::User, cucm_id), Service::Directory);
    found.target = account.target.clone();
    let Some(id) = plan.directory_id(user) else {
        let why = format!(
            "`{cucm_id}` has no telephone_number in the deployment, and CUPC's user id attribute is `{}`",
            plan.attribute
        );
        found.summary = format!("not searched: {why}");
        return (found, Err(why));
    };
    let query = Query {
        base: base.to_owned(),
        filter: plan.filter_for(id),
        attributes: plan.attributes(),
    };
    let mut first: Option<Entry> = None;
    let searched = search(session, &query, &mut found, |entry, observation| {
        observation.evidence(EvidenceKind::Received, format!("entry {}", entry.line()));
        if first.is_none() {
            first = Some(entry.clone());
        }
    })
    .await;
    found.elapsed = started.elapsed();
    let searched = match searched {
        Ok(searched) => searched,
        Err(fault) => {
            found.outcome = fault.outcome;
            found.summary = judge::outcome_words(fault.outcome).to_owned();
            found.evidence(EvidenceKind::Note, fault.detail.clone());
            return (found, Err(format!("the search for them failed: {}", fault.detail)));
        }
    };
    judge::result(cx, plan, &searched, &mut found);
    let Some(entry) = first else {
        let why = format!("no entry under `{base}` has {}", query.filter);
        found.summary = format!("`{cucm_id}` not in the directory: {why}");
        return (found, Err(why));
    };
    if searched.entries > 1 {
        found.evidence(
            EvidenceKind::Note,
            format!(
                "{} match: the first is taken, as CUPC does",
                count(searched.entries, "entry", "entries")
            ),
        );
    }
    judge::user_entry(plan, user, &entry, &mut found);
    found.summary = format!("`{cucm_id}` in the directory: `{}`", entry.dn);
    (found, Ok(entry.dn))
}

/// List every entry with a user id under `base`: LDAP002 and LDAP006 on the integration.
async fn list(
    cx: &Context,
    plan: &Plan,
    session: &Session,
    base: &str,
    account: &mut Observation,
) -> Result<Searched, String> {
    let query = Query {
        base: base.to_owned(),
        filter: plan.listing_filter(),
        attributes: plan.attributes(),
    };
    let known = known_ids(plan, &cx.deployment.users);
    let mut listing = Listing::default();
    let mut shown = 0;
    let searched = search(session, &query, account, |entry, observation| {
        listing.see(plan, entry, |id| known.get(id.to_lowercase().as_str()).copied());
        if shown < SHOWN {
            shown += 1;
            observation.evidence(EvidenceKind::Received, format!("entry {}", entry.line()));
        }
    })
    .await;
    match searched {
        Ok(searched) => {
            if searched.entries > shown {
                account.evidence(
                    EvidenceKind::Received,
                    format!("... {} more entries (not shown)", searched.entries - shown),
                );
            }
            listing.raise(plan, account);
            judge::result(cx, plan, &searched, account);
            account.summary.push_str(&format!(
                "; listing with `{}` under `{base}`: {} in {}",
                plan.attribute,
                count(searched.entries, "entry", "entries"),
                count(searched.pages as usize, "page", "pages")
            ));
            Ok(searched)
        }
        Err(fault) => {
            account.outcome = fault.outcome;
            account.evidence(EvidenceKind::Note, fault.detail.clone());
            account
                .summary
                .push_str(&format!("; listing: {}", judge::outcome_words(fault.outcome)));
            Err(format!("the listing failed: {}", fault.detail))
        }
    }
}

/// The deployment's users by the directory id CUPC looks them up by (lower case): their CUCM id.
fn known_ids<'d>(plan: &Plan, users: &'d [User]) -> HashMap<String, &'d str> {
    users
        .iter()
        .filter_map(|user| Some((plan.directory_id(user)?.to_lowercase(), user.cucm_id.as_str())))
        .collect()
}
