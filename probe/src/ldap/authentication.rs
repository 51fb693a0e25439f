//! The authentication port, where CUCM checks passwords and CTIManager checks CUPC's desk-phone
//! login: with `--user`, the user's one bind (by the DN the search account found) and a search
//! for them as themselves, whose referrals are LDAP010 (and AUTH004 for desk-phone users).
//! Without a user, the listing answers for it when it is the synchronization port; another port
//! is only connected to, since the search account has had its one bind.

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use uclint_core::catalogue::Service;
use uclint_core::model::User;
use uclint_core::report::{Subject, SubjectKind};

use super::bind::{self, Bound, Who};
use super::directory::View;
use super::judge;
use super::plan::{Plan, Port};
use super::search::{Searched, count, search};
use super::session::{self, Peer, Query, Session};
use crate::{Context, EvidenceKind, Observation};

/// Ask the authentication port at `address`, knowing what the synchronization port said.
pub async fn ask(cx: &Context, plan: &Plan, address: IpAddr, view: &View) -> Observation {
    let started = Instant::now();
    let subject = match &plan.user {
        Some(user) => Subject::new(SubjectKind::User, user.cucm_id.as_str()),
        None => plan.subject(),
    };
    let mut observation = plan.observation(Port::Auth, subject, Service::DeskPhone);
    observation.target.address = Some(address);
    let same = if plan.one_port() {
        " (the synchronization port too)"
    } else {
        ""
    };
    match (&view.unreached, plan.one_port()) {
        (Some(unopened), true) => {
            judge::unopened(cx, plan, Port::Auth, unopened, &mut observation);
            observation.summary.push_str(same);
        }
        _ => match &plan.user {
            Some(user) => as_user(cx, plan, address, user, view, &mut observation).await,
            None => without_user(cx, plan, address, view, &mut observation).await,
        },
    }
    observation.elapsed = started.elapsed();
    observation
}

/// Who controls a desk phone from CUPC, in words (`` `alice` controls ``, `2 users of the
/// deployment control`), when anyone does.
fn desk_phones(cx: &Context, plan: &Plan) -> Option<String> {
    match &plan.user {
        Some(user) => user.desk_phone_control.then(|| format!("`{}` controls", user.cucm_id)),
        None => match cx.deployment.users.iter().filter(|u| u.desk_phone_control).count() {
            0 => None,
            1 => Some("1 user of the deployment controls".to_owned()),
            n => Some(format!("{n} users of the deployment control")),
        },
    }
}

async fn without_user(cx: &Context, plan: &Plan, address: IpAddr, view: &View, observation: &mut Observation) {
    if plan.one_port() {
        observation.evidence(
            EvidenceKind::Note,
            "the synchronization port's listing (the same port) answers for the authentication port",
        );
        match &view.listing {
            Ok(searched) => referrals(cx, plan, searched, observation),
            Err(why) => observation.summary = format!("not searched: {why}"),
        }
        return;
    }
    let Some(session) = open(cx, plan, address, observation).await else {
        return;
    };
    let security = session.security.words();
    let base = match (&plan.account, &plan.ldap.base) {
        (Some(_), _) => {
            observation.summary = format!(
                "open over {security}; not searched: the search account had its one bind on the synchronization port, and here the probe binds as the user: run with --user"
            );
            return;
        }
        (None, None) => {
            observation.summary = format!("open over {security}; not searched: no `ldap.base`");
            return;
        }
        (None, Some(base)) => base,
    };
    observation.evidence(
        EvidenceKind::Note,
        "no bind: the deployment names no search account, so the search is anonymous",
    );
    let query = Query {
        base: base.clone(),
        filter: plan.listing_filter(),
        attributes: plan.attributes(),
    };
    match search(&session, &query, observation, |_, _| {}).await {
        Ok(searched) => {
            judge::result(cx, plan, &searched, observation);
            referrals(cx, plan, &searched, observation);
        }
        Err(fault) => failed(observation, &fault),
    }
}

async fn as_user(cx: &Context, plan: &Plan, address: IpAddr, user: &User, view: &View, observation: &mut Observation) {
    let id = user.cucm_id.as_str();
    let dn = match &view.user_dn {
        Ok(dn) => dn,
        Err(why) => {
            observation.summary = format!("bind as `{id}` not tried: their entry is not known: {why}");
            observation.evidence(EvidenceKind::Note, observation.summary.clone());
            return;
        }
    };
    let Some(session) = open(cx, plan, address, observation).await else {
        return;
    };
    let who = Who::User { id, dn };
    let security = session.security.words();
    match bind::once(cx, &session, who, observation).await {
        Bound::Accepted => {}
        Bound::Refused(answer) => {
            observation.summary = format!("`{id}` over {security}: bind refused: {answer}");
            return;
        }
        Bound::NotTried(why) => {
            observation.summary = format!("`{id}` over {security}: bind {why}");
            return;
        }
        Bound::Broken(fault) => {
            failed(observation, &fault);
            return;
        }
    }
    let (Some(base), Some(directory_id)) = (&plan.ldap.base, plan.directory_id(user)) else {
        observation.summary = format!("`{id}` over {security}: bind accepted; not searched: no `ldap.base`");
        return;
    };
    let query = Query {
        base: base.clone(),
        filter: plan.filter_for(directory_id),
        attributes: plan.attributes(),
    };
    match search(&session, &query, observation, |entry, observation| {
        observation.evidence(EvidenceKind::Received, format!("entry {}", entry.line()));
    })
    .await
    {
        Ok(searched) => {
            judge::result(cx, plan, &searched, observation);
            referrals(cx, plan, &searched, observation);
            observation.summary = format!("`{id}` over {security}: bind accepted; {}", observation.summary);
        }
        Err(fault) => failed(observation, &fault),
    }
}

/// Open the authentication port, or say why not on `observation`.
async fn open(cx: &Context, plan: &Plan, address: IpAddr, observation: &mut Observation) -> Option<Session> {
    let peer = Peer {
        address: SocketAddr::new(address, plan.port(Port::Auth)),
        names: &plan.names,
        security: plan.security(Port::Auth),
    };
    match session::open(cx, peer, observation).await {
        Ok(session) => Some(session),
        Err(unopened) => {
            judge::unopened(cx, plan, Port::Auth, &unopened, observation);
            None
        }
    }
}

/// LDAP010 and AUTH004 for the referrals of `searched`, and the summary.
fn referrals(cx: &Context, plan: &Plan, searched: &Searched, observation: &mut Observation) {
    let found = searched.referrals().len();
    observation.summary = format!(
        "search under `{}`: {}, {}",
        plan.ldap.base.as_deref().unwrap_or_default(),
        count(searched.entries, "entry", "entries"),
        count(found, "referral", "referrals")
    );
    if found > 0 {
        observation.setting = Some(plan.port_setting(cx, Port::Auth));
        judge::referrals(plan, searched, desk_phones(cx, plan).as_deref(), observation);
    }
}

fn failed(observation: &mut Observation, fault: &crate::net::Fault) {
    observation.outcome = fault.outcome;
    observation.summary = judge::outcome_words(fault.outcome).to_owned();
    observation.evidence(EvidenceKind::Note, fault.detail.clone());
}
