//! What a plugin says about itself (rules) and what it finds (findings).

use std::fmt;
use std::str::FromStr;

/// How bad a finding is. The host accepts exactly these four (docs/rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Advice.
    Info,
    /// It works, but weakens protection.
    Security,
    /// It fails in some conditions, or is a risk.
    Warning,
    /// A feature will fail.
    Error,
}

impl Severity {
    /// Every severity, mildest first.
    pub const ALL: [Severity; 4] = [Severity::Info, Severity::Security, Severity::Warning, Severity::Error];

    /// The contract's spelling: `info`, `security`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Security => "security",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Severity`] from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSeverity(pub String);

impl fmt::Display for UnknownSeverity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown severity `{}` (expected info, security, warning or error)",
            self.0
        )
    }
}

impl std::error::Error for UnknownSeverity {}

impl FromStr for Severity {
    type Err = UnknownSeverity;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .into_iter()
            .find(|severity| severity.as_str() == s)
            .ok_or_else(|| UnknownSeverity(s.to_owned()))
    }
}

/// A fix, with what it costs. Rules and findings list fixes in the order they recommend them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What to do.
    pub action: String,
    /// What doing it costs or risks.
    pub tradeoff: String,
}

impl Fix {
    /// A fix and its trade-off.
    pub fn new(action: impl Into<String>, tradeoff: impl Into<String>) -> Self {
        Fix {
            action: action.into(),
            tradeoff: tradeoff.into(),
        }
    }
}

/// One rule a plugin checks: its code, default severity and documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// `X-<VENDOR>-<NAME>`: the plugin's namespace, a dash, then upper-case letters, digits and dashes.
    pub code: String,
    /// One line.
    pub title: String,
    /// One paragraph: what the rule checks.
    pub summary: String,
    /// The severity of its findings unless a finding says otherwise.
    pub severity: Severity,
    /// Why it matters (the scenario), in Markdown.
    pub docs: String,
    /// The fixes, most recommended first.
    pub fixes: Vec<Fix>,
}

impl Rule {
    /// A rule with a code, a title and a default severity; add the rest with the builder methods.
    pub fn new(code: impl Into<String>, title: impl Into<String>, severity: Severity) -> Self {
        Rule {
            code: code.into(),
            title: title.into(),
            summary: String::new(),
            severity,
            docs: String::new(),
            fixes: Vec::new(),
        }
    }

    /// Sets the one-paragraph summary.
    #[must_use]
    pub fn summary(mut self, summary: impl Into<String>) -> Self {
        self.summary = summary.into();
        self
    }

    /// Sets the Markdown documentation (why it matters).
    #[must_use]
    pub fn docs(mut self, docs: impl Into<String>) -> Self {
        self.docs = docs.into();
        self
    }

    /// Appends a fix (call in the order you recommend them).
    #[must_use]
    pub fn fix(mut self, action: impl Into<String>, tradeoff: impl Into<String>) -> Self {
        self.fixes.push(Fix::new(action, tradeoff));
        self
    }
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// `server`, `client`, `user`, `route`, `deployment`, ...
    pub kind: String,
    /// The server's node name, the client's id, ...
    pub name: String,
}

/// One finding: a rule's code, what it is about, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// One of the plugin's rule codes.
    pub code: String,
    /// `None`: the rule's default severity.
    pub severity: Option<Severity>,
    /// What is wrong, for a person; plain text, one line, no control characters.
    pub message: String,
    /// What the finding is about.
    pub subject: Subject,
    /// Fixes specific to this finding, most recommended first (empty: the rule's fixes apply).
    pub fixes: Vec<Fix>,
}

