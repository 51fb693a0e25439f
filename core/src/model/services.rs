//! Voicemail (IMAP) and calendar (WebDAV) settings, and what is known of the network.

use serde::{Deserialize, Serialize};

use crate::source::Location;

/// Which Unity family stores voicemail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum VoicemailSystem {
    /// Cisco Unity: Windows, Exchange is the message store.
    Unity,
    /// Cisco Unity Connection: a Linux appliance with its own store.
    UnityConnection,
}

/// Voicemail as CUPC reaches it over IMAP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Voicemail {
    /// The Unity family.
    pub system: VoicemailSystem,
    /// CUPC voicemail server profiles ("Unity Server" in CUPS Admin).
    #[serde(default)]
    pub profiles: Vec<VoicemailProfile>,
    /// A captured IMAP `CAPABILITY` response line, if the administrator tested by hand.
    #[serde(default)]
    pub captured_capability: Option<CapturedCapability>,
    /// Where this section was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

/// One CUPC voicemail server profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VoicemailProfile {
    /// The server the profile points to (node name).
    pub server: String,
    /// IMAP port: 143 plain text, 993 SSL.
    #[serde(default = "imap_port")]
    pub port: u16,
    /// Where this profile was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

fn imap_port() -> u16 {
    143
}

/// An IMAP capability line captured by hand (`1 capability`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CapturedCapability {
    /// The server tested (node name).
    pub server: String,
    /// The port tested.
    #[serde(default = "imap_port")]
    pub port: u16,
    /// The `* CAPABILITY ...` line as the server sent it.
    pub line: String,
}

/// Calendar integration between CUPS and Exchange (WebDAV).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// The Exchange server (node name).
    pub exchange: String,
    /// `https` (required) or `http`.
    #[serde(default = "https")]
    pub protocol: String,
    /// Exchange 2003 and 2007 in mixed mode.
    #[serde(default)]
    pub mixed_mode_2003_2007: bool,
    /// A firewall between CUPS and Exchange: `isa`, another product's name, or none.
    #[serde(default)]
    pub firewall: Option<String>,
    /// A load balancer or traffic director between CUPS and Exchange.
    #[serde(default)]
    pub load_balancer: bool,
    /// Forms-based authentication on OWA/IIS.
    #[serde(default)]
    pub forms_based_authentication: bool,
    /// The account CUPS reads every user's calendar with (the presence gateway's account name,
    /// `DOMAIN\name` or `name`; not a secret). `uclint probe` sends it, with the password from
    /// `UCLINT_CALENDAR_PASSWORD`, in its WebDAV PROPFIND; without it the PROPFIND goes without
    /// credentials.
    #[serde(default)]
    pub account: Option<String>,
    /// The TLS cipher suite CUPS and Exchange negotiate, when known (for decrypting captures).
    #[serde(default)]
    pub cipher_suite: Option<String>,
    /// Where this section was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

fn https() -> String {
    "https".to_owned()
}

/// What is known about whether one server can reach another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reachability {
    /// From this server (node name).
    pub from: String,
    /// To this server (node name).
    pub to: String,
    /// Whether traffic gets through.
    pub reachable: bool,
    /// Where this fact was written.
    #[serde(skip)]
    pub location: Option<Location>,
}
