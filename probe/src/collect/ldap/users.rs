//! A directory entry as the user CUCM's LDAP synchronization makes of it: `sAMAccountName`
//! (Active Directory), else `uid` (OpenLDAP and the others), is both the CUCM user id and the
//! LDAP id; `sn`, `givenName` and `telephoneNumber` are copied. An entry without a user id is
//! not a user CUCM would synchronize.

use uclint_core::model::User;

use crate::ldap::ber::Entry;

/// The attributes a collection asks for, in the order they are looked at.
pub const ATTRIBUTES: [&str; 5] = ["sAMAccountName", "uid", "sn", "givenName", "telephoneNumber"];

/// The user `entry` describes, or `None` when it has no user id.
pub fn user(entry: &Entry) -> Option<User> {
    let id = first(entry, "sAMAccountName").or_else(|| first(entry, "uid"))?;
    Some(User {
        cucm_id: id.into(),
        ldap_id: Some(id.into()),
        first_name: first(entry, "givenName").map(str::to_owned),
        last_name: first(entry, "sn").map(str::to_owned),
        telephone_number: first(entry, "telephoneNumber").map(Into::into),
        digest_credential: false,
        home_node: None,
        presence_node: None,
        desk_phone_control: false,
        clients: Default::default(),
        location: None,
    })
}

/// The first value of `attribute` that is not blank, trimmed.
fn first<'e>(entry: &'e Entry, attribute: &str) -> Option<&'e str> {
    entry
        .values(attribute)
        .iter()
        .map(|value| value.trim())
        .find(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(attributes: &[(&str, &[&str])]) -> Entry {
        Entry {
            dn: "cn=x,dc=acme,dc=com".to_owned(),
            attributes: attributes
                .iter()
                .map(|(name, values)| ((*name).to_owned(), values.iter().map(|v| (*v).to_owned()).collect()))
                .collect(),
        }
    }

    #[test]
    fn active_directory_names_the_user_by_sam_account_name() {
        let ad = entry(&[
            ("samaccountname", &["jdoe"]),
            ("uid", &["john.doe"]),
            ("sn", &["Doe"]),
            ("givenName", &["John"]),
            ("telephoneNumber", &["+1 408 555 0100", "+1 408 555 0199"]),
        ]);
        let user = user(&ad).unwrap();
        assert_eq!(user.cucm_id, "jdoe");
        assert_eq!(user.ldap_id.as_deref(), Some("jdoe"));
        assert_eq!(user.first_name.as_deref(), Some("John"));
        assert_eq!(user.last_name.as_deref(), Some("Doe"));
        assert_eq!(user.telephone_number.as_deref(), Some("+1 408 555 0100"));
        assert!(!user.digest_credential && user.home_node.is_none() && user.clients.is_empty());
    }

    #[test]
    fn openldap_names_the_user_by_uid_and_missing_names_stay_missing() {
        let user = user(&entry(&[("uid", &["alice"]), ("sn", &[" "])])).unwrap();
        assert_eq!(user.cucm_id, "alice");
        assert_eq!(user.last_name, None, "a blank sn is no sn");
        assert_eq!(user.first_name, None);
        assert_eq!(user.telephone_number, None);
        let blank_sam = entry(&[("sAMAccountName", &[""]), ("uid", &["bob"])]);
        assert_eq!(super::user(&blank_sam).unwrap().cucm_id, "bob");
    }

    #[test]
    fn entries_without_a_user_id_are_not_users() {
        assert_eq!(user(&entry(&[("sn", &["Doe"]), ("givenName", &["John"])])), None);
        assert_eq!(user(&entry(&[("uid", &[])])), None);
    }
}
