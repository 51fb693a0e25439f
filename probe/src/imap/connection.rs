//! The small IMAP client: one connection, tagged commands (`a1`, `a2`...), every answer read line
//! by line (each at most `net::MAX_LINE`, literals at most [`MAX_LITERAL`], one answer at most
//! [`MAX_REPLY`]), every step within the timeout, and every line noted in the evidence as the
//! field notes write a session (`C: a1 CAPABILITY`, `S: * OK ...`), secrets replaced.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

use super::redact::Redactor;
use super::reply::{Line, Reply, classify, literal};
use crate::net::{Fault, read_line, within};
use crate::{EvidenceKind, Observation, Outcome, REDACTED};

/// The largest literal read (and dropped); a larger one is a protocol error.
pub const MAX_LITERAL: usize = 64 * 1024;

/// The most bytes one answer may take, untagged data included.
pub const MAX_REPLY: usize = 256 * 1024;

/// The longest line the evidence keeps whole.
const SHOWN: usize = 300;

/// How the server greets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Greeting {
    /// `* OK`: ready for a login.
    Ok(String),
    /// `* PREAUTH`: already logged in (by the connection itself).
    Preauth(String),
    /// `* BYE`: it will not talk.
    Bye(String),
}

/// One IMAP connection over `S` (a TCP stream, or TLS over one).
pub struct Connection<'a, S> {
    reader: BufReader<S>,
    timeout: Duration,
    next_tag: u32,
    redactor: Redactor<'a>,
}

/// What a connection hands over to continue over TLS after STARTTLS: the tag count and filter.
pub struct Resume<'a> {
    timeout: Duration,
    next_tag: u32,
    redactor: Redactor<'a>,
}

impl<'a> Resume<'a> {
    /// Continue the session over `stream`.
    pub fn over<T: AsyncRead + AsyncWrite + Unpin>(self, stream: T) -> Connection<'a, T> {
        Connection {
            reader: BufReader::new(stream),
            timeout: self.timeout,
            next_tag: self.next_tag,
            redactor: self.redactor,
        }
    }
}

impl<'a, S: AsyncRead + AsyncWrite + Unpin> Connection<'a, S> {
    /// A session over `stream`, each step within `timeout`, shown through `redactor`.
    pub fn new(stream: S, timeout: Duration, redactor: Redactor<'a>) -> Self {
        Resume {
            timeout,
            next_tag: 1,
            redactor,
        }
        .over(stream)
    }

    /// Read the server's greeting.
    pub async fn greeting(&mut self, observation: &mut Observation) -> Result<Greeting, Fault> {
        let doing = "waiting for the server's greeting";
        let mut budget = MAX_REPLY;
        let line = within(self.timeout, doing, self.response(observation, doing, &mut budget)).await?;
        let (word, text) = match classify(&line, "") {
            Line::Untagged(rest) => rest.split_once(' ').unwrap_or((rest, "")),
            _ => ("", ""),
        };
        let text = text.to_owned();
        match word.to_ascii_uppercase().as_str() {
            "OK" => Ok(Greeting::Ok(text)),
            "PREAUTH" => Ok(Greeting::Preauth(text)),
            "BYE" => Ok(Greeting::Bye(text)),
            _ => Err(self.protocol(format!(
                "the server's first line is not an IMAP greeting (`* OK`): `{}`",
                self.preview(&line)
            ))),
        }
    }

    /// Send `command` with the next tag and read its answer.
    pub async fn command(&mut self, observation: &mut Observation, command: &str) -> Result<Reply, Fault> {
        let tag = self.tag();
        let line = format!("{tag} {command}");
        self.show(observation, EvidenceKind::Sent, &line);
        self.send(&line, &line).await?;
        self.reply(observation, &tag, &line).await
    }

