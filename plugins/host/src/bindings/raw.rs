//! What a plugin returns, in the host's own types: every contract version's bindings convert
//! to these, so validation and reports never depend on a version's generated types. A later
//! version with more fields adds them here, and older versions fill in their defaults.

/// A fix, as the plugin wrote it.
#[derive(Debug, Clone)]
pub struct Fix {
    /// What to do.
    pub action: String,
    /// What it costs.
    pub tradeoff: String,
}

/// A rule, as the plugin declared it.
#[derive(Debug, Clone)]
pub struct Rule {
    /// `X-VENDOR-NAME`, unchecked.
    pub code: String,
    /// One line.
    pub title: String,
    /// What the rule checks.
    pub summary: String,
    /// `info`, `security`, `warning`, `error` (or, in a finding, empty), unchecked.
    pub severity: String,
    /// Why it matters, in Markdown.
    pub docs: String,
    /// Fixes, best first.
    pub fixes: Vec<Fix>,
}

/// A finding's subject, as the plugin named it.
#[derive(Debug, Clone)]
pub struct Subject {
    /// `server`, `user`, ..., unchecked.
    pub kind: String,
    /// Its name.
    pub name: String,
}

/// A finding, as the plugin returned it (not yet validated).
#[derive(Debug, Clone)]
pub struct Finding {
    /// `X-VENDOR-NAME`, unchecked.
    pub code: String,
    /// `info`, `security`, `warning`, `error` (or, in a finding, empty), unchecked.
    pub severity: String,
    /// For people.
    pub message: String,
    /// What it is about.
    pub subject: Subject,
    /// Fixes, best first.
    pub fixes: Vec<Fix>,
}
