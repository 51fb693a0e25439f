//! The DNS view: zone text and inline records as hickory-proto records, hosts files, and the
//! [`Resolver`] trait that the deployment's own data and live DNS both implement.

mod error;
pub mod hosts;
mod resolver;
mod view;
pub mod zone;

pub use error::DnsError;
pub use hickory_proto::rr::{Name, RData, Record, RecordType};
pub use resolver::{Answer, Resolver};
pub use view::{AddressLookup, DnsView, lookup_addresses};
