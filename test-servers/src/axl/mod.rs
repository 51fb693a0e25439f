//! A stand-in for CUCM's AXL service (SOAP over HTTPS at `/axl/`), because no real CUCM can run
//! here: HTTPS on 127.0.0.1 with a test certificate, HTTP Basic credentials, and answers built
//! from a small [`AxlCluster`] (process nodes, end users across pages, LDAP settings, IM&P's
//! SIP proxy). It implements `listUser`'s `skip`/`first` paging and the few `SELECT`s the
//! collector sends. Every request body and every answer it gives is checked against an excerpt
//! of Cisco's published AXL 10.5 schema with libxml2's validator (`xmllint`, Debian package
//! libxml2-utils); what breaks it is kept in [`AxlServer::violations`], for tests to assert
//! empty. A test can make it answer a request with a SOAP fault, a 401, a 599 throttle, bytes
//! that are not XML, nothing at all, or `listUser` pages that ignore `skip`.

mod answers;
mod cluster;
mod http;
mod schema;
mod soap;

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rustls::{ServerConfig, ServerConnection, StreamOwned};

pub use cluster::{AxlCluster, AxlLdapServer, AxlNode, AxlRoute, AxlUser, CUCM, IM_AND_PRESENCE};

use crate::acceptor::Acceptor;
use crate::certs::CertFiles;
use crate::fail::OrPanic;
use schema::Schema;

/// How long a connection may stay idle.
const IDLE: Duration = Duration::from_secs(10);
/// The AXL schema version the stand-in speaks.
const VERSION: &str = "10.5";
/// What CUCM says when AXL's memory for requests is used up.
pub const THROTTLED: &str = "Maximum AXL Memory Allocation Consumed";

/// A way to answer an operation other than right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// A SOAP fault with this faultstring (HTTP 500).
    Fault(String),
    /// HTTP 401, as for a wrong password.
    Unauthorized,
    /// HTTP 599 [`THROTTLED`].
    Throttle,
    /// HTTP 200 with an HTML page instead of SOAP.
    NotXml,
    /// No answer at all, until the server is dropped.
    Stall,
    /// The right answer, as if the request had no `skip` (a broken pager).
    IgnoreSkip,
}

struct Planned {
    operation: String,
    trouble: Trouble,
    times: usize,
}

struct State {
    cluster: AxlCluster,
    authorization: String,
    schema: Schema,
    planned: Mutex<Vec<Planned>>,
    asked: Mutex<Vec<String>>,
    violations: Mutex<Vec<String>>,
}

/// The AXL stand-in on 127.0.0.1 in a background thread; stopped when dropped.
pub struct AxlServer {
    /// Where it listens.
    pub address: SocketAddr,
    state: Arc<State>,
    _acceptor: Acceptor,
}

impl AxlServer {
    /// Serve [`AxlCluster::fixture`] over TLS with `cert`, to `user` with `password` only.
    pub fn start(cert: &CertFiles, user: &str, password: &str) -> Self {
        Self::with_cluster(cert, user, password, AxlCluster::fixture())
    }

