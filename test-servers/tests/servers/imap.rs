//! A bare IMAP client: the greeting, then tagged commands.

use crate::common::{ReadWrite, exchange, read_until};

/// The greeting line.
pub fn greeting(stream: &mut impl ReadWrite) -> String {
    read_until(stream, |t| t.ends_with("\r\n"))
}

/// Send `tag command`; everything up to and with the tagged answer.
pub fn command(stream: &mut impl ReadWrite, tag: &str, command: &str) -> String {
    let end = format!("{tag} ");
    exchange(stream, format!("{tag} {command}\r\n").as_bytes(), |t| {
        t.ends_with("\r\n") && t.lines().any(|l| l.starts_with(&end))
    })
}

/// The tagged answer line of `answer`.
pub fn tagged<'a>(answer: &'a str, tag: &str) -> &'a str {
    answer
        .lines()
        .find(|l| l.starts_with(&format!("{tag} ")))
        .unwrap_or_default()
}
