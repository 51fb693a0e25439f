//! LDIF exports of the directory.

use uclint_core::collect::SourceKind;
use uclint_core::collect::import;

use crate::fixture;

#[test]
fn active_directory_export_with_base64_folded_lines_groups_and_ous() {
    let read = import::ldif(&fixture("ad-ldapsearch.ldif"), "ad.ldif").unwrap();
    assert_eq!(read.collected.source.kind, SourceKind::Ldif);
    let users = &read.collected.users;
    let ids: Vec<&str> = users.iter().map(|u| u.cucm_id.as_str()).collect();
    assert_eq!(ids, ["jdoe", "jmueller", "svc-cupc-ldap", "alima"]);
    // The OU and the group are skipped; the search reference and result are not entries.
    assert_eq!(read.skipped, 2);
    let doe = &users[0];
    assert_eq!(doe.ldap_id.as_deref(), Some("jdoe"));
    assert_eq!(doe.first_name.as_deref(), Some("John"));
    assert_eq!(doe.last_name.as_deref(), Some("Doe"));
    assert_eq!(doe.telephone_number.as_deref(), Some("+1 408 555 0101"));
    assert!(!doe.digest_credential);
    // Base64 values decoded.
    let mueller = &users[1];
    assert_eq!(mueller.first_name.as_deref(), Some("Jürgen"));
    assert_eq!(mueller.last_name.as_deref(), Some("Müller"));
    // The service account has no sn (LDAP002 will say so), the folded-DN user no sn either.
    assert_eq!(users[2].last_name, None);
    assert_eq!(users[3].first_name.as_deref(), Some("Ana"));
    // Each user points at its dn line.
    let at = doe.location.as_ref().unwrap();
    assert_eq!((&*at.file, at.line), ("ad.ldif", 18));
}

#[test]
fn openldap_export_with_version_uid_and_changetype_add() {
    let read = import::ldif(&fixture("openldap-slapcat.ldif"), "o.ldif").unwrap();
    let ids: Vec<&str> = read.collected.users.iter().map(|u| u.cucm_id.as_str()).collect();
    assert_eq!(ids, ["bjensen", "rjones"]);
    assert_eq!(read.skipped, 2);
    let jensen = &read.collected.users[0];
    assert_eq!(jensen.telephone_number.as_deref(), Some("+1 408 555 1212"));
    assert_eq!(jensen.first_name.as_deref(), Some("Barbara"));
}

#[test]
fn folded_values_and_options_are_read_as_rfc_2849_says() {
    let text = "version: 1\ndn: uid=x,dc=a\nuid: x\nsn;lang-en: Lo\n ng\n  Name\ngivenName:: Sm9z\n ZQ==\n# a comment\n  that continues\ntelephoneNumber:4100\n";
    let read = import::ldif(text, "x.ldif").unwrap();
    let user = &read.collected.users[0];
    assert_eq!(user.last_name.as_deref(), Some("Long Name"));
    assert_eq!(user.first_name.as_deref(), Some("Jose"));
    assert_eq!(user.telephone_number.as_deref(), Some("4100"));
    // sAMAccountName wins over uid wherever it comes.
    let read = import::ldif("dn: cn=y\nuid: unix\nSAMACCOUNTNAME: win\n", "y").unwrap();
    assert_eq!(read.collected.users[0].cucm_id, "win");
}

#[test]
fn urls_and_change_records_are_refused_at_their_line() {
    let e = import::ldif("dn: cn=x\njpegPhoto:< file:///tmp/x.jpg\n", "l").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.to_string().contains("values by URL"), "{e}");
    let e = import::ldif(
        "dn: cn=a\nuid: a\n\ndn: cn=x\nchangetype: modify\nreplace: sn\nsn: y\n-\n",
        "l",
    )
    .unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (5, Some("changetype: modify")));
    let e = import::ldif("dn: cn=x\nchangetype: delete\n", "l").unwrap_err();
    assert_eq!(e.line, 2);
}

#[test]
fn what_is_not_ldif_is_refused_at_its_line() {
    let e = import::ldif("", "l").unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (1, None));
    let e = import::ldif("FIRST NAME,LAST NAME,USER ID\nJohn,Doe,jdoe\n", "l").unwrap_err();
    assert_eq!(e.line, 1);
    assert_eq!(e.expected, "\"dn: DISTINGUISHED NAME\"");
    let e = import::ldif("# nothing\nversion: 1\n\n", "l").unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (4, None));
    let e = import::ldif(" folded\n", "l").unwrap_err();
    assert_eq!(e.line, 1);
    let e = import::ldif("dn: cn=x\nno colon here\n", "l").unwrap_err();
    assert_eq!(e.line, 2);
    let e = import::ldif("dn: cn=x\nsn:: ***\n", "l").unwrap_err();
    assert_eq!(e.line, 2);
    let e = import::ldif("dn: cn=x\nsn:: //79\n", "l").unwrap_err();
    assert_eq!(e.expected, "a base64 value that decodes to UTF-8 text");
    let e = import::ldif("version: 2\ndn: cn=x\n", "l").unwrap_err();
    assert_eq!(e.line, 1);
    // Truncated in the middle of an entry: the entry so far is still an entry, so what can be
    // refused is a cut inside a line: an attribute without its colon.
    let text = fixture("ad-ldapsearch.ldif");
    let cut = &text[..text.find("sAMAccountName: jdoe").unwrap() + "sAMAccount".len()];
    let e = import::ldif(cut, "l").unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (33, Some("sAMAccount")));
}
