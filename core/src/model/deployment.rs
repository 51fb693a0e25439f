//! The whole deployment, as one value.

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::dns_data::DnsData;
use super::ldap::Ldap;
use super::plugin::PluginRef;
use super::server::{Role, Server};
use super::services::{Calendar, Reachability, Voicemail};
use super::sip::SipProxy;
use super::source_map::SourceMap;
use super::user::User;
use crate::dns::DnsView;

/// A CUPS/CUPC deployment: servers, SIP proxy, DNS, clients, directory, users and services.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    /// A name for reports.
    #[serde(default)]
    pub name: Option<String>,
    /// The corporate DNS domain (`acme.com`).
    #[serde(default)]
    pub domain: Option<String>,
    /// Every server, keyed by node name.
    #[serde(default)]
    pub servers: Vec<Server>,
    /// The CUPS SIP proxy.
    #[serde(default)]
    pub sip_proxy: SipProxy,
    /// DNS data the deployment brings; none means no DNS is described.
    #[serde(default)]
    pub dns: Option<DnsData>,
    /// Client profiles.
    #[serde(default)]
    pub clients: Vec<Client>,
    /// LDAP integration, when there is one.
    #[serde(default)]
    pub ldap: Option<Ldap>,
    /// Users written inline.
    #[serde(default)]
    pub users: Vec<User>,
    /// A CSV file of more users (one row per user), read through the caller.
    #[serde(default)]
    pub users_csv: Option<String>,
    /// Voicemail over IMAP.
    #[serde(default)]
    pub voicemail: Option<Voicemail>,
    /// Calendar integration with Exchange.
    #[serde(default)]
    pub calendar: Option<Calendar>,
    /// What is known of which server reaches which.
    #[serde(default)]
    pub reachability: Vec<Reachability>,
    /// Third-party rule plugins to run with every check.
    #[serde(default)]
    pub plugins: Vec<PluginRef>,
    /// The JSON Schema an editor checks this file against (`uclint schema` writes it). uclint
    /// reads nothing from it: it is accepted so a JSON file can name its schema.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// The DNS view built from `dns` (zones and inline records).
    #[serde(skip)]
    pub dns_view: DnsView,
    /// The view from outside, built from `dns.public`, when it is described.
    #[serde(skip)]
    pub public_dns_view: Option<DnsView>,
    /// Where each item was written.
    #[serde(skip)]
    pub source_map: SourceMap,
}

impl Deployment {
    /// The server with this node name.
    pub fn server(&self, node_name: &str) -> Option<&Server> {
        self.servers.iter().find(|s| s.node_name == node_name)
    }

    /// The client profile with this id.
    pub fn client(&self, id: &str) -> Option<&Client> {
        self.clients.iter().find(|c| c.id == id)
    }

    /// The user with this CUCM id.
    pub fn user(&self, cucm_id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.cucm_id == cucm_id)
    }

    /// Servers holding `role`.
    pub fn servers_with(&self, role: Role) -> impl Iterator<Item = &Server> {
        self.servers.iter().filter(move |s| s.has_role(role))
    }

    /// Whether the deployment describes any DNS data.
    pub fn has_dns(&self) -> bool {
        self.dns.is_some()
    }
}
