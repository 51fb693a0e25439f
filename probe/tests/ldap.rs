//! The LDAP probe against a real slapd on 127.0.0.1 (StartTLS with the test CA, ppolicy lockout,
//! users with and without `sn`, referral objects), and against a closed port, a silent server,
//! one that cuts its answer and one that refuses StartTLS. Every bind the probe makes is counted
//! in slapd's own log.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use uclint_core::catalogue::{Code, Service};
use uclint_core::model::Deployment;
use uclint_core::report::SubjectKind;
use uclint_probe::{NoProgress, Observation, Outcome, Probe, ProbeReport, ProbeRequest, SecretKind, Secrets};
use uclint_test_servers::{Certs, DropMidAnswer, Silent, Slapd, closed_port};

const SVC_PASSWORD: &str = "Svc-Pa55-word";
const ALICE_PASSWORD: &str = "Alice-Pa55-word";

fn svc_dn() -> String {
    Slapd::user_dn("svc")
}

/// A deployment whose directory server `dc` is 127.0.0.1 (named `localhost` by the test
/// certificate), with `ldap` lines added to its `[ldap]` section and `extra` after it.
fn load(dir: &Path, ldap: &str, extra: &str) -> Arc<Deployment> {
    let text = format!(
        "[[servers]]\nnode_name = \"dc\"\nhostname = \"localhost\"\naddresses = [\"127.0.0.1\"]\nroles = [\"ldap\"]\n\n\
         [ldap]\nserver = \"dc\"\nsynchronization = true\n{ldap}\n\n\
         [ldap.cupc_profile]\nservice_account = \"{}\"\npassword = true\nuser_id_attribute = \"uid\"\n\n{extra}",
        svc_dn()
    );
    let path = dir.join("lab.toml");
    std::fs::write(&path, text).unwrap();
    Arc::new(Deployment::load_file(&path, None, "--input-format").unwrap())
}

/// `[ldap]` lines: both ports `port`, authentication on, the base, and TLS as given.
fn one_port(port: u16, tls: bool) -> String {
    format!(
        "authentication = true\nsync_port = {port}\nauth_port = {port}\ntls = {tls}\nbase = \"{}\"",
        Slapd::BASE
    )
}

const ALICE: &str = "[[users]]\ncucm_id = \"alice\"\nlast_name = \"alice\"\ndesk_phone_control = true\n";

fn request(ca: &Path, passwords: &[(SecretKind, &str)]) -> ProbeRequest {
    let mut secrets = Secrets::default();
    for (kind, value) in passwords {
        secrets.set(*kind, (*value).to_owned());
    }
    ProbeRequest {
        only: vec![Probe::Ldap],
        dns_server: Some(closed_port()),
        timeout: Duration::from_secs(2),
        ca: Some(ca.to_owned()),
        secrets,
        ..ProbeRequest::default()
    }
}

fn probe(deployment: &Arc<Deployment>, request: &ProbeRequest) -> ProbeReport {
    uclint_probe::probe(deployment, request, &NoProgress).unwrap()
}

/// The observation for `service` about a subject of `kind`.
fn seen(report: &ProbeReport, kind: SubjectKind, service: Service) -> &Observation {
    report
        .observations
        .iter()
        .find(|o| o.subject.kind == kind && o.service == Some(service))
        .unwrap_or_else(|| panic!("no {kind:?} observation for {service:?}: {:#?}", report.observations))
}

fn evidence(o: &Observation) -> String {
    o.evidence
        .iter()
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn message(o: &Observation, code: Code) -> &str {
    &o.raised
        .iter()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("no {code:?} in {o:#?}"))
        .message
}

/// How many binds as `dn` slapd has logged.
fn binds(slapd: &Slapd, dn: &str) -> usize {
    let needle = format!("BIND dn=\"{dn}\" method=");
    slapd.log().lines().filter(|line| line.contains(&needle)).count()
}

/// How many binds the probe says it sent, over every observation.
fn binds_sent(report: &ProbeReport) -> usize {
    report
        .observations
        .iter()
        .flat_map(|o| &o.evidence)
        .filter(|e| e.text.starts_with("bind as `") && e.text.contains("simple, password ********"))
        .count()
}

/// Every text an observation shows, as JSON: nothing in it may be a password.
fn shown(report: &ProbeReport) -> String {
    format!("{}{}{:?}", report.to_json(), report.to_sarif(), report.observations)
}

