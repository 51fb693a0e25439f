//! The Jabber probe against two NSD instances on 127.0.0.1, one serving the internal view and one
//! the public view of `acme.example`, and TLS listeners standing in for CUCM and the Expressway-E
//! with certificates the test made. Every SRV target resolves to 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use uclint_core::catalogue::{Code, Service};
use uclint_core::model::Deployment;
use uclint_probe::{EvidenceKind, NoProgress, Observation, Outcome, Probe, ProbeReport, ProbeRequest};
use uclint_test_servers::{CertFiles, Certs, Nsd, Silent, TlsServer, Zone};

const DOMAIN: &str = "acme.example";
const CUCM: &str = "cucm1.acme.example";
const EDGE: &str = "expe.acme.example";

/// A zone of `acme.example` holding `records` (zone-file lines, names relative to the origin).
fn zone(records: &str) -> Zone {
    Zone::text(
        DOMAIN,
        &format!(
            "$TTL 300\n@ IN SOA ns.acme.example. admin.acme.example. 1 3600 600 86400 300\n@ IN NS ns.acme.example.\nns IN A 127.0.0.1\n{records}"
        ),
    )
}

fn cisco_uds(target: &str, port: u16) -> String {
    format!("_cisco-uds._tcp IN SRV 1 10 {port} {target}.\n{}", a(target))
}

fn collab_edge(target: &str, port: u16) -> String {
    format!("_collab-edge._tls IN SRV 10 10 {port} {target}.\n{}", a(target))
}

fn a(target: &str) -> String {
    format!("{} IN A 127.0.0.1\n", target.trim_end_matches(".acme.example"))
}

/// The deployment: CUCM and the Expressway-E with the certificates they should carry, the
/// internal `_cisco-uds` and the public `_collab-edge` records, a profile inside and one outside.
fn deployment(dir: &Path, cucm: u16, edge: u16) -> Arc<Deployment> {
    let text = format!(
        r#"domain = "{DOMAIN}"

[[servers]]
node_name = "{CUCM}"
roles = ["cucm"]
certificate = {{ san_dns = ["{CUCM}"] }}

[[servers]]
node_name = "{EDGE}"
roles = ["expressway-e"]
certificate = {{ san_dns = ["{EDGE}", "{DOMAIN}"] }}

[dns]
records = [
  {{ name = "_cisco-uds._tcp.{DOMAIN}.", type = "SRV", value = "1 10 {cucm} {CUCM}." }},
  {{ name = "{CUCM}.", type = "A", value = "127.0.0.1" }},
]

[dns.public]
records = [
  {{ name = "_collab-edge._tls.{DOMAIN}.", type = "SRV", value = "10 10 {edge} {EDGE}." }},
  {{ name = "{EDGE}.", type = "A", value = "127.0.0.1" }},
]

[[clients]]
id = "jabber-in"
kind = "jabber-windows"

[[clients]]
id = "jabber-out"
kind = "jabber-mac"
on_corporate_network = false
"#
    );
    let path = dir.join("lab.toml");
    std::fs::write(&path, text).unwrap();
    Arc::new(Deployment::load_file(&path, None, "--input-format").unwrap())
}

/// CUCM's and the Expressway-E's certificates, as right as the deployment says.
fn right(certs: &Certs) -> (CertFiles, CertFiles) {
    (certs.issue("cucm", &[CUCM]), certs.issue("expe", &[EDGE, DOMAIN]))
}

fn request(inside: SocketAddr, outside: Option<SocketAddr>, ca: &Path, timeout: Duration) -> ProbeRequest {
    ProbeRequest {
        only: vec![Probe::Jabber],
        dns_server: Some(inside),
        public_dns_server: outside,
        timeout,
        ca: Some(ca.to_owned()),
        ..ProbeRequest::default()
    }
}

fn probe(deployment: &Arc<Deployment>, request: &ProbeRequest) -> ProbeReport {
    let report = uclint_probe::probe(deployment, request, &NoProgress).unwrap();
    assert!(
        report.observations.iter().all(|o| o.probe == Probe::Jabber),
        "--only jabber: {:#?}",
        report.observations
    );
    report
}

/// The SRV lookups of `client`: the observation whose target is a DNS server.
fn lookups<'a>(report: &'a ProbeReport, client: &str) -> &'a Observation {
    report
        .observations
        .iter()
        .find(|o| o.subject.name == client && o.target.transport != Some("tls"))
        .unwrap_or_else(|| panic!("no SRV lookups for {client} in {:#?}", report.observations))
}

