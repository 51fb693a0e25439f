//! Users from the directory by paged LDAP search, as CUCM's LDAP synchronization reads them.
//!
//! What it sends, in order, on one connection: TLS when asked (LDAPS, or StartTLS before
//! anything else), one simple bind when a bind DN is given (anonymous otherwise), then a subtree
//! search under the base with the filter, asking for `sAMAccountName`, `uid`, `sn`, `givenName`
//! and `telephoneNumber`, page after page (RFC 2696, 1,000 entries a page: Active Directory's
//! MaxPageSize), then an unbind.
//!
//! Rules of conduct, as for the LDAP probe:
//! - The password travels encrypted, to a server whose certificate leads to a trusted root and
//!   names it; over plain ldap:// it is not sent unless `allow_plaintext_password` says so. A
//!   bind DN without a password is an error, never an unauthenticated bind.
//! - One bind, never retried: a wrong password costs the account one failed bind.
//! - Errors name the source by its URL and never carry the password.
//! - All or nothing: a refused bind, a missing base, a server that stops or falls silent
//!   mid-search, or a result other than success on any page is an error, never a partial list.

mod connection;
mod paged;
mod target;
mod users;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use self::target::Target;
use super::{CollectError, Collected, SourceKind};
use crate::{SecretKind, Secrets};

/// The filter that finds users in Active Directory (`user`, computers excepted) and in OpenLDAP
/// and other directories (`inetOrgPerson`). Each server ignores the classes it does not know.
pub const USERS_FILTER: &str = "(|(&(objectClass=user)(!(objectClass=computer)))(objectClass=inetOrgPerson))";

/// Entries per page: Active Directory's default MaxPageSize.
pub const PAGE_SIZE: u32 = 1000;

/// Which directory to read, and how.
#[derive(Debug, Clone)]
pub struct LdapSource {
    /// `ldap://HOST[:PORT]` (389 by default) or `ldaps://HOST[:PORT]` (636 by default).
    pub url: String,
    /// Upgrade an ldap:// connection with StartTLS before anything else is sent.
    pub starttls: bool,
    /// The base DN searched under (subtree).
    pub base: String,
    /// Bind as this DN with the `UCLINT_LDAP_PASSWORD` secret; anonymous when `None`.
    pub bind_dn: Option<String>,
    /// The search filter (RFC 4515); [`USERS_FILTER`] by default.
    pub filter: String,
    /// The longest wait for any one step: connecting with TLS, the bind, each entry of a page.
    pub timeout: Duration,
    /// Trust this CA bundle (PEM) instead of the system's roots.
    pub ca: Option<PathBuf>,
    /// Send the password over plain ldap:// (without StartTLS): refused unless set.
    pub allow_plaintext_password: bool,
    /// Entries asked for per page.
    pub page_size: u32,
}

impl LdapSource {
    /// Read `base` at `url` anonymously, with the users filter, pages of 1,000, a 10-second
    /// timeout and the system's roots.
    pub fn new(url: impl Into<String>, base: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            starttls: false,
            base: base.into(),
            bind_dn: None,
            filter: USERS_FILTER.to_owned(),
            timeout: Duration::from_secs(10),
            ca: None,
            allow_plaintext_password: false,
            page_size: PAGE_SIZE,
        }
    }
}

/// The users a directory gave, and what was read to get them.
#[derive(Debug, Clone, PartialEq)]
pub struct LdapCollected {
    /// The users (kind `ldap`, origin the URL).
    pub collected: Collected,
    /// Entries the search returned.
    pub entries: usize,
    /// Entries without a user id (neither `sAMAccountName` nor `uid`), left out as CUCM leaves
    /// them out.
    pub skipped_without_id: usize,
    /// Search continuation references (other servers' parts of the tree), not followed.
    pub references: usize,
    /// Pages read.
    pub pages: u32,
}