    /// `LOGIN user password`, both already astrings; the password never reaches the evidence,
    /// and its wire form is hidden from every line shown from now on.
    pub async fn login(&mut self, observation: &mut Observation, user: &str, password: &str) -> Result<Reply, Fault> {
        self.redactor.also_wire(password);
        let tag = self.tag();
        let shown = format!("{tag} LOGIN {user} {REDACTED}");
        self.show(observation, EvidenceKind::Sent, &shown);
        let wire = format!("{tag} LOGIN {user} {password}");
        self.send(&wire, &shown).await?;
        self.reply(observation, &tag, &shown).await
    }

    /// Hand the stream over for a TLS handshake after STARTTLS's OK. Bytes the server sent after
    /// the OK and before the handshake would be read as if encrypted (the STARTTLS injection):
    /// a protocol error.
    pub fn into_tls_start(self) -> Result<(S, Resume<'a>), Fault> {
        if !self.reader.buffer().is_empty() {
            return Err(self.protocol(format!(
                "the server sent {} byte(s) after STARTTLS's OK, before the TLS handshake: refused (they would pass for encrypted data)",
                self.reader.buffer().len()
            )));
        }
        let resume = Resume {
            timeout: self.timeout,
            next_tag: self.next_tag,
            redactor: self.redactor,
        };
        Ok((self.reader.into_inner(), resume))
    }

    fn tag(&mut self) -> String {
        let tag = format!("a{}", self.next_tag);
        self.next_tag += 1;
        tag
    }

    /// Write `wire` and a line break; `shown` names it in a fault.
    async fn send(&mut self, wire: &str, shown: &str) -> Result<(), Fault> {
        let doing = format!("sending `{}`", self.redactor.apply(shown));
        let stream = self.reader.get_mut();
        within(self.timeout, &doing, async {
            stream
                .write_all(wire.as_bytes())
                .await
                .map_err(|e| Fault::io(&doing, &e))?;
            stream.write_all(b"\r\n").await.map_err(|e| Fault::io(&doing, &e))?;
            stream.flush().await.map_err(|e| Fault::io(&doing, &e))
        })
        .await
    }

    /// Read the answer to the command tagged `tag` (shown as `shown`): untagged lines, then the
    /// tagged one; all of it within one timeout and [`MAX_REPLY`] bytes.
    async fn reply(&mut self, observation: &mut Observation, tag: &str, shown: &str) -> Result<Reply, Fault> {
        let doing = format!("waiting for the answer to `{shown}`");
        let timeout = self.timeout;
        within(timeout, &doing, async {
            let mut budget = MAX_REPLY;
            let mut untagged = Vec::new();
            loop {
                let line = self.response(observation, &doing, &mut budget).await?;
                match classify(&line, tag) {
                    Line::Untagged(rest) => untagged.push(rest.to_owned()),
                    Line::Tagged(status, text) => {
                        return Ok(Reply {
                            status,
                            text: text.to_owned(),
                            untagged,
                        });
                    }
                    Line::Continuation => {
                        return Err(self.protocol(format!(
                            "the server asks for more of `{shown}`, which was complete: `{}`",
                            self.preview(&line)
                        )));
                    }
                    Line::BadStatus => {
                        return Err(self.protocol(format!(
                            "the server ended `{shown}` with neither OK, NO nor BAD: `{}`",
                            self.preview(&line)
                        )));
                    }
                    Line::Other => {
                        return Err(self.protocol(format!(
                            "the server answered `{shown}` with `{}`: neither untagged (`*`) nor tagged `{tag}`",
                            self.preview(&line)
                        )));
                    }
                }
            }
        })
        .await
    }

