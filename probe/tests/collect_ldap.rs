//! The LDAP collector against a real OpenLDAP slapd on loopback: paged search over several
//! pages, StartTLS and LDAPS with the test CA, Active Directory naming, and every way it fails
//! (a wrong password, a wrong base, a size limit, a server that stops or falls silent).

use std::time::Duration;

use uclint_probe::collect::ldap::USERS_FILTER;
use uclint_probe::collect::{LdapSource, SourceKind, collect_ldap};
use uclint_probe::{SecretKind, Secrets};
use uclint_test_servers::{Certs, Relay, Silent, Slapd, closed_port};

/// The administrator's password as the collector gets it: from the secrets.
fn admin_secrets(password: &str) -> Secrets {
    let mut secrets = Secrets::default();
    secrets.set(SecretKind::LdapAccount, password.to_owned());
    secrets
}

/// `url` read as slapd's administrator (whom no size limit stops), trusting the test CA.
fn as_admin(url: &str, certs: &Certs) -> LdapSource {
    LdapSource {
        bind_dn: Some(Slapd::ADMIN_DN.to_owned()),
        ca: Some(certs.ca.clone()),
        timeout: Duration::from_secs(10),
        ..LdapSource::new(url, Slapd::BASE)
    }
}

#[test]
fn a_paged_search_over_starttls_reads_every_user_in_pages_of_1000() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).directory_users(2_500).start();
    let source = LdapSource {
        starttls: true,
        ..as_admin(&slapd.ldap_url, &certs)
    };
    let read = collect_ldap(&source, &admin_secrets(Slapd::ADMIN_PASSWORD)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((read.entries, read.pages, read.skipped_without_id), (2_500, 3, 0));
    assert_eq!(read.collected.source.kind, SourceKind::Ldap);
    assert_eq!(read.collected.source.origin, slapd.ldap_url);
    let mut ids: Vec<&str> = read.collected.users.iter().map(|u| u.cucm_id.as_str()).collect();
    ids.sort_unstable();
    let expected: Vec<String> = (1..=2_500).map(Slapd::directory_uid).collect();
    assert_eq!(ids, expected);
    let last = read
        .collected
        .users
        .iter()
        .find(|u| u.cucm_id == "person002500")
        .unwrap();
    assert_eq!(last.ldap_id.as_deref(), Some("person002500"));
    assert_eq!(last.first_name.as_deref(), Some("Given2500"));
    assert_eq!(last.last_name.as_deref(), Some("Family2500"));
    assert_eq!(last.telephone_number.as_deref(), Some("+1 408 0002500"));
    // Three pages, one bind, over TLS: slapd saw the StartTLS and the paged-results cookie.
    let log = slapd.log();
    assert!(log.contains("EXT oid=1.3.6.1.4.1.1466.20037"), "{log}");
    assert_eq!(log.matches(" SRCH base=\"dc=example,dc=org\"").count(), 3, "{log}");
}

#[test]
fn ldaps_reads_with_the_test_ca_and_an_untrusted_certificate_gets_nothing_sent() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).directory_users(3).start();
    let read = collect_ldap(
        &as_admin(&slapd.ldaps_url, &certs),
        &admin_secrets(Slapd::ADMIN_PASSWORD),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.collected.users.len(), 3);
    assert_eq!(read.collected.source.origin, slapd.ldaps_url);

    let untrusted = Slapd::builder(&certs.untrusted).directory_users(3).start();
    let error = collect_ldap(
        &as_admin(&untrusted.ldaps_url, &certs),
        &admin_secrets(Slapd::ADMIN_PASSWORD),
    )
    .unwrap_err();
    assert_eq!(error.origin, untrusted.ldaps_url);
    assert!(
        error.reason.contains("certificate cannot be trusted") && error.reason.contains("nothing was sent"),
        "{error}"
    );
    // The only bind slapd saw is the readiness check's anonymous one.
    assert!(
        !untrusted.log().contains("BIND dn=\"cn=admin"),
        "the bind was sent: {}",
        untrusted.log()
    );
}