/// Read the users of `source`, binding with the [`SecretKind::LdapAccount`] secret of `secrets`
/// when it names a bind DN. Blocks the calling thread on a runtime of its own.
pub fn collect_ldap(source: &LdapSource, secrets: &Secrets) -> Result<LdapCollected, CollectError> {
    let target = Target::parse(&source.url, source.starttls)
        .map_err(|why| CollectError::new(SourceKind::Ldap, shown_url(&source.url), secrets.redact(&why)))?;
    let fail = |why: String| CollectError::new(SourceKind::Ldap, target.origin.clone(), secrets.redact(&why));
    let password = match &source.bind_dn {
        None => None,
        Some(dn) => {
            let password = secrets.value(SecretKind::LdapAccount).ok_or_else(|| {
                fail(format!(
                    "no password to bind as `{dn}`: set {} (an empty password would be an unauthenticated bind)",
                    SecretKind::LdapAccount.variable()
                ))
            })?;
            if !target.security.encrypted() && !source.allow_plaintext_password {
                return Err(fail(format!(
                    "the password for `{dn}` would cross the network unencrypted: use ldaps://, StartTLS, \
                     or allow sending it in plain text; nothing was sent"
                )));
            }
            Some((dn.clone(), password.to_owned()))
        }
    };
    // Plain LDAP trusts no certificate: the system's roots are read only for TLS.
    let roots = if target.security.encrypted() {
        crate::tls::roots(source.ca.as_deref()).map_err(|e| fail(e.to_string()))?
    } else {
        rustls::RootCertStore::empty()
    };
    let trusted = match &source.ca {
        Some(path) => format!("the CA bundle `{}`", path.display()),
        None => "this system".to_owned(),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(format!("cannot start the collection: {e}")))?;
    let work = {
        let (target, source) = (target.clone(), source.clone());
        async move { read(&target, &source, Arc::new(roots), &trusted, password).await }
    };
    // On a task of its own: a panic of the LDAP client on a malformed answer is that answer's
    // error, not a crash of the caller.
    let read = runtime
        .block_on(async { tokio::spawn(work).await })
        .map_err(|_| fail("the server's answer could not be read: the LDAP client gave up on it".to_owned()))?;
    let (users, tally) = read.map_err(fail)?;
    let mut collected = Collected::from(SourceKind::Ldap, target.origin.clone());
    collected.users = users;
    Ok(LdapCollected {
        collected,
        entries: tally.entries,
        skipped_without_id: tally.skipped_without_id,
        references: tally.references,
        pages: tally.pages,
    })
}

async fn read(
    target: &Target,
    source: &LdapSource,
    roots: Arc<rustls::RootCertStore>,
    trusted: &str,
    password: Option<(String, String)>,
) -> Result<(Vec<uclint_core::model::User>, paged::Tally), String> {
    let mut connection = connection::open(target, roots, trusted, source.timeout).await?;
    if let Some((dn, password)) = &password {
        connection.bind(dn, password).await?;
    }
    drop(password);
    let mut users = Vec::new();
    let tally = paged::search(
        &mut connection,
        &source.base,
        &source.filter,
        source.page_size,
        |user| {
            users.push(user);
        },
    )
    .await?;
    connection.close().await;
    users.shrink_to_fit();
    Ok((users, tally))
}

/// A URL that could not be taken apart, as an error may show it: nothing before an `@`.
fn shown_url(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((_, host)) => format!("{scheme}://{host}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_password_leaves_before_a_connection_is_opened() {
        let mut source = LdapSource::new(format!("ldap://{}", uclint_test_servers::closed_port()), "dc=x");
        source.bind_dn = Some("cn=svc,dc=x".to_owned());
        let error = collect_ldap(&source, &Secrets::default()).unwrap_err();
        assert!(
            error
                .reason
                .contains("no password to bind as `cn=svc,dc=x`: set UCLINT_LDAP_PASSWORD"),
            "{error}"
        );
        let mut secrets = Secrets::default();
        secrets.set(SecretKind::LdapAccount, "hunter2".to_owned());
        let error = collect_ldap(&source, &secrets).unwrap_err();
        assert!(
            error.reason.contains("unencrypted") && error.reason.contains("nothing was sent"),
            "{error}"
        );
        assert!(!format!("{error} {error:?}").contains("hunter2"));
    }

    #[test]
    fn urls_with_credentials_are_shown_without_them() {
        assert_eq!(shown_url("ldap://admin:pw@dc:389"), "ldap://dc:389");
        let source = LdapSource::new("ldap://admin:hunter2@dc:389", "dc=x");
        let error = collect_ldap(&source, &Secrets::default()).unwrap_err();
        assert_eq!(error.origin, "ldap://dc:389");
        assert!(!format!("{error} {error:?}").contains("hunter2"), "{error:?}");
    }
}
