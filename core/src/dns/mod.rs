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

/// `host` as an absolute DNS name (`sip.example.com` and `sip.example.com.` alike): the form a
/// [`Resolver`] is asked for, so no search list can apply.
pub fn absolute(host: &str) -> Result<Name, hickory_proto::ProtoError> {
    Name::from_ascii(format!("{}.", host.trim_end_matches('.')))
}