impl Finding {
    /// A finding of rule `code` about the `subject_kind` named `subject_name`.
    pub fn new(
        code: impl Into<String>,
        subject_kind: impl Into<String>,
        subject_name: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code: code.into(),
            severity: None,
            message: message.into(),
            subject: Subject {
                kind: subject_kind.into(),
                name: subject_name.into(),
            },
            fixes: Vec::new(),
        }
    }

    /// Overrides the rule's default severity for this finding.
    #[must_use]
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    /// Appends a fix specific to this finding (call in the order you recommend them).
    #[must_use]
    pub fn fix(mut self, action: impl Into<String>, tradeoff: impl Into<String>) -> Self {
        self.fixes.push(Fix::new(action, tradeoff));
        self
    }
}

/// The settings the deployment file gives a plugin (`plugins = [{ path, config = { ... } }]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pairs: Vec<(String, String)>,
}

impl Config {
    /// An empty configuration.
    pub fn new() -> Self {
        Config::default()
    }

    /// Adds a setting (builder style, for tests).
    #[must_use]
    pub fn set(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.pairs.push((key.into(), value.into()));
        self
    }

    /// The value of `key` (the last one when the host sent it twice).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// The value of `key`, trimmed, or `None` when absent or blank.
    pub fn get_nonempty(&self, key: &str) -> Option<&str> {
        self.get(key).map(str::trim).filter(|v| !v.is_empty())
    }

    /// The value of `key` split at commas, each item trimmed, blanks dropped.
    pub fn get_list(&self, key: &str) -> Option<Vec<&str>> {
        self.get(key)
            .map(|v| v.split(',').map(str::trim).filter(|item| !item.is_empty()).collect())
    }

    /// The value of `key` as a boolean (`true`/`false`, `yes`/`no`, `on`/`off`, `1`/`0`).
    /// `Some(Err(value))` when it is something else.
    pub fn get_bool(&self, key: &str) -> Option<Result<bool, &str>> {
        self.get(key).map(|v| match v.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" | "1" => Ok(true),
            "false" | "no" | "off" | "0" => Ok(false),
            _ => Err(v),
        })
    }

    /// Every setting, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Whether there are no settings.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

impl From<Vec<(String, String)>> for Config {
    fn from(pairs: Vec<(String, String)>) -> Self {
        Config { pairs }
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Config {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Config {
            pairs: iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_round_trip_through_the_contract_spelling() {
        for severity in Severity::ALL {
            assert_eq!(severity.as_str().parse::<Severity>(), Ok(severity));
        }
        assert_eq!("critical".parse::<Severity>(), Err(UnknownSeverity("critical".into())));
        assert_eq!(Severity::Security.to_string(), "security");
    }

    #[test]
    fn config_reads_the_last_value_lists_and_booleans() {
        let config = Config::new()
            .set("pattern", "a*")
            .set("pattern", "b*")
            .set("kinds", " cupc, ,ip-phone ");
        assert_eq!(config.get("pattern"), Some("b*"));
        assert_eq!(config.get_list("kinds"), Some(vec!["cupc", "ip-phone"]));
        assert_eq!(config.get("missing"), None);
        let flags = Config::new()
            .set("a", "Yes")
            .set("b", "0")
            .set("c", "maybe")
            .set("d", "  ");
        assert_eq!(flags.get_bool("a"), Some(Ok(true)));
        assert_eq!(flags.get_bool("b"), Some(Ok(false)));
        assert_eq!(flags.get_bool("c"), Some(Err("maybe")));
        assert_eq!(flags.get_nonempty("d"), None);
    }

    #[test]
    fn finding_builder_sets_severity_and_ranked_fixes() {
        let finding = Finding::new("X-ACME-A1", "server", "cup1", "bad")
            .severity(Severity::Error)
            .fix("first", "cheap")
            .fix("second", "costly");
        assert_eq!(finding.severity, Some(Severity::Error));
        assert_eq!(
            finding.subject,
            Subject {
                kind: "server".into(),
                name: "cup1".into()
            }
        );
        assert_eq!(
            finding.fixes.iter().map(|f| f.action.as_str()).collect::<Vec<_>>(),
            ["first", "second"]
        );
    }
}
