//! A DNS text (zone file, inline record, hosts file) that could not be read.

use crate::source::Location;

/// What was wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct DnsError {
    /// Where: file, line and column of the bad record or line.
    pub location: Location,
    /// What was wrong and what was expected.
    pub message: String,
}

impl DnsError {
    /// An error at `location`.
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Self {
            location,
            message: message.into(),
        }
    }
}
