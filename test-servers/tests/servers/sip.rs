//! A bare SIP client: one request over UDP, TCP or TLS, one reply.

use std::net::{Ipv4Addr, SocketAddr, UdpSocket};

use crate::common::{ReadWrite, TIMEOUT, exchange};

/// A request without credentials; `local` is where replies go (Via, with rport).
pub fn request(method: &str, transport: &str, server: SocketAddr, local: SocketAddr) -> String {
    format!(
        "{method} sip:{server} SIP/2.0\r\n\
         Via: SIP/2.0/{transport} {local};branch=z9hG4bK-{method}-{transport};rport\r\n\
         Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=t1\r\nTo: <sip:alice@127.0.0.1>\r\n\
         Call-ID: {method}-{transport}@127.0.0.1\r\nCSeq: 1 {method}\r\n\
         Contact: <sip:alice@{local}>\r\nExpires: 60\r\nContent-Length: 0\r\n\r\n"
    )
}

/// The reply to `method` over UDP.
pub fn over_udp(method: &str, server: SocketAddr) -> String {
    let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    socket.set_read_timeout(Some(TIMEOUT)).unwrap();
    let local = socket.local_addr().unwrap();
    socket
        .send_to(request(method, "UDP", server, local).as_bytes(), server)
        .unwrap();
    let mut reply = [0; 8192];
    let (n, _) = socket.recv_from(&mut reply).unwrap();
    String::from_utf8_lossy(&reply[..n]).into_owned()
}

/// The reply to `method` over a stream (TCP or TLS) whose local end is `local`.
pub fn over_stream(
    stream: &mut impl ReadWrite,
    transport: &str,
    method: &str,
    server: SocketAddr,
    local: SocketAddr,
) -> String {
    exchange(stream, request(method, transport, server, local).as_bytes(), |t| {
        t.contains("\r\n\r\n")
    })
}
