//! A TCP relay on 127.0.0.1 in front of a real server, cutting every connection once the server
//! has sent a given number of bytes: a server that stops in the middle of a long answer (a paged
//! search, a zone transfer) at a point the test chooses.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::thread;

use crate::acceptor::Acceptor;
use crate::fail::OrPanic;

/// Relays to a server, cutting each connection after the server's first `n` bytes; stopped when
/// dropped.
pub struct Relay {
    /// Where clients connect.
    pub address: SocketAddr,
    _acceptor: Acceptor,
}

impl Relay {
    /// Relay to `server` (loopback), passing the client everything it sends and the server's
    /// first `bytes` bytes, then closing both connections.
    pub fn cut_after(server: SocketAddr, bytes: usize) -> Self {
        assert!(server.ip().is_loopback(), "relay: {server} is not a loopback address");
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).or_panic("relay: bind 127.0.0.1");
        let acceptor = Acceptor::start(
            listener,
            Arc::new(move |client: TcpStream, _: &AtomicBool| relay(client, server, bytes)),
        );
        Self {
            address: acceptor.address(),
            _acceptor: acceptor,
        }
    }
}

fn relay(client: TcpStream, server: SocketAddr, limit: usize) {
    let Ok(upstream) = TcpStream::connect(server) else {
        return;
    };
    let (Ok(mut client_in), Ok(mut upstream_out), Ok(upstream_end)) =
        (client.try_clone(), upstream.try_clone(), upstream.try_clone())
    else {
        return;
    };
    // Client to server, until the client closes (or the cut closes it); then the server's side.
    let forward = thread::spawn(move || {
        let _ = std::io::copy(&mut client_in, &mut upstream_out);
        let _ = upstream_end.shutdown(Shutdown::Both);
    });
    let (mut client_out, mut upstream_in) = (client, upstream);
    let mut sent = 0;
    let mut buffer = [0; 16 * 1024];
    while sent < limit {
        let n = match upstream_in.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => n.min(limit - sent),
        };
        if client_out.write_all(&buffer[..n]).is_err() {
            break;
        }
        sent += n;
    }
    let _ = client_out.flush();
    let _ = client_out.shutdown(Shutdown::Both);
    let _ = upstream_in.shutdown(Shutdown::Both);
    let _ = forward.join();
}
