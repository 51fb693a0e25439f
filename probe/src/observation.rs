//! What one probe saw when it asked one server one question.

use std::net::IpAddr;
use std::time::Duration;

use serde::{Serialize, Serializer};
use uclint_core::catalogue::{Code, Service, Severity};
use uclint_core::report::Subject;
use uclint_core::source::Location;

/// Which probe asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Probe {
    /// Names resolved as a client profile resolves them, against real DNS.
    Dns,
    /// TLS handshakes: certificate names, validity, chain, key exchange.
    Tls,
    /// SIP OPTIONS to the proxy and its next hops; REGISTER without credentials.
    Sip,
    /// LDAP binds and searches, as CUPC's search account and as the user.
    Ldap,
    /// IMAP as CUPC reaches voicemail: CAPABILITY, STARTTLS, LOGIN when asked.
    Imap,
    /// HTTP: the phones' directory URL and the calendar's WebDAV.
    Http,
    /// Jabber and Webex App service discovery: the SRV records each profile finds where it is,
    /// and the certificates of their targets.
    Jabber,
}

impl Probe {
    /// Every probe, in the order they are listed.
    pub const ALL: [Probe; 7] = [
        Self::Dns,
        Self::Tls,
        Self::Sip,
        Self::Ldap,
        Self::Imap,
        Self::Http,
        Self::Jabber,
    ];

    /// The probe as `--only` names it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Dns => "dns",
            Self::Tls => "tls",
            Self::Sip => "sip",
            Self::Ldap => "ldap",
            Self::Imap => "imap",
            Self::Http => "http",
            Self::Jabber => "jabber",
        }
    }
}

impl std::str::FromStr for Probe {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                let known: Vec<&str> = Self::ALL.iter().map(|p| p.as_str()).collect();
                format!("unknown probe `{text}`: expected one of {}", known.join(", "))
            })
    }
}

/// Where a probe's question went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    /// The name the deployment (or the command line) gives it: a node name, a DNS server.
    pub host: String,
    /// The address contacted, when one was.
    pub address: Option<IpAddr>,
    /// The port contacted.
    pub port: Option<u16>,
    /// `udp`, `tcp`, `tls`, or `starttls` (TCP, then TLS after a protocol exchange: LDAP).
    pub transport: Option<&'static str>,
}

impl Target {
    /// A target named `host`, not yet contacted.
    pub fn named(host: impl Into<String>) -> Self {
        Self {
            host: host.into(),
            address: None,
            port: None,
            transport: None,
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.host)?;
        match (self.address, self.port) {
            (Some(address), Some(port)) if address.to_string() != self.host => write!(f, " ({address}:{port})")?,
            (_, Some(port)) => write!(f, ":{port}")?,
            _ => {}
        }
        if let Some(transport) = self.transport {
            write!(f, " over {transport}")?;
        }
        Ok(())
    }
}

/// How the exchange ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The server answered as a working one does.
    Ok,
    /// The server answered, and the answer is a failure (a refusal, an error status).
    Failed,
    /// The connection was refused: nothing listens there.
    Refused,
    /// No answer within the timeout.
    Timeout,
    /// No route to the address, or no address at all.
    Unreachable,
    /// The TLS handshake failed.
    TlsError,
    /// The server spoke, but not the protocol (garbage, an endless line, a cut answer).
    ProtocolError,
}

impl Outcome {
    /// The outcome as JSON writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Failed => "failed",
            Self::Refused => "refused",
            Self::Timeout => "timeout",
            Self::Unreachable => "unreachable",
            Self::TlsError => "tls-error",
            Self::ProtocolError => "protocol-error",
        }
    }
}

/// One line of what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// Sent by the probe.
    Sent,
    /// Received from the server.
    Received,
    /// Said by the probe about what happened (a lookup, a redirect not followed).
    Note,
}

/// One line of the exchange, secrets already redacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Who said it.
    pub kind: EvidenceKind,
    /// What was said (one line; secrets replaced by `********`).
    pub text: String,
}

/// A rule code an observation confirms or raises, with what it says in this case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Raised {
    /// The rule.
    pub code: Code,
    /// How bad it is here (a rule's default, or a finer one: an expiring certificate warns, an
    /// expired one is an error).
    pub severity: Severity,
    /// What was observed, specifically.
    pub message: String,
}

/// A setting of the deployment file that an observation bears on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting {
    /// The setting, as the file writes it (`servers[cups-1].addresses`, `acme.zone: cups-1 A`).
    pub name: String,
    /// What the file says.
    pub says: String,
    /// Where it is written, when known.
    pub location: Option<Location>,
}

/// What one probe saw when it asked one server one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Observation {
    /// Which probe asked.
    pub probe: Probe,
    /// Where the question went.
    pub target: Target,
    /// What the observation is about: a server, a client profile, a user.
    pub subject: Subject,
    /// The CUPC service whose health the question bears on (Show Server Health), if one.
    pub service: Option<Service>,
    /// One line saying what was asked and what came back.
    pub summary: String,
    /// How the exchange ended.
    pub outcome: Outcome,
    /// How long it took.
    #[serde(rename = "elapsed_ms", serialize_with = "millis")]
    pub elapsed: Duration,
    /// The rule codes the observation confirms or raises.
    #[serde(rename = "codes", serialize_with = "codes_of")]
    pub raised: Vec<Raised>,
    /// The setting of the deployment file the observation bears on, when there is one: what a
    /// disagreement (DRIFT001, or a service that works against the prediction) contradicts.
    pub setting: Option<Setting>,
    /// The exchange, line by line.
    pub evidence: Vec<Evidence>,
}

impl Observation {
    /// An observation of `probe` at `target` about `subject`, to be filled in.
    pub fn new(probe: Probe, target: Target, subject: Subject) -> Self {
        Self {
            probe,
            target,
            subject,
            service: None,
            summary: String::new(),
            outcome: Outcome::Ok,
            elapsed: Duration::ZERO,
            raised: Vec::new(),
            setting: None,
            evidence: Vec::new(),
        }
    }

    /// Raise `code` at its default severity.
    pub fn raise(&mut self, code: Code, message: impl Into<String>) {
        self.raise_at(code, uclint_core::catalogue::info(code).severity, message);
    }

    /// Raise `code` at `severity`.
    pub fn raise_at(&mut self, code: Code, severity: Severity, message: impl Into<String>) {
        self.raised.push(Raised {
            code,
            severity,
            message: message.into(),
        });
    }

    /// Note a line of the exchange.
    pub fn evidence(&mut self, kind: EvidenceKind, text: impl Into<String>) {
        self.evidence.push(Evidence {
            kind,
            text: text.into(),
        });
    }

    /// The codes raised, in order.
    pub fn codes(&self) -> Vec<Code> {
        self.raised.iter().map(|r| r.code).collect()
    }
}

fn millis<S: Serializer>(elapsed: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u64(u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
}

fn codes_of<S: Serializer>(raised: &[Raised], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(raised.iter().map(|r| r.code))
}
