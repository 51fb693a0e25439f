//! TLS: handshakes with each TLS port of each server, and what the certificate says.

mod connect;
mod roots;

pub use connect::{Session, connect, handshake};
pub use roots::roots;
