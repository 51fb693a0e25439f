//! Client profiles: how a kind of endpoint sees names and the network.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::dns::hosts::HostsFile;
use crate::source::Location;

/// What kind of endpoint a client profile describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ClientKind {
    /// Cisco Unified Personal Communicator.
    Cupc,
    /// A Cisco IP phone (uses the Directory URL).
    IpPhone,
    /// Attendant Console (JTAPI to CUCM by node name).
    AttendantConsole,
    /// Microsoft Office Communicator with remote call control.
    Moc,
    /// Cisco Jabber for Windows.
    JabberWindows,
    /// Cisco Jabber for Mac.
    JabberMac,
    /// Cisco Jabber for iPhone, iPad or Android.
    JabberMobile,
    /// Webex App in Unified CM mode.
    WebexApp,
    /// Anything else.
    Other,
}

/// A client profile: one kind of endpoint in one place (on site, VPN, a branch).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Client {
    /// The name other sections refer to this profile by.
    pub id: String,
    /// The kind of endpoint.
    pub kind: ClientKind,
    /// Software version, e.g. `7.0.2` or `1.2.1` for CUPC.
    #[serde(default)]
    pub version: Option<String>,
    /// DNS suffix search list in order (usually from DHCP).
    #[serde(default)]
    pub dns_suffixes: Vec<String>,
    /// Hosts file entries (name to address).
    #[serde(default)]
    pub hosts: Vec<HostsLine>,
    /// A Windows or Unix hosts file, read through the caller.
    #[serde(default)]
    pub hosts_file: Option<String>,
    /// Client addresses or subnets (CIDR), for the incoming ACL.
    #[serde(default)]
    pub addresses: Vec<String>,
    /// The DNS servers the client asks, in order (`ipconfig /all`, resolv.conf `nameserver`):
    /// the live DNS probe asks them as the client would.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<super::schema::IpAddress>"))]
    pub dns_servers: Vec<IpAddr>,
    /// On the corporate network (false: off site, VPN). Jabber inside sees the deployment's
    /// DNS; outside it sees `dns.public`.
    #[serde(default = "yes")]
    pub on_corporate_network: bool,
    /// Jabber and Webex App: the settings service discovery reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jabber: Option<super::JabberSettings>,
    /// The hosts table this profile resolves with: `hosts` and `hosts_file` together.
    #[serde(skip)]
    pub hosts_table: HostsFile,
    /// Where this profile was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl ClientKind {
    /// The kind as written in a deployment (`cupc`, `ip-phone`...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cupc => "cupc",
            Self::IpPhone => "ip-phone",
            Self::AttendantConsole => "attendant-console",
            Self::Moc => "moc",
            Self::JabberWindows => "jabber-windows",
            Self::JabberMac => "jabber-mac",
            Self::JabberMobile => "jabber-mobile",
            Self::WebexApp => "webex-app",
            Self::Other => "other",
        }
    }

    /// Whether this kind discovers its services as Jabber does (Jabber and Webex App).
    pub const fn discovers_services(self) -> bool {
        matches!(
            self,
            Self::JabberWindows | Self::JabberMac | Self::JabberMobile | Self::WebexApp
        )
    }
}

fn yes() -> bool {
    true
}

/// One hosts file entry written inline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HostsLine {
    /// The name.
    pub name: String,
    /// The address it maps to.
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::IpAddress"))]
    pub address: IpAddr,
}

impl Client {
    /// Whether this is CUPC 7.x or later, which logs in to the home node and must resolve the
    /// presence address (1.2.x did neither).
    pub fn is_cupc7(&self) -> bool {
        self.cupc_major().is_some_and(|major| major >= 7)
    }

    /// The CUPC major version, when this is CUPC with a version.
    pub fn cupc_major(&self) -> Option<u32> {
        if self.kind != ClientKind::Cupc {
            return None;
        }
        self.version.as_deref()?.split('.').next()?.trim().parse().ok()
    }
}
