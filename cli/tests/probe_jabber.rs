//! `uclint probe --only jabber` against two NSD instances on 127.0.0.1 (the internal and the
//! public view of `acme.example`) and TLS listeners standing in for CUCM and the Expressway-E,
//! with certificates the test made. Every SRV target resolves to 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde_json::Value;
use uclint_test_servers::{Certs, Nsd, TlsServer, Zone, closed_port};

const DOMAIN: &str = "acme.example";
const CUCM: &str = "cucm1.acme.example";
const EDGE: &str = "expe.acme.example";

fn uclint(args: &[&str]) -> (Option<i32>, String, String) {
    support::run(args)
}

/// A zone of `acme.example` with, for each `(service, priority, target, port)`, an SRV record
/// (weight 10) and the target's address (127.0.0.1).
fn zone(records: &[(&str, u16, &str, u16)]) -> Zone {
    let mut text = "$TTL 300\n@ IN SOA ns.acme.example. admin.acme.example. 1 3600 600 86400 300\n\
                    @ IN NS ns.acme.example.\nns IN A 127.0.0.1\n"
        .to_owned();
    for (service, priority, target, port) in records {
        let host = target.trim_end_matches(".acme.example");
        text += &format!("{service} IN SRV {priority} 10 {port} {target}.\n{host} IN A 127.0.0.1\n");
    }
    Zone::text(DOMAIN, &text)
}

