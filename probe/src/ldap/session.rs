//! One connection to the directory. The probe opens the TCP connection itself (to the address
//! it chose, within the timeout) and hands it to ldap3, which runs StartTLS or LDAPS with the
//! probe's TLS configuration (one rustls, the gate's verifier). Each operation runs on a task of
//! its own within the timeout: ldap3 panics on some malformed answers, and a panic there is the
//! server's malformed answer, reported as a protocol error, not a crash of the probe.

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use ldap3::controls::{PagedResults, RawControl};
use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, LdapError, LdapResult, ResultEntry, Scope, StdStream};
use tokio::task::JoinHandle;

use super::gate::{self, Verdict};
use super::security::Security;
use super::{ber, codes, fault};
use crate::net::{self, Fault};
use crate::{Context, EvidenceKind, Observation, Outcome};

/// Where to connect, and how.
#[derive(Debug, Clone, Copy)]
pub struct Peer<'a> {
    /// The address and port.
    pub address: SocketAddr,
    /// The names the server's certificate may carry, the one TLS asks for (SNI) first.
    pub names: &'a [String],
    /// Plain, StartTLS or LDAPS.
    pub security: Security,
}

/// Why no session was opened.
#[derive(Debug, Clone)]
pub struct Unopened {
    /// What went wrong.
    pub fault: Fault,
    /// The server's refusal of StartTLS (`2 protocolError`): it offers no TLS on this port.
    pub starttls_refused: Option<String>,
}

impl From<Fault> for Unopened {
    fn from(fault: Fault) -> Self {
        Self {
            fault,
            starttls_refused: None,
        }
    }
}

/// An open connection, ready for a bind or a search.
pub struct Session {
    ldap: Ldap,
    driver: JoinHandle<()>,
    timeout: Duration,
    /// How the connection is protected.
    pub security: Security,
    /// Over TLS: the name the trusted certificate carries, or why it cannot be trusted.
    pub verdict: Option<Verdict>,
}

impl Drop for Session {
    fn drop(&mut self) {
        self.driver.abort();
    }
}

/// One page of a search: the entries and references in the order they came, and the result.
pub struct Page {
    /// Entries (`[APPLICATION 4]`) and references (`[APPLICATION 19]`), as received.
    pub items: Vec<ResultEntry>,
    /// The SearchResultDone.
    pub result: LdapResult,
}

