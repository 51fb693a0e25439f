//! The DNS view: zone text and inline records as hickory-proto records, hosts files, and the
//! [`Resolver`] trait that the deployment's own data and live DNS both implement.

mod resolver;

pub use hickory_proto::rr::{Name, RData, Record, RecordType};
pub use resolver::{Answer, Resolver};
