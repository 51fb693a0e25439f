//! IMAP answers as the probe reads them: the line kinds (untagged, continuation, tagged), the
//! status of a tagged line, literals announced at a line's end, and capability lists.

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// `OK`: done.
    Ok,
    /// `NO`: refused.
    No,
    /// `BAD`: not understood.
    Bad,
}

impl Status {
    /// Whether the command was carried out.
    pub fn is_ok(self) -> bool {
        self == Self::Ok
    }

    /// The status as the server writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "OK",
            Self::No => "NO",
            Self::Bad => "BAD",
        }
    }
}

/// A command's whole answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// How it ended.
    pub status: Status,
    /// The tagged line after the status (`[PRIVACYREQUIRED] Plaintext authentication disallowed`).
    pub text: String,
    /// The untagged responses before it, each one logical line.
    pub untagged: Vec<String>,
}

impl Reply {
    /// The status and its text, as a summary quotes them: `NO [AUTHENTICATIONFAILED] ...`.
    pub fn said(&self) -> String {
        format!("{} {}", self.status.as_str(), self.text).trim_end().to_owned()
    }

    /// The capabilities the answer lists: a `* CAPABILITY` response, else a `[CAPABILITY ...]`
    /// code in the tagged line.
    pub fn capabilities(&self) -> Option<Capabilities> {
        self.untagged
            .iter()
            .find_map(|line| Capabilities::from_response(line))
            .or_else(|| Capabilities::from_code(&self.text))
    }
}

/// What one line of an answer is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line<'a> {
    /// `* ...`: data, not the end of the command.
    Untagged(&'a str),
    /// `+ ...`: the server waits for more of the command.
    Continuation,
    /// `TAG STATUS text`, for the command sent.
    Tagged(Status, &'a str),
    /// A tagged line for `tag` whose status is not OK, NO or BAD.
    BadStatus,
    /// Anything else: another tag, or not IMAP.
    Other,
}

/// Read `line` as part of the answer to the command tagged `tag`.
pub fn classify<'a>(line: &'a str, tag: &str) -> Line<'a> {
    if let Some(rest) = line.strip_prefix("* ").or_else(|| (line == "*").then_some("")) {
        return Line::Untagged(rest);
    }
    if line == "+" || line.starts_with("+ ") {
        return Line::Continuation;
    }
    let Some(rest) = line.strip_prefix(tag).and_then(|r| r.strip_prefix(' ')) else {
        return Line::Other;
    };
    let (word, text) = rest.split_once(' ').unwrap_or((rest, ""));
    let status = match word.to_ascii_uppercase().as_str() {
        "OK" => Status::Ok,
        "NO" => Status::No,
        "BAD" => Status::Bad,
        _ => return Line::BadStatus,
    };
    Line::Tagged(status, text)
}

/// The size of the literal `line` announces at its end (`{12}`, or `{12+}`), if it does; `Err`
/// when the size is not a number that fits.
pub fn literal(line: &str) -> Option<Result<usize, String>> {
    let inner = line.strip_suffix('}')?;
    let open = inner.rfind('{')?;
    let size = &inner[open + 1..];
    let digits = size.strip_suffix('+').unwrap_or(size);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        digits
            .parse::<usize>()
            .map_err(|_| format!("the server announced a literal of {digits} bytes")),
    )
}

/// A server's capability list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capabilities {
    /// The capabilities, as the server spells them.
    pub tokens: Vec<String>,
}

impl Capabilities {
    /// From an untagged response (`CAPABILITY IMAP4rev1 STARTTLS`, after the `* `).
    pub fn from_response(response: &str) -> Option<Self> {
        let (word, rest) = response.split_once(' ').unwrap_or((response, ""));
        word.eq_ignore_ascii_case("CAPABILITY").then(|| Self::list(rest))
    }

    /// From a `[CAPABILITY ...]` response code at the start of `text` (a greeting, an `OK`).
    pub fn from_code(text: &str) -> Option<Self> {
        let code = text.strip_prefix('[')?;
        let (inside, _) = code.split_once(']')?;
        Self::from_response(inside)
    }

    fn list(text: &str) -> Self {
        Self {
            tokens: text.split_whitespace().map(str::to_owned).collect(),
        }
    }

    /// Whether `name` is listed (case-insensitive).
    pub fn has(&self, name: &str) -> bool {
        self.tokens.iter().any(|t| t.eq_ignore_ascii_case(name))
    }

    /// The list as a `* CAPABILITY` line, which core's `read_capability` reads.
    pub fn line(&self) -> String {
        format!("* CAPABILITY {}", self.tokens.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_by_their_start() {
        assert_eq!(classify("* OK ready", "a1"), Line::Untagged("OK ready"));
        assert_eq!(classify("+ go ahead", "a1"), Line::Continuation);
        assert_eq!(classify("+", "a1"), Line::Continuation);
        assert_eq!(
            classify("a1 NO [PRIVACYREQUIRED] no", "a1"),
            Line::Tagged(Status::No, "[PRIVACYREQUIRED] no")
        );
        assert_eq!(classify("a1 ok", "a1"), Line::Tagged(Status::Ok, ""));
        assert_eq!(classify("a1 MAYBE x", "a1"), Line::BadStatus);
        assert_eq!(classify("a12 OK x", "a1"), Line::Other);
        assert_eq!(classify("a2 OK x", "a1"), Line::Other);
        assert_eq!(classify("SSH-2.0-OpenSSH", "a1"), Line::Other);
    }

    #[test]
    fn literals_are_announced_at_the_end() {
        assert_eq!(literal("* 1 FETCH (BODY[] {12}"), Some(Ok(12)));
        assert_eq!(literal("* X {3+}"), Some(Ok(3)));
        assert_eq!(literal("* OK {not a literal}"), None);
        assert_eq!(literal("* OK done"), None);
        assert!(literal("* X {99999999999999999999999}").unwrap().is_err());
    }

    #[test]
    fn capabilities_from_a_response_or_a_code() {
        let reply = Reply {
            status: Status::Ok,
            text: "done".into(),
            untagged: vec!["CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED".into()],
        };
        let caps = reply.capabilities().unwrap();
        assert!(caps.has("logindisabled") && caps.has("STARTTLS") && !caps.has("AUTH=PLAIN"));
        assert_eq!(caps.line(), "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED");
        let coded = Capabilities::from_code("[CAPABILITY IMAP4rev1 LOGINDISABLED] Dovecot ready.").unwrap();
        assert!(coded.has("LOGINDISABLED"));
        assert_eq!(Capabilities::from_code("[ALERT] hi"), None);
        assert_eq!(Capabilities::from_code("Dovecot ready."), None);
        assert_eq!(reply.said(), "OK done");
    }
}
