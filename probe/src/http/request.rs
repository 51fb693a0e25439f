//! One HTTP/1.1 request as the probe sends it, and as its evidence shows it (credentials
//! redacted).

use hyper::Method;
use hyper::header::{AUTHORIZATION, CONNECTION, HOST, USER_AGENT};

use super::credentials::Basic;
use super::location::Place;
use crate::REDACTED;
use crate::net::Fault;
use crate::{EvidenceKind, Observation, Outcome};

/// What the probe says it is.
const AGENT: &str = concat!("uclint-probe/", env!("CARGO_PKG_VERSION"));

/// One request, on a connection of its own (`Connection: close`).
#[derive(Debug, Clone)]
pub struct HttpRequest {
    /// `GET`, `OPTIONS`, `PROPFIND`.
    pub method: Method,
    /// Where: the path, and the Host header from the host and port.
    pub place: Place,
    /// Headers beyond Host, User-Agent, Connection and Authorization.
    pub headers: Vec<(&'static str, &'static str)>,
    /// Basic credentials, when they may be sent.
    pub credentials: Option<Basic>,
    /// The body (empty for none).
    pub body: &'static str,
}

impl HttpRequest {
    /// A request for `place` without headers, credentials or body.
    pub fn new(method: Method, place: Place) -> Self {
        Self {
            method,
            place,
            headers: Vec::new(),
            credentials: None,
            body: "",
        }
    }

    /// The request hyper sends.
    pub fn build(&self) -> Result<hyper::Request<String>, Fault> {
        let mut builder = hyper::Request::builder()
            .method(self.method.clone())
            .uri(self.place.path.as_str())
            .header(HOST, self.place.authority())
            .header(USER_AGENT, AGENT)
            .header(CONNECTION, "close");
        for (name, value) in &self.headers {
            builder = builder.header(*name, *value);
        }
        if let Some(credentials) = &self.credentials {
            builder = builder.header(AUTHORIZATION, credentials.header());
        }
        builder.body(self.body.to_owned()).map_err(|e| {
            Fault::new(
                Outcome::Failed,
                format!("cannot build the request for `{}`: {e}", self.place.url()),
            )
        })
    }

    /// The request line by line, as sent, `Authorization: Basic ********` for the credentials.
    pub fn show(&self, observation: &mut Observation) {
        let mut lines = vec![
            format!("{} {} HTTP/1.1", self.method, self.place.path),
            format!("Host: {}", self.place.authority()),
            format!("User-Agent: {AGENT}"),
            "Connection: close".to_owned(),
        ];
        lines.extend(self.headers.iter().map(|(name, value)| format!("{name}: {value}")));
        if self.credentials.is_some() {
            lines.push(format!("Authorization: Basic {REDACTED}"));
        }
        if !self.body.is_empty() {
            lines.push(format!("Content-Length: {}", self.body.len()));
            lines.push(self.body.to_owned());
        }
        for line in lines {
            observation.evidence(EvidenceKind::Sent, line);
        }
    }
}

#[cfg(test)]
mod tests {
    use uclint_core::report::{Subject, SubjectKind};

    use super::super::location::Scheme;
    use super::*;
    use crate::{Probe, Target};

    #[test]
    fn credentials_are_sent_and_never_shown() {
        let place = Place {
            scheme: Scheme::Https,
            host: "mail".to_owned(),
            port: 8443,
            path: "/exchange/alice/".to_owned(),
        };
        let mut request = HttpRequest::new(Method::OPTIONS, place);
        request.credentials = Some(Basic::new("svc", "s3cret"));
        let built = request.build().unwrap();
        assert_eq!(built.headers()[HOST], "mail:8443");
        assert_eq!(built.headers()[AUTHORIZATION], "Basic c3ZjOnMzY3JldA==");
        assert_eq!(built.uri(), "/exchange/alice/");
        let mut observation = Observation::new(
            Probe::Http,
            Target::named("mail"),
            Subject::new(SubjectKind::Calendar, "mail"),
        );
        request.show(&mut observation);
        let shown: Vec<&str> = observation.evidence.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(shown[0], "OPTIONS /exchange/alice/ HTTP/1.1");
        assert!(shown.contains(&"Authorization: Basic ********"), "{shown:?}");
        assert!(!shown.iter().any(|l| l.contains("c3Zj")), "{shown:?}");
    }
}
