//! The TLS probe against real TLS listeners on 127.0.0.1, each presenting a certificate the test
//! made: right, wrongly named, expired, expiring in 10 days, from an unknown issuer, self-signed;
//! and against a closed port, a silent server and one that answers plain text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use uclint_core::catalogue::{Code, Severity};
use uclint_core::model::Deployment;
use uclint_probe::{EvidenceKind, NoProgress, Observation, Outcome, Probe, ProbeReport, ProbeRequest};
use uclint_test_servers::{CertFiles, Certs, Garbage, Silent, TlsServer, closed_port};
use x509_parser::time::ASN1Time;

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// A certificate for the loopback names, valid since yesterday and for 10 more days, from a CA of
/// its own (whose PEM is `ca`): made here, since `Certs` has no certificate relative to today.
struct Expiring {
    files: CertFiles,
    ca_pem: String,
}

fn expiring(dir: &Path) -> Expiring {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::default();
    ca.distinguished_name.push(DnType::CommonName, "uclint soon CA");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca, ca_key);
    let key = KeyPair::generate().unwrap();
    let mut leaf = CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()]).unwrap();
    leaf.distinguished_name.push(DnType::CommonName, "localhost");
    let now = ASN1Time::now().to_datetime();
    leaf.not_before = now - DAY;
    leaf.not_after = now + 10 * DAY;
    let cert = leaf.signed_by(&key, &issuer).unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let files = CertFiles {
        cert: write("soon.pem", &cert.pem()),
        key: write("soon.key", &key.serialize_pem()),
        chain: write("soon-chain.pem", &format!("{}{}", cert.pem(), ca_cert.pem())),
        ca: write("soon-ca.pem", &ca_cert.pem()),
        chain_der: vec![cert.der().to_vec(), ca_cert.der().to_vec()],
        key_der: key.serialize_der(),
    };
    Expiring {
        files,
        ca_pem: ca_cert.pem(),
    }
}

/// Write `text` as `lab.toml` in `dir` and load it.
fn load(dir: &Path, text: &str) -> Arc<Deployment> {
    let path = dir.join("lab.toml");
    std::fs::write(&path, text).unwrap();
    Arc::new(Deployment::load_file(&path, None, "--input-format").unwrap())
}

fn request(ca: PathBuf, timeout: Duration) -> ProbeRequest {
    ProbeRequest {
        only: vec![Probe::Tls],
        // Never asked (every server has an address), but never the system's resolvers either.
        dns_server: Some(closed_port()),
        timeout,
        ca: Some(ca),
        ..ProbeRequest::default()
    }
}

fn probe(deployment: &Arc<Deployment>, request: &ProbeRequest) -> ProbeReport {
    uclint_probe::probe(deployment, request, &NoProgress).unwrap()
}

fn at<'a>(report: &'a ProbeReport, node: &str, port: u16) -> &'a Observation {
    report
        .observations
        .iter()
        .find(|o| o.target.host == node && o.target.port == Some(port))
        .unwrap_or_else(|| panic!("no observation of {node}:{port} in {:#?}", report.observations))
}

fn message(o: &Observation, code: Code) -> &str {
    &o.raised.iter().find(|r| r.code == code).unwrap().message
}