#[test]
fn a_wrong_password_is_invalid_credentials_and_never_shown() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).directory_users(3).start();
    let password = "wrong-hunter2-password";
    let source = LdapSource {
        starttls: true,
        ..as_admin(&slapd.ldap_url, &certs)
    };
    let error = collect_ldap(&source, &admin_secrets(password)).unwrap_err();
    assert_eq!(error.kind, SourceKind::Ldap);
    assert!(
        error
            .reason
            .contains("refused the bind as `cn=admin,dc=example,dc=org`: invalid credentials"),
        "{error}"
    );
    assert!(error.reason.contains("49 invalidCredentials"), "{error}");
    let shown = format!("{error} {error:?} {source:?}");
    assert!(!shown.contains(password), "the password shows: {shown}");
}

#[test]
fn a_wrong_base_is_no_such_object() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).directory_users(3).start();
    let source = LdapSource {
        base: "ou=nowhere,dc=example,dc=org".to_owned(),
        ..LdapSource::new(&slapd.ldap_url, Slapd::BASE)
    };
    let error = collect_ldap(&source, &Secrets::default()).unwrap_err();
    assert!(
        error
            .reason
            .contains("the base `ou=nowhere,dc=example,dc=org` does not exist on this server (32 noSuchObject)"),
        "{error}"
    );
}

/// Active Directory names users by sAMAccountName (a uid beside it is not the id), keeps sn
/// optional, and counts computers as users: the default filter leaves computers out.
#[test]
fn active_directory_users_are_named_by_sam_account_name_and_computers_left_out() {
    let certs = Certs::new();
    let people = Slapd::PEOPLE;
    let slapd = Slapd::builder(&certs.good)
        .active_directory_schema()
        .ldif(&format!(
            "dn: cn=John Doe,{people}\nobjectClass: user\nobjectClass: uidObject\ncn: John Doe\n\
             sAMAccountName: jdoe\nuid: john.doe\ngivenName: John\nsn: Doe\ntelephoneNumber: +1 408 555 0100\n\n\
             dn: cn=Mary NoSurname,{people}\nobjectClass: user\ncn: Mary NoSurname\nsAMAccountName: mary\n\
             givenName: Mary\n\n\
             dn: cn=Meeting Room,{people}\nobjectClass: user\ncn: Meeting Room\nsn: Room\n\n\
             dn: cn=PC-042,{people}\nobjectClass: computer\ncn: PC-042\nsAMAccountName: PC-042$\n\n\
             dn: uid=alice,{people}\nobjectClass: inetOrgPerson\nuid: alice\ncn: Alice Liddell\nsn: Liddell\n"
        ))
        .start();
    let read = collect_ldap(&LdapSource::new(&slapd.ldap_url, Slapd::BASE), &Secrets::default())
        .unwrap_or_else(|e| panic!("{e}"));
    // Each user as `cucm_id ldap_id first_name last_name telephone_number`, `-` for none.
    let mut users: Vec<String> = read
        .collected
        .users
        .iter()
        .map(|u| {
            let or_dash = |v: Option<&str>| v.unwrap_or("-").to_owned();
            [
                u.cucm_id.to_string(),
                or_dash(u.ldap_id.as_deref()),
                or_dash(u.first_name.as_deref()),
                or_dash(u.last_name.as_deref()),
                or_dash(u.telephone_number.as_deref()),
            ]
            .join(" | ")
        })
        .collect();
    users.sort();
    assert_eq!(
        users,
        [
            "alice | alice | - | Liddell | -",
            "jdoe | jdoe | John | Doe | +1 408 555 0100",
            "mary | mary | Mary | - | -",
        ]
    );
    assert_eq!(read.entries, 4, "the computer is not an entry of the users filter");
    assert_eq!(read.skipped_without_id, 1, "the meeting room has no sAMAccountName");
    assert_eq!(read.collected.source.origin, slapd.ldap_url);
}

