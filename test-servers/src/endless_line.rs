//! A server that sends one line that never ends, until the client hangs up: for read limits.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::acceptor::Acceptor;
use crate::fail::OrPanic;

/// How much is written at a time.
const CHUNK: usize = 16 * 1024;

/// TCP on 127.0.0.1 sending a prefix then `x` forever, never a newline; stopped when dropped.
pub struct EndlessLine {
    /// Where it listens.
    pub address: SocketAddr,
    sent: Arc<AtomicU64>,
    _acceptor: Acceptor,
}

impl EndlessLine {
    /// Send `prefix` (e.g. `"* OK "` or `"SIP/2.0 200 "`) then `x` without end to each client.
    pub fn start(prefix: &str) -> Self {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).or_panic("endless line: bind 127.0.0.1");
        let sent = Arc::new(AtomicU64::new(0));
        let counter = sent.clone();
        let prefix = prefix.as_bytes().to_vec();
        let acceptor = Acceptor::start(
            listener,
            Arc::new(move |mut stream: TcpStream, stop: &AtomicBool| {
                if stream.write_all(&prefix).is_err() {
                    return;
                }
                let chunk = [b'x'; CHUNK];
                // Ends when the client hangs up (the write fails) or the server is dropped.
                while !stop.load(Ordering::SeqCst) && stream.write_all(&chunk).is_ok() {
                    counter.fetch_add(CHUNK as u64, Ordering::SeqCst);
                }
            }),
        );
        Self {
            address: acceptor.address(),
            sent,
            _acceptor: acceptor,
        }
    }

    /// How many bytes of `x` were written to clients so far (the kernel may still hold some).
    pub fn sent(&self) -> u64 {
        self.sent.load(Ordering::SeqCst)
    }
}