/// The deployment: CUCM (its other listeners on a closed port, so the other probes of `health
/// --live` reach nothing else) and the Expressway-E, the internal `_cisco-uds` and the public
/// `_collab-edge` records, one profile inside and one outside, and a user.
fn deployment(dir: &Path, cucm: u16, edge: u16) -> (PathBuf, String) {
    let closed = closed_port().port();
    let text = format!(
        r#"domain = "{DOMAIN}"

[[servers]]
node_name = "{CUCM}"
roles = ["cucm"]
ports = {{ http = {closed}, https = {cucm}, sip = {closed}, "sip-tls" = {closed} }}
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
kind = "webex-app"
on_corporate_network = false

[[users]]
cucm_id = "jdoe"
"#
    );
    let path = dir.join("lab.toml");
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

/// The 1-based line of `text` that starts with `start`.
fn line_of(text: &str, start: &str) -> u64 {
    let index = text.lines().position(|l| l.starts_with(start)).unwrap();
    u64::try_from(index + 1).unwrap()
}

/// The servers of one lab: CUCM and the Expressway-E with the certificates the deployment
/// describes, the internal view, and the public view (which may leak `_cisco-uds`).
struct Lab {
    certs: Certs,
    inside: Nsd,
    outside: Nsd,
    _cucm: TlsServer,
    _edge: TlsServer,
    file: PathBuf,
    text: String,
    _dir: tempfile::TempDir,
}

impl Lab {
    fn start(leak_cisco_uds: bool) -> Self {
        let certs = Certs::new();
        let cucm = TlsServer::start(&certs.issue("cucm", &[CUCM]));
        let edge = TlsServer::start(&certs.issue("expe", &[EDGE, DOMAIN]));
        let (cucm_port, edge_port) = (cucm.address.port(), edge.address.port());
        let inside = Nsd::start(&[zone(&[("_cisco-uds._tcp", 1, CUCM, cucm_port)])]);
        let mut public = vec![("_collab-edge._tls", 10, EDGE, edge_port)];
        if leak_cisco_uds {
            public.push(("_cisco-uds._tcp", 1, CUCM, cucm_port));
        }
        let outside = Nsd::start(&[zone(&public)]);
        let dir = tempfile::tempdir().unwrap();
        let (file, text) = deployment(dir.path(), cucm_port, edge_port);
        Self {
            certs,
            inside,
            outside,
            _cucm: cucm,
            _edge: edge,
            file,
            text,
            _dir: dir,
        }
    }

    /// `uclint probe LAB --only jabber --dns-server INSIDE --public-dns-server OUTSIDE --ca CA`,
    /// then `extra`.
    fn probe(&self, extra: &[&str]) -> (Option<i32>, String, String) {
        let (inside, outside) = (addr(self.inside.address), addr(self.outside.address));
        let mut args = vec![
            "probe",
            self.file.to_str().unwrap(),
            "--only",
            "jabber",
            "--dns-server",
            &inside,
            "--public-dns-server",
            &outside,
            "--ca",
            self.certs.ca.to_str().unwrap(),
            "--timeout",
            "3",
        ];
        args.extend_from_slice(extra);
        uclint(&args)
    }
}

fn addr(address: SocketAddr) -> String {
    address.to_string()
}

fn observation<'a>(v: &'a Value, client: &str, host: &str) -> &'a Value {
    v["observations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["subject"]["name"] == client && o["target"]["host"] == host)
        .unwrap_or_else(|| panic!("no observation of {host} for {client}: {v:#}"))
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
fn public_cisco_uds_is_jab001_and_drift001_as_json_and_sarif() {
    let lab = Lab::start(true);
    let (status, stdout, stderr) = lab.probe(&["--format", "json"]);
    assert_eq!(status, Some(1), "JAB001 is an error: {stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    // Inside: the lookups and CUCM; outside: the lookups, CUCM (leaked) and the Expressway-E.
    assert_eq!(v["observations"].as_array().unwrap().len(), 5, "{v:#}");
    assert!(
        v["observations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["probe"] == "jabber")
    );

    let inside = observation(&v, "jabber-in", "127.0.0.1");
    assert_eq!(inside["target"]["port"], lab.inside.address.port());
    assert_eq!(
        (inside["outcome"].as_str(), codes(inside).len()),
        (Some("ok"), 0),
        "{inside:#}"
    );

    let outside = observation(&v, "jabber-out", "127.0.0.1");
    assert_eq!(outside["target"]["port"], lab.outside.address.port());
    assert_eq!(outside["target"]["transport"], "udp");
    assert_eq!(codes(outside), ["JAB001", "DRIFT001"], "{outside:#}");
    assert!(
        outside["summary"].as_str().unwrap().ends_with("on-premises (D8: mra)"),
        "{outside:#}"
    );

    let edge = observation(&v, "jabber-out", EDGE);
    assert_eq!(edge["target"]["transport"], "tls");
    assert_eq!(
        (edge["outcome"].as_str(), codes(edge).len()),
        (Some("ok"), 0),
        "{edge:#}"
    );

    let jab001 = finding(&v, "JAB001");
    assert_eq!(jab001["severity"], "error");
    assert!(
        jab001["message"]
            .as_str()
            .unwrap()
            .starts_with("observed: `_cisco-uds._tcp.acme.example.`"),
        "{jab001}"
    );
    assert_eq!(
        jab001["location"]["line"],
        line_of(&lab.text, "id = \"jabber-out\"") - 1,
        "the profile's entry: {jab001}"
    );
    let drift = finding(&v, "DRIFT001");
    assert_eq!(drift["severity"], "warning");
    assert_eq!(
        drift["location"]["line"],
        line_of(&lab.text, "[dns.public]"),
        "the public DNS data that lacks the record: {drift}"
    );

    let (status, stdout, _) = lab.probe(&["--format", "sarif"]);
    assert_eq!(status, Some(1));
    let sarif: Value = serde_json::from_str(&stdout).unwrap();
    let errors = support::sarif::errors(&support::sarif::validator(), &sarif);
    assert!(errors.is_empty(), "{errors:#?}");
    let ids: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"JAB001") && ids.contains(&"DRIFT001"), "{ids:?}");
}

#[test]
fn text_shows_prediction_beside_observation_and_exits_clean() {
    let lab = Lab::start(false);
    let (status, stdout, stderr) = lab.probe(&["-v"]);
    assert_eq!(status, Some(0), "nothing is wrong: {stdout}\n{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    let jabber: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("ok") && l.contains(" jabber "))
        .collect();
    assert_eq!(jabber.len(), 4, "{stdout}");
    assert!(
        stdout.ends_with("no findings\n"),
        "prediction and observation agree: {stdout}"
    );
    assert!(
        stdout.contains("`jabber-in` (inside) asks for `acme.example`: _cisco-uds cucm1.acme.example:"),
        "{stdout}"
    );
    assert!(stdout.contains("on-premises (D8: on-premises)"), "{stdout}");
    assert!(stdout.contains("_collab-edge expe.acme.example:"), "{stdout}");
    assert!(stdout.contains("mra (D8: mra)"), "{stdout}");
    assert!(
        stdout.contains("trusted (D8: trusted)"),
        "the certificates name their targets: {stdout}"
    );
    assert!(
        stdout.contains("> SRV _collab-edge._tls.acme.example."),
        "-v shows what was sent: {stdout}"
    );
    assert!(
        stdout.contains("· D8 predicts _collab-edge._tls.acme.example.: 10 10"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("< certificate names: DNS {EDGE}, DNS {DOMAIN}")),
        "{stdout}"
    );
}

#[test]
fn help_names_the_probe_and_the_dns_server_of_each_place() {
    let (status, stdout, _) = uclint(&["probe", "--help"]);
    assert_eq!(status, Some(0));
    assert!(stdout.contains("dns, tls, sip, ldap, imap, http, jabber"), "{stdout}");
    assert!(stdout.contains("--public-dns-server <IP:PORT>"), "{stdout}");
    assert!(stdout.contains("on_corporate_network = false"), "{stdout}");
    let (status, _, stderr) = uclint(&["probe", "lab.toml", "--only", "xmpp"]);
    assert_eq!(status, Some(2));
    assert!(
        stderr.contains("expected one of dns, tls, sip, ldap, imap, http, jabber"),
        "{stderr}"
    );
}

#[test]
fn live_health_sets_the_jabber_sign_in_seen_beside_d8() {
    let lab = Lab::start(true);
    let (inside, outside) = (addr(lab.inside.address), addr(lab.outside.address));
    let (status, stdout, stderr) = uclint(&[
        "health",
        "--live",
        "--user",
        "jdoe",
        "--client",
        "jabber-out",
        "-c",
        lab.file.to_str().unwrap(),
        "--dns-server",
        &inside,
        "--public-dns-server",
        &outside,
        "--ca",
        lab.certs.ca.to_str().unwrap(),
        "--timeout",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(status, Some(0), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    for o in v["observations"].as_array().unwrap() {
        let address = &o["target"]["address"];
        assert!(
            address.is_null()
                || address
                    .as_str()
                    .unwrap()
                    .parse::<std::net::IpAddr>()
                    .unwrap()
                    .is_loopback(),
            "every probe stays on loopback: {o:#}"
        );
    }
    let line = v["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["label"] == "Jabber sign-in")
        .unwrap_or_else(|| panic!("no Jabber sign-in line: {v:#}"));
    // D8 predicts MRA from the file; public DNS leaks `_cisco-uds`: the line differs.
    assert_eq!(line["predicted"]["status"], "ok", "{line:#}");
    assert_eq!(line["observed"], "failing", "{line:#}");
    assert_eq!(line["agrees"], false, "{line:#}");
    let observed: Vec<&str> = line["observed_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(observed, ["JAB001", "DRIFT001"], "{line:#}");
    assert_eq!(
        line["contradicts"]["name"], "dns.public: _cisco-uds._tcp.acme.example. SRV",
        "{line:#}"
    );
}
