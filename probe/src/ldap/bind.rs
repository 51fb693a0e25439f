//! The one bind an account gets per run: tried only when the password would travel encrypted to
//! a server whose certificate can be trusted (or in clear when the request allows it), never
//! retried, its refusal read for the reason (result 49, the password policy control, Active
//! Directory's `data 775`).

use ldap3::LdapResult;
use uclint_core::catalogue::Code;

use super::ber;
use super::codes;
use super::session::Session;
use crate::net::Fault;
use crate::{Context, EvidenceKind, Observation, Outcome, SecretKind};

/// Who binds.
#[derive(Debug, Clone, Copy)]
pub enum Who<'a> {
    /// CUPC's LDAP search account, by the name its profile gives.
    SearchAccount {
        /// The bind name (a DN, or on Active Directory a user principal name).
        name: &'a str,
    },
    /// The user the request names, by the DN their entry has.
    User {
        /// The user's CUCM id.
        id: &'a str,
        /// Their entry's DN.
        dn: &'a str,
    },
}

impl<'a> Who<'a> {
    /// The secret it binds with.
    pub const fn secret(self) -> SecretKind {
        match self {
            Self::SearchAccount { .. } => SecretKind::LdapAccount,
            Self::User { .. } => SecretKind::User,
        }
    }

    /// The bind name.
    pub const fn name(self) -> &'a str {
        match self {
            Self::SearchAccount { name } => name,
            Self::User { dn, .. } => dn,
        }
    }

    /// In words: `search account `cn=svc``, `user `alice` (`uid=alice,...`)`.
    pub fn words(self) -> String {
        match self {
            Self::SearchAccount { name } => format!("search account `{name}`"),
            Self::User { id, dn } => format!("user `{id}` (`{dn}`)"),
        }
    }
}

/// How the bind went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// Result 0: the account may search.
    Accepted,
    /// A refusal, in words (`49 invalidCredentials`, `account locked`).
    Refused(String),
    /// Not sent, and why.
    NotTried(String),
    /// The exchange broke (no answer, a cut answer).
    Broken(Fault),
}

/// Why the bind of `who` over `session` is not tried, and the outcome that makes, if it is not.
pub fn holds_back(cx: &Context, session: &Session, who: Who<'_>) -> Option<(Outcome, String)> {
    if let Some(Err(why)) = &session.verdict {
        return Some((
            Outcome::TlsError,
            format!(
                "not tried: the password is not sent to a server whose certificate cannot be trusted: {why}; `--ca FILE` trusts a private CA"
            ),
        ));
    }
    if !session.security.encrypted() && !cx.request.allow_plaintext_password {
        return Some((
            Outcome::Ok,
            "not tried: the bind would send the password in clear; --allow-plaintext-password allows it".to_owned(),
        ));
    }
    if cx.request.secrets.value(who.secret()).is_none() {
        return Some((
            Outcome::Ok,
            format!(
                "not tried: no password for it ({} is not set, and there was no terminal to ask on)",
                who.secret().variable()
            ),
        ));
    }
    None
}

/// Bind as `who`, once. LDAP009 on a refusal; LDAP007 too when the search account is locked.
pub async fn once(cx: &Context, session: &Session, who: Who<'_>, observation: &mut Observation) -> Bound {
    if let Some((outcome, why)) = holds_back(cx, session, who) {
        observation.outcome = outcome;
        observation.evidence(EvidenceKind::Note, format!("bind as `{}` {why}", who.name()));
        return Bound::NotTried(why);
    }
    let Some(password) = cx.request.secrets.value(who.secret()) else {
        return Bound::NotTried("not tried: no password".to_owned());
    };
    observation.evidence(
        EvidenceKind::Sent,
        format!(
            "bind as `{}`: simple, password {} ({}), with the password policy control",
            who.name(),
            crate::REDACTED,
            who.secret().variable()
        ),
    );
    match session.bind(who.name(), password).await {
        Ok(result) => judge(who, &result, observation),
        Err(fault) => {
            observation.evidence(EvidenceKind::Note, fault.detail.clone());
            Bound::Broken(fault)
        }
    }
}

fn judge(who: Who<'_>, result: &LdapResult, observation: &mut Observation) -> Bound {
    let answer = codes::result(result.rc, &result.text);
    observation.evidence(EvidenceKind::Received, format!("bind answer: {answer}"));
    let policy = result
        .ctrls
        .iter()
        .find(|c| c.1.ctype == ber::PASSWORD_POLICY)
        .and_then(|c| c.1.val.as_deref())
        .and_then(ber::password_policy);
    if let Some(words) = policy.as_ref().and_then(ber::Policy::error_words) {
        observation.evidence(EvidenceKind::Received, format!("password policy control: {words}"));
    }
    let directory = codes::active_directory(&result.text);
    if let Some((words, _)) = directory {
        observation.evidence(EvidenceKind::Note, format!("Active Directory's reason: {words}"));
    }
    if result.rc == 0 {
        return Bound::Accepted;
    }
    observation.outcome = Outcome::Failed;
    let locked = policy.is_some_and(|p| p.locked()) || directory.is_some_and(|(_, locked)| locked);
    if result.rc != 49 {
        return Bound::Refused(answer);
    }
    let reason = if locked {
        "the account is locked".to_owned()
    } else {
        match directory {
            Some((words, _)) => format!("invalid credentials ({words})"),
            None => "invalid credentials".to_owned(),
        }
    };
    let whose = match who {
        Who::SearchAccount { .. } => "CUPC binds with it to search contacts, and its searches come back empty",
        Who::User { .. } => "the directory refuses the user's own login: CUCM's LDAP authentication fails for them",
    };
    observation.raise(
        Code::LDAP009,
        format!("bind refused: {reason} (result 49) for the {}: {whose}", who.words()),
    );
    if locked && matches!(who, Who::SearchAccount { .. }) {
        observation.raise(
            Code::LDAP007,
            format!(
                "observed: the {} is locked: CUPC clients still holding an old password in their LDAP profile lock it again after every unlock",
                who.words()
            ),
        );
    }
    Bound::Refused(if locked {
        format!("{answer}, account locked")
    } else {
        answer
    })
}
