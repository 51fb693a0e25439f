//! The small client side of the readiness checks: connect, send, read until an answer.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// How long one readiness attempt may wait for a connection or an answer.
const ATTEMPT: Duration = Duration::from_secs(1);

/// A TCP connection to `address` whose reads and writes time out.
pub(crate) fn connect(address: SocketAddr) -> Result<TcpStream, String> {
    let stream = TcpStream::connect_timeout(&address, ATTEMPT).map_err(|e| format!("connect {address}: {e}"))?;
    stream.set_read_timeout(Some(ATTEMPT)).map_err(|e| e.to_string())?;
    stream.set_write_timeout(Some(ATTEMPT)).map_err(|e| e.to_string())?;
    Ok(stream)
}

/// Send `request` (if any) to `address` over TCP and read until `done` says the answer is whole.
pub(crate) fn exchange(address: SocketAddr, request: &[u8], done: impl Fn(&[u8]) -> bool) -> Result<Vec<u8>, String> {
    let mut stream = connect(address)?;
    if !request.is_empty() {
        stream
            .write_all(request)
            .map_err(|e| format!("send to {address}: {e}"))?;
    }
    let mut answer = Vec::new();
    let mut buffer = [0; 4096];
    while !done(&answer) {
        match stream.read(&mut buffer) {
            Ok(0) => return Err(format!("{address} closed after {:?}", String::from_utf8_lossy(&answer))),
            Ok(n) => answer.extend_from_slice(&buffer[..n]),
            Err(e) => return Err(format!("read from {address}: {e}")),
        }
    }
    Ok(answer)
}
