//! `uclint probe --only http` against a real Apache on 127.0.0.1 answering as Exchange does under
//! /exchange/USER/, and CUCM directories that answer, refuse, stay silent or speak no HTTP. The
//! calendar password comes from UCLINT_CALENDAR_PASSWORD, as an administrator gives it, and shows
//! in no output.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use uclint_test_servers::{Apache, Certs, Garbage, Mailbox, Silent, closed_port};

/// A password no server, file or message would contain by chance.
const CANARY: &str = "Zq9-canary-7781-uclint";

/// `uclint ARGS` with `password` in UCLINT_CALENDAR_PASSWORD: status, stdout, stderr.
fn uclint(args: &[&str], password: Option<&str>) -> (Option<i32>, String, String) {
    let mut command = Command::cargo_bin("uclint").unwrap();
    command.env("NO_COLOR", "1").env_remove("UCLINT_CALENDAR_PASSWORD");
    if let Some(password) = password {
        command.env("UCLINT_CALENDAR_PASSWORD", password);
    }
    let output = command.args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Apache as Exchange: alice's collection behind Basic, and a user for each other answer.
fn exchange(certs: &Certs) -> Apache {
    Apache::builder()
        .tls(&certs.good)
        .mailbox("alice", Mailbox::Basic)
        .mailbox("fba", Mailbox::FormsLogon)
        .mailbox("late", Mailbox::Expired)
        .mailbox("moved", Mailbox::Elsewhere)
        .mailbox("plain", Mailbox::NoDav)
        .start()
}

/// A lab whose calendar is `apache` over `protocol`, read with alice's account.
fn lab(dir: &Path, apache: &Apache, protocol: &str) -> PathBuf {
    let text = format!(
        r#"[[servers]]
node_name = "mail"
hostname = "localhost"
addresses = ["127.0.0.1"]
roles = ["exchange"]
ports = {{ http = {http}, https = {https} }}

[calendar]
exchange = "mail"
protocol = "{protocol}"
account = "alice"

[[users]]
cucm_id = "alice"

[[users]]
cucm_id = "fba"

[[users]]
cucm_id = "late"

[[users]]
cucm_id = "moved"

[[users]]
cucm_id = "plain"
"#,
        http = apache.http.port(),
        https = apache.https.unwrap().port(),
    );
    let path = dir.join(format!("{protocol}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

/// `uclint probe LAB --only http --format json` with `extra`, never asking the system's
/// resolvers: the status and the one observation.
fn probe_json(lab: &Path, extra: &[&str], password: Option<&str>) -> (Option<i32>, Value) {
    let dns = closed_port().to_string();
    let mut args = vec![
        "probe",
        lab.to_str().unwrap(),
        "--only",
        "http",
        "--dns-server",
        &dns,
        "--format",
        "json",
        "--timeout",
        "2",
    ];
    args.extend(extra);
    let (status, stdout, stderr) = uclint(&args, password);
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    (status, json)
}

fn only(v: &Value) -> &Value {
    let observations = v["observations"].as_array().unwrap();
    assert_eq!(observations.len(), 1, "{v:#}");
    &observations[0]
}

fn codes(o: &Value) -> Vec<&str> {
    o["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect()
}

fn evidence(o: &Value) -> String {
    o["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn webdav_works_with_the_calendar_account_over_https_and_over_plain_http_when_allowed() {
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let https = lab(dir.path(), &apache, "https");
    let ca = certs.ca.to_str().unwrap();
    let (status, v) = probe_json(&https, &["--ca", ca, "--user", "alice"], Some(Apache::PASSWORD));
    let o = only(&v);
    assert_eq!(status, Some(0), "{v:#}");
    assert_eq!((o["outcome"].as_str(), codes(o).len()), (Some("ok"), 0), "{o:#}");
    assert_eq!(o["probe"], "http");
    assert_eq!(o["subject"]["kind"], "calendar");
    assert_eq!(o["service"], "calendar");
    assert_eq!(o["target"]["transport"], "tls");
    assert!(
        o["summary"].as_str().unwrap().contains("as `alice`: 207 Multi-Status"),
        "{o:#}"
    );

    let http = lab(dir.path(), &apache, "http");
    let (_, v) = probe_json(&http, &["--user", "alice"], Some(Apache::PASSWORD));
    let o = only(&v);
    assert!(evidence(o).contains("not sent: the connection is plain HTTP"), "{o:#}");
    assert!(
        o["summary"].as_str().unwrap().contains("without credentials: 401"),
        "{o:#}"
    );
    let (status, v) = probe_json(
        &http,
        &["--user", "alice", "--allow-plaintext-password"],
        Some(Apache::PASSWORD),
    );
    let o = only(&v);
    assert_eq!(status, Some(0));
    assert_eq!((o["outcome"].as_str(), codes(o).len()), (Some("ok"), 0), "{o:#}");
    assert_eq!(o["target"]["transport"], "tcp");
}

#[test]
fn each_answer_exchange_gives_is_its_own_verdict() {
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let https = lab(dir.path(), &apache, "https");
    let ca = certs.ca.to_str().unwrap();
    let cases = [
        ("alice", "not-alicepw", Some(1), vec!["CAL008"], "401 Unauthorized"),
        (
            "fba",
            Apache::PASSWORD,
            Some(1),
            vec!["CAL005"],
            "302 Found to the OWA logon page",
        ),
        ("late", Apache::PASSWORD, Some(1), vec!["CAL005"], "440 Login Timeout"),
        (
            "plain",
            Apache::PASSWORD,
            Some(1),
            vec!["CAL006"],
            "405 Method Not Allowed",
        ),
        (
            "moved",
            Apache::PASSWORD,
            Some(0),
            vec![],
            "302 Found to another host, `other.example`",
        ),
    ];
    for (user, password, expected_status, expected_codes, said) in cases {
        let (status, v) = probe_json(&https, &["--ca", ca, "--user", user], Some(password));
        let o = only(&v);
        assert_eq!(status, expected_status, "{user}: {v:#}");
        assert_eq!(o["outcome"], "failed", "{user}: {o:#}");
        assert_eq!(codes(o), expected_codes, "{user}: {o:#}");
        assert!(o["summary"].as_str().unwrap().contains(said), "{user}: {o:#}");
    }
    // The other host was never contacted: every connection went to loopback.
    let (_, v) = probe_json(&https, &["--ca", ca, "--user", "moved"], Some(Apache::PASSWORD));
    let shown = evidence(only(&v));
    let connections: Vec<&str> = shown.lines().filter(|l| l.starts_with("TCP connection to")).collect();
    assert_eq!(connections.len(), 2, "{shown}");
    assert!(connections.iter().all(|l| l.contains(" 127.0.0.1:")), "{connections:?}");
    assert!(shown.contains("not followed, not looked up, not contacted"), "{shown}");
}

#[test]
fn the_directory_url_of_each_cucm_node_through_the_binary() {
    let apache = Apache::builder().start();
    let silent = Silent::start();
    let garbage = Garbage::random();
    let closed = closed_port();
    let dir = tempfile::tempdir().unwrap();
    let node = |name: &str, port: u16| {
        format!(
            "[[servers]]\nnode_name = \"{name}\"\naddresses = [\"127.0.0.1\"]\nroles = [\"cucm\"]\nports = {{ http = {port} }}\n\n"
        )
    };
    let text = [
        node("ccm-1", apache.http.port()),
        node("ccm-2", closed.port()),
        node("ccm-3", silent.address.port()),
        node("ccm-4", garbage.address.port()),
    ]
    .concat();
    let path = dir.path().join("cucm.toml");
    std::fs::write(&path, text).unwrap();
    let dns = closed_port().to_string();
    let args = [
        "probe",
        path.to_str().unwrap(),
        "--only",
        "http",
        "--dns-server",
        &dns,
        "--timeout",
        "1",
    ];
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let (status, stdout, stderr) = uclint(&json_args, None);
    assert_eq!(status, Some(0), "DRIFT001 is a warning: {stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let at = |name: &str| {
        v["observations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["target"]["host"] == name)
            .unwrap_or_else(|| panic!("no {name}: {v:#}"))
            .clone()
    };
    let found = at("ccm-1");
    assert_eq!(found["outcome"], "failed", "{found:#}");
    assert!(
        found["summary"].as_str().unwrap().contains(&format!(
            "GET http://ccm-1:{}/ccmcip/xmldirectory.jsp: 404 Not Found, Content-Type text/html",
            apache.http.port()
        )),
        "{found:#}"
    );
    assert_eq!(
        codes(&found).len(),
        0,
        "a status is recorded, nothing raised: {found:#}"
    );
    assert_eq!(found["service"], "login");
    let refused = at("ccm-2");
    assert_eq!(
        (refused["outcome"].as_str(), codes(&refused)),
        (Some("refused"), vec!["DRIFT001"])
    );
    assert_eq!(refused["setting"]["name"], "servers[1].ports.http");
    assert_eq!(at("ccm-3")["outcome"], "timeout");
    assert_eq!(at("ccm-4")["outcome"], "protocol-error");

    let (_, text, _) = uclint(&args, None);
    assert!(text.contains("warning[DRIFT001]"), "{text}");
    assert!(text.contains("404 Not Found"), "{text}");
}

#[test]
fn the_calendar_password_shows_in_no_output() {
    use base64::Engine;
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let https = lab(dir.path(), &apache, "https");
    let http = lab(dir.path(), &apache, "http");
    let ca = certs.ca.to_str().unwrap();
    let base64 = base64::engine::general_purpose::STANDARD;
    let token = base64.encode(format!("alice:{CANARY}"));
    let password_alone = base64.encode(CANARY);
    let dns = closed_port().to_string();
    let runs: [(&PathBuf, &[&str]); 2] = [(&https, &["--ca", ca]), (&http, &["--allow-plaintext-password"])];
    for (lab, extra) in runs {
        for format in ["text", "json", "sarif"] {
            let mut args = vec![
                "probe",
                lab.to_str().unwrap(),
                "--only",
                "http",
                "--user",
                "alice",
                "--dns-server",
                &dns,
                "-v",
                "--format",
                format,
            ];
            args.extend(extra);
            let (status, stdout, stderr) = uclint(&args, Some(CANARY));
            assert_eq!(status, Some(1), "the wrong password is CAL008: {stdout}{stderr}");
            let all = format!("{stdout}\n{stderr}");
            for secret in [
                CANARY,
                token.as_str(),
                &token[..token.len() - 4],
                password_alone.as_str(),
            ] {
                assert!(!all.contains(secret), "`{secret}` shows in {format}: {all}");
            }
            match format {
                "text" => assert!(stdout.contains("> Authorization: Basic ********"), "{stdout}"),
                "json" => assert!(stdout.contains("Authorization: Basic ********"), "{stdout}"),
                _ => assert!(stdout.contains("CAL008"), "{stdout}"),
            }
        }
    }
}
