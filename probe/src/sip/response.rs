//! SIP responses, read minimally and strictly: the status line, the headers (folded lines
//! joined, compact names expanded) and nothing of the body but its length. Anything else a
//! server sends where a response belongs is a protocol error, said in words.

use crate::net::MAX_LINE;

/// The largest response the probe reads (head and body); a server that sends more is not
/// answering an OPTIONS or a REGISTER.
pub const MAX_MESSAGE: usize = 64 * 1024;

/// What the server sent is not a SIP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed(pub String);

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One datagram, as SIP reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Datagram {
    /// A response.
    Response(Response),
    /// A request (its first line): not for the probe, which serves nothing.
    Request(String),
    /// Only line breaks: a keep-alive (RFC 5626 §3.5.1).
    KeepAlive,
}

#[cfg(test)]
impl Datagram {
    /// The response, if it is one.
    pub fn response(self) -> Option<Response> {
        match self {
            Self::Response(response) => Some(response),
            _ => None,
        }
    }
}

/// A SIP response's status and headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code, 100 to 699.
    pub code: u16,
    /// The reason phrase (may be empty).
    pub reason: String,
    /// The headers in order: canonical names (compact forms expanded), values trimmed, folded
    /// lines joined.
    headers: Vec<(String, String)>,
    /// The head as received, line by line, for the evidence.
    pub lines: Vec<String>,
}

impl Response {
    /// Read one UDP datagram: its head must be complete, its body as long as Content-Length says.
    pub fn parse_datagram(bytes: &[u8]) -> Result<Datagram, Malformed> {
        if bytes.len() > MAX_MESSAGE {
            return Err(Malformed(format!("a datagram larger than {} KiB", MAX_MESSAGE / 1024)));
        }
        if bytes.iter().all(|b| matches!(b, b'\r' | b'\n')) {
            return Ok(Datagram::KeepAlive);
        }
        if !starts_like_sip(bytes) && !looks_like_request(bytes) {
            return Err(Malformed(format!("bytes that are not SIP: `{}`", preview(bytes))));
        }
        let (head, body) = split_head(bytes)?;
        let head = std::str::from_utf8(head).map_err(|_| Malformed("a head that is not UTF-8 text".to_owned()))?;
        let lines: Vec<&str> = head.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
        let first = lines.first().copied().unwrap_or_default();
        if !starts_like_sip(first.as_bytes()) {
            return Ok(Datagram::Request(first.to_owned()));
        }
        let response = Self::parse_head(&lines)?;
        if let Some(length) = response.content_length()? {
            if body.len() < length {
                return Err(Malformed(format!(
                    "Content-Length {length} but a body of {} bytes (RFC 3261 §18.3)",
                    body.len()
                )));
            }
        }
        Ok(Datagram::Response(response))
    }

    /// Read a head: the status line, then the header lines (no empty line).
    pub fn parse_head<S: AsRef<str>>(lines: &[S]) -> Result<Self, Malformed> {
        let Some((status, rest)) = lines.split_first() else {
            return Err(Malformed("an empty head".to_owned()));
        };
        let (code, reason) = status_line(status.as_ref())?;
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in rest {
            let line = line.as_ref();
            if line.len() > MAX_LINE {
                return Err(Malformed(format!("a header line longer than {MAX_LINE} bytes")));
            }
            if line.starts_with([' ', '\t']) {
                // RFC 3261 §7.3.1: a line starting with white space continues the header above.
                let Some((_, value)) = headers.last_mut() else {
                    return Err(Malformed(format!("a continuation line before any header: `{line}`")));
                };
                value.push(' ');
                value.push_str(line.trim());
                continue;
            }
            let Some((name, value)) = line.split_once(':') else {
                return Err(Malformed(format!("a header line without a colon: `{}`", clip(line))));
            };
            let name = name.trim_end_matches([' ', '\t']);
            if name.is_empty() || !name.bytes().all(is_token) {
                return Err(Malformed(format!(
                    "a header name that is not a token: `{}`",
                    clip(name)
                )));
            }
            headers.push((canonical(name).to_owned(), value.trim().to_owned()));
        }
        Ok(Self {
            code,
            reason,
            headers,
            lines: std::iter::once(status.as_ref())
                .chain(rest.iter().map(AsRef::as_ref))
                .map(str::to_owned)
                .collect(),
        })
    }

