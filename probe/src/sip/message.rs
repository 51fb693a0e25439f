//! The two requests the probe sends (RFC 3261): OPTIONS, to ask whether a SIP server is there,
//! and REGISTER without credentials and without Contact, to ask whether the proxy challenges.
//!
//! A REGISTER without a Contact header is a query of the user's bindings (RFC 3261 §10.2.3): a
//! registrar that lets it through lists the bindings and changes none. No Expires either: it
//! only means something beside a Contact.

use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};

use uclint_core::model::Transport;
use uclint_core::route::uri::{Host, Uri};

use super::random::token;
use super::response::Response;

/// The magic cookie every RFC 3261 branch starts with (§8.1.1.7).
const MAGIC_COOKIE: &str = "z9hG4bK";

/// The two methods the probe uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Are you there?
    Options,
    /// Do you challenge?
    Register,
}

impl Method {
    /// The method as SIP writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Options => "OPTIONS",
            Self::Register => "REGISTER",
        }
    }
}

/// One request, before it knows the address it is sent from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The Request-URI.
    pub uri: String,
    /// The transport it goes over (the Via says it).
    pub transport: Transport,
    /// The From URI; `None`: `sip:uclint@` the address it is sent from.
    pub from: Option<String>,
    /// The To URI.
    pub to: String,
    /// The Via branch, magic cookie included.
    pub branch: String,
    /// The From tag.
    pub tag: String,
    /// The Call-ID.
    pub call_id: String,
    /// The CSeq number.
    pub cseq: u32,
}

impl Request {
    /// OPTIONS to the server at `address`, `port` (RFC 3261 §11): the URI names the address the
    /// probe contacts, which every server recognizes as itself.
    pub fn options(address: IpAddr, port: u16, transport: Transport) -> Self {
        let uri = format!("sip:{}:{port}", host_of(address));
        Self::new(Method::Options, uri.clone(), transport, None, uri)
    }

    /// REGISTER of `user` at `domain` (RFC 3261 §10.2), as a query of bindings: From and To are
    /// the user's address of record; the Request-URI is the registrar's domain.
    pub fn register(user: &str, domain: &str, transport: Transport) -> Result<Self, String> {
        let host = Host::parse(domain.trim_end_matches('.'))
            .map_err(|e| format!("`{domain}` cannot be the domain of a SIP URI: {e}"))?;
        let aor = format!("sip:{}@{host}", escape_user(user));
        Uri::parse(&aor).map_err(|e| format!("`{aor}` is not a SIP URI: {e}"))?;
        Ok(Self::new(
            Method::Register,
            format!("sip:{host}"),
            transport,
            Some(aor.clone()),
            aor,
        ))
    }

    fn new(method: Method, uri: String, transport: Transport, from: Option<String>, to: String) -> Self {
        Self {
            method,
            uri,
            transport,
            from,
            to,
            branch: format!("{MAGIC_COOKIE}{}", token()),
            tag: token(),
            call_id: format!("{}{}", token(), token()),
            cseq: 1,
        }
    }

    /// The request as sent from `local`: every line ends with CRLF, the head with an empty line.
    pub fn render(&self, local: SocketAddr) -> String {
        let via = match self.transport {
            Transport::Udp => "UDP",
            Transport::Tcp => "TCP",
            Transport::Tls => "TLS",
        };
        let from = self
            .from
            .clone()
            .unwrap_or_else(|| format!("sip:uclint@{}", host_of(local.ip())));
        let method = self.method.as_str();
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = write!(
            text,
            "{method} {uri} SIP/2.0\r\n\
             Via: SIP/2.0/{via} {local};branch={branch};rport\r\n\
             Max-Forwards: 70\r\n\
             From: <{from}>;tag={tag}\r\n\
             To: <{to}>\r\n\
             Call-ID: {call_id}\r\n\
             CSeq: {cseq} {method}\r\n",
            uri = self.uri,
            branch = self.branch,
            tag = self.tag,
            to = self.to,
            call_id = self.call_id,
            cseq = self.cseq,
        );
        if self.method == Method::Options {
            // RFC 3261 §11.1: an OPTIONS says what it accepts.
            text.push_str("Accept: application/sdp\r\n");
        }
        let _ = write!(
            text,
            "User-Agent: uclint/{}\r\nContent-Length: 0\r\n\r\n",
            env!("CARGO_PKG_VERSION")
        );
        text
    }

