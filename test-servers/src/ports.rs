//! Ports for servers the tests start, and one nobody listens on.
//!
//! A port is chosen above the kernel's ephemeral range (32768-60999 on Linux): between the check
//! that it is free and the server's bind, the client sockets of other tests, which the kernel
//! gives ephemeral ports, cannot take it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::fail::OrPanic;

/// The lowest port handed out.
const FIRST: u32 = 61_000;
/// How many ports there are from `FIRST` to 65535.
const COUNT: u32 = 65_536 - FIRST;

/// A port free for both TCP and UDP on 127.0.0.1.
pub fn free_port() -> u16 {
    let [port] = free_ports(IpAddr::V4(Ipv4Addr::LOCALHOST));
    port
}

/// `N` different ports, each free for both TCP and UDP on `ip`.
pub fn free_ports<const N: usize>(ip: IpAddr) -> [u16; N] {
    // Every socket stays bound until all are chosen: no port is handed out twice.
    let mut held = Vec::with_capacity(N);
    for _ in 0..N {
        held.push(bind_both(ip));
    }
    std::array::from_fn(|i| held[i].0.local_addr().or_panic("free port: local address").port())
}

/// An address on 127.0.0.1 where nothing listens (TCP or UDP): connecting is refused.
pub fn closed_port() -> SocketAddr {
    // Both sockets close on return: the port was just free, and then nothing holds it.
    let (tcp, _udp) = bind_both(IpAddr::V4(Ipv4Addr::LOCALHOST));
    tcp.local_addr().or_panic("closed port: local address")
}

/// A TCP listener and a UDP socket on one free port of `ip`, from `FIRST` up.
pub(crate) fn bind_both(ip: IpAddr) -> (TcpListener, UdpSocket) {
    for _ in 0..COUNT {
        let port = next_port();
        if let (Ok(tcp), Ok(udp)) = (TcpListener::bind((ip, port)), UdpSocket::bind((ip, port))) {
            return (tcp, udp);
        }
    }
    panic!("no port from {FIRST} up is free for both TCP and UDP on {ip}");
}

/// The next port to try: each test process walks the range from its own starting point, so
/// processes running side by side rarely try the same port at once.
fn next_port() -> u16 {
    static NEXT: AtomicU32 = AtomicU32::new(u32::MAX);
    if NEXT.load(Ordering::Relaxed) == u32::MAX {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let start = std::process::id().wrapping_mul(2_654_435_761) ^ nanos;
        let _ = NEXT.compare_exchange(u32::MAX, start % COUNT, Ordering::Relaxed, Ordering::Relaxed);
    }
    let offset = NEXT.fetch_add(1, Ordering::Relaxed) % COUNT;
    (FIRST + offset) as u16
}