    /// One response: a line, and while it ends with a literal `{n}`, the n bytes (dropped) and the
    /// line that continues it. Each line goes into the evidence as it comes.
    async fn response(
        &mut self,
        observation: &mut Observation,
        doing: &str,
        budget: &mut usize,
    ) -> Result<String, Fault> {
        let mut whole = self.line(observation, doing, budget).await?;
        let mut last = whole.clone();
        while let Some(size) = literal(&last) {
            let size = size.map_err(|why| self.protocol(why))?;
            if size > MAX_LITERAL || size > *budget {
                return Err(self.protocol(format!(
                    "the server announced a literal of {size} bytes while {doing}; this probe reads at most {MAX_LITERAL}"
                )));
            }
            *budget -= size;
            let mut bytes = vec![0; size];
            self.reader
                .read_exact(&mut bytes)
                .await
                .map_err(|e| Fault::io(&format!("reading a literal while {doing}"), &e))?;
            observation.evidence(
                EvidenceKind::Received,
                format!("S: ({size} bytes of literal data, not shown)"),
            );
            last = self.line(observation, doing, budget).await?;
            whole.push_str(&last);
        }
        Ok(whole)
    }

    /// One line, charged to `budget`, noted in the evidence.
    async fn line(&mut self, observation: &mut Observation, doing: &str, budget: &mut usize) -> Result<String, Fault> {
        let line = read_line(&mut self.reader, self.timeout, doing).await?;
        *budget = budget
            .checked_sub(line.len() + 2)
            .ok_or_else(|| self.protocol(format!("the server sent more than {MAX_REPLY} bytes while {doing}")))?;
        self.show(observation, EvidenceKind::Received, &line);
        Ok(line)
    }

    /// Note `line` as the notes write it: `C: ` for the probe, `S: ` for the server.
    fn show(&self, observation: &mut Observation, kind: EvidenceKind, line: &str) {
        let who = if kind == EvidenceKind::Sent { "C" } else { "S" };
        observation.evidence(kind, format!("{who}: {}", self.preview(line)));
    }

    /// `line`, redacted, cut after [`SHOWN`] characters.
    fn preview(&self, line: &str) -> String {
        let line = self.redactor.apply(line);
        match line.char_indices().nth(SHOWN) {
            Some((cut, _)) => format!("{}... ({} more bytes)", &line[..cut], line.len() - cut),
            None => line,
        }
    }

    fn protocol(&self, detail: String) -> Fault {
        Fault::new(Outcome::ProtocolError, self.redactor.apply(&detail))
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _, duplex};

    use super::*;
    use crate::imap::reply::Status;
    use crate::{Probe, SecretKind, Secrets, Target};
    use uclint_core::report::{Subject, SubjectKind};

    fn observation() -> Observation {
        Observation::new(
            Probe::Imap,
            Target::named("mail"),
            Subject::new(SubjectKind::Server, "mail"),
        )
    }

    fn run<T>(work: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(work)
    }

    /// Play `script` (the server's bytes, all at once after the first command, then the end of
    /// the stream if `close`) against a greeting and one CAPABILITY; the bytes the client sent
    /// come back with the result.
    fn converse(script: &'static [u8], close: bool) -> (Result<Reply, Fault>, Observation, String) {
        run(async {
            let (client, mut server) = duplex(1 << 20);
            let peer = tokio::spawn(async move {
                server
                    .write_all(b"* OK [CAPABILITY IMAP4rev1] ready\r\n")
                    .await
                    .unwrap();
                let mut sent = vec![0; 4096];
                let n = server.read(&mut sent).await.unwrap();
                server.write_all(script).await.unwrap();
                if close {
                    server.shutdown().await.unwrap();
                }
                sent.truncate(n);
                // Keep the stream open until the client is done.
                let mut rest = Vec::new();
                let _ = server.read_to_end(&mut rest).await;
                String::from_utf8(sent).unwrap()
            });
            let secrets = Secrets::default();
            let mut observation = observation();
            let mut conn = Connection::new(client, Duration::from_millis(500), Redactor::new(&secrets));
            let greeting = conn.greeting(&mut observation).await.unwrap();
            assert_eq!(greeting, Greeting::Ok("[CAPABILITY IMAP4rev1] ready".into()));
            let reply = conn.command(&mut observation, "CAPABILITY").await;
            drop(conn);
            (reply, observation, peer.await.unwrap())
        })
    }

