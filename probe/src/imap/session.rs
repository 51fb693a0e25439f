//! One IMAP port of one server, the field notes' test done by the tool: `telnet SERVER 143`,
//! `1 capability`, `2 login USER PASS`. Greeting, CAPABILITY (LOGINDISABLED on a plain-text port
//! is VM006), and LOGIN only when asked (`--imap-login`):
//!
//! - on an IMAPS port, over its TLS;
//! - on a plain-text port, in clear only with `--allow-plaintext-password` (what CUPC over TCP
//!   and the notes' telnet do); otherwise after STARTTLS when the server offers it;
//! - never over TLS whose certificate is untrusted, invalid now, or does not name the server.
//!
//! An accepted LOGIN is followed by `SELECT INBOX`; every session ends with LOGOUT. What the
//! logins of all the server's ports mean together (VM001, VM007) is [`super::judge`]'s.

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use uclint_core::catalogue::{Code, Service};
use uclint_core::derive::imap::read_capability;
use uclint_core::model::Server;
use uclint_core::report::{Subject, SubjectKind};

use super::astring::astring;
use super::connection::{Connection, Greeting};
use super::redact::Redactor;
use super::reply::Capabilities;
use super::targets::ImapPort;
use crate::net::{self, Fault};
use crate::tls::{self, Session as TlsSession};
use crate::{Context, Evidence, EvidenceKind, Observation, Outcome, Probe, SecretKind, Target};

/// The port core's `read_capability` reads as the plain-text one. The probe knows which port is
/// the plain-text listener whatever its number (the deployment may move it), and says so.
const PLAIN_TEXT_PORT: u16 = 143;

/// How a LOGIN travelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// In plain text.
    Clear,
    /// Over TLS started by STARTTLS on a plain-text port.
    StartTls,
    /// Over an IMAPS port's TLS.
    Tls,
}

impl Channel {
    /// Whether the password was encrypted.
    pub fn encrypted(self) -> bool {
        self != Self::Clear
    }

    /// How it travelled, in words: `in plain text`, `after STARTTLS`, `over TLS`.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Clear => "in plain text",
            Self::StartTls => "after STARTTLS",
            Self::Tls => "over TLS",
        }
    }
}

/// What became of the login on one port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    /// Not asked for (no `--imap-login`).
    NotAsked,
    /// Asked for, not sent (the evidence says why).
    NotTried,
    /// Sent, and no answer came.
    Unanswered(Channel),
    /// `OK`.
    Accepted(Channel),
    /// `NO` or `BAD`, with the server's words.
    Refused {
        /// How it travelled.
        over: Channel,
        /// The tagged answer (`NO [AUTHENTICATIONFAILED] Authentication failed.`).
        said: String,
    },
}

/// One port's observation, and its login for the judgement across ports.
#[derive(Debug, Clone)]
pub struct PortReport {
    /// The port asked.
    pub port: ImapPort,
    /// What was seen.
    pub observation: Observation,
    /// What became of the login.
    pub login: Login,
}

/// The observation of `port` of `server` before anything is asked.
pub fn blank(server: &Server, port: &ImapPort) -> Observation {
    let target = Target {
        host: server.node_name.clone(),
        address: server.addresses.first().copied(),
        port: Some(port.port),
        transport: Some(if port.tls { "tls" } else { "tcp" }),
    };
    let mut observation = Observation::new(
        Probe::Imap,
        target,
        Subject::new(SubjectKind::Server, &server.node_name),
    );
    observation.service = Some(Service::Voicemail);
    observation
}

