//! End users as CUCM, LDAP and CUPS know them.
//!
//! The node and client names users refer to are shared (`Arc<str>`, one allocation per distinct
//! name): 100,000 users then point at a handful of strings that stay in cache.

use std::sync::Arc;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use crate::source::Location;

/// The client profiles of one user, one of them inline.
pub type Clients = SmallVec<[Arc<str>; 1]>;

/// One end user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct User {
    /// CUCM user id (End User page), the id CUPS syncs and presence uses. Ids are short and
    /// kept inline: LDAP006 compares them for every user, and a pointer to chase per user is a
    /// cache miss per user once the users outgrow the cache.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub cucm_id: CompactString,
    /// The user's id in LDAP; none when the user is not in the directory.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub ldap_id: Option<CompactString>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name (LDAP `sn`); CUCM will not synchronize a directory user without one.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Telephone number (extension), for CUPC's phone-attribute id mapping (inline, as ids).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub telephone_number: Option<CompactString>,
    /// Whether a digest credential is set on CUCM End User. Never its value.
    #[serde(default, deserialize_with = "crate::model::secret::set")]
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::Secret"))]
    pub digest_credential: bool,
    /// The CUPS node (node name) the user is assigned to.
    #[serde(default)]
    pub home_node: Option<Arc<str>>,
    /// The CUPS node that serves the user's presence; defaults to the home node.
    #[serde(default)]
    pub presence_node: Option<Arc<str>>,
    /// Whether the user controls a desk phone from CUPC (CTI through CTIManager).
    #[serde(default)]
    pub desk_phone_control: bool,
    /// Client profiles (by id) the user logs in from. Most users have one, kept inline: rules
    /// walk every user's clients, and a pointer to a separate allocation per user is a cache
    /// miss per user once the users outgrow the cache.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub clients: Clients,
    /// CUCM End User "Home Cluster": Jabber's `/cucm-uds/clusterUser` finds the user only on
    /// the cluster where it is ticked. None: not known (taken as ticked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_cluster: Option<bool>,
    /// Where this user was written (a TOML/JSON/YAML item or a CSV row).
    #[serde(skip)]
    pub location: Option<Location>,
}

impl User {
    /// A user known only by their CUCM id: every other field empty or false, as a source that
    /// knows more then sets it.
    pub fn new(cucm_id: impl Into<CompactString>) -> Self {
        Self {
            cucm_id: cucm_id.into(),
            ldap_id: None,
            first_name: None,
            last_name: None,
            telephone_number: None,
            digest_credential: false,
            home_node: None,
            presence_node: None,
            desk_phone_control: false,
            clients: Clients::new(),
            home_cluster: None,
            location: None,
        }
    }

    /// Whether the user logs in from client profile `id`.
    pub fn uses_client(&self, id: &str) -> bool {
        self.clients.iter().any(|c| &**c == id)
    }

    /// The CUPS node that serves presence: `presence_node`, else `home_node`.
    pub fn presence_node(&self) -> Option<&str> {
        self.presence_node.as_deref().or(self.home_node.as_deref())
    }
}
