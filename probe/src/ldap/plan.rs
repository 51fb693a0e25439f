//! What the LDAP probe asks of a deployment: which server, on which two ports and how protected,
//! who binds, and whom it searches for.

use uclint_core::catalogue::Service;
use uclint_core::model::{Ldap, Path, Server, User};
use uclint_core::report::{Subject, SubjectKind};

use super::search::PAGE;
use super::security::Security;
use crate::{Context, Observation, Probe, Setting, Target};

/// The attributes every search asks for beside the user id attribute: the last name CUCM needs,
/// the phone number CUPC may map ids to, and `ref`, which a referral object holds (operational,
/// so only given when asked for).
const ASKED: [&str; 3] = ["sn", "telephoneNumber", "ref"];

/// One of the two ports the directory integration names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Port {
    /// `ldap.sync_port`: CUCM's synchronization, and here CUPC's search account.
    Sync,
    /// `ldap.auth_port`: where CUCM (and CTIManager for desk-phone control) checks passwords.
    Auth,
}

impl Port {
    /// The key of the `[ldap]` section.
    pub const fn key(self) -> &'static str {
        match self {
            Self::Sync => "sync_port",
            Self::Auth => "auth_port",
        }
    }

    /// In words.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Sync => "the synchronization port",
            Self::Auth => "the authentication port",
        }
    }
}

/// Everything the probe needs of the deployment, owned by its task.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The directory server.
    pub server: Server,
    /// The names its certificate may carry, the one TLS asks for first.
    pub names: Vec<String>,
    /// The `[ldap]` section.
    pub ldap: Ldap,
    /// CUPC's search account, when the profile names one.
    pub account: Option<String>,
    /// The attribute CUPC takes as the user id.
    pub attribute: String,
    /// Whether that attribute is a phone number (CUCM ids are then extensions).
    pub phone: bool,
    /// The user the request names.
    pub user: Option<User>,
}

impl Plan {
    /// The plan for `cx`'s deployment; none without an `[ldap]` section naming a known server.
    pub fn of(cx: &Context) -> Option<Self> {
        let ldap = cx.deployment.ldap.clone()?;
        let server = cx.deployment.server(&ldap.server)?.clone();
        let profile = ldap.cupc_profile.as_ref();
        let names = crate::tls::names::wanted(&server, cx.deployment.domain.as_deref());
        Some(Self {
            names,
            account: profile.and_then(|p| p.service_account.clone()),
            attribute: profile.map_or_else(|| "sAMAccountName".to_owned(), |p| p.user_id_attribute.clone()),
            phone: profile.is_some_and(|p| p.maps_to_phone()),
            user: cx.user().cloned(),
            server,
            ldap,
        })
    }

    /// The port `port` names.
    pub const fn port(&self, port: Port) -> u16 {
        match port {
            Port::Sync => self.ldap.sync_port,
            Port::Auth => self.ldap.auth_port,
        }
    }

    /// How a connection to `port` is protected.
    pub fn security(&self, port: Port) -> Security {
        Security::of(self.ldap.tls, self.port(port))
    }

    /// Whether both ports are one.
    pub const fn one_port(&self) -> bool {
        self.ldap.sync_port == self.ldap.auth_port
    }

    /// The attributes a search asks for: the user id attribute, `sn`, `telephoneNumber` and
    /// `ref`, each once.
    pub fn attributes(&self) -> Vec<String> {
        let mut attributes = vec!["sn".to_owned()];
        for name in std::iter::once(self.attribute.as_str()).chain(ASKED) {
            if !attributes.iter().any(|a| a.eq_ignore_ascii_case(name)) {
                attributes.push(name.to_owned());
            }
        }
        attributes
    }