    /// The first value of header `name` (any case, compact forms too).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = canonical(name);
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body's length as Content-Length says, if it does.
    pub fn content_length(&self) -> Result<Option<usize>, Malformed> {
        self.header("Content-Length")
            .map(|v| {
                v.parse::<usize>()
                    .map_err(|_| Malformed(format!("a Content-Length that is not a number: `{}`", clip(v))))
            })
            .transpose()
    }

    /// A 1xx: the final answer is still to come.
    pub fn is_provisional(&self) -> bool {
        self.code < 200
    }

    /// `200 OK`.
    pub fn status(&self) -> String {
        if self.reason.is_empty() {
            self.code.to_string()
        } else {
            format!("{} {}", self.code, self.reason)
        }
    }

    /// The branch parameter of the topmost Via.
    pub fn top_via_branch(&self) -> Option<&str> {
        let via = self.header("Via")?;
        let top = via.split(',').next()?;
        top.split(';').skip(1).find_map(|param| {
            let (name, value) = param.split_once('=')?;
            name.trim().eq_ignore_ascii_case("branch").then(|| value.trim())
        })
    }

    /// The CSeq number and method.
    pub fn cseq(&self) -> Option<(u32, &str)> {
        let mut parts = self.header("CSeq")?.split_whitespace();
        let number = parts.next()?.parse().ok()?;
        let method = parts.next()?;
        parts.next().is_none().then_some((number, method))
    }

    /// The challenge, if the response carries one: `WWW-Authenticate` (401) or
    /// `Proxy-Authenticate` (407), and its value.
    pub fn challenge(&self) -> Option<(&'static str, &str)> {
        ["WWW-Authenticate", "Proxy-Authenticate"]
            .into_iter()
            .find_map(|name| self.header(name).map(|value| (name, value)))
    }

    /// What the server says it runs: `Server`, else `User-Agent`.
    pub fn software(&self) -> Option<&str> {
        self.header("Server").or_else(|| self.header("User-Agent"))
    }
}

/// Whether `bytes` start as a SIP response does (`SIP/2.0 `, any case), as far as they go.
pub fn starts_like_sip(bytes: &[u8]) -> bool {
    const START: &[u8] = b"SIP/2.0 ";
    let n = bytes.len().min(START.len());
    bytes[..n].eq_ignore_ascii_case(&START[..n])
}

/// Whether the first line is `METHOD uri SIP/2.0`.
fn looks_like_request(bytes: &[u8]) -> bool {
    let end = bytes.iter().position(|b| *b == b'\n').unwrap_or(bytes.len());
    let line = bytes[..end].strip_suffix(b"\r").unwrap_or(&bytes[..end]);
    let method_ok = line
        .iter()
        .position(|b| *b == b' ')
        .is_some_and(|sp| sp > 0 && line[..sp].iter().all(|b| b.is_ascii_uppercase()));
    method_ok && line.len() > 8 && line[line.len() - 8..].eq_ignore_ascii_case(b" SIP/2.0")
}

/// The head (without its empty line) and the body.
fn split_head(bytes: &[u8]) -> Result<(&[u8], &[u8]), Malformed> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|i| (i, i + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 < b.0 {
                a
            } else {
                b
            }
        }
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return Err(Malformed("a head that no empty line ends".to_owned())),
    };
    Ok((&bytes[..end], &bytes[body..]))
}

