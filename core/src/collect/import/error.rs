//! What an importer says when its input is not what it reads.

use std::fmt;

/// How much of the offending line an error quotes.
const QUOTE_CHARS: usize = 80;

/// The input is not what the importer reads: the line, what it holds and what was expected.
///
/// Displays as `line 7: expected "   DNS Servers . . . : ADDRESS", found "Serveurs DNS. . . :
/// 10.0.0.1" (is this `ipconfig /all` in English?)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    /// The line, from 1. At the end of the input, the line after the last one.
    pub line: usize,
    /// The offending line, cut to 80 characters; none at the end of the input.
    pub found: Option<String>,
    /// What the importer expected there.
    pub expected: String,
    /// A likely cause, when one is known (another language, a truncated copy).
    pub hint: Option<String>,
}

impl ImportError {
    /// At line `line`, which reads `text`, something else was `expected`.
    pub fn at(line: usize, text: &str, expected: impl Into<String>) -> Self {
        Self {
            line,
            found: Some(quote(text)),
            expected: expected.into(),
            hint: None,
        }
    }

    /// The input ended at line `line` (the one after the last) where `expected` should be.
    pub fn end(line: usize, expected: impl Into<String>) -> Self {
        Self {
            line,
            found: None,
            expected: expected.into(),
            hint: None,
        }
    }

    /// The same error with a likely cause.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: expected {}, found ", self.line, self.expected)?;
        match &self.found {
            Some(text) => write!(f, "{text:?}")?,
            None => f.write_str("the end of the input")?,
        }
        match &self.hint {
            Some(hint) => write!(f, " ({hint})"),
            None => Ok(()),
        }
    }
}

/// `text` without its line ending, cut to [`QUOTE_CHARS`] characters.
fn quote(text: &str) -> String {
    let text = text.trim_end_matches(['\r', '\n']);
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_line_what_was_expected_and_the_likely_cause() {
        let e = ImportError::at(
            7,
            "Serveurs DNS. . . : 10.0.0.1\r",
            "\"   DNS Servers . . . : ADDRESS\"",
        )
        .hint("is this `ipconfig /all` in English?");
        assert_eq!(
            e.to_string(),
            "line 7: expected \"   DNS Servers . . . : ADDRESS\", found \"Serveurs DNS. . . : 10.0.0.1\" \
             (is this `ipconfig /all` in English?)"
        );
        let e = ImportError::end(3, "a nameserver line");
        assert_eq!(
            e.to_string(),
            "line 3: expected a nameserver line, found the end of the input"
        );
    }

    #[test]
    fn long_lines_are_cut_and_control_characters_escaped() {
        let long = "é".repeat(200);
        let e = ImportError::at(1, &long, "x");
        assert_eq!(e.found.as_deref().map(|f| f.chars().count()), Some(83));
        let e = ImportError::at(1, "a\u{0}b", "x");
        assert!(e.to_string().contains(r#""a\0b""#), "{e}");
    }
}
