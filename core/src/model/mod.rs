//! The deployment model: one schema, read from TOML, JSON or YAML (users also from CSV),
//! with every item knowing where it was written.

mod client;
mod deployment;
mod dns_data;
pub(crate) mod intern;
mod jabber;
mod ldap;
pub(crate) mod load;
mod plugin;
mod ports;
#[cfg(feature = "schema")]
mod schema;
mod secret;
mod server;
mod services;
mod sip;
mod source_map;
mod user;

pub use client::{Client, ClientKind, HostsLine};
pub use deployment::Deployment;
pub use dns_data::{DnsData, InlineRecord, PublicDns, ZoneFile};
pub use jabber::{CertificateBehavior, CertificateNames, ExcludedService, JabberSettings, check_domain};
pub use ldap::{CupcLdapProfile, Ldap, LdapCertificate};
#[cfg(feature = "schema")]
pub use load::deployment_value;
pub use load::{
    Beside, Format, LoadError, Problem, ProblemKind, ReadError, UnknownFormat, file_format, read_capped, utf8_text,
};
pub use plugin::PluginRef;
pub use ports::{Listener, Ports};
#[cfg(feature = "schema")]
pub use schema::deployment_schema;
pub use server::{ImapService, Role, Server, Startup};
pub use services::{Calendar, CapturedCapability, Reachability, Voicemail, VoicemailProfile, VoicemailSystem};
pub use sip::{RouteType, SipProxy, StaticRoute, Transport};
pub use source_map::{Children, Path, Pos, Segment, SourceMap, SpanNode};
pub use user::{Clients, User};
