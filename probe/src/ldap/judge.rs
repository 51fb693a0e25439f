//! What the answers mean for the deployment: a closed port or a refused StartTLS contradicts the
//! file (DRIFT001); an entry without `sn` will not synchronize (LDAP002); a user id CUCM does not
//! know leaves the contact offline (LDAP006); referrals on the authentication port break
//! desk-phone control (LDAP010, AUTH004).

use uclint_core::catalogue::Code;
use uclint_core::model::User;

use super::ber::Entry;
use super::plan::{Plan, Port};
use super::search::{Searched, count};
use super::session::Unopened;
use crate::{Context, EvidenceKind, Observation, Outcome};

/// How many DNs or ids a message names before it counts the rest.
const NAMED: usize = 5;

/// `unopened` on `port`, as the observation's outcome; DRIFT001 when the file says otherwise.
pub fn unopened(cx: &Context, plan: &Plan, port: Port, unopened: &Unopened, observation: &mut Observation) {
    observation.outcome = unopened.fault.outcome;
    observation.summary = format!("{}: {}", port.words(), outcome_words(unopened.fault.outcome));
    observation.evidence(EvidenceKind::Note, unopened.fault.detail.clone());
    let node = &plan.server.node_name;
    let number = plan.port(port);
    if let Some(answer) = &unopened.starttls_refused {
        observation.setting = Some(plan.setting(cx, "tls", format!("true: StartTLS on port {number}")));
        observation.raise(
            Code::DRIFT001,
            format!(
                "the deployment says the directory `{node}` speaks TLS (`ldap.tls = true`, StartTLS on port {number}), but it refuses StartTLS: {answer}"
            ),
        );
    } else if unopened.fault.outcome == Outcome::Refused {
        let setting = plan.port_setting(cx, port);
        observation.raise(
            Code::DRIFT001,
            format!(
                "the deployment says the directory `{node}` listens on port {number} (`{}` = {}), but the port is closed: the connection was refused",
                setting.name, setting.says
            ),
        );
        observation.setting = Some(setting);
    }
}

/// The outcome in words, for a summary.
pub fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Refused => "connection refused (nothing listens there)",
        Outcome::Timeout => "no answer within the timeout",
        Outcome::Unreachable => "unreachable",
        Outcome::TlsError => "TLS failed",
        Outcome::ProtocolError => "the answer is not LDAP",
        Outcome::Failed => "failed",
        Outcome::Ok => "ok",
    }
}

/// A search result that contradicts the file or stops early, noted (and for a base that does not
/// exist, DRIFT001 on `ldap.base`).
pub fn result(cx: &Context, plan: &Plan, searched: &Searched, observation: &mut Observation) {
    match searched.rc {
        0 | 10 => {}
        4 | 11 => observation.evidence(
            EvidenceKind::Note,
            format!(
                "the directory stopped the search after {} (a size limit for this account): the rest was not seen",
                count(searched.entries, "entry", "entries")
            ),
        ),
        32 => {
            let base = plan.ldap.base.clone().unwrap_or_default();
            observation.outcome = Outcome::Failed;
            observation.setting = Some(plan.setting(cx, "base", format!("`{base}`")));
            observation.raise(
                Code::DRIFT001,
                format!(
                    "the deployment says users live under `{base}` (`ldap.base`), but the directory `{}` has no such entry (32 noSuchObject)",
                    plan.server.node_name
                ),
            );
        }
        _ => observation.outcome = Outcome::Failed,
    }
}

/// LDAP002 and LDAP006 for the entry found for `user`.
pub fn user_entry(plan: &Plan, user: &User, entry: &Entry, observation: &mut Observation) {
    if entry.values("sn").is_empty() {
        observation.raise(
            Code::LDAP002,
            format!(
                "observed: the directory entry `{}` of `{}` has no last name (sn): CUCM will not synchronize it",
                entry.dn, user.cucm_id
            ),
        );
    }
    if let Some(id) = entry.values(&plan.attribute).first().filter(|id| **id != user.cucm_id) {
        observation.raise(
            Code::LDAP006,
            format!(
                "observed: CUPC adds `{}` from LDAP as `{id}` ({} of `{}`), but CUCM knows them as `{}`: they will always show offline",
                user.cucm_id, plan.attribute, entry.dn, user.cucm_id
            ),
        );
    }
}

