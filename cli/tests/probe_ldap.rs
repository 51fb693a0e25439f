//! `uclint probe --only ldap` through the binary against a real slapd on 127.0.0.1 (StartTLS with
//! the test CA), and the passwords from UCLINT_LDAP_PASSWORD and UCLINT_USER_PASSWORD: in no
//! output, for any outcome (accepted, refused, locked, not tried, refused connection, silence, a
//! cut answer, an untrusted certificate, a usage error), in text, JSON or SARIF, nor on stderr.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;
use serde_json::Value;
use uclint_test_servers::{Certs, DropMidAnswer, Silent, Slapd, closed_port, require_binary};

const SVC_PASSWORD: &str = "svc-Zq8!secret-7731";
const ALICE_PASSWORD: &str = "alice-Kp3#secret-5519";

struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

/// `uclint ARGS` with the two passwords in the environment as given (none: unset).
fn uclint(args: &[&str], svc: Option<&str>, alice: Option<&str>) -> Run {
    let mut command = Command::cargo_bin("uclint").unwrap();
    command
        .env("NO_COLOR", "1")
        .env_remove("UCLINT_LDAP_PASSWORD")
        .env_remove("UCLINT_USER_PASSWORD");
    if let Some(svc) = svc {
        command.env("UCLINT_LDAP_PASSWORD", svc);
    }
    if let Some(alice) = alice {
        command.env("UCLINT_USER_PASSWORD", alice);
    }
    let output = command.args(args).output().unwrap();
    Run {
        status: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A deployment whose directory `dc` is 127.0.0.1 on `port` (both ports), the search account
/// `svc`, and alice, who controls a desk phone.
fn lab(dir: &Path, name: &str, port: u16, tls: bool) -> PathBuf {
    let text = format!(
        r#"[[servers]]
node_name = "dc"
hostname = "localhost"
addresses = ["127.0.0.1"]
roles = ["ldap"]

[ldap]
server = "dc"
synchronization = true
authentication = true
sync_port = {port}
auth_port = {port}
tls = {tls}
base = "{base}"

[ldap.cupc_profile]
service_account = "{svc}"
password = true
user_id_attribute = "uid"

[[users]]
cucm_id = "alice"
last_name = "alice"
desk_phone_control = true
"#,
        base = Slapd::BASE,
        svc = Slapd::user_dn("svc"),
    );
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

/// `probe LAB --only ldap --ca CA --dns-server CLOSED --timeout 1` and `extra`.
fn args<'a>(lab: &'a Path, ca: &'a Path, dns: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "probe",
        lab.to_str().unwrap(),
        "--only",
        "ldap",
        "--ca",
        ca.to_str().unwrap(),
        "--dns-server",
        dns,
        "--timeout",
        "1",
    ];
    args.extend_from_slice(extra);
    args
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr))
}

fn observation<'a>(v: &'a Value, kind: &str, service: &str) -> &'a Value {
    v["observations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["subject"]["kind"] == kind && o["service"] == service)
        .unwrap_or_else(|| panic!("no {kind} observation of {service}: {v:#}"))
}

fn codes(o: &Value) -> Vec<&str> {
    o["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect()
}

#[test]
fn text_shows_each_ldap_operation_with_the_password_redacted() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .person("svc", SVC_PASSWORD)
        .person("alice", ALICE_PASSWORD)
        .start();
    let dir = tempfile::tempdir().unwrap();
    let lab = lab(dir.path(), "lab", slapd.ldap.port(), true);
    let dns = closed_port().to_string();
    let run = uclint(
        &args(&lab, &certs.ca, &dns, &["--user", "alice", "-v"]),
        Some(SVC_PASSWORD),
        Some(ALICE_PASSWORD),
    );
    assert_eq!(run.status, Some(0), "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    for line in [
        "> StartTLS (extended operation 1.3.6.1.4.1.1466.20037)",
        "< StartTLS answer: 0 success",
        "· TLS established (StartTLS); the certificate is trusted and names `localhost`",
        "> bind as `uid=svc,ou=people,dc=example,dc=org`: simple, password ******** (UCLINT_LDAP_PASSWORD)",
        "< bind answer: 0 success",
        "> search under `dc=example,dc=org`, subtree, filter `(uid=alice)`, attributes sn, uid, telephoneNumber, ref",
        "< entry `uid=alice,ou=people,dc=example,dc=org`: ",
        "> bind as `uid=alice,ou=people,dc=example,dc=org`: simple, password ******** (UCLINT_USER_PASSWORD)",
        "`alice` over StartTLS: bind accepted; search under `dc=example,dc=org`: 1 entry, 0 referrals",
    ] {
        assert!(out.contains(line), "`{line}` missing:\n{out}");
    }
    assert!(
        !out.contains(SVC_PASSWORD) && !out.contains(ALICE_PASSWORD) && !run.stderr.contains(SVC_PASSWORD),
        "{out}"
    );
}

#[test]
fn a_refused_bind_is_an_ldap009_finding_on_the_ldap_section() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).person("svc", SVC_PASSWORD).start();
    let dir = tempfile::tempdir().unwrap();
    let lab = lab(dir.path(), "lab", slapd.ldap.port(), true);
    let dns = closed_port().to_string();
    let run = uclint(
        &args(&lab, &certs.ca, &dns, &["--format", "json"]),
        Some("not-svc-password"),
        None,
    );
    assert_eq!(run.status, Some(1), "LDAP009 is an error: {}", run.stderr);
    let v = json(&run);
    let account = observation(&v, "ldap", "directory");
    assert_eq!(
        (account["outcome"].as_str(), codes(account)),
        (Some("failed"), vec!["LDAP009"])
    );
    assert_eq!(account["target"]["transport"], "starttls");
    let finding = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "LDAP009")
        .unwrap();
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["location"]["line"], 7, "the [ldap] section: {finding}");
}