/// The observation of `client` reaching `host` over TLS.
fn at<'a>(report: &'a ProbeReport, client: &str, host: &str) -> &'a Observation {
    report
        .observations
        .iter()
        .find(|o| o.subject.name == client && o.target.host == host && o.target.transport == Some("tls"))
        .unwrap_or_else(|| panic!("no observation of {host} for {client} in {:#?}", report.observations))
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
        .unwrap_or_else(|| panic!("no {code} in {o:#?}"))
        .message
}

#[test]
fn inside_finds_cisco_uds_outside_only_collab_edge_and_both_certificates_name_their_target() {
    let certs = Certs::new();
    let (cucm_cert, edge_cert) = right(&certs);
    let (cucm, edge) = (TlsServer::start(&cucm_cert), TlsServer::start(&edge_cert));
    let (cucm_port, edge_port) = (cucm.address.port(), edge.address.port());
    let inside = Nsd::start(&[zone(&cisco_uds(CUCM, cucm_port))]);
    let outside = Nsd::start(&[zone(&collab_edge(EDGE, edge_port))]);
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path(), cucm_port, edge_port);

    let report = probe(
        &lab,
        &request(inside.address, Some(outside.address), &certs.ca, Duration::from_secs(3)),
    );
    assert_eq!(report.observations.len(), 4, "{:#?}", report.observations);
    assert!(report.report.findings.is_empty(), "{:#?}", report.report.findings);

    let srv_in = lookups(&report, "jabber-in");
    assert_eq!(
        (srv_in.outcome, srv_in.target.port),
        (Outcome::Ok, Some(inside.address.port())),
        "inside asks --dns-server: {srv_in:#?}"
    );
    assert_eq!(srv_in.service, Some(Service::JabberSignIn));
    assert!(
        srv_in.summary.contains(&format!(
            "_cisco-uds {CUCM}:{cucm_port}, _cuplogin none, _collab-edge none"
        )),
        "{}",
        srv_in.summary
    );
    assert!(
        srv_in.summary.ends_with("on-premises (D8: on-premises)"),
        "{}",
        srv_in.summary
    );
    let shown = evidence(srv_in);
    assert!(shown.contains(&format!("SRV _cisco-uds._tcp.{DOMAIN}.")), "{shown}");
    assert!(shown.contains("it asks --dns-server"), "{shown}");
    assert!(
        shown.contains(&format!(
            "D8 predicts _cisco-uds._tcp.{DOMAIN}.: 1 10 {cucm_port} {CUCM}"
        )),
        "{shown}"
    );

    let uds = at(&report, "jabber-in", CUCM);
    assert_eq!((uds.outcome, uds.codes()), (Outcome::Ok, vec![]), "{uds:#?}");
    assert_eq!(uds.target.port, Some(cucm_port));
    assert_eq!(uds.target.address, Some("127.0.0.1".parse().unwrap()));
    let shown = evidence(uds);
    assert!(shown.contains(&format!("certificate names: DNS {CUCM}")), "{shown}");
    assert!(
        shown.contains(&format!("{CUCM}. (DNS {}): found 127.0.0.1", inside.address)),
        "the target resolves in the profile's own view: {shown}"
    );
    assert!(
        shown.contains(&format!("asking for `{CUCM}`")),
        "SNI is the target: {shown}"
    );
    assert!(uds.summary.ends_with("trusted (D8: trusted)"), "{}", uds.summary);

    let srv_out = lookups(&report, "jabber-out");
    assert_eq!(
        (srv_out.outcome, srv_out.target.port),
        (Outcome::Ok, Some(outside.address.port())),
        "outside asks --public-dns-server: {srv_out:#?}"
    );
    assert!(srv_out.raised.is_empty(), "{srv_out:#?}");
    assert!(srv_out.summary.ends_with("mra (D8: mra)"), "{}", srv_out.summary);

    let mra = at(&report, "jabber-out", EDGE);
    assert_eq!((mra.outcome, mra.codes()), (Outcome::Ok, vec![]), "{mra:#?}");
    assert!(evidence(mra).contains("negotiated TLSv1_3"), "{mra:#?}");
}