/// What a listing of the directory found wrong, gathered entry by entry.
#[derive(Debug, Default)]
pub struct Listing {
    without_sn: Vec<String>,
    without_sn_count: usize,
    mismatched: Vec<String>,
    mismatched_count: usize,
}

impl Listing {
    /// Look at one entry: `sn` missing, or an id CUCM knows otherwise (`known` gives the CUCM
    /// id of the deployment's user with that directory id).
    pub fn see<'d>(&mut self, plan: &Plan, entry: &Entry, known: impl Fn(&str) -> Option<&'d str>) {
        if entry.values("sn").is_empty() {
            self.without_sn_count += 1;
            if self.without_sn.len() < NAMED {
                self.without_sn.push(format!("`{}`", entry.dn));
            }
        }
        if let Some(id) = entry.values(&plan.attribute).first() {
            if let Some(cucm_id) = known(id).filter(|cucm_id| cucm_id != id) {
                self.mismatched_count += 1;
                if self.mismatched.len() < NAMED {
                    self.mismatched.push(format!("`{id}` (CUCM: `{cucm_id}`)"));
                }
            }
        }
    }

    /// LDAP002 and LDAP006 for everything seen, one message each.
    pub fn raise(&self, plan: &Plan, observation: &mut Observation) {
        if self.without_sn_count > 0 {
            observation.raise(
                Code::LDAP002,
                format!(
                    "observed: {} under the base {}: {}",
                    count(self.without_sn_count, "directory entry", "directory entries"),
                    if self.without_sn_count == 1 {
                        "has no last name (sn): CUCM will not synchronize it"
                    } else {
                        "have no last name (sn): CUCM will not synchronize them"
                    },
                    named(&self.without_sn, self.without_sn_count)
                ),
            );
        }
        if self.mismatched_count > 0 {
            observation.raise(
                Code::LDAP006,
                format!(
                    "observed: {} of the deployment {} a {} CUCM knows otherwise: CUPC adds them by it and they always show offline: {}",
                    count(self.mismatched_count, "user", "users"),
                    if self.mismatched_count == 1 { "has" } else { "have" },
                    plan.attribute,
                    named(&self.mismatched, self.mismatched_count)
                ),
            );
        }
    }
}

fn named(shown: &[String], total: usize) -> String {
    let mut text = shown.join(", ");
    if total > shown.len() {
        text.push_str(&format!(" and {} more", total - shown.len()));
    }
    text
}

/// LDAP010 for referrals on the authentication port, and AUTH004 when someone controls a desk
/// phone from CUPC (`desk_phones` says who, in words).
pub fn referrals(plan: &Plan, searched: &Searched, desk_phones: Option<&str>, observation: &mut Observation) {
    let referrals = searched.referrals();
    if referrals.is_empty() {
        return;
    }
    let port = plan.ldap.auth_port;
    let shown: Vec<String> = referrals.iter().take(NAMED).map(|url| format!("`{url}`")).collect();
    observation.raise(
        Code::LDAP010,
        format!(
            "a search under `{}` on the authentication port {port} returned {}: {}: CTIManager's check of a desk-phone login follows them and fails",
            plan.ldap.base.as_deref().unwrap_or_default(),
            count(referrals.len(), "referral", "referrals"),
            named(&shown, referrals.len())
        ),
    );
    if let Some(who) = desk_phones {
        observation.raise(
            Code::AUTH004,
            format!(
                "observed: LDAP authentication on port {port} answers with referrals, and {who} a desk phone from CUPC: Show Server Health says Desk Phone: Invalid Credential"
            ),
        );
    }
}