#[test]
fn without_a_password_or_a_terminal_the_bind_is_not_tried() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).person("svc", SVC_PASSWORD).start();
    let dir = tempfile::tempdir().unwrap();
    let lab = lab(dir.path(), "lab", slapd.ldap.port(), true);
    let dns = closed_port().to_string();
    let run = uclint(&args(&lab, &certs.ca, &dns, &[]), None, None);
    assert_eq!(run.status, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("bind not tried: no password for it (UCLINT_LDAP_PASSWORD is not set"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.is_empty(), "no prompt without a terminal: {}", run.stderr);
}

/// A server answering the first request with an ExtendedResponse `2 protocolError`.
fn without_starttls() -> std::net::SocketAddr {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0; 512];
            if matches!(stream.read(&mut request), Ok(n) if n > 0) {
                let _ = stream.write_all(&[
                    0x30, 0x0c, 0x02, 0x01, 0x01, 0x78, 0x07, 0x0a, 0x01, 0x02, 0x04, 0x00, 0x04, 0x00,
                ]);
            }
        }
    });
    address
}

/// Every outcome, every format: neither password shows anywhere. Where the probe binds, the
/// bind shows the password reached the server (accepted) or was refused by it.
#[test]
fn the_passwords_show_in_no_output_whatever_the_outcome() {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good)
        .person("svc", SVC_PASSWORD)
        .person("alice", ALICE_PASSWORD)
        .referral("emea", "ldap://dc-emea.example.org/ou=emea,dc=example,dc=org")
        .start();
    let locking = Slapd::builder(&certs.good)
        .person("svc", SVC_PASSWORD)
        .lockout_after(1)
        .start();
    let ldapwhoami = require_binary("/usr/bin/ldapwhoami", "ldap-utils");
    let locked = Std::new(ldapwhoami)
        .env("LDAPNOINIT", "1")
        .args(["-x", "-H", &locking.ldap_url, "-D", &Slapd::user_dn("svc"), "-w", "old"])
        .output()
        .unwrap();
    assert_eq!(locked.status.code(), Some(49));
    let untrusted = Slapd::builder(&certs.untrusted).person("svc", SVC_PASSWORD).start();
    let silent = Silent::start();
    let cut = DropMidAnswer::after_request(&[
        0x30, 0x0c, 0x02, 0x01, 0x01, 0x61, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00,
    ]);
    let no_starttls = without_starttls();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let labs = [
        ("ok", lab(d, "ok", slapd.ldap.port(), true), "ok"),
        ("locked", lab(d, "locked", locking.ldap.port(), true), "failed"),
        ("plain", lab(d, "plain", slapd.ldap.port(), false), "ok"),
        (
            "untrusted",
            lab(d, "untrusted", untrusted.ldap.port(), true),
            "tls-error",
        ),
        ("closed", lab(d, "closed", closed_port().port(), true), "refused"),
        ("silent", lab(d, "silent", silent.address.port(), true), "timeout"),
        ("cut", lab(d, "cut", cut.address.port(), false), "protocol-error"),
        (
            "no-starttls",
            lab(d, "no-starttls", no_starttls.port(), true),
            "tls-error",
        ),
    ];
    let dns = closed_port().to_string();
    let secrets = [SVC_PASSWORD, ALICE_PASSWORD, "not-svc-password"];
    let mut outcomes = Vec::new();
    for (name, lab, expected) in &labs {
        for svc in [SVC_PASSWORD, "not-svc-password"] {
            for format in [&["-v"][..], &["--format", "json"], &["--format", "sarif"]] {
                let mut extra = vec!["--user", "alice", "--allow-plaintext-password"];
                if *name != "plain" && *name != "cut" {
                    extra.pop();
                }
                extra.extend_from_slice(format);
                let run = uclint(&args(lab, &certs.ca, &dns, &extra), Some(svc), Some(ALICE_PASSWORD));
                for secret in secrets {
                    assert!(
                        !run.stdout.contains(secret) && !run.stderr.contains(secret),
                        "{name} {format:?}: a password shows:\n{}\n{}",
                        run.stdout,
                        run.stderr
                    );
                }
                if format == ["--format", "json"] && svc == SVC_PASSWORD {
                    let v = json(&run);
                    let account = observation(&v, "ldap", "directory");
                    outcomes.push((*name, account["outcome"].as_str().unwrap().to_owned()));
                    assert_eq!(account["outcome"], *expected, "{name}: {account:#}");
                }
            }
        }
    }
    assert_eq!(outcomes.len(), labs.len(), "{outcomes:?}");
    // A usage error (an unknown user) shows no password either.
    let run = uclint(
        &args(&labs[0].1, &certs.ca, &dns, &["--user", "nobody"]),
        Some(SVC_PASSWORD),
        Some(ALICE_PASSWORD),
    );
    assert_eq!(run.status, Some(2), "{}", run.stderr);
    assert!(!run.stderr.contains(SVC_PASSWORD) && !run.stdout.contains(SVC_PASSWORD));
}
