//! What the server's answers say, read without trusting them: entries, references, and the
//! values of the paged-results and password-policy controls. ldap3's own readers of these panic
//! on a malformed answer; these return `None` instead.

use ldap3::asn1::{PL, StructureTag, TagClass, parse_tag};

/// The Paged Results control (RFC 2696).
pub const PAGED_RESULTS: &str = "1.2.840.113556.1.4.319";
/// The Password Policy control (draft-behera-ldap-password-policy), request and response.
pub const PASSWORD_POLICY: &str = "1.3.6.1.4.1.42.2.27.8.5.1";

/// An entry as a search returned it: its DN and each attribute's values as text (bytes that are
/// not UTF-8 replaced).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The DN.
    pub dn: String,
    /// Each attribute returned, with its values, in the server's order.
    pub attributes: Vec<(String, Vec<String>)>,
}

impl Entry {
    /// The values of attribute `name` (case-insensitive), none when absent.
    pub fn values(&self, name: &str) -> &[String] {
        self.attributes
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or(&[], |(_, values)| values.as_slice())
    }

    /// The entry on one line: `uid=a,dc=x: sn a, uid a`.
    pub fn line(&self) -> String {
        let attributes: Vec<String> = self
            .attributes
            .iter()
            .map(|(name, values)| format!("{name} {}", values.join(" | ")))
            .collect();
        if attributes.is_empty() {
            format!("`{}`: no attribute asked for", self.dn)
        } else {
            format!("`{}`: {}", self.dn, attributes.join(", "))
        }
    }
}

/// A SearchResultEntry (`[APPLICATION 4] SEQUENCE { objectName, attributes }`).
pub fn entry(tag: StructureTag) -> Option<Entry> {
    let mut parts = tag
        .match_class(TagClass::Application)?
        .match_id(4)?
        .expect_constructed()?
        .into_iter();
    let dn = text(parts.next()?)?;
    let mut attributes = Vec::new();
    for attribute in constructed(parts.next()?)? {
        let mut pair = constructed(attribute)?.into_iter();
        let name = text(pair.next()?)?;
        let values = constructed(pair.next()?)?
            .into_iter()
            .map(text)
            .collect::<Option<Vec<String>>>()?;
        attributes.push((name, values));
    }
    Some(Entry { dn, attributes })
}

/// The URLs of a SearchResultReference (`[APPLICATION 19] SEQUENCE OF URI`).
pub fn references(tag: StructureTag) -> Option<Vec<String>> {
    tag.match_class(TagClass::Application)?
        .match_id(19)?
        .expect_constructed()?
        .into_iter()
        .map(text)
        .collect()
}

/// What a Password Policy response control says of a bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The error the policy gives, if any (1: accountLocked).
    pub error: Option<u8>,
}

impl Policy {
    /// The policy's error in words.
    pub fn error_words(&self) -> Option<&'static str> {
        Some(match self.error? {
            0 => "password expired",
            1 => "account locked",
            2 => "the password must be changed after a reset",
            3 => "password changes not allowed",
            4 => "the old password must be supplied",
            5 => "the password is of insufficient quality",
            6 => "the password is too short",
            7 => "the password is too young to change",
            8 => "the password is in the history",
            _ => "an error the policy draft does not name",
        })
    }

    /// Whether the account is locked.
    pub fn locked(&self) -> bool {
        self.error == Some(1)
    }
}

/// The value of a Password Policy response control: `SEQUENCE { warning [0] ... OPTIONAL,
/// error [1] ENUMERATED OPTIONAL }`.
pub fn password_policy(value: &[u8]) -> Option<Policy> {
    let (_, tag) = parse_tag(value).ok()?;
    let mut error = None;
    for part in constructed(tag)? {
        if part.class == TagClass::Context && part.id == 1 {
            let bytes = part.expect_primitive()?;
            error = Some(*bytes.last()?);
        }
    }
    Some(Policy { error })
}

