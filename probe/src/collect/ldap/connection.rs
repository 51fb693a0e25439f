//! One connection to the directory for a collection: TCP, then TLS (LDAPS, or StartTLS before
//! anything else) with a certificate that must lead to a trusted root and name the server, then
//! at most one simple bind. Every step within the timeout; every failure in words.

use std::sync::Arc;
use std::time::Duration;

use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, LdapError};
use rustls::RootCertStore;
use tokio::task::JoinHandle;

use super::target::Target;
use crate::ldap::{Security, codes, fault, gate};
use crate::net;

/// An open (and, when asked, bound) connection; the client's driver stops when it is dropped.
pub struct Connection {
    /// The LDAP client's handle.
    pub ldap: Ldap,
    /// The longest wait for any one answer.
    pub timeout: Duration,
    driver: JoinHandle<()>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.driver.abort();
    }
}

/// Connect to `target` and set up TLS when it says so. Over TLS, a certificate that does not
/// lead to `roots` (`trusted` names them in words) or does not name the host ends the
/// connection before any LDAP operation is sent.
pub async fn open(
    target: &Target,
    roots: Arc<RootCertStore>,
    trusted: &str,
    timeout: Duration,
) -> Result<Connection, String> {
    let mut settings = LdapConnSettings::new().set_conn_timeout(timeout);
    let mut slot = None;
    if target.security.encrypted() {
        let (config, verdict) = gate::config(roots, trusted, std::slice::from_ref(&target.host))?;
        settings = settings
            .set_config(config)
            .set_starttls(target.security == Security::StartTls);
        slot = Some(verdict);
    }
    let doing = match target.security {
        Security::Plain => "connecting",
        Security::StartTls => "connecting, StartTLS and the TLS handshake",
        Security::Ldaps => "connecting and the TLS handshake",
    };
    let (conn, ldap) = match LdapConnAsync::with_settings(settings, &target.connect_url()).await {
        Ok(pair) => pair,
        Err(LdapError::LdapResult { result }) if target.security == Security::StartTls => {
            return Err(format!(
                "the server refused StartTLS: {}",
                codes::result(result.rc, &result.text)
            ));
        }
        Err(error) => return Err(words(doing, &error, timeout)),
    };
    let driver = tokio::spawn(async move {
        // The connection's end is each operation's business: they see it as their error.
        let _ = conn.drive().await;
    });
    let connection = Connection { ldap, timeout, driver };
    if let Some(slot) = slot {
        match slot.take() {
            Some(Ok(_)) => {}
            Some(Err(why)) => {
                return Err(format!(
                    "the server's certificate cannot be trusted: {why}; nothing was sent (a CA bundle trusts a private CA)"
                ));
            }
            None => return Err("the server showed no certificate; nothing was sent".to_owned()),
        }
    }
    Ok(connection)
}

impl Connection {
    /// One simple bind as `dn`, never retried: a refused one is said with the server's code and
    /// Active Directory's reason when it gives one, never with the password.
    pub async fn bind(&mut self, dn: &str, password: &str) -> Result<(), String> {
        let doing = format!("waiting for the answer to the bind as `{dn}`");
        let timeout = self.timeout;
        let bound = tokio::time::timeout(timeout, self.ldap.with_timeout(timeout).simple_bind(dn, password))
            .await
            .map_err(|_| timed_out(&doing, timeout))?
            .map_err(|error| words(&doing, &error, timeout))?;
        match bound.rc {
            0 => Ok(()),
            49 => {
                let reason = codes::active_directory(&bound.text).map_or_else(
                    || "wrong password, or no such account".to_owned(),
                    |(why, _)| why.to_owned(),
                );
                Err(format!(
                    "the server refused the bind as `{dn}`: invalid credentials ({reason}; result {})",
                    codes::result(bound.rc, &bound.text)
                ))
            }
            rc => Err(format!(
                "the server refused the bind as `{dn}`: {}",
                codes::result(rc, &bound.text)
            )),
        }
    }

    /// Say goodbye (an unbind), without waiting for anything: the collection is complete.
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(self.timeout, self.ldap.unbind()).await;
    }
}

/// `error`, met while `doing`, in words; a timeout says how long was waited.
pub fn words(doing: &str, error: &LdapError, timeout: Duration) -> String {
    match error {
        LdapError::Timeout { .. } => timed_out(doing, timeout),
        other => fault::of(doing, other).detail,
    }
}

/// No answer within `timeout` while `doing`.
pub fn timed_out(doing: &str, timeout: Duration) -> String {
    format!("no answer within {} while {doing}", net::seconds(timeout))
}
