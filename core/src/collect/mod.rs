//! The deployment file from the real sources: what one source said, as parts of a deployment.
//!
//! Every source (an `ipconfig /all` text, an LDIF export, a live LDAP search, a zone transfer,
//! CUCM's AXL) answers with one [`Collected`]: the sections it knows, and where they came from.
//! The text importers live here (pure, for every front door); the live collectors live in the
//! probe crate; writing and merging the file is the front doors' job.

pub mod import;

use serde::{Deserialize, Serialize};

use crate::model::{Client, InlineRecord, Ldap, Server, SipProxy, User};

/// What one source said.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Collected {
    /// Where it came from.
    pub source: Source,
    /// The corporate DNS domain, when the source knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Servers (CUCM and IM&P process nodes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub servers: Vec<Server>,
    /// The IM&P SIP proxy's settings (proxy domain, static routes, incoming ACL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip_proxy: Option<SipProxy>,
    /// DNS records (a zone transfer, a hosts file read as records).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<InlineRecord>,
    /// Client profiles (a machine's resolver settings and hosts file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clients: Vec<Client>,
    /// The directory settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ldap: Option<Ldap>,
    /// Users.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users: Vec<User>,
}

/// Where a [`Collected`] came from: the kind of source and what was read (a file name, a URL or
/// `ZONE@SERVER`; never a credential).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The kind of source.
    pub kind: SourceKind,
    /// What was read.
    pub origin: String,
}

/// The kinds of source `uclint collect` reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// Windows `ipconfig /all` output.
    #[default]
    Ipconfig,
    /// Unix `/etc/resolv.conf`.
    Resolv,
    /// macOS `scutil --dns` output.
    Scutil,
    /// A hosts file (Windows or Unix).
    Hosts,
    /// An LDIF export of the directory.
    Ldif,
    /// A CUCM Bulk Administration Tool user export (CSV).
    Bat,
    /// A live LDAP paged search.
    Ldap,
    /// A zone transfer (AXFR).
    Axfr,
    /// CUCM and IM&P through AXL.
    Axl,
}

impl SourceKind {
    /// Its name on the command line (`--from NAME=...`) and in the written file's comments.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ipconfig => "ipconfig",
            Self::Resolv => "resolv",
            Self::Scutil => "scutil",
            Self::Hosts => "hosts",
            Self::Ldif => "ldif",
            Self::Bat => "bat",
            Self::Ldap => "ldap",
            Self::Axfr => "axfr",
            Self::Axl => "axl",
        }
    }
}

impl std::fmt::Display for SourceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Collected {
    /// Nothing yet, from `source`.
    pub fn from(kind: SourceKind, origin: impl Into<String>) -> Self {
        Self {
            source: Source {
                kind,
                origin: origin.into(),
            },
            ..Self::default()
        }
    }
}