    /// Serve `cluster`.
    pub fn with_cluster(cert: &CertFiles, user: &str, password: &str, cluster: AxlCluster) -> Self {
        let config = crate::tls::server_config(cert, "AXL server");
        let state = Arc::new(State {
            cluster,
            authorization: format!("Basic {}", STANDARD.encode(format!("{user}:{password}"))),
            schema: Schema::new(),
            planned: Mutex::new(Vec::new()),
            asked: Mutex::new(Vec::new()),
            violations: Mutex::new(Vec::new()),
        });
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).or_panic("AXL server: bind 127.0.0.1");
        let serving = state.clone();
        let acceptor = Acceptor::start(
            listener,
            Arc::new(move |stream: TcpStream, stop: &AtomicBool| serve(stream, config.clone(), &serving, stop)),
        );
        Self {
            address: acceptor.address(),
            state,
            _acceptor: acceptor,
        }
    }

    /// `https://127.0.0.1:PORT`, as an admin gives CUCM's AXL.
    pub fn url(&self) -> String {
        format!("https://{}", self.address)
    }

    /// The cluster it describes.
    pub fn cluster(&self) -> &AxlCluster {
        &self.state.cluster
    }

    /// Answer the next `times` requests for `operation` with `trouble` (`usize::MAX`: always).
    pub fn misbehave(&self, operation: &str, trouble: Trouble, times: usize) {
        lock(&self.state.planned).push(Planned {
            operation: operation.to_owned(),
            trouble,
            times,
        });
    }

    /// The operations asked so far, in order (with the credentials right or not).
    pub fn asked(&self) -> Vec<String> {
        lock(&self.state.asked).clone()
    }

    /// Every request or answer that broke the AXL schema (or a SOAPAction that did not match
    /// its body), described.
    pub fn violations(&self) -> Vec<String> {
        lock(&self.state.violations).clone()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Handshake, read one request, answer it, close.
fn serve(stream: TcpStream, config: Arc<ServerConfig>, state: &State, stop: &AtomicBool) {
    let _ = stream.set_read_timeout(Some(IDLE));
    let _ = stream.set_write_timeout(Some(IDLE));
    let Ok(connection) = ServerConnection::new(config) else {
        return;
    };
    let mut tls = StreamOwned::new(connection, stream);
    while tls.conn.is_handshaking() {
        if tls.conn.complete_io(&mut tls.sock).is_err() {
            return;
        }
    }
    let Ok(request) = http::read(&mut tls) else {
        return;
    };
    let _ = respond(&mut tls, &request, state, stop);
    tls.conn.send_close_notify();
    let _ = std::io::Write::flush(&mut tls);
}

fn respond(
    tls: &mut impl std::io::Write,
    request: &http::Request,
    state: &State,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    const XML: &str = "text/xml; charset=utf-8";
    if request.method != "POST" || request.path.trim_end_matches('/') != "/axl" {
        return http::write(tls, "404 Not Found", &[], "text/plain", "AXL lives at POST /axl/\n");
    }
    let mut asked = match soap::read(&request.body) {
        Ok(asked) => asked,
        Err(why) => {
            lock(&state.violations).push(format!("a request that is not SOAP: {why}"));
            return http::write(tls, "500 Internal Server Error", &[], XML, &soap::fault("", 5000, &why));
        }
    };
    let operation = asked.operation.clone();
    lock(&state.asked).push(operation.clone());
    if let Err(why) = state.schema.check(&request.body) {
        lock(&state.violations).push(format!("request {operation} breaks the AXL schema: {why}"));
        let message = format!("the request does not match the AXL {VERSION} schema: {why}");
        return http::write(
            tls,
            "500 Internal Server Error",
            &[],
            XML,
            &soap::fault(&operation, 5000, &message),
        );
    }
    let action = request.header("soapaction").unwrap_or_default().trim_matches('"');
    if action != format!("CUCM:DB ver={VERSION} {operation}") {
        lock(&state.violations).push(format!("request {operation} came with SOAPAction `{action}`"));
    }
    if request.header("authorization") != Some(state.authorization.as_str()) {
        return unauthorized(tls);
    }
    match planned(state, &operation) {
        Some(Trouble::Unauthorized) => return unauthorized(tls),
        Some(Trouble::Throttle) => {
            return http::write(
                tls,
                &format!("599 {THROTTLED}"),
                &[],
                "text/html",
                &format!("<html><body>{THROTTLED}</body></html>"),
            );
        }
        Some(Trouble::NotXml) => {
            return http::write(
                tls,
                "200 OK",
                &[],
                "text/html",
                "<html><body>Service Temporarily Unavailable",
            );
        }
        Some(Trouble::Stall) => {
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
            }
            return Ok(());
        }
        Some(Trouble::Fault(message)) => {
            return answer(
                tls,
                state,
                &operation,
                "500 Internal Server Error",
                &soap::fault(&operation, 5000, &message),
            );
        }
        Some(Trouble::IgnoreSkip) => {
            asked.fields.remove("skip");
        }
        None => {}
    }
    match answers::answer(&state.cluster, &asked) {
        Ok(content) => answer(tls, state, &operation, "200 OK", &soap::response(&operation, &content)),
        Err((code, message)) => answer(
            tls,
            state,
            &operation,
            "500 Internal Server Error",
            &soap::fault(&operation, code, &message),
        ),
    }
}

/// Send `body` with `status`, after checking it against the schema.
fn answer(
    tls: &mut impl std::io::Write,
    state: &State,
    operation: &str,
    status: &str,
    body: &str,
) -> std::io::Result<()> {
    if let Err(why) = state.schema.check(body) {
        lock(&state.violations).push(format!("the answer to {operation} breaks the AXL schema: {why}"));
    }
    http::write(tls, status, &[], "text/xml; charset=utf-8", body)
}

fn unauthorized(tls: &mut impl std::io::Write) -> std::io::Result<()> {
    http::write(
        tls,
        "401 Unauthorized",
        &[("WWW-Authenticate", "Basic realm=\"Cisco AXL\"")],
        "text/html",
        "<html><body>401 Unauthorized</body></html>",
    )
}

/// The trouble planned for the next `operation` request, if any (used up one at a time).
fn planned(state: &State, operation: &str) -> Option<Trouble> {
    let mut planned = lock(&state.planned);
    let index = planned.iter().position(|p| p.operation == operation && p.times > 0)?;
    let plan = &mut planned[index];
    if plan.times != usize::MAX {
        plan.times -= 1;
    }
    Some(plan.trouble.clone())
}
