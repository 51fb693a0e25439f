//! Why a deployment could not be loaded, and where.

use std::fmt;

use serde::Serialize;

use crate::source::Location;

/// What kind of problem stopped loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The text is not valid TOML, JSON, YAML or CSV.
    Syntax,
    /// A value has the wrong type or is not one of the allowed values.
    Type,
    /// A key the schema does not know.
    UnknownKey,
    /// A required key is missing.
    MissingKey,
    /// A reference to a server, client or user that does not exist.
    DanglingReference,
    /// Two items share a name that must be unique.
    Duplicate,
    /// A referenced file could not be read.
    File,
    /// A zone file, inline record or hosts file is malformed.
    Dns,
    /// The file is empty.
    Empty,
}

/// One problem, with where it is and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// What kind of problem.
    pub kind: ProblemKind,
    /// Where, when known.
    pub location: Option<Location>,
    /// What went wrong, naming what was expected.
    pub message: String,
    /// A suggestion such as "did you mean `home_node`?".
    pub help: Option<String>,
}

impl Problem {
    /// A problem of `kind` at `location`.
    pub fn new(kind: ProblemKind, location: Option<Location>, message: impl Into<String>) -> Self {
        Self {
            kind,
            location,
            message: message.into(),
            help: None,
        }
    }

    /// The same problem with a suggestion.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
    }
}

/// A deployment that could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
pub struct LoadError {
    /// The problems, at least one.
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// A load error of one problem.
    pub fn one(problem: Problem) -> Self {
        Self {
            problems: vec![problem],
        }
    }

    /// The first problem's kind.
    pub fn kind(&self) -> Option<ProblemKind> {
        self.problems.first().map(|p| p.kind)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// "did you mean `x`?" for the candidate closest to `word`, if one is close enough.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_key_only_when_close() {
        let keys = ["cucm_id", "home_node", "ldap_id"];
        assert_eq!(
            did_you_mean("hom_node", keys).as_deref(),
            Some("did you mean `home_node`?")
        );
        assert_eq!(did_you_mean("zzz", keys), None);
    }
}