/// Ask `port` of `server` at `address`; `notes` (how the address was found) open the evidence.
pub async fn ask(cx: &Context, server: &Server, port: &ImapPort, address: IpAddr, notes: &[Evidence]) -> PortReport {
    let started = Instant::now();
    let mut observation = blank(server, port);
    observation.target.address = Some(address);
    observation.evidence.extend_from_slice(notes);
    observation.evidence(EvidenceKind::Note, format!("port {}: {}", port.port, port.why));
    let mut session = Session {
        cx,
        server,
        port,
        observation,
        login: Login::NotAsked,
        said: Vec::new(),
        redactor: Redactor::new(&cx.request.secrets),
    };
    if let Err(fault) = session.run(address).await {
        session.observation.outcome = fault.outcome;
        session
            .said
            .push(format!("{}: {}", outcome_words(fault.outcome), fault.detail));
        session.note(fault.detail);
    }
    let Session {
        mut observation,
        login,
        said,
        redactor,
        ..
    } = session;
    observation.summary = if said.is_empty() {
        // Nothing to remark: the server greeted and listed its capabilities (no LOGIN asked).
        format!("{}: greeting and CAPABILITY answered", port.label())
    } else {
        format!("{}: {}", port.label(), said.join("; "))
    };
    observation.elapsed = started.elapsed();
    redactor.observation(&mut observation);
    PortReport {
        port: port.clone(),
        observation,
        login,
    }
}

/// An outcome in a few words.
pub fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Refused => "connection refused (nothing listens there)",
        Outcome::Timeout => "no answer in time",
        Outcome::Unreachable => "unreachable",
        Outcome::TlsError => "the TLS handshake failed",
        Outcome::ProtocolError => "not IMAP as it should be",
        Outcome::Failed | Outcome::Ok => "failed",
    }
}

/// The user's name and password as LOGIN carries them.
struct Credentials {
    /// The user's id, as the summary names it.
    name: String,
    /// The user as an astring.
    user: String,
    /// The password as an astring: sent, never stored.
    password: String,
}

struct Session<'a> {
    cx: &'a Context,
    server: &'a Server,
    port: &'a ImapPort,
    observation: Observation,
    login: Login,
    /// The summary, part by part.
    said: Vec<String>,
    redactor: Redactor<'a>,
}

impl<'a> Session<'a> {
    async fn run(&mut self, address: IpAddr) -> Result<(), Fault> {
        let to = SocketAddr::new(address, self.port.port);
        let stream = net::connect(to, self.cx.request.timeout).await?;
        self.note(format!("TCP connection to {to} open"));
        if self.port.tls {
            let session = self.handshake(stream, address).await?;
            let trust = tls::refusal(self.cx, &session, self.server);
            let mut conn = self.connection(session.stream);
            self.greet(&mut conn).await?;
            self.capability(&mut conn).await?;
            if let Some(credentials) = self.credentials() {
                self.log_in_over_tls(&mut conn, Channel::Tls, trust, &credentials)
                    .await?;
            }
            self.leave(&mut conn).await;
            return Ok(());
        }
        let mut conn = self.connection(stream);
        self.greet(&mut conn).await?;
        let capabilities = self.capability(&mut conn).await?;
        self.read_plain_text_port(&capabilities);
        let Some(credentials) = self.credentials() else {
            self.leave(&mut conn).await;
            return Ok(());
        };
        if self.cx.request.allow_plaintext_password {
            self.note("--allow-plaintext-password: LOGIN in plain text, as CUPC over TCP and `telnet` send it");
            self.log_in(&mut conn, Channel::Clear, &credentials).await?;
            self.leave(&mut conn).await;
            return Ok(());
        }
        self.note(format!(
            "not tried: LOGIN on {} would send the password in clear; --allow-plaintext-password allows it",
            self.port.port
        ));
        self.said.push("plain-text LOGIN not tried".to_owned());
        if !capabilities.has("STARTTLS") {
            self.login = Login::NotTried;
            self.leave(&mut conn).await;
            return Ok(());
        }
        self.note("STARTTLS is offered: LOGIN after it instead");
        let reply = conn.command(&mut self.observation, "STARTTLS").await?;
        if !reply.status.is_ok() {
            self.note(format!("STARTTLS refused ({}): LOGIN not sent", reply.said()));
            self.said.push("STARTTLS refused".to_owned());
            self.login = Login::NotTried;
            self.leave(&mut conn).await;
            return Ok(());
        }
        let (stream, resume) = conn.into_tls_start()?;
        let session = self.handshake(stream, address).await?;
        let trust = tls::refusal(self.cx, &session, self.server);
        let mut conn = resume.over(session.stream);
        // RFC 3501 6.2.1: what was said before TLS is forgotten; ask again.
        self.capability(&mut conn).await?;
        self.log_in_over_tls(&mut conn, Channel::StartTls, trust, &credentials)
            .await?;
        self.leave(&mut conn).await;
        Ok(())
    }