/// Connect to `peer` and, when it says so, set up TLS. Every step goes into `observation`.
pub async fn open(cx: &Context, peer: Peer<'_>, observation: &mut Observation) -> Result<Session, Unopened> {
    let timeout = cx.request.timeout;
    let stream = net::connect(peer.address, timeout).await?;
    observation.evidence(EvidenceKind::Note, format!("TCP connection to {} open", peer.address));
    let stream = stream
        .into_std()
        .map_err(|e| Fault::io("handing the connection to the LDAP client", &e))?;
    let asked = asked_name(peer.names, peer.address.ip());
    let url = format!(
        "{}://{}:{}",
        peer.security.scheme(),
        url_host(&asked),
        peer.address.port()
    );
    let mut settings = LdapConnSettings::new().set_std_stream(StdStream::Tcp(stream));
    let mut slot = None;
    if peer.security.encrypted() {
        if asked.contains(':') {
            return Err(Fault::new(
                Outcome::Failed,
                format!(
                    "TLS to the IPv6 address {asked} is not supported by the LDAP client: name the server by a DNS name"
                ),
            )
            .into());
        }
        let (config, verdict) = gate::config(cx.roots.clone(), &trusted(cx), peer.names)
            .map_err(|why| Fault::new(Outcome::TlsError, why))?;
        settings = settings
            .set_config(config)
            .set_starttls(peer.security == Security::StartTls);
        slot = Some(verdict);
        match peer.security {
            Security::StartTls => observation.evidence(
                EvidenceKind::Sent,
                "StartTLS (extended operation 1.3.6.1.4.1.1466.20037)",
            ),
            _ => observation.evidence(EvidenceKind::Sent, format!("TLS ClientHello asking for `{asked}`")),
        }
    }
    // With StartTLS, ldap3 runs the extended operation and the handshake in one call: the
    // handshake's lines are written once the answer shows it was reached.
    let reached_tls = |observation: &mut Observation| {
        if peer.security == Security::StartTls {
            observation.evidence(EvidenceKind::Received, "StartTLS answer: 0 success");
            observation.evidence(EvidenceKind::Sent, format!("TLS ClientHello asking for `{asked}`"));
        }
    };
    let doing = match peer.security {
        Security::Plain => "opening the LDAP connection",
        Security::StartTls => "StartTLS and the TLS handshake",
        Security::Ldaps => "the TLS handshake",
    };
    let opened = guarded(timeout, doing, async move {
        LdapConnAsync::with_settings(settings, &url).await
    })
    .await;
    let (conn, ldap) = match opened {
        Ok(pair) => pair,
        Err((_, Some(LdapError::LdapResult { result }))) if peer.security == Security::StartTls => {
            let answer = codes::result(result.rc, &result.text);
            observation.evidence(EvidenceKind::Received, format!("StartTLS answer: {answer}"));
            return Err(Unopened {
                fault: Fault::new(Outcome::TlsError, format!("the server refused StartTLS: {answer}")),
                starttls_refused: Some(answer),
            });
        }
        Err((fault, error)) => {
            if error.as_ref().is_some_and(fault::in_tls) {
                reached_tls(observation);
            }
            return Err(fault.into());
        }
    };
    let driver = tokio::spawn(async move {
        // The connection's end is each operation's business: they see it as their error.
        let _ = conn.drive().await;
    });
    let verdict = slot.map(|slot| {
        slot.take()
            .unwrap_or_else(|| Err("the server showed no certificate".to_owned()))
    });
    if let Some(verdict) = &verdict {
        let security = peer.security.words();
        let said = match verdict {
            Ok(name) => format!("TLS established ({security}); the certificate is trusted and names `{name}`"),
            Err(why) => format!("TLS established ({security}); the certificate cannot be trusted: {why}"),
        };
        reached_tls(observation);
        observation.evidence(EvidenceKind::Note, said);
    }
    Ok(Session {
        ldap,
        driver,
        timeout,
        security: peer.security,
        verdict,
    })
}

impl Session {
    /// One simple bind as `dn` with `password`, asking for the password policy control. Never
    /// retried: the caller makes at most one per account and run.
    pub async fn bind(&self, dn: &str, password: &str) -> Result<LdapResult, Fault> {
        let mut ldap = self.ldap.clone();
        let (dn, password) = (dn.to_owned(), password.to_owned());
        let policy = RawControl {
            ctype: ber::PASSWORD_POLICY.to_owned(),
            crit: false,
            val: None,
        };
        guarded(self.timeout, "waiting for the bind answer", async move {
            ldap.with_controls(policy).simple_bind(&dn, &password).await
        })
        .await
        .map_err(|(fault, _)| fault)
    }

    /// One page of a subtree search (`size` entries, after `cookie`), each answer within the
    /// timeout.
    pub async fn page(&self, query: &Query, size: i32, cookie: Vec<u8>) -> Result<Page, Fault> {
        let mut ldap = self.ldap.clone();
        let (base, filter, attributes) = (query.base.clone(), query.filter.clone(), query.attributes.clone());
        let timeout = self.timeout;
        guarded(timeout, "waiting for the search answer", async move {
            let paged: RawControl = PagedResults { size, cookie }.into();
            let mut stream = ldap
                .with_controls(paged)
                .with_timeout(timeout)
                .streaming_search(&base, Scope::Subtree, &filter, attributes)
                .await?;
            let mut items = Vec::new();
            while let Some(item) = stream.next().await? {
                items.push(item);
            }
            let result = stream.finish().await;
            Ok(Page { items, result })
        })
        .await
        .map_err(|(fault, _)| fault)
    }
}

/// What a search asks.
#[derive(Debug, Clone)]
pub struct Query {
    /// The base DN.
    pub base: String,
    /// The filter (RFC 4515).
    pub filter: String,
    /// The attributes asked for.
    pub attributes: Vec<String>,
}

