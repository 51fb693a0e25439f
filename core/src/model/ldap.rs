//! LDAP integration of CUCM and the CUPC LDAP search profile.

use serde::{Deserialize, Serialize};

use crate::source::Location;

/// The directory integration (CUCM System > LDAP) and CUPC's LDAP profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ldap {
    /// The directory server, by node name (a server with role `ldap`).
    pub server: String,
    /// CUCM imports users from LDAP (LDAP Synchronization).
    #[serde(default)]
    pub synchronization: bool,
    /// CUCM authenticates passwords against LDAP (LDAP Authentication).
    #[serde(default)]
    pub authentication: bool,
    /// Port used for synchronization (389, 636 for LDAPS, 3268/3269 Global Catalog).
    #[serde(default = "ldap_port")]
    pub sync_port: u16,
    /// Port used for authentication, which CTIManager uses for CUPC desk-phone control.
    #[serde(default = "ldap_port")]
    pub auth_port: u16,
    /// The connection is encrypted. `uclint probe` takes it as LDAPS on the LDAPS ports (636,
    /// and 3269 for the Global Catalog) and StartTLS on any other port.
    #[serde(default)]
    pub tls: bool,
    /// The search base users live under (`dc=acme,dc=com`), as CUCM's LDAP Directory and CUPC's
    /// LDAP profile name it. `uclint probe` searches for users under it; without it the search
    /// is skipped.
    #[serde(default)]
    pub base: Option<String>,
    /// How many users the directory holds, where known (large directories sync slowly on 389).
    #[serde(default)]
    pub directory_size: Option<u32>,
    /// Where the LDAPS certificate has been uploaded.
    #[serde(default)]
    pub certificates: Vec<LdapCertificate>,
    /// CUPC's LDAP search profile (CUPS Admin > Application > CUPC > LDAP Profile).
    #[serde(default)]
    pub cupc_profile: Option<CupcLdapProfile>,
    /// Where this section was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

fn ldap_port() -> u16 {
    389
}

/// The LDAPS certificate on one server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LdapCertificate {
    /// The server (node name) the certificate was uploaded to.
    pub server: String,
    /// Whether Cisco Tomcat was restarted after the upload (needed on CUCM).
    #[serde(default = "yes")]
    pub tomcat_restarted_after_upload: bool,
    /// Where this entry was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

fn yes() -> bool {
    true
}

/// CUPC's LDAP search profile, downloaded by each CUPC at logon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CupcLdapProfile {
    /// Whether CUPC searches LDAP for contacts.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// The search service account's name (not a secret).
    #[serde(default)]
    pub service_account: Option<String>,
    /// Whether the account's password is set. Never its value.
    #[serde(default, deserialize_with = "crate::model::secret::set")]
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::Secret"))]
    pub password: bool,
    /// The password was changed while CUPC clients were still logged in with the old profile.
    #[serde(default)]
    pub password_changed_with_clients_logged_in: bool,
    /// The LDAP attribute CUPC maps to its user id (`sAMAccountName` by default; a phone
    /// attribute when CUCM ids are extensions).
    #[serde(default = "sam")]
    pub user_id_attribute: String,
}

/// LDAP attributes that hold a phone number, for CUPC's user-id mapping.
const PHONE_ATTRIBUTES: &[&str] = &["telephonenumber", "ipphone", "othertelephone", "mobile"];

impl CupcLdapProfile {
    /// Whether CUPC's user id is a phone attribute: CUCM ids are then extensions, and a user's
    /// presence id is their telephone number.
    pub fn maps_to_phone(&self) -> bool {
        PHONE_ATTRIBUTES.contains(&self.user_id_attribute.to_ascii_lowercase().as_str())
    }
}

fn sam() -> String {
    "sAMAccountName".to_owned()
}
