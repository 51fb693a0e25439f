//! A directory entry as the user CUCM's LDAP synchronization makes of it: `sAMAccountName`
//! (Active Directory), else `uid` (OpenLDAP and the others), is both the CUCM user id and the
//! LDAP id; `sn`, `givenName` and `telephoneNumber` are copied. An entry without a user id is
//! not a user CUCM would synchronize.
//!
//! The entry is read straight from the server's answer, without trusting it (a malformed one is
//! `Err`, never a panic), and its values are moved into the user, not copied: only the users are
//! held, never the entries.

use ldap3::asn1::{PL, StructureTag, TagClass};
use uclint_core::model::User;

/// The attributes a collection asks for, in the order they are looked at.
pub const ATTRIBUTES: [&str; 5] = ["sAMAccountName", "uid", "sn", "givenName", "telephoneNumber"];

/// A search result entry that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// The first non-blank value of each attribute asked for, by its index in [`ATTRIBUTES`].
type Fields = [Option<String>; ATTRIBUTES.len()];

/// The user a SearchResultEntry (`[APPLICATION 4] SEQUENCE { objectName, attributes }`)
/// describes, or `None` when it has no user id.
pub fn user(tag: StructureTag) -> Result<Option<User>, Malformed> {
    let mut parts = tag
        .match_class(TagClass::Application)
        .and_then(|t| t.match_id(4))
        .and_then(StructureTag::expect_constructed)
        .ok_or(Malformed)?
        .into_iter();
    let _dn = parts.next().and_then(StructureTag::expect_primitive).ok_or(Malformed)?;
    let mut fields: Fields = Default::default();
    for attribute in constructed(parts.next().ok_or(Malformed)?)? {
        let mut pair = constructed(attribute)?.into_iter();
        let name = pair.next().and_then(StructureTag::expect_primitive).ok_or(Malformed)?;
        let values = constructed(pair.next().ok_or(Malformed)?)?;
        let Some(slot) = ATTRIBUTES.iter().position(|a| a.as_bytes().eq_ignore_ascii_case(&name)) else {
            continue;
        };
        for value in values {
            let value = text(value.expect_primitive().ok_or(Malformed)?);
            if fields[slot].is_none() && !value.trim().is_empty() {
                fields[slot] = Some(trimmed(value));
            }
        }
    }
    Ok(from_fields(fields))
}

fn from_fields(fields: Fields) -> Option<User> {
    let [sam, uid, sn, given, phone] = fields;
    let id = sam.or(uid)?;
    Some(User {
        ldap_id: Some(id.as_str().into()),
        first_name: given,
        last_name: sn,
        telephone_number: phone.map(|p| p.as_str().into()),
        ..User::new(id.as_str())
    })
}

fn constructed(tag: StructureTag) -> Result<Vec<StructureTag>, Malformed> {
    match tag.payload {
        PL::C(inner) => Ok(inner),
        PL::P(_) => Err(Malformed),
    }
}

/// Bytes as text, moved when they are UTF-8 (as LDAP's strings are), else with replacements.
fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn trimmed(value: String) -> String {
    if value.len() == value.trim().len() {
        value
    } else {
        value.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn primitive(bytes: &[u8]) -> StructureTag {
        StructureTag {
            class: TagClass::Universal,
            id: 4,
            payload: PL::P(bytes.to_vec()),
        }
    }

    fn sequence(class: TagClass, id: u64, inner: Vec<StructureTag>) -> StructureTag {
        StructureTag {
            class,
            id,
            payload: PL::C(inner),
        }
    }

    fn entry(attributes: &[(&str, &[&str])]) -> StructureTag {
        let attributes = attributes
            .iter()
            .map(|(name, values)| {
                let values = values.iter().map(|v| primitive(v.as_bytes())).collect();
                sequence(
                    TagClass::Universal,
                    16,
                    vec![primitive(name.as_bytes()), sequence(TagClass::Universal, 17, values)],
                )
            })
            .collect();
        sequence(
            TagClass::Application,
            4,
            vec![
                primitive(b"cn=x,dc=acme,dc=com"),
                sequence(TagClass::Universal, 16, attributes),
            ],
        )
    }

    #[test]
    fn active_directory_names_the_user_by_sam_account_name() {
        let ad = entry(&[
            ("uid", &["john.doe"]),
            ("samaccountname", &["jdoe"]),
            ("sn", &["Doe"]),
            ("givenName", &["John"]),
            ("telephoneNumber", &["+1 408 555 0100", "+1 408 555 0199"]),
            ("mail", &["jdoe@acme.com"]),
        ]);
        let user = user(ad).unwrap().unwrap();
        assert_eq!(user.cucm_id, "jdoe");
        assert_eq!(user.ldap_id.as_deref(), Some("jdoe"));
        assert_eq!(user.first_name.as_deref(), Some("John"));
        assert_eq!(user.last_name.as_deref(), Some("Doe"));
        assert_eq!(user.telephone_number.as_deref(), Some("+1 408 555 0100"));
        assert!(!user.digest_credential && user.home_node.is_none() && user.clients.is_empty());
    }

    #[test]
    fn openldap_names_the_user_by_uid_and_missing_names_stay_missing() {
        let user = user(entry(&[("uid", &[" alice "]), ("sn", &[" "])])).unwrap().unwrap();
        assert_eq!(user.cucm_id, "alice");
        assert_eq!(user.last_name, None, "a blank sn is no sn");
        assert_eq!(user.first_name, None);
        assert_eq!(user.telephone_number, None);
        let blank_sam = entry(&[("sAMAccountName", &[""]), ("uid", &["bob"])]);
        assert_eq!(super::user(blank_sam).unwrap().unwrap().cucm_id, "bob");
        let no_values = entry(&[("uid", &["x"]), ("sn", &[])]);
        assert!(super::user(no_values).unwrap().is_some());
    }

    #[test]
    fn entries_without_a_user_id_are_not_users_and_malformed_ones_are_errors() {
        assert_eq!(user(entry(&[("sn", &["Doe"]), ("givenName", &["John"])])), Ok(None));
        assert_eq!(user(entry(&[("uid", &[])])), Ok(None));
        let no_attributes = sequence(TagClass::Application, 4, vec![primitive(b"dc=x")]);
        assert_eq!(user(no_attributes), Err(Malformed));
        assert_eq!(user(primitive(b"x")), Err(Malformed));
        let primitive_values = sequence(TagClass::Application, 4, vec![primitive(b"dc=x"), primitive(b"")]);
        assert_eq!(user(primitive_values), Err(Malformed));
        assert_eq!(text(vec![b'a', 0xff]), "a\u{fffd}");
    }
}