#[test]
fn public_dns_answering_cisco_uds_is_jab001_and_contradicts_the_file() {
    let certs = Certs::new();
    let (cucm_cert, edge_cert) = right(&certs);
    let (cucm, edge) = (TlsServer::start(&cucm_cert), TlsServer::start(&edge_cert));
    let (cucm_port, edge_port) = (cucm.address.port(), edge.address.port());
    let inside = Nsd::start(&[zone(&cisco_uds(CUCM, cucm_port))]);
    let leaked = format!("{}{}", collab_edge(EDGE, edge_port), cisco_uds(CUCM, cucm_port));
    let outside = Nsd::start(&[zone(&leaked)]);
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path(), cucm_port, edge_port);

    let report = probe(
        &lab,
        &request(inside.address, Some(outside.address), &certs.ca, Duration::from_secs(3)),
    );
    let srv_out = lookups(&report, "jabber-out");
    assert_eq!(srv_out.codes(), [Code::JAB001, Code::DRIFT001], "{srv_out:#?}");
    assert!(
        srv_out.summary.ends_with("on-premises (D8: mra)"),
        "`_cisco-uds` wins over `_collab-edge`: {}",
        srv_out.summary
    );
    let jab001 = message(srv_out, Code::JAB001);
    assert!(jab001.starts_with("observed: "), "{jab001}");
    assert!(
        jab001.contains(&format!("`_cisco-uds._tcp.{DOMAIN}.` resolves on public DNS")),
        "{jab001}"
    );
    let drift = message(srv_out, Code::DRIFT001);
    assert!(
        drift.contains("public DNS data (`dns.public`)") && drift.contains("no record"),
        "{drift}"
    );
    let setting = srv_out.setting.as_ref().unwrap();
    assert_eq!(setting.name, format!("dns.public: _cisco-uds._tcp.{DOMAIN}. SRV"));
    assert_eq!(setting.says, "no record");
    assert_eq!(
        setting.location.as_ref().map(|l| l.line),
        Some(19),
        "the `dns.public` section: {setting:?}"
    );
    // The inside view is untouched; the found `_cisco-uds` target is still reached from outside.
    assert!(lookups(&report, "jabber-in").raised.is_empty());
    let uds = at(&report, "jabber-out", CUCM);
    assert_eq!(uds.outcome, Outcome::Ok, "{uds:#?}");
    assert!(uds.summary.contains("(D8: not a target)"), "{}", uds.summary);
}

#[test]
fn a_certificate_without_the_domain_on_the_edge_or_without_the_target_name() {
    let certs = Certs::new();
    // Neither server carries what the deployment says it does.
    let cucm = TlsServer::start(&certs.wrong_name);
    let edge = TlsServer::start(&certs.issue("expe-no-domain", &[EDGE]));
    let (cucm_port, edge_port) = (cucm.address.port(), edge.address.port());
    let inside = Nsd::start(&[zone(&cisco_uds(CUCM, cucm_port))]);
    let outside = Nsd::start(&[zone(&collab_edge(EDGE, edge_port))]);
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path(), cucm_port, edge_port);

    let report = probe(
        &lab,
        &request(inside.address, Some(outside.address), &certs.ca, Duration::from_secs(3)),
    );
    let mra = at(&report, "jabber-out", EDGE);
    assert_eq!(mra.codes(), [Code::JAB004, Code::DRIFT001], "{mra:#?}");
    let jab004 = message(mra, Code::JAB004);
    assert!(
        jab004.contains(&format!("no SAN `{DOMAIN}` or `collab-edge.{DOMAIN}`")),
        "{jab004}"
    );
    assert!(
        message(mra, Code::DRIFT001).contains(&format!(
            "SAN `{DOMAIN}` or `collab-edge.{DOMAIN}`: file yes, server no"
        )),
        "{mra:#?}"
    );
    assert_eq!(
        mra.setting.as_ref().map(|s| s.name.as_str()),
        Some("servers[expe.acme.example].certificate")
    );

    let uds = at(&report, "jabber-in", CUCM);
    assert_eq!(uds.codes(), [Code::JAB006, Code::DRIFT001], "{uds:#?}");
    let jab006 = message(uds, Code::JAB006);
    assert!(
        jab006.contains(&format!(
            "Jabber connects to `{CUCM}`; the certificate carries `wrong.example`"
        )),
        "{jab006}"
    );
    assert!(jab006.contains("Jabber asks the user to accept it"), "{jab006}");
    assert!(uds.summary.contains("untrusted (D8: trusted)"), "{}", uds.summary);
    assert!(
        message(uds, Code::DRIFT001).contains(&format!("names `{CUCM}`: file yes, server no")),
        "{uds:#?}"
    );
    // The names are right, the issuer unknown: still untrusted.
    let roots = probe(
        &lab,
        &request(
            inside.address,
            Some(outside.address),
            &certs.untrusted.ca,
            Duration::from_secs(3),
        ),
    );
    let mra = at(&roots, "jabber-out", EDGE);
    assert!(mra.codes().contains(&Code::JAB006), "{mra:#?}");
    assert!(
        message(mra, Code::JAB006).contains("issuer `CN=uclint test CA` is unknown"),
        "{mra:#?}"
    );
}