    fn connection<S: AsyncRead + AsyncWrite + Unpin>(&self, stream: S) -> Connection<'a, S> {
        Connection::new(stream, self.cx.request.timeout, self.redactor.clone())
    }

    fn note(&mut self, text: impl Into<String>) {
        self.observation.evidence(EvidenceKind::Note, text);
    }

    /// A TLS handshake over `stream`, asking for the node name (or the address when the node
    /// name cannot be asked for). No certificate is judged here: the TLS probe does.
    async fn handshake(&mut self, stream: TcpStream, address: IpAddr) -> Result<TlsSession, Fault> {
        let name = tls::asked_name(&self.server.node_name, address, &mut self.observation);
        let session = tls::handshake(self.cx, stream, &name).await?;
        self.note(format!(
            "TLS {} {} with `{name}` (the TLS probe judges its certificate)",
            session.version, session.suite
        ));
        Ok(session)
    }

    async fn greet<S: AsyncRead + AsyncWrite + Unpin>(&mut self, conn: &mut Connection<'a, S>) -> Result<(), Fault> {
        match conn.greeting(&mut self.observation).await? {
            Greeting::Ok(_) => Ok(()),
            Greeting::Preauth(_) => {
                self.note("the server logged the connection in already (PREAUTH)");
                Ok(())
            }
            Greeting::Bye(text) => Err(Fault::new(
                Outcome::Failed,
                format!("the server greets with BYE, it will not talk: {text}"),
            )),
        }
    }

    async fn capability<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        conn: &mut Connection<'a, S>,
    ) -> Result<Capabilities, Fault> {
        let reply = conn.command(&mut self.observation, "CAPABILITY").await?;
        if !reply.status.is_ok() {
            return Err(Fault::new(
                Outcome::Failed,
                format!("the server refused CAPABILITY: {}", reply.said()),
            ));
        }
        reply.capabilities().ok_or_else(|| {
            Fault::new(
                Outcome::ProtocolError,
                "the server answered CAPABILITY without a capability list",
            )
        })
    }

    /// STARTTLS offered, and LOGINDISABLED (VM006), on a plain-text port.
    fn read_plain_text_port(&mut self, capabilities: &Capabilities) {
        let starttls = capabilities.has("STARTTLS");
        let disabled = read_capability(&capabilities.line(), PLAIN_TEXT_PORT) == Some(Code::VM006);
        let listed: Vec<&str> = [("STARTTLS", starttls), ("LOGINDISABLED", disabled)]
            .into_iter()
            .filter_map(|(name, on)| on.then_some(name))
            .collect();
        self.said.push(match listed.as_slice() {
            [] => "plain-text LOGIN allowed, no STARTTLS".to_owned(),
            [one] => format!("{one} listed"),
            _ => format!("{} listed", listed.join(" and ")),
        });
        if starttls {
            self.note("STARTTLS offered: a client may encrypt the session before it logs in");
        }
        if !disabled {
            return;
        }
        let used = match self.port.profiles.as_slice() {
            [] => String::new(),
            profiles => {
                let names: Vec<String> = profiles.iter().map(|i| format!("voicemail.profiles[{i}]")).collect();
                format!(", and {} uses this port", names.join(", "))
            }
        };
        let upgrade = if starttls {
            " (a client that sends STARTTLS first may log in; CUPC over TCP does not)"
        } else {
            ""
        };
        self.observation.raise(
            Code::VM006,
            format!(
                "observed: `{}` answers CAPABILITY on port {} (plain text) with LOGINDISABLED: plain-text LOGIN is refused there{upgrade}{used}",
                self.server.node_name, self.port.port
            ),
        );
    }

    /// The user's credentials when a login is asked for and possible; otherwise `None`, and the
    /// evidence says why when it was asked for.
    fn credentials(&mut self) -> Option<Credentials> {
        let cx = self.cx;
        let request = &cx.request;
        if !request.imap_login {
            return None;
        }
        self.login = Login::NotTried;
        let Some(user) = cx.user() else {
            self.note("LOGIN not tried: --imap-login needs --user");
            self.said.push("LOGIN not tried (no user)".to_owned());
            return None;
        };
        let name = user.cucm_id.to_string();
        let Some(password) = request.secrets.value(SecretKind::User) else {
            self.note(format!(
                "LOGIN not tried: no password for `{name}` ({} is not set)",
                SecretKind::User.variable()
            ));
            self.said.push("LOGIN not tried (no password)".to_owned());
            return None;
        };
        let encoded = astring(&name)
            .map_err(|why| format!("the user name cannot be sent: {why}"))
            .and_then(|user| {
                astring(password)
                    .map(|password| (user, password))
                    .map_err(|why| format!("the password cannot be sent: {why}"))
            });
        match encoded {
            Ok((user, password)) => {
                self.redactor.also_wire(&password);
                Some(Credentials { name, user, password })
            }
            Err(why) => {
                self.note(format!("LOGIN not tried: {why}"));
                self.said.push("LOGIN not tried".to_owned());
                None
            }
        }
    }

    /// LOGIN over TLS, unless `trust` says why the session may not carry a password.
    async fn log_in_over_tls<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        conn: &mut Connection<'a, S>,
        over: Channel,
        trust: Option<String>,
        credentials: &Credentials,
    ) -> Result<(), Fault> {
        let Some(why) = trust else {
            return self.log_in(conn, over, credentials).await;
        };
        self.note(format!("LOGIN not sent {}: {why}", over.words()));
        self.said.push(format!("LOGIN not sent {}: {why}", over.words()));
        self.login = Login::NotTried;
        Ok(())
    }

    /// LOGIN, then SELECT INBOX when it is accepted.
    async fn log_in<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        conn: &mut Connection<'a, S>,
        over: Channel,
        credentials: &Credentials,
    ) -> Result<(), Fault> {
        self.login = Login::Unanswered(over);
        let reply = conn
            .login(&mut self.observation, &credentials.user, &credentials.password)
            .await?;
        let name = &credentials.name;
        if !reply.status.is_ok() {
            let said = reply.said();
            self.observation.outcome = Outcome::Failed;
            self.said
                .push(format!("LOGIN as `{name}` refused {}: {said}", over.words()));
            self.login = Login::Refused { over, said };
            return Ok(());
        }
        self.login = Login::Accepted(over);
        self.said.push(format!("LOGIN as `{name}` accepted {}", over.words()));
        let select = conn.command(&mut self.observation, "SELECT INBOX").await?;
        if select.status.is_ok() {
            self.said.push("INBOX selectable".to_owned());
        } else {
            self.note(format!(
                "INBOX not selectable ({}): the login works, the mailbox does not",
                select.said()
            ));
            self.said.push("INBOX not selectable".to_owned());
        }
        Ok(())
    }

    /// LOGOUT; whatever happens then is only noted: the question was answered.
    async fn leave<S: AsyncRead + AsyncWrite + Unpin>(&mut self, conn: &mut Connection<'a, S>) {
        if let Err(fault) = conn.command(&mut self.observation, "LOGOUT").await {
            self.note(format!("LOGOUT: {}", fault.detail));
        }
    }
}