#[test]
fn entries_without_sn_are_users_without_a_last_name() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .person("alice", "alicepw")
        .account("carol", "carolpw")
        .start();
    // `account` is not a users class: a filter of one's own finds it, as CUCM's custom filters do.
    let source = LdapSource {
        filter: "(uid=*)".to_owned(),
        ..LdapSource::new(&slapd.ldap_url, Slapd::BASE)
    };
    let read = collect_ldap(&source, &Secrets::default()).unwrap_or_else(|e| panic!("{e}"));
    let mut users: Vec<(&str, Option<&str>)> = read
        .collected
        .users
        .iter()
        .map(|u| (u.cucm_id.as_str(), u.last_name.as_deref()))
        .collect();
    users.sort_unstable();
    assert_eq!(users, [("alice", Some("alice")), ("carol", None)]);
    let default = collect_ldap(&LdapSource::new(&slapd.ldap_url, Slapd::BASE), &Secrets::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(default.collected.users.len(), 1, "{USERS_FILTER} finds people only");
}

/// slapd lets an anonymous search see 500 entries: the collection fails rather than return 500
/// of 2,500 users.
#[test]
fn a_size_limit_mid_search_is_an_error_not_a_partial_list() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).directory_users(2_500).start();
    let error = collect_ldap(&LdapSource::new(&slapd.ldap_url, Slapd::BASE), &Secrets::default()).unwrap_err();
    assert!(
        error.reason.contains("sizeLimitExceeded") || error.reason.contains("adminLimitExceeded"),
        "{error}"
    );
    assert!(error.reason.contains("the account may read fewer entries"), "{error}");
}

#[test]
fn a_server_that_stops_mid_search_is_an_error_not_a_partial_list() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).directory_users(2_500).start();
    // The first page is about 200 kB: the connection is cut in the second.
    let relay = Relay::cut_after(slapd.ldap, 300_000);
    let source = LdapSource {
        allow_plaintext_password: true,
        ..as_admin(&format!("ldap://{}", relay.address), &certs)
    };
    let error = collect_ldap(&source, &admin_secrets(Slapd::ADMIN_PASSWORD)).unwrap_err();
    assert_eq!(error.origin, format!("ldap://{}", relay.address));
    assert!(error.reason.contains("reading page 2 of the search"), "{error}");
    assert!(
        error.reason.contains("the connection ended") || error.reason.contains("the exchange broke"),
        "{error}"
    );
    assert!(!format!("{error:?}").contains(Slapd::ADMIN_PASSWORD));
}

#[test]
fn a_silent_server_times_out_and_a_closed_port_is_refused() {
    let silent = Silent::start();
    let source = LdapSource {
        timeout: Duration::from_millis(300),
        ..LdapSource::new(format!("ldap://{}", silent.address), Slapd::BASE)
    };
    let error = collect_ldap(&source, &Secrets::default()).unwrap_err();
    assert!(error.reason.contains("no answer within 300 ms"), "{error}");

    let closed = closed_port();
    let error = collect_ldap(
        &LdapSource::new(format!("ldap://{closed}"), Slapd::BASE),
        &Secrets::default(),
    )
    .unwrap_err();
    assert_eq!(error.to_string().split(':').next(), Some("ldap ldap"));
    assert!(error.reason.to_lowercase().contains("refused"), "{error}");
}

#[test]
fn the_password_is_not_sent_over_plain_ldap_unless_allowed() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).directory_users(3).start();
    let secrets = admin_secrets(Slapd::ADMIN_PASSWORD);
    let error = collect_ldap(&as_admin(&slapd.ldap_url, &certs), &secrets).unwrap_err();
    assert!(error.reason.contains("would cross the network unencrypted"), "{error}");
    assert!(!slapd.log().contains("BIND dn=\"cn=admin"), "{}", slapd.log());
    let allowed = LdapSource {
        allow_plaintext_password: true,
        ..as_admin(&slapd.ldap_url, &certs)
    };
    let read = collect_ldap(&allowed, &secrets).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.collected.users.len(), 3);
}
