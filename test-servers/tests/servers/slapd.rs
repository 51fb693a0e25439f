//! slapd binds, searches, refers, locks accounts out, speaks TLS, and loads many users fast.

use std::time::Instant;

use uclint_test_servers::{Certs, Relay, Slapd};

use crate::common::{text, tool};

/// Plain LDAP clients ignore the machine's ldap.conf and ~/.ldaprc.
const NO_INIT: &[(&str, &str)] = &[("LDAPNOINIT", "1")];

/// `ldapwhoami` as `dn` with `password` over `url`, with `extra` arguments: (exit code, output).
fn whoami(url: &str, dn: &str, password: &str, extra: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut args = vec!["-x", "-H", url, "-D", dn, "-w", password];
    args.extend_from_slice(extra);
    let output = tool("ldapwhoami", &args, env);
    (output.status.code().unwrap_or(-1), text(&output))
}

/// `ldapsearch` as the administrator: (exit code, output).
fn search(slapd: &Slapd, base: &str, scope: &str, filter: &str, attrs: &[&str]) -> (i32, String) {
    let mut args = vec![
        "-x",
        "-LLL",
        "-H",
        &slapd.ldap_url,
        "-D",
        Slapd::ADMIN_DN,
        "-w",
        Slapd::ADMIN_PASSWORD,
        "-b",
        base,
        "-s",
        scope,
        "-z",
        "0",
        filter,
    ];
    args.extend_from_slice(attrs);
    let output = tool("ldapsearch", &args, NO_INIT);
    (output.status.code().unwrap_or(-1), text(&output))
}

#[test]
fn users_bind_with_and_without_sn_and_a_search_finds_them() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .person("alice", "alicepw")
        .account("carol", "carolpw")
        .start();
    let alice = Slapd::user_dn("alice");
    assert_eq!(
        whoami(&slapd.ldap_url, &alice, "alicepw", &[], NO_INIT),
        (0, format!("dn:{alice}\n"))
    );
    let carol = Slapd::user_dn("carol");
    assert_eq!(whoami(&slapd.ldap_url, &carol, "carolpw", &[], NO_INIT).0, 0);
    let (code, wrong) = whoami(&slapd.ldap_url, &alice, "nope", &[], NO_INIT);
    assert_eq!(code, 49, "{wrong}");

    let (code, found) = search(&slapd, Slapd::PEOPLE, "one", "(uid=*)", &["sn"]);
    assert_eq!(code, 0, "{found}");
    assert!(found.contains(&format!("dn: {alice}\nsn: alice\n")), "{found}");
    assert!(
        found.contains(&format!("dn: {carol}\n\n")) || found.ends_with(&format!("dn: {carol}\n")),
        "{found}"
    );

    slapd.add(&format!(
        "dn: uid=dave,{}\nobjectClass: inetOrgPerson\nuid: dave\ncn: Dave\nsn: D\n",
        Slapd::PEOPLE
    ));
    assert!(
        search(&slapd, Slapd::PEOPLE, "one", "(uid=dave)", &["cn"])
            .1
            .contains("cn: Dave")
    );
}

#[test]
fn a_referral_object_refers() {
    let certs = Certs::new();
    let url = "ldap://127.0.0.1:1/ou=remote,dc=example,dc=com";
    let slapd = Slapd::builder(&certs.good).referral("remote", url).start();
    // A base search on it: result 10 (Referral) with the URL.
    let (code, output) = search(
        &slapd,
        &format!("ou=remote,{}", Slapd::BASE),
        "base",
        "(objectClass=*)",
        &[],
    );
    assert_eq!(code, 10, "{output}");
    assert!(output.contains("Referral") && output.contains(url), "{output}");
    // A subtree search from the base: a search reference (continuation).
    let (code, output) = search(&slapd, Slapd::BASE, "sub", "(objectClass=*)", &["dn"]);
    assert_eq!(code, 0, "{output}");
    let reference = output.lines().find(|l| l.starts_with("# ref")).unwrap_or_default();
    assert!(reference.contains(url), "{output}");
}

#[test]
fn three_bad_binds_lock_the_account() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .person("bob", "bobpw")
        .lockout_after(3)
        .start();
    let bob = Slapd::user_dn("bob");
    for _ in 0..3 {
        assert_eq!(whoami(&slapd.ldap_url, &bob, "wrong", &[], NO_INIT).0, 49);
    }
    let (code, output) = whoami(&slapd.ldap_url, &bob, "bobpw", &[], NO_INIT);
    assert_eq!(code, 49, "the right password no longer works: {output}");
    let (code, output) = whoami(&slapd.ldap_url, &bob, "bobpw", &["-e", "ppolicy"], NO_INIT);
    assert_eq!(code, 49, "{output}");
    assert!(output.contains("Account locked"), "{output}");
}