#[test]
fn a_collab_edge_target_that_is_not_the_expressway_e_is_jab003() {
    let certs = Certs::new();
    let (cucm_cert, _) = right(&certs);
    let cucm = TlsServer::start(&cucm_cert);
    let alias = "mra.acme.example";
    let edge = TlsServer::start(&certs.issue("mra", &[alias, DOMAIN]));
    let (cucm_port, edge_port) = (cucm.address.port(), edge.address.port());
    let inside = Nsd::start(&[zone(&cisco_uds(CUCM, cucm_port))]);
    let outside = Nsd::start(&[zone(&collab_edge(alias, edge_port))]);
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path(), cucm_port, edge_port);

    let report = probe(
        &lab,
        &request(inside.address, Some(outside.address), &certs.ca, Duration::from_secs(3)),
    );
    let mra = at(&report, "jabber-out", alias);
    assert_eq!(mra.codes(), [Code::JAB003], "{mra:#?}");
    assert!(
        message(mra, Code::JAB003).contains(&format!(
            "points to `{alias}`, not the Expressway-E's own FQDN (`{EDGE}`)"
        )),
        "{mra:#?}"
    );
    assert_eq!(
        lookups(&report, "jabber-out").codes(),
        [Code::DRIFT001],
        "the file says the record names {EDGE}"
    );
}

#[test]
fn no_record_in_the_view_is_jab002_and_a_target_without_address_is_jab005() {
    let certs = Certs::new();
    let inside = Nsd::start(&[zone("_cisco-uds._tcp IN SRV 1 10 8443 gone.acme.example.\n")]);
    let outside = Nsd::start(&[zone("www IN A 127.0.0.1\n")]);
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path(), 8443, 8443);

    let report = probe(
        &lab,
        &request(inside.address, Some(outside.address), &certs.ca, Duration::from_secs(3)),
    );
    let gone = at(&report, "jabber-in", "gone.acme.example");
    assert_eq!(
        (gone.outcome, gone.codes()),
        (Outcome::Unreachable, vec![Code::JAB005]),
        "{gone:#?}"
    );
    assert!(
        message(gone, Code::JAB005).contains("no such name (NXDOMAIN)"),
        "{gone:#?}"
    );
    assert!(
        gone.evidence.iter().all(|e| e.kind != EvidenceKind::Sent),
        "nothing is sent to a target without an address: {gone:#?}"
    );

    let srv_out = lookups(&report, "jabber-out");
    assert_eq!(srv_out.outcome, Outcome::Ok, "{srv_out:#?}");
    assert_eq!(srv_out.codes(), [Code::JAB002, Code::DRIFT001], "{srv_out:#?}");
    assert!(
        message(srv_out, Code::JAB002).contains("Cannot find your services automatically"),
        "{srv_out:#?}"
    );
    assert!(srv_out.summary.ends_with("manual (D8: mra)"), "{}", srv_out.summary);
    assert_eq!(
        report.observations.len(),
        3,
        "no target outside: {:#?}",
        report.observations
    );
}

#[test]
fn a_dns_server_that_does_not_answer_is_a_quick_timeout_and_no_verdict() {
    let certs = Certs::new();
    let inside = Nsd::start(&[zone("")]);
    let silent = Silent::start();
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path(), 8443, 8443);
    let timeout = Duration::from_secs(1);

    let started = Instant::now();
    let report = probe(&lab, &request(inside.address, Some(silent.address), &certs.ca, timeout));
    let took = started.elapsed();
    // One after another, the three queries would take three timeouts; at once, one (and some
    // slack for a loaded machine).
    assert!(
        took < timeout * 5 / 2,
        "the three queries go at once: one timeout, not three ({took:?})"
    );
    assert!(took >= timeout, "the server was waited for: {took:?}");
    let srv_out = lookups(&report, "jabber-out");
    assert_eq!(srv_out.outcome, Outcome::Timeout, "{srv_out:#?}");
    assert!(
        srv_out.raised.is_empty(),
        "a silent server says nothing about the records: {srv_out:#?}"
    );
    assert!(
        srv_out.summary.contains("_collab-edge timed out"),
        "{}",
        srv_out.summary
    );
    assert!(srv_out.summary.contains("no answer (D8: mra)"), "{}", srv_out.summary);
}

#[test]
fn outside_without_a_public_dns_server_is_not_asked() {
    let certs = Certs::new();
    let inside = Nsd::start(&[zone("")]);
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path(), 8443, 8443);
    let only_out = ProbeRequest {
        client: Some("jabber-out".to_owned()),
        ..request(inside.address, None, &certs.ca, Duration::from_secs(1))
    };

    let report = probe(&lab, &only_out);
    assert_eq!(report.observations.len(), 1, "{:#?}", report.observations);
    let o = &report.observations[0];
    assert_eq!(o.outcome, Outcome::Unreachable, "{o:#?}");
    assert!(o.summary.contains("--public-dns-server"), "{}", o.summary);
    assert_eq!(o.service, None, "nothing observed about sign-in");
    assert!(o.raised.is_empty());
}