fn assert_no_password(report: &ProbeReport) {
    let all = shown(report);
    for password in [SVC_PASSWORD, ALICE_PASSWORD] {
        assert!(!all.contains(password), "a password shows: {all}");
    }
}

#[test]
fn starttls_with_the_test_ca_binds_once_and_lists_the_directory() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .person("svc", SVC_PASSWORD)
        .person("alice", ALICE_PASSWORD)
        .person("bob", "bob")
        .start();
    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(slapd.ldap.port(), true), ALICE);
    let report = probe(
        &deployment,
        &request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]),
    );

    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(
        (account.outcome, account.codes()),
        (Outcome::Ok, vec![]),
        "{account:#?}"
    );
    assert_eq!(account.target.transport, Some("starttls"));
    let said = evidence(account);
    for line in [
        "StartTLS answer: 0 success",
        "the certificate is trusted and names `localhost`",
        "bind answer: 0 success",
        "filter `(uid=*)`, attributes sn, uid, telephoneNumber, ref",
        "entry `uid=alice,ou=people,dc=example,dc=org`: ",
        "search result 0 success: 3 entries, 0 references, 1 page",
    ] {
        assert!(said.contains(line), "`{line}` missing from:\n{said}");
    }
    assert!(account.summary.contains("bind accepted"), "{}", account.summary);
    assert!(account.summary.contains("3 entries"), "{}", account.summary);
    let desk = seen(&report, SubjectKind::Ldap, Service::DeskPhone);
    assert_eq!((desk.outcome, desk.codes()), (Outcome::Ok, vec![]), "{desk:#?}");
    assert!(desk.summary.contains("0 referrals"), "{}", desk.summary);
    assert_eq!(binds(&slapd, &svc_dn()), 1, "one bind, as slapd logged it");
    assert_eq!(binds_sent(&report), 1);
    assert_no_password(&report);
}

#[test]
fn a_wrong_password_is_ldap009_and_nothing_is_searched() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).person("svc", SVC_PASSWORD).start();
    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(slapd.ldap.port(), true), "");
    let report = probe(
        &deployment,
        &request(&certs.ca, &[(SecretKind::LdapAccount, "not-the-password")]),
    );
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(
        (account.outcome, account.codes()),
        (Outcome::Failed, vec![Code::LDAP009]),
        "{account:#?}"
    );
    let ldap009 = message(account, Code::LDAP009);
    assert!(
        ldap009.starts_with("bind refused: invalid credentials (result 49)"),
        "{ldap009}"
    );
    assert!(evidence(account).contains("bind answer: 49 invalidCredentials"));
    assert!(
        !evidence(account).contains("search under"),
        "no search after a refused bind"
    );
    assert_eq!(binds(&slapd, &svc_dn()), 1, "never retried");
    let desk = seen(&report, SubjectKind::Ldap, Service::DeskPhone);
    assert!(desk.summary.contains("not searched"), "{desk:#?}");
    assert!(!shown(&report).contains("not-the-password"));
}

#[test]
fn a_locked_account_is_ldap009_and_ldap007_after_one_bind() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .person("svc", SVC_PASSWORD)
        .lockout_after(3)
        .start();
    // Clients holding an old password lock the account: three failed binds, made by the test.
    let ldapwhoami = uclint_test_servers::require_binary("/usr/bin/ldapwhoami", "ldap-utils");
    for _ in 0..3 {
        let status = Command::new(&ldapwhoami)
            .env("LDAPNOINIT", "1")
            .args(["-x", "-H", &slapd.ldap_url, "-D", &svc_dn(), "-w", "old-password"])
            .output()
            .unwrap()
            .status;
        assert_eq!(status.code(), Some(49), "each failed bind is 49");
    }
    let before = binds(&slapd, &svc_dn());
    assert_eq!(before, 3);

    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(slapd.ldap.port(), true), "");
    // The right password: only the lock refuses it.
    let report = probe(
        &deployment,
        &request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]),
    );
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(account.codes(), [Code::LDAP009, Code::LDAP007], "{account:#?}");
    assert_eq!(account.outcome, Outcome::Failed);
    assert!(
        message(account, Code::LDAP009).contains("the account is locked"),
        "{account:#?}"
    );
    assert!(message(account, Code::LDAP007).contains("is locked"), "{account:#?}");
    assert!(evidence(account).contains("password policy control: account locked"));
    assert!(account.summary.contains("account locked"), "{}", account.summary);
    assert_eq!(binds(&slapd, &svc_dn()) - before, 1, "the probe made exactly one bind");
    assert_eq!(binds_sent(&report), 1);
}

