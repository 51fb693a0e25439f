//! The one question core asks of DNS, whoever answers it.

use hickory_proto::rr::{Name, Record, RecordType};

/// What a DNS server said to one query. Each failure is its own outcome, so explanations can
/// tell "the name does not exist" from "nobody answered".
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The records of the asked type (CNAMEs followed: the chain comes first).
    Records(Vec<Record>),
    /// The name does not exist (NXDOMAIN).
    NxDomain,
    /// The name exists but has no records of this type.
    NoData,
    /// No answer in time.
    Timeout,
    /// The server refused the query.
    Refused,
    /// Any other failure (SERVFAIL, network error), with the reason.
    Failed(String),
}

/// Answers DNS queries for absolute names. Search lists and hosts files are not its business:
/// core applies them itself so that every attempt can be explained.
pub trait Resolver {
    /// Ask for the records of `rtype` at the absolute name `name`.
    fn query(&self, name: &Name, rtype: RecordType) -> Answer;

    /// Where the answers come from, for explanations (e.g. "deployment DNS data", "DNS 10.0.0.53:53").
    fn source(&self) -> String;
}
