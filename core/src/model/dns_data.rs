//! The deployment's own DNS data, as written (zone files, zone text, inline records).

use serde::{Deserialize, Serialize};

/// DNS data the deployment brings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DnsData {
    /// BIND zone files, read through the caller.
    #[serde(default)]
    pub zone_files: Vec<ZoneFile>,
    /// Records written inline.
    #[serde(default)]
    pub records: Vec<InlineRecord>,
    /// What public DNS (the Internet) answers for the deployment's domains: what Jabber and
    /// Webex App see outside the corporate network. None: not described.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<PublicDns>,
}

/// Public DNS data: the records the outside world sees.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublicDns {
    /// BIND zone files, read through the caller.
    #[serde(default)]
    pub zone_files: Vec<ZoneFile>,
    /// Records written inline.
    #[serde(default)]
    pub records: Vec<InlineRecord>,
}

/// A zone file and the origin to read it with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ZoneFile {
    /// Path as the caller resolves it (relative to the deployment file on the command line).
    pub path: String,
    /// `$ORIGIN` to start with, when the file does not set one.
    #[serde(default)]
    pub origin: Option<String>,
}

/// One record written inline, in zone-file terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InlineRecord {
    /// Owner name; absolute when it ends in a dot.
    pub name: String,
    /// Record type: A, AAAA, CNAME, SRV, NAPTR...
    #[serde(rename = "type")]
    pub rtype: String,
    /// Record data as in a zone file (`10 60 5060 cups-1.acme.com.` for SRV).
    pub value: String,
    /// Time to live in seconds.
    #[serde(default)]
    pub ttl: Option<u32>,
}
