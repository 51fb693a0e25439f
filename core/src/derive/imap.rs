//! The IMAP test: an IMAP session to test voicemail login by hand, and how to read the answer.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::catalogue::Code;

/// Where voicemail is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailStore {
    /// Exchange of this version (2003, 2007, 2010...).
    Exchange(u16),
    /// Cisco Unity Connection.
    UnityConnection,
}

impl fmt::Display for MailStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Exchange(version) => write!(f, "Exchange {version}"),
            Self::UnityConnection => f.write_str("Unity Connection"),
        }
    }
}

/// The text named no known mail store.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown mail store `{0}`: expected an Exchange version (2003, 2007, exchange-2010...) or `unity-connection`")]
pub struct UnknownMailStore(pub String);

impl FromStr for MailStore {
    type Err = UnknownMailStore;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "unity-connection" | "unity connection" | "cuc" | "connection"
        ) {
            return Ok(Self::UnityConnection);
        }
        let version = lower
            .strip_prefix("exchange")
            .map(|v| v.trim_start_matches(['-', ' ', '_']))
            .unwrap_or(&lower);
        match version.parse::<u16>() {
            Ok(v) if (2000..=2100).contains(&v) => Ok(Self::Exchange(v)),
            _ => Err(UnknownMailStore(s.to_owned())),
        }
    }
}

/// The test to run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImapTest {
    /// The server to connect to.
    pub server: String,
    /// The store, as text.
    pub store: String,
    /// The port CUPC uses by default for this store.
    pub port: u16,
    /// Whether that port is IMAP over SSL.
    pub tls: bool,
    /// How to connect by hand.
    pub connect_command: String,
    /// What to type, line by line (`PASS` stands for the password: uclint never takes one).
    pub session: Vec<String>,
    /// How to read the answers.
    pub reading: Vec<String>,
    /// Rule codes this store brings to mind (VM001, VM005).
    pub codes: Vec<Code>,
}

/// Write the IMAP test for `user` on `server`.
pub fn imap_test(server: &str, store: MailStore, user: &str) -> ImapTest {
    // Exchange 2007 and later default to IMAP over SSL (993); 2003 and Unity Connection to 143.
    let tls = matches!(store, MailStore::Exchange(v) if v >= 2007);
    let port = if tls { 993 } else { 143 };
    let connect_command = if tls {
        // Beyond the notes: telnet cannot speak SSL; openssl's client can.
        format!("openssl s_client -connect {server}:{port} -crlf -quiet")
    } else {
        format!("telnet {server} {port}")
    };
    let session = vec![
        "1 capability".to_owned(),
        format!("2 login {user} PASS"),
        "3 logout".to_owned(),
    ];
    let mut reading = vec![
        "Each command starts with a tag (a number and a space); use unique, sequential numbers.".to_owned(),
        "`LOGINDISABLED` in the CAPABILITY line means plain-text LOGIN is disabled on this port: CUPC's login will fail (VM001/VM006).".to_owned(),
        "`2 OK` after login means the user name and password are right; `2 NO` means they are not.".to_owned(),
    ];
    let mut codes = Vec::new();
    match store {
        MailStore::Exchange(v) if v >= 2007 => {
            codes.push(Code::VM001);
            reading.push(format!("Exchange {v} disables LOGIN on TCP 143 by default. For CUPC on 143 run `Set-IMAPSettings -LoginType 1` in the Exchange Management Shell and restart the IMAP4 service, or point the profile to 993 (SSL)."));
        }
        MailStore::Exchange(_) => {}
        MailStore::UnityConnection => {
            codes.push(Code::VM005);
            reading.push("Unity Connection: log in with the user's Web Application Password, not the voicemail PIN (reset it if unsure).".to_owned());
        }
    }
    if matches!(store, MailStore::Exchange(_)) {
        reading.push("IMAP4 is disabled on Exchange by default: set the Microsoft Exchange IMAP4 service to Automatic and start it on every mailbox server (VM002).".to_owned());
    }
    ImapTest {
        server: server.to_owned(),
        store: store.to_string(),
        port,
        tls,
        connect_command,
        session,
        reading,
        codes,
    }
}

/// VM006 when a captured `CAPABILITY` line contains `LOGINDISABLED` on the plain-text port 143.
pub fn read_capability(line: &str, port: u16) -> Option<Code> {
    let disabled = line
        .split_whitespace()
        .any(|token| token.eq_ignore_ascii_case("LOGINDISABLED"));
    (disabled && port == 143).then_some(Code::VM006)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_follow_the_store() {
        let t = imap_test("exch-1", "2003".parse().unwrap(), "JohnDoe");
        assert_eq!((t.port, t.tls), (143, false));
        assert_eq!(t.connect_command, "telnet exch-1 143");
        assert_eq!(t.session[..2], ["1 capability", "2 login JohnDoe PASS"]);
        let t = imap_test("exch-1", "exchange-2007".parse().unwrap(), "JohnDoe");
        assert_eq!((t.port, t.tls), (993, true));
        assert_eq!(t.codes, [Code::VM001]);
        let t = imap_test("cuc-1", "unity-connection".parse().unwrap(), "JohnDoe");
        assert_eq!((t.port, t.codes.as_slice()), (143, [Code::VM005].as_slice()));
        assert!("exchange".parse::<MailStore>().is_err());
        assert!("1999".parse::<MailStore>().is_err());
    }

    #[test]
    fn capability_lines_are_read_by_token() {
        assert_eq!(
            read_capability("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED", 143),
            Some(Code::VM006)
        );
        assert_eq!(
            read_capability("* capability imap4rev1 logindisabled", 143),
            Some(Code::VM006)
        );
        assert_eq!(read_capability("* CAPABILITY IMAP4rev1 LOGINDISABLED", 993), None);
        assert_eq!(read_capability("* CAPABILITY IMAP4rev1 AUTH=PLAIN", 143), None);
    }
}
