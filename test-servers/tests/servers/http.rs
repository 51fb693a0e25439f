//! A bare HTTP/1.1 client: one request, `Connection: close`, the whole answer.

use std::net::SocketAddr;

use crate::common::{ReadWrite, exchange};

/// The answer to `method path` sent to `server`, with `headers` (each `Name: value`) and `body`.
pub fn request(
    stream: &mut impl ReadWrite,
    server: SocketAddr,
    method: &str,
    path: &str,
    headers: &[&str],
    body: &str,
) -> String {
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {server}\r\nConnection: close\r\n");
    for header in headers {
        request.push_str(header);
        request.push_str("\r\n");
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    // Read to the end: the server closes after the answer.
    exchange(stream, request.as_bytes(), |_| false)
}

/// The status line.
pub fn status(answer: &str) -> &str {
    answer.lines().next().unwrap_or_default()
}

/// The value of header `name` (case-insensitive), if present.
pub fn header<'a>(answer: &'a str, name: &str) -> Option<&'a str> {
    let head = answer.split("\r\n\r\n").next().unwrap_or_default();
    head.lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}
