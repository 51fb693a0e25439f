//! Just enough HTTP/1.1 for the stand-in: one request per connection (a head, then a body of
//! `Content-Length` bytes), one answer, then the connection closes.

use std::io::{BufRead, BufReader, Read, Write};

/// The largest head read.
const MAX_HEAD: usize = 64 * 1024;
/// The largest body read.
const MAX_BODY: usize = 1024 * 1024;

/// One request.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `POST`.
    pub method: String,
    /// `/axl/`.
    pub path: String,
    /// Headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body, as text.
    pub body: String,
}

impl Request {
    /// The first header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Read one request from `stream`; why not when it is not one.
pub fn read(stream: &mut impl Read) -> Result<Request, String> {
    let mut reader = BufReader::new(stream);
    let mut head_size = 0;
    let mut line = String::new();
    let mut next = |line: &mut String| -> Result<(), String> {
        line.clear();
        let n = reader
            .by_ref()
            .take((MAX_HEAD - head_size) as u64)
            .read_line(line)
            .map_err(|e| format!("reading the head: {e}"))?;
        head_size += n;
        if n == 0 || !line.ends_with('\n') {
            return Err("the head ends early or is too long".to_owned());
        }
        Ok(())
    };
    next(&mut line)?;
    let mut parts = line.split_whitespace();
    let (method, path) = match (parts.next(), parts.next()) {
        (Some(m), Some(p)) => (m.to_owned(), p.to_owned()),
        _ => return Err(format!("not a request line: {line:?}")),
    };
    let mut headers = Vec::new();
    loop {
        next(&mut line)?;
        let text = line.trim_end();
        if text.is_empty() {
            break;
        }
        let (name, value) = text.split_once(':').ok_or_else(|| format!("not a header: {text:?}"))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map(|(_, v)| v.parse().map_err(|_| format!("Content-Length `{v}`")))
        .transpose()?
        .unwrap_or(0);
    if length > MAX_BODY {
        return Err(format!("a body of {length} bytes"));
    }
    let mut body = vec![0; length];
    reader
        .read_exact(&mut body)
        .map_err(|e| format!("reading the body: {e}"))?;
    let body = String::from_utf8(body).map_err(|_| "a body that is not UTF-8".to_owned())?;
    Ok(Request {
        method,
        path,
        headers,
        body,
    })
}

/// Write an answer with `status` (`599 Maximum AXL Memory Allocation Consumed`), extra headers,
/// and `body` of `content_type`, then close.
pub fn write(
    stream: &mut impl Write,
    status: &str,
    headers: &[(&str, &str)],
    content_type: &str,
    body: &str,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    stream.flush()
}