    /// The id the directory knows `user` by, as CUPC looks it up: the telephone number when
    /// the user id attribute is a phone attribute, else the LDAP id, else the CUCM id.
    pub fn directory_id<'u>(&self, user: &'u User) -> Option<&'u str> {
        if self.phone {
            user.telephone_number.as_deref()
        } else {
            Some(user.ldap_id.as_deref().unwrap_or(&user.cucm_id))
        }
    }

    /// The filter finding the entry whose user id attribute is `id`.
    pub fn filter_for(&self, id: &str) -> String {
        format!("({}={})", self.attribute, ldap3::ldap_escape(id))
    }

    /// The filter listing every entry with a user id.
    pub fn listing_filter(&self) -> String {
        format!("({}=*)", self.attribute)
    }

    /// The most steps (each within the timeout) the probe takes: a lookup of the server's
    /// address, then on each port a connection, TLS, a bind and the search's pages.
    pub fn steps(&self) -> u32 {
        let pages = self
            .ldap
            .directory_size
            .map_or(20, |size| size / PAGE.unsigned_abs() + 2);
        1 + 2 * (3 + pages)
    }

    /// The observation of `port` about `subject` for `service`, before anything is asked.
    pub fn observation(&self, port: Port, subject: Subject, service: Service) -> Observation {
        let target = Target {
            host: self.server.node_name.clone(),
            address: self.server.addresses.first().copied(),
            port: Some(self.port(port)),
            transport: Some(self.security(port).transport()),
        };
        let mut observation = Observation::new(Probe::Ldap, target, subject);
        observation.service = Some(service);
        observation
    }

    /// The integration as a subject.
    pub fn subject(&self) -> Subject {
        Subject::new(SubjectKind::Ldap, &self.ldap.server)
    }

    /// The setting `ldap.KEY`, saying `says`.
    pub fn setting(&self, cx: &Context, key: &str, says: String) -> Setting {
        let path = Path::default().key("ldap").key(key);
        Setting {
            name: path.to_string(),
            says,
            location: cx
                .deployment
                .source_map
                .locate(&path)
                .or_else(|| self.ldap.location.clone()),
        }
    }

    /// The setting of `port`: `ldap.sync_port` = 389.
    pub fn port_setting(&self, cx: &Context, port: Port) -> Setting {
        self.setting(cx, port.key(), self.port(port).to_string())
    }
}

#[cfg(test)]
mod tests {
    use uclint_core::model::CupcLdapProfile;

    use super::*;

    fn plan(attribute: &str) -> Plan {
        let profile = CupcLdapProfile {
            enabled: true,
            service_account: None,
            password: false,
            password_changed_with_clients_logged_in: false,
            user_id_attribute: attribute.to_owned(),
        };
        Plan {
            server: Server::new("dc", Vec::new()),
            names: vec!["dc".to_owned()],
            ldap: Ldap {
                server: "dc".to_owned(),
                synchronization: true,
                authentication: true,
                sync_port: 3268,
                auth_port: 389,
                tls: true,
                base: None,
                directory_size: Some(42_000),
                certificates: Vec::new(),
                cupc_profile: None,
                location: None,
            },
            account: None,
            phone: profile.maps_to_phone(),
            attribute: attribute.to_owned(),
            user: None,
        }
    }

    fn user(ldap_id: Option<&str>, phone: Option<&str>) -> User {
        User {
            ldap_id: ldap_id.map(Into::into),
            telephone_number: phone.map(Into::into),
            ..User::new("asmith")
        }
    }

    #[test]
    fn users_are_looked_up_by_the_id_cupc_uses() {
        let sam = plan("sAMAccountName");
        assert_eq!(sam.directory_id(&user(Some("alice"), None)), Some("alice"));
        assert_eq!(sam.directory_id(&user(None, None)), Some("asmith"));
        let phone = plan("telephoneNumber");
        assert_eq!(phone.directory_id(&user(Some("alice"), Some("4001"))), Some("4001"));
        assert_eq!(phone.directory_id(&user(Some("alice"), None)), None);
        assert_eq!(sam.filter_for("a*(b)\\"), "(sAMAccountName=a\\2a\\28b\\29\\5c)");
        assert_eq!(sam.listing_filter(), "(sAMAccountName=*)");
    }

    #[test]
    fn each_attribute_is_asked_once() {
        assert_eq!(plan("uid").attributes(), ["sn", "uid", "telephoneNumber", "ref"]);
        assert_eq!(plan("telephonenumber").attributes(), ["sn", "telephonenumber", "ref"]);
    }

    #[test]
    fn each_port_is_protected_by_its_number() {
        let plan = plan("uid");
        assert_eq!(plan.security(Port::Sync), Security::StartTls);
        assert_eq!(plan.port(Port::Auth), 389);
        assert!(!plan.one_port());
        assert_eq!(plan.steps(), 1 + 2 * (3 + 86));
    }
}
