//! `uclint probe --only tls` against TLS listeners on 127.0.0.1 presenting the test certificates,
//! a closed port, a silent server and a plain-text one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use uclint_test_servers::{Certs, Garbage, Silent, TlsServer, closed_port};

fn uclint(args: &[&str]) -> (Option<i32>, String, String) {
    support::run(args)
}

/// A server on 127.0.0.1 whose hostname the test certificates name.
fn server(node: &str, role: &str, ports: &str) -> String {
    format!(
        "[[servers]]\nnode_name = \"{node}\"\nhostname = \"localhost\"\naddresses = [\"127.0.0.1\"]\nroles = [\"{role}\"]\nports = {{ {ports} }}\n\n"
    )
}

fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("lab.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// `uclint probe LAB --only tls --ca CA --format json --timeout SECONDS`, never asking the
/// system's resolvers.
fn probe_json(lab: &Path, ca: &Path, timeout: &str) -> (Option<i32>, Value, String) {
    let dns = closed_port().to_string();
    let (status, stdout, stderr) = uclint(&[
        "probe",
        lab.to_str().unwrap(),
        "--only",
        "tls",
        "--ca",
        ca.to_str().unwrap(),
        "--dns-server",
        &dns,
        "--format",
        "json",
        "--timeout",
        timeout,
    ]);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    (status, json, stderr)
}

fn observation<'a>(v: &'a Value, node: &str, port: u16) -> &'a Value {
    v["observations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["target"]["host"] == node && o["target"]["port"] == port)
        .unwrap_or_else(|| panic!("no observation of {node}:{port}: {v:#}"))
}

fn codes(o: &Value) -> Vec<&str> {
    o["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect()
}

fn finding<'a>(v: &'a Value, code: &str) -> &'a Value {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} finding: {v:#}"))
}

#[test]
fn tls_observations_and_findings_as_json() {
    let certs = Certs::new();
    let good = TlsServer::start(&certs.good);
    let wrong = TlsServer::start(&certs.wrong_name);
    let exchange = TlsServer::start(&certs.good);
    let closed = closed_port();
    let silent = Silent::start();
    let plain = Garbage::line("SSH-2.0-OpenSSH_9.2");
    let dir = tempfile::tempdir().unwrap();
    let text = [
        "domain = \"acme.com\"\n\n".to_owned(),
        server("cups-1", "unity", &format!("https = {}", good.address.port())),
        server("cups-2", "unity", &format!("https = {}", wrong.address.port())),
        server("closed", "unity", &format!("https = {}", closed.port())),
        server("silent", "unity", &format!("https = {}", silent.address.port())),
        server("plain", "unity", &format!("https = {}", plain.address.port())),
        server("mail", "unity", &format!("https = {}", exchange.address.port())),
        "[calendar]\nexchange = \"mail\"\n".to_owned(),
    ]
    .concat();
    let lab = write(dir.path(), &text);

    let started = Instant::now();
    let (status, v, stderr) = probe_json(&lab, &certs.ca, "1");
    let took = started.elapsed();
    assert_eq!(status, Some(1), "TLS002 is an error: {stderr}");
    assert!(
        took < Duration::from_millis(2500),
        "the silent server costs one 1 s timeout, not more: {took:?}"
    );
    assert_eq!(v["observations"].as_array().unwrap().len(), 6, "{v:#}");

    let good = observation(&v, "cups-1", good.address.port());
    assert_eq!(
        (good["outcome"].as_str(), codes(good).len()),
        (Some("ok"), 0),
        "{good:#}"
    );
    assert_eq!(good["probe"], "tls");
    assert_eq!(good["target"]["transport"], "tls");
    assert_eq!(good["target"]["address"], "127.0.0.1");
    assert_eq!(good["subject"]["kind"], "server");

    let wrong = observation(&v, "cups-2", wrong.address.port());
    assert_eq!(
        (wrong["outcome"].as_str(), codes(wrong)),
        (Some("ok"), vec!["TLS002"]),
        "{wrong:#}"
    );
    let tls002 = finding(&v, "TLS002");
    assert_eq!(tls002["severity"], "error");
    assert!(
        tls002["message"].as_str().unwrap().contains("DNS wrong.example"),
        "{tls002}"
    );
    assert_eq!(tls002["location"]["line"], 10, "the server's entry: {tls002}");

    let closed = observation(&v, "closed", closed.port());
    assert_eq!(
        (closed["outcome"].as_str(), codes(closed)),
        (Some("refused"), vec!["DRIFT001"]),
        "{closed:#}"
    );
    assert_eq!(closed["setting"]["name"], "servers[2].ports.https");
    let drift = finding(&v, "DRIFT001");
    assert_eq!(drift["severity"], "warning");
    assert_eq!(drift["location"]["line"], 22, "the `ports` line of `closed`: {drift}");

    let silent = observation(&v, "silent", silent.address.port());
    assert_eq!(silent["outcome"], "timeout", "{silent:#}");
    assert!(silent["elapsed_ms"].as_u64().unwrap() >= 1000, "{silent:#}");

    let plain = observation(&v, "plain", plain.address.port());
    assert_eq!(plain["outcome"], "protocol-error", "{plain:#}");

    let mail = observation(&v, "mail", exchange.address.port());
    assert_eq!(codes(mail), ["TLS001"], "{mail:#}");
    assert_eq!(finding(&v, "TLS001")["severity"], "warning");

    assert_eq!(
        (v["summary"]["error"].as_u64(), v["summary"]["warning"].as_u64()),
        (Some(1), Some(2)),
        "{}",
        v["summary"]
    );
}

#[test]
fn text_output_names_the_certificate_and_the_code() {
    let certs = Certs::new();
    let expired = TlsServer::start(&certs.expired);
    let dir = tempfile::tempdir().unwrap();
    let lab = write(
        dir.path(),
        &server("cups-1", "unity", &format!("https = {}", expired.address.port())),
    );
    let dns = closed_port().to_string();
    let (status, stdout, stderr) = uclint(&[
        "probe",
        lab.to_str().unwrap(),
        "--only",
        "tls",
        "--ca",
        certs.ca.to_str().unwrap(),
        "--dns-server",
        &dns,
        "-v",
    ]);
    assert_eq!(status, Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("valid until 2021-01-01 00:00 UTC [TLS003]"), "{stdout}");
    assert!(stdout.contains("< certificate issuer: CN=uclint test CA"), "{stdout}");
    assert!(stdout.contains("error[TLS003]"), "{stdout}");
}

#[test]
fn a_ca_bundle_that_cannot_be_used_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let lab = write(dir.path(), &server("cups-1", "unity", "https = 9"));
    let dns = closed_port().to_string();
    let missing = dir.path().join("missing.pem");
    let empty = dir.path().join("no-certificate.pem");
    std::fs::write(&empty, "not a PEM certificate\n").unwrap();
    for ca in [&missing, &empty] {
        let (status, stdout, stderr) = uclint(&[
            "probe",
            lab.to_str().unwrap(),
            "--only",
            "tls",
            "--ca",
            ca.to_str().unwrap(),
            "--dns-server",
            &dns,
        ]);
        assert_eq!(status, Some(2), "{stdout}{stderr}");
        assert!(stderr.contains("cannot use the CA bundle"), "{stderr}");
        assert!(stderr.contains(ca.to_str().unwrap()), "names the file: {stderr}");
    }
}