    /// Why `response` is not the answer to this request, if it is not: the top Via's branch,
    /// the Call-ID, the CSeq and the To URI must be the ones sent (RFC 3261 §17.1.3, §8.1.3.3).
    pub fn mismatch(&self, response: &Response) -> Option<String> {
        let method = self.method.as_str();
        match response.top_via_branch() {
            Some(branch) if branch.eq_ignore_ascii_case(&self.branch) => {}
            Some(branch) => return Some(format!("its Via branch is `{branch}`, not `{}`", self.branch)),
            None => return Some("it has no Via with a branch".to_owned()),
        }
        match response.header("Call-ID") {
            Some(id) if id == self.call_id => {}
            other => return Some(format!("its Call-ID is {}", shown(other))),
        }
        match response.cseq() {
            Some((number, m)) if number == self.cseq && m == method => {}
            _ => return Some(format!("its CSeq is {}", shown(response.header("CSeq")))),
        }
        let to = response.header("To").and_then(address_uri);
        let same = to
            .and_then(|to| Some((Uri::parse(to).ok()?, Uri::parse(&self.to).ok()?)))
            .is_some_and(|(got, sent)| got.equivalent(&sent));
        if !same {
            return Some(format!("its To is {}", shown(response.header("To"))));
        }
        None
    }
}

/// An address as a URI host: IPv6 in brackets.
fn host_of(address: IpAddr) -> Host {
    match address {
        IpAddr::V4(v4) => Host::Ipv4(v4),
        IpAddr::V6(v6) => Host::Ipv6(v6),
    }
}

/// A header value for a message, or `none`.
fn shown(value: Option<&str>) -> String {
    value.map_or_else(|| "missing".to_owned(), |v| format!("`{v}`"))
}

/// The URI of a From/To value: inside `<...>`, else up to the first `;` (RFC 3261 §20.10).
pub fn address_uri(value: &str) -> Option<&str> {
    match value.find('<') {
        Some(start) => {
            let rest = value.get(start + 1..)?;
            rest.find('>').and_then(|end| rest.get(..end))
        }
        None => value.split(';').next().map(str::trim).filter(|u| !u.is_empty()),
    }
}

