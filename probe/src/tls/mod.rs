//! TLS: a handshake with each TLS port of each server (and the directory's LDAPS ports), and what
//! the certificate and the cipher suite say: TLS001 to TLS004, DRIFT001 for a closed port.

mod chain;
mod connect;
mod leaf;
pub(crate) mod names;
mod roots;
mod secrecy;
mod targets;
mod task;
mod trust;
mod validity;

pub use connect::{Session, connect, handshake};
pub(crate) use leaf::Leaf;
pub use roots::roots;
pub(crate) use targets::listener_setting;
pub(crate) use task::asked_name;
pub use task::tasks;
pub(crate) use trust::{distrust, refusal};
