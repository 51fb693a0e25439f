//! Ports the OS says are free on loopback, and one nobody listens on.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};

use crate::fail::OrPanic;

/// A port free for both TCP and UDP on 127.0.0.1.
pub fn free_port() -> u16 {
    let [port] = free_ports(IpAddr::V4(Ipv4Addr::LOCALHOST));
    port
}

/// `N` different ports, each free for both TCP and UDP on `ip`.
pub fn free_ports<const N: usize>(ip: IpAddr) -> [u16; N] {
    // Every socket stays bound until all are chosen, so the OS cannot hand out one port twice.
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

/// A TCP listener and a UDP socket on one port the OS chose.
pub(crate) fn bind_both(ip: IpAddr) -> (TcpListener, UdpSocket) {
    for _ in 0..100 {
        let Ok(tcp) = TcpListener::bind((ip, 0)) else {
            continue;
        };
        let Ok(address) = tcp.local_addr() else {
            continue;
        };
        if let Ok(udp) = UdpSocket::bind(address) {
            return (tcp, udp);
        }
    }
    panic!("no port free for both TCP and UDP on {ip}");
}