/// Run `work` on a task of its own for at most `timeout`: its error as a fault (with the ldap3
/// error when there was one), a panic inside it as the protocol error it is.
async fn guarded<T: Send + 'static>(
    timeout: Duration,
    doing: &str,
    work: impl Future<Output = Result<T, LdapError>> + Send + 'static,
) -> Result<T, (Fault, Option<LdapError>)> {
    let mut task = tokio::spawn(work);
    match tokio::time::timeout(timeout, &mut task).await {
        Err(_) => {
            task.abort();
            Err((Fault::timeout(doing, timeout), None))
        }
        Ok(Ok(Ok(value))) => Ok(value),
        Ok(Ok(Err(error))) => Err((fault::of(doing, &error), Some(error))),
        Ok(Err(_)) => Err((
            Fault::new(
                Outcome::ProtocolError,
                format!("the server's answer could not be read while {doing}: the LDAP client gave up on it"),
            ),
            None,
        )),
    }
}

/// The name TLS asks for: the first of `names` that TLS can ask for, else the address.
fn asked_name(names: &[String], address: IpAddr) -> String {
    names
        .iter()
        .find(|name| gate::server_name(name).is_some())
        .cloned()
        .unwrap_or_else(|| address.to_string())
}

fn url_host(name: &str) -> String {
    match name.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => format!("[{v6}]"),
        _ => name.trim_end_matches('.').to_owned(),
    }
}

/// Whose roots chains must lead to, in words.
fn trusted(cx: &Context) -> String {
    match &cx.request.ca {
        Some(path) => format!("the CA bundle `{}`", path.display()),
        None => "this system".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use uclint_core::model::Deployment;
    use uclint_core::report::{Subject, SubjectKind};
    use uclint_test_servers::{Certs, Slapd, closed_port};

    use super::*;
    use crate::{Probe, ProbeRequest, Target};

    /// LDAPS is chosen by port number (636, 3269), which a test cannot listen on: the session
    /// is opened on slapd's ldaps:// port directly.
    #[test]
    fn ldaps_is_tls_from_the_first_byte() {
        let certs = Certs::new();
        let slapd = Slapd::builder(&certs.good).person("svc", "svcpw").start();
        let request = ProbeRequest {
            ca: Some(certs.ca.clone()),
            dns_server: Some(closed_port()),
            ..ProbeRequest::default()
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let cx = Context::new(Arc::new(Deployment::default()), request).unwrap();
            let mut observation =
                Observation::new(Probe::Ldap, Target::named("dc"), Subject::new(SubjectKind::Ldap, "dc"));
            let names = ["dc".to_owned(), "localhost".to_owned()];
            let peer = Peer {
                address: slapd.ldaps,
                names: &names,
                security: Security::Ldaps,
            };
            let session = open(&cx, peer, &mut observation).await.map_err(|u| u.fault).unwrap();
            assert_eq!(session.verdict, Some(Ok("localhost".to_owned())));
            let bound = session.bind(&Slapd::user_dn("svc"), "svcpw").await.unwrap();
            assert_eq!(bound.rc, 0);
            let lines: Vec<&str> = observation.evidence.iter().map(|e| e.text.as_str()).collect();
            assert_eq!(lines[1], "TLS ClientHello asking for `dc`", "{lines:?}");
            assert!(lines[2].starts_with("TLS established (LDAPS)"), "{lines:?}");

            // Plain LDAP to the LDAPS port: the server's TLS alert is not LDAP.
            let mut observation =
                Observation::new(Probe::Ldap, Target::named("dc"), Subject::new(SubjectKind::Ldap, "dc"));
            let plain = Peer {
                security: Security::Plain,
                ..peer
            };
            let session = open(&cx, plain, &mut observation).await.map_err(|u| u.fault).unwrap();
            let fault = session.bind("cn=nobody", "x").await.unwrap_err();
            assert_eq!(fault.outcome, Outcome::ProtocolError, "{fault:?}");
        });
    }
}
