//! The SOAP client: one HTTPS POST to `/axl/` per request, on a connection of its own, with HTTP
//! Basic credentials, a certificate checked against the CA bundle given (or the system's roots),
//! every step within the timeout and the answer read within a bound. Throttling (HTTP 599
//! "Maximum AXL Memory Allocation Consumed", or 503) is retried a bounded number of times after a
//! pause; every other failure ends the call.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hyper::client::conn::http1;
use hyper::header::{AUTHORIZATION, CONNECTION, CONTENT_TYPE, HOST, USER_AGENT};
use hyper_util::rt::TokioIo;
use rustls::ClientConfig;
use rustls::pki_types::ServerName;
use tokio_rustls::TlsConnector;

use super::answer::{self, Answer};
use super::body::read_body;
use super::endpoint::Endpoint;
use super::request::Call;
use super::xml::Element;
use crate::net::{self, Fault, within};
use crate::{Outcome, REDACTED};

/// What the collector says it is.
const AGENT: &str = concat!("uclint-probe/", env!("CARGO_PKG_VERSION"));
/// The largest answer read (a page of 1000 users is a few hundred kilobytes).
pub const MAX_ANSWER: usize = 16 * 1024 * 1024;
/// The text CUCM answers with when AXL's memory for requests is used up.
const MEMORY_THROTTLE: &str = "Maximum AXL Memory Allocation Consumed";

/// Why a call failed. Never holds the password or the Basic token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// HTTP 401.
    #[error("the AXL user `{user}` or its password was refused (HTTP 401)")]
    Unauthorized {
        /// The AXL user (not a secret).
        user: String,
    },
    /// HTTP 403.
    #[error("the AXL user `{user}` may not use AXL (HTTP 403): it needs the Standard AXL API Access role")]
    Forbidden {
        /// The AXL user.
        user: String,
    },
    /// A SOAP fault.
    #[error("SOAP fault: {string}{}", code.as_ref().map(|c| format!(" (AXL error {c})")).unwrap_or_default())]
    Fault {
        /// Its faultstring.
        string: String,
        /// Its axlcode.
        code: Option<String>,
    },
    /// Still throttled after every retry.
    #[error("AXL is throttling requests ({detail}) and still was after {attempts} attempts")]
    Throttled {
        /// Attempts made.
        attempts: u32,
        /// What the last answer said.
        detail: String,
    },
    /// Another HTTP status.
    #[error("HTTP {status}: {detail}")]
    Http {
        /// The status.
        status: u16,
        /// The start of the body.
        detail: String,
    },
    /// An answer that is not a SOAP answer to the request.
    #[error("the answer is not an AXL SOAP answer: {0}")]
    NotSoap(String),
    /// No answer within the timeout.
    #[error("timeout: {0}")]
    Timeout(String),
    /// The connection or the TLS handshake failed.
    #[error("{0}")]
    Connection(String),
}

/// How to reach one AXL service.
pub struct Client {
    endpoint: Endpoint,
    user: String,
    token: String,
    tls: Arc<ClientConfig>,
    timeout: Duration,
    retries: u32,
    pause: Duration,
}

/// Never print the token.
impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint)
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

/// What one attempt gave.
enum Step {
    Done(Element),
    Throttled(String),
}

impl Client {
    /// A client of `endpoint` as `user` with `password`, trusting `tls`'s roots; `retries` more
    /// attempts, `pause` apart, when throttled.
    pub fn new(
        endpoint: Endpoint,
        user: &str,
        password: &str,
        tls: Arc<ClientConfig>,
        timeout: Duration,
        retries: u32,
        pause: Duration,
    ) -> Self {
        Self {
            endpoint,
            user: user.to_owned(),
            token: STANDARD.encode(format!("{user}:{password}")),
            tls,
            timeout,
            retries,
            pause,
        }
    }

    /// `text` without the Basic token (a server may echo a header back).
    pub fn redact(&self, text: &str) -> String {
        text.replace(&self.token, REDACTED)
    }

    /// Send `call`; its response element, or why not.
    pub async fn call(&self, call: &Call) -> Result<Element, CallError> {
        let mut attempts = 1;
        loop {
            match self.attempt(call).await? {
                Step::Done(response) => return Ok(response),
                Step::Throttled(_) if attempts <= self.retries => {
                    tokio::time::sleep(self.pause).await;
                    attempts += 1;
                }
                Step::Throttled(detail) => return Err(CallError::Throttled { attempts, detail }),
            }
        }
    }

    async fn attempt(&self, call: &Call) -> Result<Step, CallError> {
        let doing = format!("the {} request to {}", call.operation, self.endpoint.url());
        let (status, body) = within(self.timeout, &doing, self.exchange(call, &doing))
            .await
            .map_err(|fault| match fault.outcome {
                Outcome::Timeout => CallError::Timeout(fault.detail),
                _ => CallError::Connection(fault.detail),
            })?;
        self.judge(status, &body, call.operation)
    }