    fn evidence(o: &Observation) -> Vec<String> {
        o.evidence.iter().map(|e| e.text.clone()).collect()
    }

    #[test]
    fn a_tagged_answer_ends_the_command() {
        let (reply, o, sent) = converse(
            b"* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK Pre-login capabilities listed\r\n",
            false,
        );
        assert_eq!(sent, "a1 CAPABILITY\r\n");
        let reply = reply.unwrap();
        assert_eq!(reply.status, Status::Ok);
        assert!(reply.capabilities().unwrap().has("LOGINDISABLED"));
        assert_eq!(
            evidence(&o),
            [
                "S: * OK [CAPABILITY IMAP4rev1] ready",
                "C: a1 CAPABILITY",
                "S: * CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED",
                "S: a1 OK Pre-login capabilities listed"
            ]
        );
    }

    #[test]
    fn literals_are_read_and_not_shown() {
        let (reply, o, _) = converse(b"* ID (\"name\" {5}\r\nhello)\r\na1 OK done\r\n", false);
        assert_eq!(reply.unwrap().untagged, ["ID (\"name\" {5})"], "the literal is dropped");
        assert!(evidence(&o).contains(&"S: (5 bytes of literal data, not shown)".to_owned()));
        let (reply, _, _) = converse(b"* X {99999999}\r\n", false);
        let fault = reply.unwrap_err();
        assert_eq!(fault.outcome, Outcome::ProtocolError);
        assert!(fault.detail.contains("literal of 99999999 bytes"), "{fault:?}");
    }

    #[test]
    fn what_is_not_an_answer_is_a_protocol_error() {
        for (script, words) in [
            (&b"a2 OK wrong tag\r\n"[..], "neither untagged"),
            (b"+ more\r\n", "asks for more"),
            (b"a1 MAYBE\r\n", "neither OK, NO nor BAD"),
            (b"* CAPABILITY IMAP4rev1\r\na1 O", "middle of a line"),
        ] {
            let (reply, _, _) = converse(script, true);
            let fault = reply.unwrap_err();
            assert_eq!(fault.outcome, Outcome::ProtocolError, "{script:?}");
            assert!(fault.detail.contains(words), "{script:?}: {fault:?}");
        }
    }

    #[test]
    fn an_unfinished_answer_times_out() {
        let (reply, _, _) = converse(b"* CAPABILITY IMAP4rev1\r\n", false);
        assert_eq!(reply.unwrap_err().outcome, Outcome::Timeout);
    }

    #[test]
    fn the_password_never_reaches_the_evidence() {
        let mut secrets = Secrets::default();
        secrets.set(SecretKind::User, "s3cr\"t".to_owned());
        let (o, sent) = run(async {
            let (client, mut server) = duplex(4096);
            let peer = tokio::spawn(async move {
                let mut sent = vec![0; 4096];
                let n = server.read(&mut sent).await.unwrap();
                server
                    .write_all(b"a1 NO password \"s3cr\\\"t\" is wrong, s3cr\"t\r\n")
                    .await
                    .unwrap();
                sent.truncate(n);
                String::from_utf8(sent).unwrap()
            });
            let mut observation = observation();
            let mut conn = Connection::new(client, Duration::from_millis(500), Redactor::new(&secrets));
            let reply = conn.login(&mut observation, "alice", "\"s3cr\\\"t\"").await.unwrap();
            assert_eq!(reply.status, Status::No);
            (observation, peer.await.unwrap())
        });
        assert_eq!(sent, "a1 LOGIN alice \"s3cr\\\"t\"\r\n");
        assert_eq!(
            evidence(&o),
            [
                "C: a1 LOGIN alice ********",
                "S: a1 NO password ******** is wrong, ********"
            ]
        );
    }
}