/// The cookie of a Paged Results response control (`SEQUENCE { size INTEGER, cookie OCTET
/// STRING }`): empty when the last page was sent.
pub fn paged_cookie(value: &[u8]) -> Option<Vec<u8>> {
    let (_, tag) = parse_tag(value).ok()?;
    let mut parts = constructed(tag)?.into_iter();
    parts.next()?;
    parts.next()?.expect_primitive()
}

fn constructed(tag: StructureTag) -> Option<Vec<StructureTag>> {
    match tag.payload {
        PL::C(inner) => Some(inner),
        PL::P(_) => None,
    }
}

fn text(tag: StructureTag) -> Option<String> {
    tag.expect_primitive()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use ldap3::controls::{PagedResults, RawControl};

    use super::*;

    fn primitive(id: u64, bytes: &[u8]) -> StructureTag {
        StructureTag {
            class: TagClass::Universal,
            id,
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

    fn attribute(name: &str, values: &[&str]) -> StructureTag {
        let values = values.iter().map(|v| primitive(4, v.as_bytes())).collect();
        sequence(
            TagClass::Universal,
            16,
            vec![primitive(4, name.as_bytes()), sequence(TagClass::Universal, 17, values)],
        )
    }

    #[test]
    fn entries_are_read_and_malformed_ones_are_none() {
        let tag = sequence(
            TagClass::Application,
            4,
            vec![
                primitive(4, b"uid=a,dc=x"),
                sequence(
                    TagClass::Universal,
                    16,
                    vec![attribute("uid", &["a"]), attribute("sn", &[])],
                ),
            ],
        );
        let entry = entry(tag).unwrap();
        assert_eq!(entry.dn, "uid=a,dc=x");
        assert_eq!(entry.values("UID"), ["a"]);
        assert!(entry.values("sn").is_empty() && entry.values("mail").is_empty());
        assert_eq!(entry.line(), "`uid=a,dc=x`: uid a, sn ");
        let no_attributes = sequence(TagClass::Application, 4, vec![primitive(4, b"dc=x")]);
        assert_eq!(super::entry(no_attributes), None);
        let primitive_values = sequence(
            TagClass::Application,
            4,
            vec![primitive(4, b"dc=x"), primitive(16, b"")],
        );
        assert_eq!(super::entry(primitive_values), None);
        assert_eq!(super::entry(primitive(4, b"x")), None);
    }

    #[test]
    fn references_are_urls() {
        let tag = sequence(TagClass::Application, 19, vec![primitive(4, b"ldap://b/dc=x")]);
        assert_eq!(references(tag).unwrap(), ["ldap://b/dc=x"]);
        let wrong = sequence(
            TagClass::Application,
            19,
            vec![sequence(TagClass::Universal, 16, vec![])],
        );
        assert_eq!(references(wrong), None);
    }

    #[test]
    fn the_password_policy_says_locked() {
        // As slapd sends them: no error, then accountLocked.
        assert_eq!(password_policy(&[0x30, 0x00]), Some(Policy { error: None }));
        let locked = password_policy(&[0x30, 0x03, 0x81, 0x01, 0x01]).unwrap();
        assert!(locked.locked());
        assert_eq!(locked.error_words(), Some("account locked"));
        // A warning (grace logins left) and an expired password.
        let expired = password_policy(&[0x30, 0x08, 0xa0, 0x03, 0x81, 0x01, 0x02, 0x81, 0x01, 0x00]).unwrap();
        assert_eq!(expired.error_words(), Some("password expired"));
        assert!(!expired.locked());
        assert_eq!(password_policy(&[0x30, 0x05, 0x81]), None);
        assert_eq!(password_policy(b""), None);
    }

    #[test]
    fn paged_cookies_round_trip() {
        let raw: RawControl = PagedResults {
            size: 500,
            cookie: vec![1, 2, 3],
        }
        .into();
        assert_eq!(raw.ctype, PAGED_RESULTS);
        assert_eq!(paged_cookie(&raw.val.unwrap()), Some(vec![1, 2, 3]));
        assert_eq!(paged_cookie(&[0x30, 0x03, 0x02, 0x01, 0x00]), None);
        assert_eq!(paged_cookie(&[0x04]), None);
    }
}
