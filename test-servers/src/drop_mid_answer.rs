//! A server that sends half of a protocol answer, then closes: for truncated answers.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::acceptor::Acceptor;
use crate::fail::OrPanic;

/// TCP on 127.0.0.1 sending the first half of an answer then closing; stopped when dropped.
pub struct DropMidAnswer {
    /// Where it listens.
    pub address: SocketAddr,
    _acceptor: Acceptor,
}

impl DropMidAnswer {
    /// Send half of `answer` as soon as a client connects (protocols where the server speaks
    /// first: IMAP, SMTP).
    pub fn greeting(answer: &[u8]) -> Self {
        Self::start(answer, false)
    }

    /// Wait for the client's request, then send half of `answer` (HTTP, SIP, LDAP).
    pub fn after_request(answer: &[u8]) -> Self {
        Self::start(answer, true)
    }

    fn start(answer: &[u8], wait_for_request: bool) -> Self {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).or_panic("drop mid answer: bind 127.0.0.1");
        let half = answer[..answer.len() / 2].to_vec();
        let acceptor = Acceptor::start(
            listener,
            Arc::new(move |mut stream: TcpStream, _: &AtomicBool| {
                let mut buffer = [0; 65536];
                if wait_for_request && !matches!(stream.read(&mut buffer), Ok(n) if n > 0) {
                    return;
                }
                let _ = stream.write_all(&half);
                // FIN after the half answer, then drain: closing with unread bytes would send
                // a reset, which the client may see before the half answer.
                let _ = stream.shutdown(Shutdown::Write);
                let _ = std::io::copy(&mut stream, &mut std::io::sink());
            }),
        );
        Self {
            address: acceptor.address(),
            _acceptor: acceptor,
        }
    }
}
