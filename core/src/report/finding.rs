//! What a rule found, about what, where, and what to do.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::PluginOutput;
use crate::catalogue::{Code, Fix, RuleId, Severity};
use crate::source::Location;

/// What kind of thing a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubjectKind {
    /// The deployment as a whole.
    Deployment,
    /// A server, by node name.
    Server,
    /// A user, by CUCM id.
    User,
    /// A client profile, by id.
    Client,
    /// The SIP proxy's settings.
    SipProxy,
    /// A static route, by pattern.
    Route,
    /// A destination domain.
    Domain,
    /// The LDAP integration.
    Ldap,
    /// Voicemail.
    Voicemail,
    /// Calendar integration.
    Calendar,
    /// A third-party rule plugin, by file name.
    Plugin,
}

impl SubjectKind {
    /// Every kind.
    pub const ALL: [SubjectKind; 11] = [
        Self::Deployment,
        Self::Server,
        Self::User,
        Self::Client,
        Self::SipProxy,
        Self::Route,
        Self::Domain,
        Self::Ldap,
        Self::Voicemail,
        Self::Calendar,
        Self::Plugin,
    ];

    /// The kind as JSON writes it (`sip-proxy`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Deployment => "deployment",
            Self::Server => "server",
            Self::User => "user",
            Self::Client => "client",
            Self::SipProxy => "sip-proxy",
            Self::Route => "route",
            Self::Domain => "domain",
            Self::Ldap => "ldap",
            Self::Voicemail => "voicemail",
            Self::Calendar => "calendar",
            Self::Plugin => "plugin",
        }
    }
}

impl FromStr for SubjectKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| {
            let known: Vec<&str> = Self::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown subject kind `{s}`: expected one of {}", known.join(", "))
        })
    }
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Subject {
    /// The kind of thing.
    pub kind: SubjectKind,
    /// Its name (node name, user id, client id, route pattern...).
    pub name: String,
}

impl Subject {
    /// A subject of `kind` named `name`.
    pub fn new(kind: SubjectKind, name: impl Into<String>) -> Self {
        Self {
            kind,
            name: name.into(),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            SubjectKind::Deployment => "deployment",
            SubjectKind::Server => "server",
            SubjectKind::User => "user",
            SubjectKind::Client => "client",
            SubjectKind::SipProxy => "SIP proxy",
            SubjectKind::Route => "static route",
            SubjectKind::Domain => "domain",
            SubjectKind::Ldap => "LDAP",
            SubjectKind::Voicemail => "voicemail",
            SubjectKind::Calendar => "calendar",
            SubjectKind::Plugin => "plugin",
        };
        if self.name.is_empty() {
            f.write_str(kind)
        } else {
            write!(f, "{kind} {}", self.name)
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's code (`PRS001`, or a plugin's `X-VENDOR-...`).
    pub code: RuleId,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, specifically.
    pub message: String,
    /// What it is about.
    pub subject: Subject,
    /// Where the item at fault was written, when known.
    pub location: Option<Location>,
    /// Fixes, best first.
    pub fixes: Vec<Fix>,
}

/// A rule that stayed silent because the deployment does not give what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The rule's code.
    pub code: Code,
    /// What data it lacked.
    pub reason: String,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Security findings.
    pub security: usize,
    /// Advice.
    pub info: usize,
}

impl Summary {
    /// The count for `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Security => self.security,
            Severity::Info => self.info,
        }
    }
}

/// Everything one check found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The findings, in a stable order (by location, then code).
    pub findings: Vec<Finding>,
    /// Rules that could not run for lack of data.
    pub skipped: Vec<Skipped>,
    /// What plugins printed, for those that printed anything.
    pub plugin_output: Vec<PluginOutput>,
}

impl Report {
    /// Counts by severity.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for finding in &self.findings {
            match finding.severity {
                Severity::Error => summary.error += 1,
                Severity::Warning => summary.warning += 1,
                Severity::Security => summary.security += 1,
                Severity::Info => summary.info += 1,
            }
        }
        summary
    }

    /// Whether any finding is at or above `threshold`.
    pub fn fails_at(&self, threshold: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= threshold)
    }

    /// Put findings in their stable order: file, line, column, then code and subject.
    pub fn sort(&mut self) {
        fn at(f: &Finding) -> Option<(&str, u32, u32)> {
            f.location.as_ref().map(|l| (&*l.file, l.line, l.column))
        }
        self.findings.sort_by(|a, b| {
            at(a)
                .cmp(&at(b))
                .then_with(|| a.code.cmp(&b.code))
                .then_with(|| a.subject.cmp(&b.subject))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_kinds_read_back_as_json_writes_them() {
        for kind in SubjectKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
            assert_eq!(kind.as_str().parse::<SubjectKind>(), Ok(kind));
        }
        assert!("printer".parse::<SubjectKind>().is_err());
    }
}
