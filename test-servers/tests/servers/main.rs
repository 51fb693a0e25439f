//! Each server started for real and talked to with std sockets, rustls or the Debian client
//! tools, proving what the probe tests will rely on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod apache;
mod certs;
mod dns;
mod dovecot;
mod faults;
mod http;
mod imap;
mod kamailio;
mod nsd;
mod sip;
mod slapd;
mod support;
mod timings;
mod tls;
