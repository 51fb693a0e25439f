//! CUCM Bulk Administration Tool user exports.

use uclint_core::collect::SourceKind;
use uclint_core::collect::import;

use crate::fixture;

#[test]
fn export_users_keeps_names_ids_numbers_and_only_whether_a_digest_is_set() {
    let text = fixture("bat-export-users.csv");
    let collected = import::bat(&text, "exportusers.csv").unwrap();
    assert_eq!(collected.source.kind, SourceKind::Bat);
    let users = &collected.users;
    let ids: Vec<&str> = users.iter().map(|u| u.cucm_id.as_str()).collect();
    assert_eq!(ids, ["jdoe", "alima", "asmith", "jmueller"]);
    let doe = &users[0];
    assert_eq!(doe.first_name.as_deref(), Some("John"));
    assert_eq!(doe.last_name.as_deref(), Some("Doe"));
    assert_eq!(doe.telephone_number.as_deref(), Some("+1 408 555 0101"));
    assert_eq!(doe.ldap_id, None);
    assert_eq!(
        users.iter().map(|u| u.digest_credential).collect::<Vec<_>>(),
        [true, false, true, false]
    );
    assert_eq!(users[2].first_name.as_deref(), Some("Smith, Jr."));
    assert_eq!(users[3].last_name.as_deref(), Some("Müller"));
    assert_eq!(users[1].location.as_ref().unwrap().line, 3);
    // No password, PIN or digest value anywhere in what was read.
    let everything = format!("{collected:?}");
    for secret in ["Chang3me!", "12345", "d1g3st-jdoe"] {
        assert!(!everything.contains(secret), "{secret} was kept");
    }
}

#[test]
fn headers_in_any_case_and_unknown_columns_ignored() {
    let collected = import::bat("user id,Last Name,Favourite Colour\njdoe,Doe,blue\n", "b").unwrap();
    assert_eq!(collected.users[0].cucm_id, "jdoe");
    assert_eq!(collected.users[0].last_name.as_deref(), Some("Doe"));
}

#[test]
fn refusals_name_their_line() {
    let e = import::bat("", "b").unwrap_err();
    assert_eq!((e.line, e.found), (1, None));
    let e = import::bat("FIRST NAME,LAST NAME\r\nJohn,Doe\r\n", "b").unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (1, Some("FIRST NAME,LAST NAME")));
    let e = import::bat("USER ID,LAST NAME\njdoe,Doe\n,Nobody\n", "b").unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (3, Some(",Nobody")));
    // A truncated export: the last row stops short.
    let text = fixture("bat-export-users.csv");
    let cut = &text[..text.find("jmueller").unwrap()];
    let e = import::bat(cut, "b").unwrap_err();
    assert_eq!(e.line, 5);
    assert_eq!(e.expected, "27 cells like the header");
}