    /// What `status` and `body` mean for `operation`.
    fn judge(&self, status: u16, body: &[u8], operation: &str) -> Result<Step, CallError> {
        match status {
            401 => {
                return Err(CallError::Unauthorized {
                    user: self.user.clone(),
                });
            }
            403 => {
                return Err(CallError::Forbidden {
                    user: self.user.clone(),
                });
            }
            503 | 599 => return Ok(Step::Throttled(format!("HTTP {status}: {}", self.start_of(body)))),
            200 | 500 => {}
            _ => {
                return Err(CallError::Http {
                    status,
                    detail: self.start_of(body),
                });
            }
        }
        match answer::read(body, operation) {
            Ok(Answer::Response(response)) if status == 200 => Ok(Step::Done(response)),
            Ok(Answer::Response(_)) => Err(CallError::Http {
                status,
                detail: "a response element with an error status".to_owned(),
            }),
            Ok(Answer::Fault(fault)) if fault.string.contains(MEMORY_THROTTLE) => {
                Ok(Step::Throttled(self.redact(&fault.string)))
            }
            Ok(Answer::Fault(fault)) => Err(CallError::Fault {
                string: self.redact(&fault.string),
                code: fault.code,
            }),
            Err(why) if status == 500 => Err(CallError::Http {
                status,
                detail: format!("{}: {why}", self.start_of(body)),
            }),
            Err(why) => Err(CallError::NotSoap(why)),
        }
    }

    /// The body's first line, at most 200 characters of it, without the token.
    fn start_of(&self, body: &[u8]) -> String {
        let text = String::from_utf8_lossy(body);
        let line: String = text.trim().lines().next().unwrap_or("").chars().take(200).collect();
        if line.is_empty() {
            "no body".to_owned()
        } else {
            self.redact(&line)
        }
    }

    /// Connect, TLS, POST, read the answer.
    async fn exchange(&self, call: &Call, doing: &str) -> Result<(u16, Vec<u8>), Fault> {
        let address = self.address(doing).await?;
        let tcp = net::connect(address, self.timeout).await?;
        let name = server_name(&self.endpoint.host)?;
        let tls = TlsConnector::from(self.tls.clone())
            .connect(name, tcp)
            .await
            .map_err(|e| {
                Fault::new(
                    Outcome::TlsError,
                    format!("the TLS handshake with {address} failed: {e}"),
                )
            })?;
        let request = hyper::Request::post("/axl/")
            .header(HOST, self.endpoint.authority())
            .header(USER_AGENT, AGENT)
            .header(CONNECTION, "close")
            .header(CONTENT_TYPE, "text/xml; charset=utf-8")
            .header("SOAPAction", call.soap_action())
            .header(AUTHORIZATION, format!("Basic {}", self.token))
            .body(call.body.clone())
            .map_err(|e| Fault::new(Outcome::Failed, format!("cannot build {doing}: {e}")))?;
        let (mut sender, connection) = http1::handshake::<_, String>(TokioIo::new(tls))
            .await
            .map_err(|e| Fault::new(Outcome::ProtocolError, format!("{doing}: {e}")))?;
        let driver = tokio::spawn(connection);
        let result = async {
            let response = sender
                .send_request(request)
                .await
                .map_err(|e| Fault::new(Outcome::ProtocolError, format!("{doing}: {e}")))?;
            let status = response.status().as_u16();
            let body = read_body(response.into_body(), MAX_ANSWER, doing).await?;
            Ok((status, body))
        }
        .await;
        driver.abort();
        result
    }

    /// The address to connect to: the host's own, or the first the system resolver gives.
    async fn address(&self, doing: &str) -> Result<SocketAddr, Fault> {
        let port = self.endpoint.port;
        if let Ok(ip) = self.endpoint.host.parse() {
            return Ok(SocketAddr::new(ip, port));
        }
        tokio::net::lookup_host((self.endpoint.host.as_str(), port))
            .await
            .map_err(|e| Fault::new(Outcome::Unreachable, format!("{doing}: cannot resolve the host: {e}")))?
            .next()
            .ok_or_else(|| {
                Fault::new(
                    Outcome::Unreachable,
                    format!("{doing}: the host resolves to no address"),
                )
            })
    }
}

fn server_name(host: &str) -> Result<ServerName<'static>, Fault> {
    ServerName::try_from(host.trim_end_matches('.').to_owned())
        .map_err(|e| Fault::new(Outcome::Failed, format!("`{host}` cannot be asked for over TLS: {e}")))
}