/// The user part of a SIP URI, %-escaped where RFC 3261 §25.1 wants it (`unreserved` and
/// `user-unreserved` stay as they are).
fn escape_user(user: &str) -> String {
    let mut out = String::with_capacity(user.len());
    for byte in user.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()&=+$,;?/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local() -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], 40000))
    }

    #[test]
    fn options_is_rfc_3261_shaped() {
        let request = Request::options(IpAddr::from([127, 0, 0, 1]), 5060, Transport::Udp);
        let text = request.render(local());
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "OPTIONS sip:127.0.0.1:5060 SIP/2.0");
        assert!(
            lines[1].starts_with("Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK") && lines[1].ends_with(";rport"),
            "{text}"
        );
        assert_eq!(lines[2], "Max-Forwards: 70");
        assert!(lines[3].starts_with("From: <sip:uclint@127.0.0.1>;tag="), "{text}");
        assert_eq!(lines[4], "To: <sip:127.0.0.1:5060>");
        assert!(lines[5].starts_with("Call-ID: "), "{text}");
        assert_eq!(lines[6], "CSeq: 1 OPTIONS");
        assert_eq!(lines[7], "Accept: application/sdp");
        assert_eq!(lines[8], format!("User-Agent: uclint/{}", env!("CARGO_PKG_VERSION")));
        assert_eq!(lines[9], "Content-Length: 0");
        assert!(text.ends_with("\r\n\r\n"), "{text:?}");
        assert_eq!(lines.len(), 12, "no other header: {text}");
    }

    #[test]
    fn each_request_draws_its_own_branch_tag_and_call_id() {
        let a = Request::options(IpAddr::from([127, 0, 0, 1]), 5060, Transport::Udp);
        let b = Request::options(IpAddr::from([127, 0, 0, 1]), 5060, Transport::Udp);
        assert_ne!(a.branch, b.branch);
        assert_ne!(a.tag, b.tag);
        assert_ne!(a.call_id, b.call_id);
        assert_eq!(a.branch.len(), MAGIC_COOKIE.len() + 16);
    }

    #[test]
    fn ipv6_hosts_are_bracketed() {
        let request = Request::options("::1".parse().unwrap(), 5061, Transport::Tls);
        let text = request.render("[::1]:40000".parse().unwrap());
        assert!(text.starts_with("OPTIONS sip:[::1]:5061 SIP/2.0\r\n"), "{text}");
        assert!(text.contains("Via: SIP/2.0/TLS [::1]:40000;branch="), "{text}");
        assert!(text.contains("From: <sip:uclint@[::1]>;tag="), "{text}");
    }

    #[test]
    fn register_queries_bindings_without_contact_or_expires() {
        let request = Request::register("alice", "acme.com", Transport::Tcp).unwrap();
        let text = request.render(local());
        assert!(text.starts_with("REGISTER sip:acme.com SIP/2.0\r\n"), "{text}");
        assert!(text.contains("Via: SIP/2.0/TCP 127.0.0.1:40000;"), "{text}");
        assert!(text.contains("\r\nFrom: <sip:alice@acme.com>;tag="), "{text}");
        assert!(text.contains("\r\nTo: <sip:alice@acme.com>\r\n"), "{text}");
        assert!(text.contains("\r\nCSeq: 1 REGISTER\r\n"), "{text}");
        let lower = text.to_ascii_lowercase();
        assert!(!lower.contains("\r\ncontact:") && !lower.contains("\r\nm:"), "{text}");
        assert!(!lower.contains("expires"), "{text}");
        assert!(!lower.contains("authorization"), "{text}");
    }

    #[test]
    fn register_escapes_the_user_and_refuses_a_bad_domain() {
        let request = Request::register("j smith@x", "acme.com.", Transport::Udp).unwrap();
        assert_eq!(request.to, "sip:j%20smith%40x@acme.com");
        assert!(Request::register("alice", "not a domain", Transport::Udp).is_err());
        assert!(Request::register("alice", "", Transport::Udp).is_err());
    }

    fn answer(request: &Request, via_branch: &str, call_id: &str, cseq: &str, to: &str) -> Response {
        let text = format!(
            "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:40000;branch={via_branch};rport=40000\r\n\
             From: <sip:uclint@127.0.0.1>;tag={}\r\nTo: {to}\r\nCall-ID: {call_id}\r\nCSeq: {cseq}\r\n\
             Content-Length: 0\r\n\r\n",
            request.tag
        );
        Response::parse_datagram(text.as_bytes()).unwrap().response().unwrap()
    }

    #[test]
    fn answers_are_matched_on_via_call_id_cseq_and_to() {
        let r = Request::options(IpAddr::from([127, 0, 0, 1]), 5060, Transport::Udp);
        let to = "<sip:127.0.0.1:5060>;tag=abc";
        let ok = answer(&r, &r.branch, &r.call_id, "1 OPTIONS", to);
        assert_eq!(r.mismatch(&ok), None);
        let upper = answer(&r, &r.branch.to_ascii_uppercase(), &r.call_id, "1 OPTIONS", to);
        assert_eq!(r.mismatch(&upper), None, "branches compare ignoring case");
        let bare_to = answer(&r, &r.branch, &r.call_id, "1 OPTIONS", "sip:127.0.0.1:5060;tag=abc");
        assert_eq!(r.mismatch(&bare_to), None);
        let branch = answer(&r, "z9hG4bKother", &r.call_id, "1 OPTIONS", to);
        assert!(r.mismatch(&branch).unwrap().contains("Via branch"));
        let call = answer(&r, &r.branch, "someone-else", "1 OPTIONS", to);
        assert!(r.mismatch(&call).unwrap().contains("Call-ID"));
        let cseq = answer(&r, &r.branch, &r.call_id, "1 REGISTER", to);
        assert!(r.mismatch(&cseq).unwrap().contains("CSeq"));
        let number = answer(&r, &r.branch, &r.call_id, "2 OPTIONS", to);
        assert!(r.mismatch(&number).unwrap().contains("CSeq"));
        let other = answer(&r, &r.branch, &r.call_id, "1 OPTIONS", "<sip:bob@127.0.0.1>");
        assert!(r.mismatch(&other).unwrap().contains("To"));
    }

    #[test]
    fn name_addr_uris() {
        assert_eq!(address_uri("\"A\" <sip:a@b>;tag=1"), Some("sip:a@b"));
        assert_eq!(address_uri("sip:a@b;tag=1"), Some("sip:a@b"));
        assert_eq!(address_uri("<sip:a@b"), None);
    }
}