/// `SIP/2.0 200 OK` as (200, "OK").
fn status_line(line: &str) -> Result<(u16, String), Malformed> {
    let bad = || {
        Malformed(format!(
            "a status line that is not `SIP/2.0 CODE REASON`: `{}`",
            clip(line)
        ))
    };
    if line.len() > MAX_LINE {
        return Err(Malformed(format!("a status line longer than {MAX_LINE} bytes")));
    }
    let version = line.get(..8).ok_or_else(bad)?;
    if !version.eq_ignore_ascii_case("SIP/2.0 ") {
        return Err(bad());
    }
    let rest = &line[8..];
    let digits = rest.get(..3).ok_or_else(bad)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let code: u16 = digits.parse().map_err(|_| bad())?;
    if !(100..=699).contains(&code) {
        return Err(Malformed(format!("status code {code}, outside 100-699")));
    }
    let reason = match &rest[3..] {
        "" => "",
        after => after.strip_prefix(' ').ok_or_else(bad)?,
    };
    Ok((code, reason.to_owned()))
}

/// RFC 3261 `token` characters.
fn is_token(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-.!%*_+`'~".contains(&byte)
}

/// The long name of a compact header name (RFC 3261 §7.3.3), others as given.
fn canonical(name: &str) -> &str {
    match name {
        "v" | "V" => "Via",
        "f" | "F" => "From",
        "t" | "T" => "To",
        "i" | "I" => "Call-ID",
        "l" | "L" => "Content-Length",
        "m" | "M" => "Contact",
        "c" | "C" => "Content-Type",
        "k" | "K" => "Supported",
        other => other,
    }
}

/// At most 60 characters of `text`, for a message.
fn clip(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

/// The first bytes of something that is not SIP, printable.
pub fn preview(bytes: &[u8]) -> String {
    let shown = &bytes[..bytes.len().min(32)];
    let mut text = shown.escape_ascii().to_string();
    if bytes.len() > shown.len() {
        text.push_str("...");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = "SIP/2.0 200 OK\r\n\
        Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bKabc;rport=40000;received=127.0.0.1\r\n\
        From: <sip:uclint@127.0.0.1>;tag=1\r\n\
        To: <sip:127.0.0.1:5060>;tag=2\r\n\
        Call-ID: xyz\r\n\
        CSeq: 1 OPTIONS\r\n\
        Server: kamailio (5.8.4 (x86_64/linux))\r\n\
        Content-Length: 0\r\n\r\n";

    fn parse(text: &str) -> Result<Datagram, Malformed> {
        Response::parse_datagram(text.as_bytes())
    }

    #[test]
    fn a_response_is_read_header_by_header() {
        let r = parse(OK).unwrap().response().unwrap();
        assert_eq!((r.code, r.reason.as_str()), (200, "OK"));
        assert_eq!(r.status(), "200 OK");
        assert_eq!(r.top_via_branch(), Some("z9hG4bKabc"));
        assert_eq!(r.cseq(), Some((1, "OPTIONS")));
        assert_eq!(r.header("call-id"), Some("xyz"));
        assert_eq!(r.software(), Some("kamailio (5.8.4 (x86_64/linux))"));
        assert_eq!(r.content_length(), Ok(Some(0)));
        assert_eq!(r.lines.len(), 8);
        assert!(!r.is_provisional());
        assert_eq!(r.challenge(), None);
    }

    #[test]
    fn compact_names_folding_and_challenges() {
        let text = "SIP/2.0 401 Unauthorized\r\nv: SIP/2.0/TCP h;branch=z9hG4bK1, SIP/2.0/UDP o;branch=z9hG4bK2\r\n\
                    i: abc\r\nWWW-Authenticate: Digest realm=\"acme.com\",\r\n nonce=\"n\"\r\nl: 0\r\n\r\n";
        let r = parse(text).unwrap().response().unwrap();
        assert_eq!(r.top_via_branch(), Some("z9hG4bK1"));
        assert_eq!(r.header("Call-ID"), Some("abc"));
        assert_eq!(
            r.challenge(),
            Some(("WWW-Authenticate", "Digest realm=\"acme.com\", nonce=\"n\""))
        );
        let proxy = parse("SIP/2.0 407 Proxy Authentication Required\r\nProxy-Authenticate: Digest x\r\n\r\n")
            .unwrap()
            .response()
            .unwrap();
        assert_eq!(proxy.challenge(), Some(("Proxy-Authenticate", "Digest x")));
        let bare_lf = parse("SIP/2.0 100 Trying\nCSeq: 1 OPTIONS\n\n")
            .unwrap()
            .response()
            .unwrap();
        assert!(bare_lf.is_provisional());
        let no_reason = parse("SIP/2.0 200\r\n\r\n").unwrap().response().unwrap();
        assert_eq!(no_reason.status(), "200");
    }

    #[test]
    fn keep_alives_and_requests_are_not_responses() {
        assert_eq!(parse("\r\n\r\n"), Ok(Datagram::KeepAlive));
        assert_eq!(
            parse("OPTIONS sip:x SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n"),
            Ok(Datagram::Request("OPTIONS sip:x SIP/2.0".to_owned()))
        );
    }

    fn malformed(text: &[u8]) -> String {
        match Response::parse_datagram(text) {
            Err(Malformed(why)) => why,
            other => panic!("accepted {:?}: {other:?}", String::from_utf8_lossy(text)),
        }
    }

    #[test]
    fn malformed_responses_say_why() {
        assert!(malformed(b"HTTP/1.1 400 Bad Request\r\n\r\n").contains("not SIP"));
        assert!(malformed(b"\x00\xff\x13garbage").contains("not SIP"));
        assert!(malformed(b"SIP/2.0 200 OK\r\nCSeq: 1 OPTIONS\r\n").contains("no empty line"));
        assert!(malformed(b"SIP/2.0 2000 OK\r\n\r\n").contains("status line"));
        assert!(malformed(b"SIP/2.0 20 OK\r\n\r\n").contains("status line"));
        assert!(malformed(b"SIP/2.0 700 Odd\r\n\r\n").contains("outside"));
        assert!(malformed(b"SIP/2.0 099 Odd\r\n\r\n").contains("outside"));
        assert!(malformed(b"SIP/2.0 200OK\r\n\r\n").contains("status line"));
        assert!(malformed(b"SIP/3.0 200 OK\r\n\r\n").contains("not SIP"));
        assert!(malformed(b"SIP/2.0 200 OK\r\nno colon here\r\n\r\n").contains("without a colon"));
        assert!(malformed(b"SIP/2.0 200 OK\r\nBad Name: x\r\n\r\n").contains("not a token"));
        assert!(malformed(b"SIP/2.0 200 OK\r\n folded: first\r\n\r\n").contains("continuation"));
        assert!(malformed(b"SIP/2.0 200 OK\r\nX: \xff\r\n\r\n").contains("UTF-8"));
        assert!(malformed(b"SIP/2.0 200 OK\r\nContent-Length: ten\r\n\r\n").contains("not a number"));
        assert!(malformed(b"SIP/2.0 200 OK\r\nContent-Length: 10\r\n\r\nshort").contains("body of 5"));
        let long = format!("SIP/2.0 200 OK\r\nX: {}\r\n\r\n", "x".repeat(MAX_LINE + 1));
        assert!(malformed(long.as_bytes()).contains("longer than"));
        let huge = format!("SIP/2.0 200 OK\r\n\r\n{}", "x".repeat(MAX_MESSAGE));
        assert!(malformed(huge.as_bytes()).contains("larger than"));
    }

    #[test]
    fn a_body_longer_than_announced_is_fine() {
        let r = parse("SIP/2.0 200 OK\r\nContent-Length: 2\r\n\r\nhello").unwrap();
        assert!(r.response().is_some());
    }

    #[test]
    fn garbage_is_shown_escaped() {
        assert_eq!(preview(b"\x00ab\r\n"), "\\x00ab\\r\\n");
        assert!(preview(&[b'x'; 100]).ends_with("..."));
        assert!(starts_like_sip(b"SI"));
        assert!(starts_like_sip(b"sip/2.0 200"));
        assert!(!starts_like_sip(b"HTTP"));
    }
}