#[test]
fn ldaps_and_starttls_present_the_test_certificate() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).person("alice", "alicepw").start();
    let alice = Slapd::user_dn("alice");
    let ca = certs.ca.to_str().unwrap();
    let trust = [("LDAPTLS_CACERT", ca), ("LDAPTLS_REQCERT", "demand")];
    let (code, output) = whoami(&slapd.ldaps_url, &alice, "alicepw", &[], &trust);
    assert_eq!(code, 0, "ldaps: {output}");
    let (code, output) = whoami(&slapd.ldap_url, &alice, "alicepw", &["-ZZ"], &trust);
    assert_eq!(code, 0, "StartTLS: {output}");
    // Trusting another CA fails: the certificate really is the test one.
    let other = certs.untrusted.ca.to_str().unwrap();
    let distrust = [("LDAPTLS_CACERT", other), ("LDAPTLS_REQCERT", "demand")];
    assert_ne!(whoami(&slapd.ldaps_url, &alice, "alicepw", &[], &distrust).0, 0);
}

#[test]
fn directory_users_carry_names_and_phones_beside_active_directory_naming() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .active_directory_schema()
        .directory_users(2)
        .generated_users(1, "userpw")
        .ldif(&format!(
            "dn: cn=John Doe,{}\nobjectClass: user\ncn: John Doe\nsAMAccountName: jdoe\n\n\
             dn: cn=PC-1,{}\nobjectClass: computer\ncn: PC-1\nsAMAccountName: PC-1$\n",
            Slapd::PEOPLE,
            Slapd::PEOPLE
        ))
        .start();
    let attributes = ["givenName", "sn", "telephoneNumber"];
    let (code, found) = search(&slapd, Slapd::PEOPLE, "one", "(uid=person000002)", &attributes);
    assert_eq!(code, 0, "{found}");
    assert!(
        found.contains("givenName: Given2\nsn: Family2\ntelephoneNumber: +1 408 0000002\n"),
        "{found}"
    );
    // A computer is a user, as in Active Directory; sn is optional for both.
    let (code, found) = search(&slapd, Slapd::PEOPLE, "one", "(objectClass=user)", &["sAMAccountName"]);
    assert_eq!(code, 0, "{found}");
    assert!(
        found.contains("sAMAccountName: jdoe") && found.contains("sAMAccountName: PC-1$"),
        "{found}"
    );
    let (_, everyone) = search(&slapd, Slapd::PEOPLE, "one", "(objectClass=*)", &["1.1"]);
    assert_eq!(everyone.matches("dn: ").count(), 5, "{everyone}");
}

#[test]
fn a_relay_passes_everything_or_cuts_after_the_bytes_asked() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).directory_users(200).start();
    let through = |relay: &Relay| {
        let url = format!("ldap://{}", relay.address);
        let args = ["-x", "-LLL", "-H", &url, "-b", Slapd::BASE, "-z", "0", "(uid=*)", "uid"];
        let output = tool("ldapsearch", &args, NO_INIT);
        (output.status.code().unwrap_or(-1), text(&output))
    };
    let (code, whole) = through(&Relay::cut_after(slapd.ldap, usize::MAX));
    assert_eq!(code, 0, "{whole}");
    assert_eq!(whole.matches("uid: person").count(), 200);
    let (code, cut) = through(&Relay::cut_after(slapd.ldap, 2_000));
    assert_ne!(code, 0, "{cut}");
    assert!(cut.matches("uid: person").count() < 200, "{cut}");
}

/// Start with `count` generated users; check the last binds and all are found.
fn generated(count: usize) {
    let certs = Certs::new();
    let started = Instant::now();
    let slapd = Slapd::builder(&certs.good).generated_users(count, "userpw").start();
    let elapsed = started.elapsed();
    eprintln!("slapd with {count} generated users: ready in {elapsed:?}");
    let last = Slapd::user_dn(&Slapd::generated_uid(count));
    assert_eq!(whoami(&slapd.ldap_url, &last, "userpw", &[], NO_INIT).0, 0);
    let (code, found) = search(&slapd, Slapd::PEOPLE, "one", "(objectClass=inetOrgPerson)", &["1.1"]);
    assert_eq!(code, 0);
    assert_eq!(found.lines().filter(|l| l.starts_with("dn: ")).count(), count);
}

#[test]
fn ten_thousand_users_load_before_start() {
    generated(10_000);
}

#[test]
#[ignore = "a benchmark set: about 100,000 entries; run with --ignored"]
fn a_hundred_thousand_users_load_before_start() {
    generated(100_000);
}
