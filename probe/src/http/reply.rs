//! An HTTP answer as the probe keeps it: the status, the headers, and at most
//! [`super::exchange::MAX_BODY`] bytes of the body.

use hyper::header::HeaderMap;
use hyper::{StatusCode, Version};

use crate::{EvidenceKind, Observation};

/// The most headers the evidence shows.
const SHOWN_HEADERS: usize = 40;
/// The longest header value the evidence shows, in characters.
const SHOWN_VALUE: usize = 200;

/// One answer.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The status.
    pub status: StatusCode,
    /// The reason phrase as the server wrote it (`Login Timeout`).
    pub reason: String,
    /// The protocol version of the answer.
    pub version: Version,
    /// The headers.
    pub headers: HeaderMap,
    /// The body, at most [`super::exchange::MAX_BODY`] bytes of it.
    pub body: Vec<u8>,
    /// Whether the body was longer and reading stopped.
    pub cut: bool,
}

impl Reply {
    /// The status code.
    pub fn code(&self) -> u16 {
        self.status.as_u16()
    }

    /// `207 Multi-Status`.
    pub fn status_text(&self) -> String {
        if self.reason.is_empty() {
            self.code().to_string()
        } else {
            format!("{} {}", self.code(), self.reason)
        }
    }

    /// The first value of header `name`, as text (bytes that are not shown as `?`).
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    }

    /// Whether the status is a redirect that names a place (301, 302, 303, 307, 308).
    pub fn is_redirect(&self) -> bool {
        matches!(self.code(), 301 | 302 | 303 | 307 | 308)
    }

    /// The status line, the headers and the body's size in the evidence.
    pub fn show(&self, observation: &mut Observation) {
        observation.evidence(
            EvidenceKind::Received,
            format!("{:?} {}", self.version, self.status_text()),
        );
        for (name, value) in self.headers.iter().take(SHOWN_HEADERS) {
            let value = String::from_utf8_lossy(value.as_bytes());
            let value: String = value.chars().take(SHOWN_VALUE).collect();
            observation.evidence(EvidenceKind::Received, format!("{}: {value}", title(name.as_str())));
        }
        if self.headers.len() > SHOWN_HEADERS {
            observation.evidence(
                EvidenceKind::Note,
                format!("{} more headers not shown", self.headers.len() - SHOWN_HEADERS),
            );
        }
        let body = match (self.body.len(), self.cut) {
            (0, _) => "no body".to_owned(),
            (n, false) => format!("a body of {n} bytes"),
            (n, true) => format!("a body longer than {n} bytes: reading stopped there"),
        };
        observation.evidence(EvidenceKind::Note, body);
    }
}

/// A header name as people write it: `Content-Type`, `DAV`, `WWW-Authenticate`.
fn title(name: &str) -> String {
    name.split('-')
        .map(|word| match word {
            "dav" | "www" | "ms" => word.to_ascii_uppercase(),
            _ => {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_read_as_written() {
        assert_eq!(title("content-type"), "Content-Type");
        assert_eq!(title("dav"), "DAV");
        assert_eq!(title("www-authenticate"), "WWW-Authenticate");
        assert_eq!(title("ms-author-via"), "MS-Author-Via");
    }
}