#[test]
fn referrals_on_the_authentication_port_are_ldap010_and_auth004() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .person("svc", SVC_PASSWORD)
        .person("alice", ALICE_PASSWORD)
        .referral("emea", "ldap://dc-emea.example.org/ou=emea,dc=example,dc=org")
        .start();
    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(slapd.ldap.port(), true), ALICE);

    // Without a user: the listing on the same port answers for the authentication port.
    let report = probe(
        &deployment,
        &request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]),
    );
    let desk = seen(&report, SubjectKind::Ldap, Service::DeskPhone);
    assert_eq!(desk.codes(), [Code::LDAP010, Code::AUTH004], "{desk:#?}");
    assert!(
        message(desk, Code::LDAP010).contains("`ldap://dc-emea.example.org/ou=emea,dc=example,dc=org??sub`"),
        "{desk:#?}"
    );
    assert!(
        message(desk, Code::AUTH004).contains("1 user of the deployment controls a desk phone"),
        "{desk:#?}"
    );
    assert_eq!(desk.setting.as_ref().unwrap().name, "ldap.auth_port");

    // As alice: her own bind on the authentication port, and a search as herself.
    let mut as_alice = request(
        &certs.ca,
        &[
            (SecretKind::LdapAccount, SVC_PASSWORD),
            (SecretKind::User, ALICE_PASSWORD),
        ],
    );
    as_alice.user = Some("alice".to_owned());
    let report = probe(&deployment, &as_alice);
    let desk = seen(&report, SubjectKind::User, Service::DeskPhone);
    assert_eq!(desk.codes(), [Code::LDAP010, Code::AUTH004], "{desk:#?}");
    assert!(
        desk.summary.starts_with("`alice` over StartTLS: bind accepted"),
        "{}",
        desk.summary
    );
    let found = seen(&report, SubjectKind::User, Service::Directory);
    assert_eq!((found.outcome, found.codes()), (Outcome::Ok, vec![]), "{found:#?}");
    assert_eq!(
        found.summary,
        "`alice` in the directory: `uid=alice,ou=people,dc=example,dc=org`"
    );
    assert_eq!(binds(&slapd, &Slapd::user_dn("alice")), 1);
    assert_eq!(binds(&slapd, &svc_dn()), 2, "once in each of the two runs");
    assert_no_password(&report);
}

#[test]
fn entries_without_sn_are_ldap002_and_other_ids_ldap006() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .person("svc", SVC_PASSWORD)
        .person("alice", ALICE_PASSWORD)
        .account("nosn", "nosn")
        .start();
    let dir = tempfile::tempdir().unwrap();
    // CUCM knows alice as `asmith`; `nosn` has no last name in the directory.
    let users = "[[users]]\ncucm_id = \"asmith\"\nldap_id = \"alice\"\nlast_name = \"Smith\"\n\n\
                 [[users]]\ncucm_id = \"nosn\"\nldap_id = \"nosn\"\n";
    let deployment = load(dir.path(), &one_port(slapd.ldap.port(), true), users);
    let passwords = [(SecretKind::LdapAccount, SVC_PASSWORD)];

    let report = probe(&deployment, &request(&certs.ca, &passwords));
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(account.codes(), [Code::LDAP002, Code::LDAP006], "{account:#?}");
    assert!(
        message(account, Code::LDAP002)
            .contains("1 directory entry under the base has no last name (sn): CUCM will not synchronize it")
            && message(account, Code::LDAP002).contains("`uid=nosn,ou=people,dc=example,dc=org`"),
        "{account:#?}"
    );
    assert!(
        message(account, Code::LDAP006).contains("`alice` (CUCM: `asmith`)"),
        "{account:#?}"
    );

    let mut as_asmith = request(&certs.ca, &passwords);
    as_asmith.user = Some("asmith".to_owned());
    let report = probe(&deployment, &as_asmith);
    let found = seen(&report, SubjectKind::User, Service::Directory);
    assert_eq!(found.codes(), [Code::LDAP006], "{found:#?}");
    assert!(
        message(found, Code::LDAP006).contains("as `alice` (uid of"),
        "{found:#?}"
    );
    assert!(evidence(found).contains("filter `(uid=alice)`"), "{found:#?}");

    let mut as_nosn = request(&certs.ca, &passwords);
    as_nosn.user = Some("nosn".to_owned());
    let report = probe(&deployment, &as_nosn);
    let found = seen(&report, SubjectKind::User, Service::Directory);
    assert_eq!(found.codes(), [Code::LDAP002], "{found:#?}");
    assert!(message(found, Code::LDAP002).contains("`uid=nosn,ou=people,dc=example,dc=org` of `nosn`"));
    // No user password given: the user's bind is not tried, and says why.
    let desk = seen(&report, SubjectKind::User, Service::DeskPhone);
    assert!(
        desk.summary.contains("not tried: no password") && desk.summary.contains("UCLINT_USER_PASSWORD"),
        "{desk:#?}"
    );
    assert_eq!(binds(&slapd, &Slapd::user_dn("nosn")), 0);
}

