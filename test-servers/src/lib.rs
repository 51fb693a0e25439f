//! Real servers from Debian packages (NSD, Kamailio, OpenLDAP slapd, Dovecot, Apache httpd),
//! an in-process stand-in for CUCM's AXL service (no real CUCM can run here), and misbehaving
//! in-process ones, started on loopback for the length of a test and stopped when
//! dropped. Test support only: a setup failure panics, naming the server, its command line and
//! its own log.

mod acceptor;
mod accounts;
mod apache;
mod axl;
mod binary;
mod certs;
mod dovecot;
mod drop_mid_answer;
mod endless_line;
mod fail;
mod garbage;
mod kamailio;
mod net;
mod nsd;
mod ports;
mod process;
mod relay;
mod silent;
mod slapd;
mod slapd_ldif;
mod tls;
mod tool;
mod tree;

pub use apache::{Apache, ApacheBuilder, Mailbox};
pub use axl::{
    AxlCluster, AxlLdapServer, AxlNode, AxlRoute, AxlServer, AxlUser, CUCM, IM_AND_PRESENCE, THROTTLED, Trouble,
};
pub use binary::require_binary;
pub use certs::{CertFiles, Certs};
pub use dovecot::{Dovecot, DovecotBuilder};
pub use drop_mid_answer::DropMidAnswer;
pub use endless_line::EndlessLine;
pub use garbage::Garbage;
pub use kamailio::Kamailio;
pub use nsd::{Nsd, Zone};
pub use ports::{closed_port, free_port, free_ports};
pub use relay::Relay;
pub use silent::Silent;
pub use slapd::{Slapd, SlapdBuilder};
pub use tls::TlsServer;
