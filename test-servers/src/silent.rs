//! A server that accepts (TCP) or receives (UDP) and never answers: for timeouts.

use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::acceptor::Acceptor;
use crate::ports::bind_both;

/// TCP and UDP on one port of 127.0.0.1, never a byte back; stopped when dropped.
pub struct Silent {
    /// Where nothing answers (TCP and UDP).
    pub address: SocketAddr,
    _udp: UdpSocket,
    _acceptor: Acceptor,
}

impl Silent {
    /// Listen on a free port.
    pub fn start() -> Self {
        let (tcp, udp) = bind_both(IpAddr::V4(Ipv4Addr::LOCALHOST));
        // Reads what the client sends, so its writes never block, and holds the connection open.
        let acceptor = Acceptor::start(
            tcp,
            Arc::new(|mut stream: TcpStream, _: &AtomicBool| {
                let _ = std::io::copy(&mut stream.by_ref(), &mut std::io::sink());
            }),
        );
        Self {
            address: acceptor.address(),
            _udp: udp,
            _acceptor: acceptor,
        }
    }
}
