//! What a probe run asks: which probes, for which client and user, against which DNS server,
//! how long to wait.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use uclint_core::model::Deployment;

use crate::{Probe, SecretKind, Secrets};

/// One probe run, as `uclint probe` describes it.
#[derive(Debug, Clone)]
pub struct ProbeRequest {
    /// Only these probes (all when empty).
    pub only: Vec<Probe>,
    /// The client profile whose view to take (DNS with its suffixes); every profile when none.
    pub client: Option<String>,
    /// The user to probe as (SIP REGISTER, and the user's own logins where asked).
    pub user: Option<String>,
    /// Ask this DNS server instead of the system's resolvers (for the Jabber probe: what profiles
    /// on the corporate network ask).
    pub dns_server: Option<SocketAddr>,
    /// The public DNS server Jabber and Webex App profiles outside the corporate network ask.
    pub public_dns_server: Option<SocketAddr>,
    /// The longest wait for any one step (connect, handshake, answer).
    pub timeout: Duration,
    /// Trust this CA bundle (PEM) instead of the system's roots.
    pub ca: Option<PathBuf>,
    /// The most probes in flight at once.
    pub concurrency: usize,
    /// Secrets the probes may send, redacted from everything they show.
    pub secrets: Secrets,
    /// Log in to IMAP with the user's password (`--imap-login`): only when asked.
    pub imap_login: bool,
    /// Send a password over a connection that is not encrypted (`--allow-plaintext-password`):
    /// the field notes' `telnet SERVER 143` test needs it; without it a probe says it did not try.
    pub allow_plaintext_password: bool,
}

impl Default for ProbeRequest {
    fn default() -> Self {
        Self {
            only: Vec::new(),
            client: None,
            user: None,
            dns_server: None,
            public_dns_server: None,
            timeout: Duration::from_secs(3),
            ca: None,
            concurrency: 64,
            secrets: Secrets::default(),
            imap_login: false,
            allow_plaintext_password: false,
        }
    }
}

impl ProbeRequest {
    /// Whether `probe` runs.
    pub fn runs(&self, probe: Probe) -> bool {
        self.only.is_empty() || self.only.contains(&probe)
    }

    /// Whether a probe of this run may send the `kind` secret over `deployment`: the front door
    /// asks for it (environment, else a prompt) only then.
    pub fn needs(&self, deployment: &Deployment, kind: SecretKind) -> bool {
        match kind {
            SecretKind::LdapAccount => {
                self.runs(Probe::Ldap)
                    && deployment
                        .ldap
                        .as_ref()
                        .and_then(|l| l.cupc_profile.as_ref())
                        .is_some_and(|p| p.service_account.is_some())
            }
            // The LDAP probe binds as the user only where CUCM checks passwords against LDAP.
            SecretKind::User => {
                self.user.is_some()
                    && (self.runs(Probe::Ldap) && deployment.ldap.as_ref().is_some_and(|l| l.authentication)
                        || self.imap_login)
            }
            SecretKind::Calendar => {
                self.runs(Probe::Http)
                    && deployment
                        .calendar
                        .as_ref()
                        .is_some_and(|c| c.account.as_deref().is_some_and(|a| !a.is_empty()))
            }
            // No probe sends it: only the AXL collector reads it, from its own request.
            SecretKind::Axl => false,
        }
    }
}

/// The request cannot run as given.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// The client profile does not exist.
    #[error("no client profile `{id}` in the deployment; expected one of: {known}")]
    UnknownClient {
        /// The id asked for.
        id: String,
        /// The profiles there are, comma-separated.
        known: String,
    },
    /// The user does not exist.
    #[error("no user `{0}` in the deployment")]
    UnknownUser(String),
    /// The CA bundle cannot be read or holds no certificate.
    #[error("cannot use the CA bundle `{path}`: {why}")]
    Ca {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// The asynchronous runtime or the DNS client cannot start.
    #[error("cannot start probing: {0}")]
    Start(String),
}

#[cfg(test)]
mod tests {
    use uclint_core::model::Calendar;
    use uclint_core::model::Format;
    use uclint_core::source::NoFiles;

    use super::*;

    fn calendar(account: Option<&str>) -> Deployment {
        Deployment {
            calendar: Some(Calendar {
                exchange: "mail".to_owned(),
                protocol: "https".to_owned(),
                mixed_mode_2003_2007: false,
                firewall: None,
                load_balancer: false,
                forms_based_authentication: false,
                account: account.map(str::to_owned),
                cipher_suite: None,
                location: None,
            }),
            ..Deployment::default()
        }
    }

    #[test]
    fn the_calendar_password_is_needed_only_with_an_account_and_the_http_probe() {
        let all = ProbeRequest::default();
        assert!(all.needs(&calendar(Some("svc-cups")), SecretKind::Calendar));
        assert!(!all.needs(&calendar(None), SecretKind::Calendar));
        assert!(!all.needs(&calendar(Some("")), SecretKind::Calendar));
        assert!(!all.needs(&Deployment::default(), SecretKind::Calendar));
        let tls = ProbeRequest {
            only: vec![Probe::Tls],
            ..ProbeRequest::default()
        };
        assert!(!tls.needs(&calendar(Some("svc-cups")), SecretKind::Calendar));
    }

    fn deployment(ldap: &str) -> Deployment {
        let text = format!("[[servers]]\nnode_name = \"dc\"\nroles = [\"ldap\"]\n\n[ldap]\nserver = \"dc\"\n{ldap}");
        Deployment::load(&text, Format::Toml, "d.toml", &NoFiles).unwrap()
    }

    #[test]
    fn a_password_is_asked_for_only_where_a_bind_sends_it() {
        let with_user = ProbeRequest {
            user: Some("alice".to_owned()),
            ..ProbeRequest::default()
        };
        let account = "[ldap.cupc_profile]\nservice_account = \"cn=svc\"\n";
        assert!(with_user.needs(&deployment(account), SecretKind::LdapAccount));
        assert!(
            !with_user.needs(&deployment(""), SecretKind::LdapAccount),
            "no account, no bind"
        );
        assert!(with_user.needs(&deployment("authentication = true\n"), SecretKind::User));
        assert!(
            !with_user.needs(&deployment("authentication = false\n"), SecretKind::User),
            "CUCM checks the user's password itself: the probe does not bind as them"
        );
        let imap_only = ProbeRequest {
            only: vec![Probe::Imap],
            imap_login: true,
            ..with_user.clone()
        };
        assert!(imap_only.needs(&deployment(""), SecretKind::User));
        let other_probes = ProbeRequest {
            only: vec![Probe::Tls],
            ..with_user
        };
        assert!(!other_probes.needs(&deployment(account), SecretKind::LdapAccount));
    }
}
