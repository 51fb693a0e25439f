//! The few things every probe does on the wire: connect within the timeout, read a bounded line
//! within the timeout, and say what went wrong as an [`Outcome`].

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufRead, AsyncBufReadExt};
use tokio::net::TcpStream;

use crate::Outcome;

/// The longest line any probe reads; a server that sends more without a line break is not
/// speaking the protocol.
pub const MAX_LINE: usize = 16 * 1024;

/// Why an exchange stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// The outcome it means.
    pub outcome: Outcome,
    /// What happened, for the evidence.
    pub detail: String,
}

impl Fault {
    /// A fault with `outcome`.
    pub fn new(outcome: Outcome, detail: impl Into<String>) -> Self {
        Self {
            outcome,
            detail: detail.into(),
        }
    }

    /// No answer within `timeout` while `doing`.
    pub fn timeout(doing: &str, timeout: Duration) -> Self {
        Self::new(
            Outcome::Timeout,
            format!("no answer within {} while {doing}", seconds(timeout)),
        )
    }

    /// An I/O error while `doing`, as the outcome it means.
    pub fn io(doing: &str, error: &io::Error) -> Self {
        let outcome = match error.kind() {
            io::ErrorKind::ConnectionRefused => Outcome::Refused,
            io::ErrorKind::TimedOut => Outcome::Timeout,
            io::ErrorKind::HostUnreachable | io::ErrorKind::NetworkUnreachable | io::ErrorKind::AddrNotAvailable => {
                Outcome::Unreachable
            }
            io::ErrorKind::UnexpectedEof | io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
                Outcome::ProtocolError
            }
            _ => Outcome::Failed,
        };
        Self::new(outcome, format!("{doing}: {error}"))
    }
}

/// `duration` as people read it: `3 s`, `1.5 s`, `250 ms`.
pub fn seconds(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else if duration < Duration::from_secs(1) {
        format!("{} ms", duration.as_millis())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// Run `work` for at most `timeout`; `doing` names it in the fault.
pub async fn within<T>(
    timeout: Duration,
    doing: &str,
    work: impl Future<Output = Result<T, Fault>>,
) -> Result<T, Fault> {
    tokio::time::timeout(timeout, work)
        .await
        .unwrap_or_else(|_| Err(Fault::timeout(doing, timeout)))
}

/// A TCP connection to `address` within `timeout`.
pub async fn connect(address: SocketAddr, timeout: Duration) -> Result<TcpStream, Fault> {
    let doing = format!("connecting to {address}");
    within(timeout, &doing, async {
        TcpStream::connect(address).await.map_err(|e| Fault::io(&doing, &e))
    })
    .await
}

/// One line (without its line break), at most [`MAX_LINE`] bytes, within `timeout`. A line cut by
/// the end of the stream, an endless line and bytes that are not UTF-8 are protocol errors.
pub async fn read_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    timeout: Duration,
    doing: &str,
) -> Result<String, Fault> {
    within(timeout, doing, async {
        let mut line = Vec::new();
        loop {
            let available = reader.fill_buf().await.map_err(|e| Fault::io(doing, &e))?;
            if available.is_empty() {
                let detail = if line.is_empty() {
                    format!("the server closed the connection while {doing}")
                } else {
                    format!("the server closed the connection in the middle of a line while {doing}")
                };
                return Err(Fault::new(Outcome::ProtocolError, detail));
            }
            let (chunk, done) = match available.iter().position(|b| *b == b'\n') {
                Some(end) => (&available[..=end], true),
                None => (available, false),
            };
            let taken = chunk.len();
            line.extend_from_slice(chunk);
            reader.consume(taken);
            if line.len() > MAX_LINE {
                return Err(Fault::new(
                    Outcome::ProtocolError,
                    format!("the server sent a line longer than {MAX_LINE} bytes while {doing}"),
                ));
            }
            if done {
                break;
            }
        }
        while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            line.pop();
        }
        String::from_utf8(line).map_err(|_| {
            Fault::new(
                Outcome::ProtocolError,
                format!("the server sent bytes that are not text while {doing}"),
            )
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(bytes: &'static [u8]) -> tokio::io::BufReader<&'static [u8]> {
        tokio::io::BufReader::with_capacity(4, bytes)
    }

    fn run<T>(work: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(work)
    }

    #[test]
    fn lines_are_bounded_and_cut_lines_are_faults() {
        let t = Duration::from_secs(1);
        assert_eq!(
            run(read_line(&mut reader(b"* OK ready\r\nmore"), t, "reading")).unwrap(),
            "* OK ready"
        );
        let cut = run(read_line(&mut reader(b"* OK rea"), t, "reading the greeting")).unwrap_err();
        assert_eq!(cut.outcome, Outcome::ProtocolError);
        assert!(cut.detail.contains("middle of a line"), "{cut:?}");
        let long: &'static [u8] = Box::leak(vec![b'x'; MAX_LINE + 10].into_boxed_slice());
        let endless = run(read_line(&mut reader(long), t, "reading")).unwrap_err();
        assert!(endless.detail.contains("longer than"), "{endless:?}");
        let binary = run(read_line(&mut reader(b"\xff\xfe\n"), t, "reading")).unwrap_err();
        assert_eq!(binary.outcome, Outcome::ProtocolError);
    }

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(seconds(Duration::from_secs(3)), "3 s");
        assert_eq!(seconds(Duration::from_millis(250)), "250 ms");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5 s");
    }
}
