//! A server that answers with bytes of no protocol: on connect and after each request (TCP), and
//! to each datagram (UDP).

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::acceptor::Acceptor;
use crate::ports::bind_both;

/// How many random bytes one answer holds.
const RANDOM_LEN: usize = 256;

/// TCP and UDP on one port of 127.0.0.1 answering garbage; stopped when dropped.
pub struct Garbage {
    /// Where it answers (TCP and UDP).
    pub address: SocketAddr,
    stop: Arc<AtomicBool>,
    udp: Option<JoinHandle<()>>,
    _acceptor: Acceptor,
}

/// What one answer is.
#[derive(Clone)]
enum Kind {
    Random,
    Line(Vec<u8>),
}

impl Garbage {
    /// Answers random bytes, different each time.
    pub fn random() -> Self {
        Self::start(Kind::Random)
    }

    /// Answers `line` and CRLF: text, but not the protocol the client expects.
    pub fn line(line: &str) -> Self {
        Self::start(Kind::Line(format!("{line}\r\n").into_bytes()))
    }

    fn start(kind: Kind) -> Self {
        let (tcp, udp) = bind_both(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let tcp_kind = kind.clone();
        let acceptor = Acceptor::start(
            tcp,
            Arc::new(move |mut stream: TcpStream, _: &AtomicBool| {
                let mut buffer = [0; 4096];
                while stream.write_all(&answer(&tcp_kind)).is_ok() {
                    if !matches!(stream.read(&mut buffer), Ok(n) if n > 0) {
                        break;
                    }
                }
            }),
        );
        let stop = Arc::new(AtomicBool::new(false));
        let udp_stop = stop.clone();
        let thread = thread::spawn(move || {
            let mut buffer = [0; 65536];
            while let Ok((_, from)) = udp.recv_from(&mut buffer) {
                if udp_stop.load(Ordering::SeqCst) {
                    break;
                }
                let _ = udp.send_to(&answer(&kind), from);
            }
        });
        Self {
            address: acceptor.address(),
            stop,
            udp: Some(thread),
            _acceptor: acceptor,
        }
    }
}

impl Drop for Garbage {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // The UDP loop is blocked in recv_from(): one datagram lets it see `stop`.
        if let Ok(socket) = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)) {
            let _ = socket.send_to(b"stop", self.address);
        }
        if let Some(thread) = self.udp.take() {
            let _ = thread.join();
        }
    }
}

/// One answer of `kind`.
fn answer(kind: &Kind) -> Vec<u8> {
    match kind {
        Kind::Line(line) => line.clone(),
        Kind::Random => random_bytes(RANDOM_LEN),
    }
}

/// `len` pseudo-random bytes (xorshift: no cryptography needed, only noise).
fn random_bytes(len: usize) -> Vec<u8> {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut state = nanos
        ^ CALLS
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}
