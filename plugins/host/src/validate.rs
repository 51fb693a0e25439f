//! A plugin's output is data, never trusted: namespaces, codes, severities, subjects and text
//! are checked here before anything reaches a report or a terminal.

use std::borrow::Cow;

use uclint_core::catalogue::Code;
use uclint_core::report::{Fix, Severity, SubjectKind};
use uclint_plugin_contract::unsafe_char;

pub use uclint_plugin_contract::namespace_ok;

/// Why `code` cannot be one of a plugin's codes in `namespace`, if it cannot.
pub fn code_problem(code: &str, namespace: &str) -> Option<String> {
    // The shared rule refuses built-in codes too; saying so is clearer than "not in the namespace".
    if code.parse::<Code>().is_ok() {
        return Some(format!("`{}` is a built-in rule code", printable(code)));
    }
    (!uclint_plugin_contract::code_ok(code, namespace)).then(|| {
        format!(
            "`{}` is not a code of the plugin's namespace `{namespace}` (expected `{namespace}-NAME`)",
            printable(code)
        )
    })
}

/// A plugin's severity (`""` takes `default`).
pub fn severity(text: &str, default: Severity) -> Result<Severity, String> {
    if text.is_empty() {
        return Ok(default);
    }
    Severity::ALL.into_iter().find(|s| s.as_str() == text).ok_or_else(|| {
        format!(
            "unknown severity `{}`: expected error, warning, security or info",
            printable(text)
        )
    })
}

/// A plugin's subject kind.
pub fn subject_kind(text: &str) -> Result<SubjectKind, String> {
    text.parse::<SubjectKind>().map_err(|_| {
        format!(
            "unknown subject kind `{}`: expected one of {}",
            printable(text),
            SubjectKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

/// Strips what could rewrite a terminal: every control character (C0, DEL, C1) and the
/// bidirectional overrides; in `multiline` text newlines and tabs stay. Counts what it removed.
#[derive(Debug, Default)]
pub struct Sanitizer {
    /// Characters removed so far.
    pub stripped: usize,
}

impl Sanitizer {
    /// `text` made safe to print.
    pub fn clean(&mut self, text: String, multiline: bool) -> String {
        if !text.chars().any(|c| unsafe_char(c, multiline)) {
            return text;
        }
        let before = text.chars().count();
        let cleaned: String = text.chars().filter(|&c| !unsafe_char(c, multiline)).collect();
        self.stripped += before - cleaned.chars().count();
        cleaned
    }

    /// A plugin-written fix, cleaned.
    pub fn fix(&mut self, action: String, tradeoff: String) -> Fix {
        Fix {
            action: Cow::Owned(self.clean(action, false)),
            tradeoff: Cow::Owned(self.clean(tradeoff, false)),
        }
    }
}

/// Untrusted text for our own messages: control characters shown escaped, length capped.
pub fn printable(text: &str) -> String {
    let mut out: String = text.chars().take(80).flat_map(char::escape_default).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_stay_inside_their_namespace() {
        assert_eq!(code_problem("X-ACME-NAMING", "X-ACME"), None);
        assert!(code_problem("PRS001", "X-ACME").unwrap().contains("built-in"));
        assert!(code_problem("X-OTHER-NAMING", "X-ACME").is_some());
        assert!(code_problem("X-ACMEX-NAMING", "X-ACME").is_some());
        assert!(code_problem("X-ACME-", "X-ACME").is_some());
        assert!(code_problem("X-ACME-naming", "X-ACME").is_some());
    }

    #[test]
    fn control_characters_never_reach_a_terminal() {
        let mut s = Sanitizer::default();
        assert_eq!(s.clean("\u{1b}[2Jred\u{7}\u{9b}31m".to_owned(), false), "[2Jred31m");
        assert_eq!(s.stripped, 3);
        assert_eq!(s.clean("a\nb\tc\u{202e}".to_owned(), true), "a\nb\tc");
        assert_eq!(s.clean("a\nb".to_owned(), false), "ab");
        assert_eq!(printable("\u{1b}[2J"), "\\u{1b}[2J");
    }

    #[test]
    fn severities_are_the_four() {
        assert_eq!(severity("", Severity::Warning), Ok(Severity::Warning));
        assert_eq!(severity("error", Severity::Info), Ok(Severity::Error));
        assert!(severity("critical", Severity::Info).is_err());
        assert!(severity("ERROR", Severity::Info).is_err());
    }
}