#[test]
fn plain_ldap_sends_no_password_unless_allowed() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).person("svc", SVC_PASSWORD).start();
    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(slapd.ldap.port(), false), "");
    let mut plain = request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]);
    let report = probe(&deployment, &plain);
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(account.target.transport, Some("tcp"));
    assert!(
        account.summary.contains(
            "bind not tried: the bind would send the password in clear; --allow-plaintext-password allows it"
        ),
        "{account:#?}"
    );
    assert_eq!(binds(&slapd, &svc_dn()), 0, "no password on the wire");

    plain.allow_plaintext_password = true;
    let report = probe(&deployment, &plain);
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert!(
        account.summary.contains("over plain LDAP: bind accepted"),
        "{account:#?}"
    );
    assert_eq!(binds(&slapd, &svc_dn()), 1);
}

#[test]
fn an_untrusted_certificate_gets_no_password() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.untrusted).person("svc", SVC_PASSWORD).start();
    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(slapd.ldap.port(), true), "");
    let report = probe(
        &deployment,
        &request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]),
    );
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(account.outcome, Outcome::TlsError, "{account:#?}");
    assert!(account.summary.contains("bind not tried"), "{}", account.summary);
    assert!(
        account.summary.contains("`--ca FILE` trusts a private CA"),
        "{}",
        account.summary
    );
    assert!(
        account
            .summary
            .contains("its issuer is not among the roots of the CA bundle"),
        "{}",
        account.summary
    );
    assert!(
        account.codes().is_empty(),
        "certificates are the TLS probe's to judge: {account:#?}"
    );
    assert_eq!(binds(&slapd, &svc_dn()), 0);
}

#[test]
fn a_closed_port_is_refused_and_drift() {
    let certs = Certs::new();
    let closed = closed_port();
    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(closed.port(), true), ALICE);
    let report = probe(
        &deployment,
        &request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]),
    );
    for service in [Service::Directory, Service::DeskPhone] {
        let o = seen(&report, SubjectKind::Ldap, service);
        assert_eq!(
            (o.outcome, o.codes()),
            (Outcome::Refused, vec![Code::DRIFT001]),
            "{o:#?}"
        );
    }
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    let setting = account.setting.as_ref().unwrap();
    assert_eq!(setting.name, "ldap.sync_port");
    assert_eq!(setting.location.as_ref().unwrap().line, 11, "the sync_port line");
    let desk = seen(&report, SubjectKind::Ldap, Service::DeskPhone);
    assert_eq!(desk.setting.as_ref().unwrap().name, "ldap.auth_port");
    let drift = report
        .report
        .findings
        .iter()
        .filter(|f| f.code == Code::DRIFT001)
        .count();
    assert_eq!(drift, 2, "{:#?}", report.report.findings);
}

#[test]
fn a_silent_server_times_out_within_the_timeout() {
    let certs = Certs::new();
    let silent = Silent::start();
    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(silent.address.port(), true), "");
    let mut request = request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]);
    request.timeout = Duration::from_secs(1);
    let started = Instant::now();
    let report = probe(&deployment, &request);
    let took = started.elapsed();
    assert!(
        took < Duration::from_millis(1800),
        "one timeout, not one per port: {took:?}"
    );
    for service in [Service::Directory, Service::DeskPhone] {
        let o = seen(&report, SubjectKind::Ldap, service);
        assert_eq!(o.outcome, Outcome::Timeout, "{o:#?}");
    }
}

#[test]
fn an_answer_cut_in_the_middle_is_a_protocol_error() {
    let certs = Certs::new();
    // A BindResponse, success: the server sends its first half, then closes.
    let cut = DropMidAnswer::after_request(&[
        0x30, 0x0c, 0x02, 0x01, 0x01, 0x61, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00,
    ]);
    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(cut.address.port(), false), "");
    let mut request = request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]);
    request.allow_plaintext_password = true;
    let report = probe(&deployment, &request);
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(account.outcome, Outcome::ProtocolError, "{account:#?}");
    assert_eq!(binds_sent(&report), 1);
    assert_no_password(&report);
}