fn evidence(o: &Observation) -> String {
    o.evidence
        .iter()
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn server(node: &str, role: &str, ports: &str) -> String {
    format!(
        "[[servers]]\nnode_name = \"{node}\"\nhostname = \"localhost\"\naddresses = [\"127.0.0.1\"]\nroles = [\"{role}\"]\nports = {{ {ports} }}\n\n"
    )
}

#[test]
fn each_certificate_fault_is_its_own_code() {
    let certs = Certs::new();
    let dir = tempfile::tempdir().unwrap();
    let soon = expiring(dir.path());
    let bundle = dir.path().join("trusted.pem");
    let test_ca = std::fs::read_to_string(&certs.ca).unwrap();
    std::fs::write(&bundle, format!("{test_ca}{}", soon.ca_pem)).unwrap();

    let good = TlsServer::start(&certs.good);
    let wrong = TlsServer::start(&certs.wrong_name);
    let expired = TlsServer::start(&certs.expired);
    let untrusted = TlsServer::start(&certs.untrusted);
    let self_signed = TlsServer::start(&certs.self_signed);
    let expiring = TlsServer::start(&soon.files);
    let by_address = TlsServer::start(&certs.good);
    let port = |s: &TlsServer| s.address.port();

    let mut text = "domain = \"acme.com\"\n\n".to_owned();
    for (node, server) in [
        ("good", &good),
        ("wrong", &wrong),
        ("expired", &expired),
        ("untrusted", &untrusted),
        ("self-signed", &self_signed),
        ("soon", &expiring),
    ] {
        text += &server_text(node, port(server));
    }
    text += &format!(
        "[[servers]]\nnode_name = \"127.0.0.1\"\naddresses = [\"127.0.0.1\"]\nroles = [\"unity\"]\nports = {{ https = {} }}\n",
        port(&by_address)
    );
    let lab = load(dir.path(), &text);
    let report = probe(&lab, &request(bundle, Duration::from_secs(5)));
    assert_eq!(report.observations.len(), 7, "{:#?}", report.observations);
    assert!(
        report.observations.iter().all(|o| o.outcome == Outcome::Ok),
        "every handshake completes, whatever the certificate: {:#?}",
        report.observations
    );

    let good = at(&report, "good", port(&good));
    assert!(good.raised.is_empty(), "{good:#?}");
    assert!(good.summary.contains("certificate `CN=localhost`"), "{}", good.summary);
    let shown = evidence(good);
    assert!(shown.contains("negotiated TLSv1_3"), "{shown}");
    assert!(
        shown.contains("certificate names: DNS localhost, IP 127.0.0.1"),
        "{shown}"
    );
    assert!(shown.contains("certificate issuer: CN=uclint test CA"), "{shown}");
    assert!(shown.contains("asking for `good`"), "SNI is the node name: {shown}");

    let by_address = at(&report, "127.0.0.1", port(&by_address));
    assert!(
        by_address.raised.is_empty(),
        "an IP node name, named by a SAN IP: {by_address:#?}"
    );

    let wrong = at(&report, "wrong", port(&wrong));
    assert_eq!(wrong.codes(), [Code::TLS002], "{wrong:#?}");
    let said = message(wrong, Code::TLS002);
    assert!(said.contains("wrong, localhost, localhost.acme.com"), "{said}");
    assert!(said.contains("DNS wrong.example"), "{said}");

    let expired = at(&report, "expired", port(&expired));
    assert_eq!(
        expired.codes(),
        [Code::TLS003],
        "expiry is not TLS004's business: {expired:#?}"
    );
    assert_eq!(expired.raised[0].severity, Severity::Error);
    assert!(
        message(expired, Code::TLS003).contains("expired on 2021-01-01"),
        "{expired:#?}"
    );

    let soon = at(&report, "soon", port(&expiring));
    assert_eq!(soon.codes(), [Code::TLS003], "{soon:#?}");
    assert_eq!(soon.raised[0].severity, Severity::Warning);
    assert!(message(soon, Code::TLS003).contains("in 9 days") || message(soon, Code::TLS003).contains("in 10 days"));

    let untrusted = at(&report, "untrusted", port(&untrusted));
    assert_eq!(untrusted.codes(), [Code::TLS004], "{untrusted:#?}");
    let said = message(untrusted, Code::TLS004);
    assert!(said.contains("issuer `CN=uclint untrusted CA` is unknown"), "{said}");

    let self_signed = at(&report, "self-signed", port(&self_signed));
    assert_eq!(self_signed.codes(), [Code::TLS004], "{self_signed:#?}");
    assert!(
        message(self_signed, Code::TLS004).contains("self-signed"),
        "{self_signed:#?}"
    );

    let codes: Vec<(Code, Severity)> = report
        .report
        .findings
        .iter()
        .map(|f| (f.code.builtin().unwrap(), f.severity))
        .collect();
    assert_eq!(codes.len(), 5, "one finding per fault: {codes:?}");
}

fn server_text(node: &str, port: u16) -> String {
    server(node, "unity", &format!("https = {port}"))
}

#[test]
fn without_the_test_ca_every_chain_is_untrusted() {
    let certs = Certs::new();
    let dir = tempfile::tempdir().unwrap();
    let good = TlsServer::start(&certs.good);
    let lab = load(dir.path(), &server_text("good", good.address.port()));
    // The untrusted CA stands for roots that do not hold the test CA.
    let report = probe(&lab, &request(certs.untrusted.ca.clone(), Duration::from_secs(5)));
    let o = at(&report, "good", good.address.port());
    assert_eq!(o.codes(), [Code::TLS004], "{o:#?}");
    assert!(message(o, Code::TLS004).contains("CN=uclint test CA"), "{o:#?}");
}

#[test]
fn closed_silent_and_plain_text_ports_say_what_happened() {
    let certs = Certs::new();
    let dir = tempfile::tempdir().unwrap();
    let closed = closed_port();
    let silent = Silent::start();
    let plain = Garbage::line("HTTP/1.1 400 Bad Request");
    let text = [
        server("closed", "unity", &format!("https = {}", closed.port())),
        server("silent", "unity", &format!("https = {}", silent.address.port())),
        server("plain", "unity", &format!("https = {}", plain.address.port())),
    ]
    .concat();
    let lab = load(dir.path(), &text);
    let timeout = Duration::from_secs(1);
    let started = std::time::Instant::now();
    let report = probe(&lab, &request(certs.ca.clone(), timeout));
    assert!(
        started.elapsed() < 2 * timeout,
        "the silent server costs one timeout: {:?}",
        started.elapsed()
    );

    let closed = at(&report, "closed", closed.port());
    assert_eq!(closed.outcome, Outcome::Refused, "{closed:#?}");
    assert_eq!(closed.codes(), [Code::DRIFT001]);
    let setting = closed.setting.as_ref().unwrap();
    assert_eq!(setting.name, "servers[0].ports.https");
    assert_eq!(setting.says, closed.target.port.unwrap().to_string());
    assert!(
        closed.evidence.iter().all(|e| e.kind != EvidenceKind::Sent),
        "no ClientHello goes to a closed port: {closed:#?}"
    );
    assert_eq!(
        setting.location.as_ref().unwrap().line,
        6,
        "the `ports` line: {setting:?}"
    );
    assert!(
        message(closed, Code::DRIFT001).contains("port is closed"),
        "{closed:#?}"
    );
    let drift = report
        .report
        .findings
        .iter()
        .find(|f| f.code == Code::DRIFT001)
        .unwrap();
    assert_eq!(drift.severity, Severity::Warning);
    assert_eq!(
        drift.location.as_ref().unwrap().line,
        6,
        "DRIFT001 points at the setting"
    );

    let silent = at(&report, "silent", silent.address.port());
    assert_eq!(silent.outcome, Outcome::Timeout, "{silent:#?}");
    assert!(silent.elapsed >= timeout && silent.elapsed < 2 * timeout, "{silent:#?}");
    assert!(
        silent.raised.is_empty(),
        "a silent port is not a closed one: {silent:#?}"
    );

    let plain = at(&report, "plain", plain.address.port());
    assert_eq!(plain.outcome, Outcome::ProtocolError, "{plain:#?}");
    assert!(evidence(plain).contains("does not speak TLS"), "{plain:#?}");
    assert!(plain.raised.is_empty(), "{plain:#?}");
}

#[test]
fn the_exchange_https_port_negotiates_what_the_rsa_key_cannot_decrypt() {
    let certs = Certs::new();
    let dir = tempfile::tempdir().unwrap();
    let https = TlsServer::start(&certs.good);
    let imaps = TlsServer::start(&certs.good);
    let ldaps = TlsServer::start(&certs.good);
    let text = format!(
        "{}{}[calendar]\nexchange = \"mail\"\n\n[ldap]\nserver = \"dc\"\ntls = true\nsync_port = {ldaps}\nauth_port = {ldaps}\n",
        server(
            "mail",
            "exchange",
            &format!("https = {}, imaps = {}", https.address.port(), imaps.address.port())
        ),
        server("dc", "ldap", ""),
        ldaps = ldaps.address.port(),
    );
    let lab = load(dir.path(), &text);
    let report = probe(&lab, &request(certs.ca.clone(), Duration::from_secs(5)));

    let o = at(&report, "mail", https.address.port());
    assert_eq!(o.codes(), [Code::TLS001], "{o:#?}");
    assert!(message(o, Code::TLS001).contains("Wireshark recipe"), "{o:#?}");
    assert!(
        evidence(o).contains("offers only forward-secret cipher suites"),
        "{o:#?}"
    );
    let imaps = at(&report, "mail", imaps.address.port());
    assert!(
        imaps.raised.is_empty(),
        "TLS001 is about the calendar's HTTPS: {imaps:#?}"
    );
    // LDAPS is 636 and 3269; with tls = true another port speaks StartTLS first, which the LDAP
    // probe does (and a test cannot listen on 636): no ClientHello goes to it from here.
    assert!(
        report.observations.iter().all(|o| o.target.host != "dc"),
        "{:#?}",
        report.observations
    );
    assert_eq!(report.observations.len(), 2);
}