/// A server that answers the first request with an ExtendedResponse `2 protocolError`: a
/// directory without StartTLS.
fn without_starttls() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut request = [0; 512];
            if matches!(stream.read(&mut request), Ok(n) if n > 0) {
                let refusal = [
                    0x30, 0x0c, 0x02, 0x01, 0x01, 0x78, 0x07, 0x0a, 0x01, 0x02, 0x04, 0x00, 0x04, 0x00,
                ];
                let _ = stream.write_all(&refusal);
            }
        }
    });
    address
}

#[test]
fn a_refused_starttls_contradicts_ldap_tls() {
    let certs = Certs::new();
    let server = without_starttls();
    let dir = tempfile::tempdir().unwrap();
    let deployment = load(dir.path(), &one_port(server.port(), true), "");
    let report = probe(
        &deployment,
        &request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]),
    );
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(
        (account.outcome, account.codes()),
        (Outcome::TlsError, vec![Code::DRIFT001]),
        "{account:#?}"
    );
    assert!(
        message(account, Code::DRIFT001).contains("refuses StartTLS: 2 protocolError"),
        "{account:#?}"
    );
    assert_eq!(account.setting.as_ref().unwrap().name, "ldap.tls");
    assert_eq!(binds_sent(&report), 0);
}

#[test]
fn without_a_base_or_a_password_nothing_is_searched_and_a_wrong_base_is_drift() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).person("svc", SVC_PASSWORD).start();
    let dir = tempfile::tempdir().unwrap();
    let port = slapd.ldap.port();
    let no_base = format!("authentication = false\nsync_port = {port}\ntls = true");
    let report = probe(
        &load(dir.path(), &no_base, ""),
        &request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]),
    );
    assert_eq!(
        report.observations.len(),
        1,
        "authentication off: no question for its port"
    );
    let account = &report.observations[0];
    assert!(
        account.summary.ends_with("bind accepted; no search: no `ldap.base`"),
        "{account:#?}"
    );

    let report = probe(&load(dir.path(), &one_port(port, true), ""), &request(&certs.ca, &[]));
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert!(
        account
            .summary
            .contains("bind not tried: no password for it (UCLINT_LDAP_PASSWORD is not set"),
        "{account:#?}"
    );
    assert!(evidence(account).contains("no search: the search account could not search"));
    assert_eq!(binds(&slapd, &svc_dn()), 1, "only the first run bound");

    let wrong = one_port(port, true).replace(Slapd::BASE, "dc=elsewhere,dc=org");
    let report = probe(
        &load(dir.path(), &wrong, ""),
        &request(&certs.ca, &[(SecretKind::LdapAccount, SVC_PASSWORD)]),
    );
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(account.codes(), [Code::DRIFT001], "{account:#?}");
    assert_eq!(account.setting.as_ref().unwrap().name, "ldap.base");
}

#[test]
fn without_a_search_account_the_search_is_anonymous() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).person("alice", ALICE_PASSWORD).start();
    let dir = tempfile::tempdir().unwrap();
    let port = slapd.ldap.port();
    let text = format!(
        "[[servers]]\nnode_name = \"dc\"\nhostname = \"localhost\"\naddresses = [\"127.0.0.1\"]\nroles = [\"ldap\"]\n\n\
         [ldap]\nserver = \"dc\"\n{}\n",
        one_port(port, true)
    );
    let path: PathBuf = dir.path().join("lab.toml");
    std::fs::write(&path, text).unwrap();
    let deployment = Arc::new(Deployment::load_file(&path, None, "--input-format").unwrap());
    let report = probe(&deployment, &request(&certs.ca, &[]));
    let account = seen(&report, SubjectKind::Ldap, Service::Directory);
    assert_eq!(account.outcome, Outcome::Ok, "{account:#?}");
    assert!(
        account
            .summary
            .starts_with("no search account: anonymous over StartTLS"),
        "{account:#?}"
    );
    // The default user id attribute, sAMAccountName, is not in slapd's schema: nothing listed.
    assert!(
        evidence(account).contains("filter `(sAMAccountName=*)`"),
        "{account:#?}"
    );
    assert_eq!(binds_sent(&report), 0);
}
