//! `uclint probe --only sip` against real servers on loopback: Kamailio (challenging or letting
//! REGISTER through), NSD for a destination domain's SRV records, and misbehaving next hops
//! (closed, silent, garbage, endless, cut). Every deployment is written by the test; every
//! address is 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use uclint_test_servers::{Certs, DropMidAnswer, EndlessLine, Garbage, Kamailio, Nsd, Silent, Zone, closed_port};

fn uclint(args: &[&str]) -> (Option<i32>, Value, String) {
    let output = Command::cargo_bin("uclint")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    (output.status.code(), json, stderr)
}

/// `uclint probe LAB --only sip --format json --timeout SECS` and `extra`.
fn probe(lab: &Path, timeout: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec![
        "probe",
        lab.to_str().unwrap(),
        "--only",
        "sip",
        "--format",
        "json",
        "--timeout",
        timeout,
    ];
    args.extend_from_slice(extra);
    let (status, json, _) = uclint(&args);
    (status, json)
}

fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("lab.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// One CUPS node on `sip` (UDP and TCP) and `tls`, the proxy domain acme.com, users alice (with
/// a digest credential) and bob (without), and `sip_proxy` lines added as given.
fn cups_lab(dir: &Path, sip: u16, tls: u16, proxy: &str) -> PathBuf {
    write(
        dir,
        &format!(
            r#"
domain = "acme.com"

[[servers]]
node_name = "cups-1"
addresses = ["127.0.0.1"]
roles = ["cups"]
ports = {{ sip = {sip}, sip-tls = {tls} }}

[sip_proxy]
proxy_domain = "acme.com"
{proxy}

[[users]]
cucm_id = "alice"
home_node = "cups-1"
digest_credential = true

[[users]]
cucm_id = "bob"
home_node = "cups-1"
digest_credential = false
"#
        ),
    )
}

/// No CUPS node; one in-service static route per (pattern, port, transport).
fn routes_lab(dir: &Path, routes: &[(&str, u16, &str)]) -> PathBuf {
    let mut text = String::from("domain = \"acme.com\"\n\n[sip_proxy]\nproxy_domain = \"acme.com\"\n");
    for (pattern, port, transport) in routes {
        text.push_str(&format!(
            "\n[[sip_proxy.static_routes]]\npattern = \"{pattern}\"\nnext_hop = \"127.0.0.1\"\nport = {port}\ntransport = \"{transport}\"\n"
        ));
    }
    write(dir, &text)
}

fn observations<'a>(v: &'a Value, subject: &str) -> Vec<&'a Value> {
    v["observations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["probe"] == "sip" && o["subject"]["name"] == subject)
        .collect()
}

fn one<'a>(v: &'a Value, subject: &str, transport: &str) -> &'a Value {
    let found: Vec<&Value> = observations(v, subject)
        .into_iter()
        .filter(|o| o["target"]["transport"] == transport)
        .collect();
    assert_eq!(found.len(), 1, "one {subject} over {transport}: {v:#}");
    found[0]
}

fn codes(o: &Value) -> Vec<&str> {
    o["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect()
}

fn evidence<'a>(o: &'a Value, kind: &str) -> Vec<&'a str> {
    o["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == kind)
        .map(|e| e["text"].as_str().unwrap())
        .collect()
}

fn finding<'a>(v: &'a Value, code: &str) -> Vec<&'a Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

fn port(address: Option<SocketAddr>) -> u16 {
    address.unwrap().port()
}

#[test]
fn kamailio_answers_options_over_udp_tcp_and_tls_and_challenges_register() {
    let certs = Certs::new();
    let kamailio = Kamailio::challenging(Some(&certs.good));
    let dir = tempfile::tempdir().unwrap();
    let lab = cups_lab(dir.path(), kamailio.udp.port(), port(kamailio.tls), "");

    let (status, v) = probe(&lab, "2", &["--user", "alice"]);
    assert_eq!(status, Some(0), "{v:#}\n{}", kamailio.log());
    for transport in ["udp", "tcp", "tls"] {
        let o = one(&v, "cups-1", transport);
        assert_eq!(o["outcome"], "ok", "{o:#}");
        assert!(codes(o).is_empty(), "{o:#}");
        assert!(
            o["summary"].as_str().unwrap().starts_with("OPTIONS answered 200 OK"),
            "{o:#}"
        );
        assert_eq!(o["target"]["address"], "127.0.0.1");
        let sent = evidence(o, "sent");
        assert!(sent[0].starts_with("OPTIONS sip:127.0.0.1:"), "{sent:?}");
        assert!(
            sent.iter()
                .any(|l| l.starts_with(&format!("Via: SIP/2.0/{} 127.0.0.1:", transport.to_uppercase()))),
            "{sent:?}"
        );
        assert!(evidence(o, "received").contains(&"SIP/2.0 200 OK"), "{o:#}");
    }
    assert!(
        evidence(one(&v, "cups-1", "tls"), "note")
            .iter()
            .any(|n| n.starts_with("TLS ")),
        "the TLS session is noted, not judged"
    );

    let register = observations(&v, "alice");
    assert_eq!(register.len(), 1, "{v:#}");
    let register = register[0];
    assert_eq!(register["outcome"], "ok", "{register:#}");
    assert!(codes(register).is_empty(), "challenged: no SIP008: {register:#}");
    let summary = register["summary"].as_str().unwrap();
    assert!(summary.contains("challenged: 401 Unauthorized"), "{summary}");
    assert!(summary.contains("a digest credential is needed"), "{summary}");
    assert_eq!(register["target"]["transport"], "udp", "UDP first");
    assert!(
        evidence(register, "received")
            .iter()
            .any(|l| l.starts_with("WWW-Authenticate: Digest")),
        "{register:#}"
    );
    assert!(v["findings"].as_array().unwrap().is_empty(), "{v:#}");

    // bob has no digest credential: the challenge he cannot answer is AUTH001.
    let (status, v) = probe(&lab, "2", &["--user", "bob"]);
    assert_eq!(status, Some(1), "{v:#}");
    let bob = observations(&v, "bob");
    assert_eq!(codes(bob[0]), ["AUTH001"], "{bob:#?}");
    assert_eq!(finding(&v, "AUTH001")[0]["severity"], "error");
}

#[test]
fn register_let_through_is_sip008_and_registers_nothing() {
    let certs = Certs::new();
    let kamailio = Kamailio::letting_through(Some(&certs.good));
    let dir = tempfile::tempdir().unwrap();
    let lab = cups_lab(
        dir.path(),
        kamailio.udp.port(),
        port(kamailio.tls),
        "incoming_acl = [\"all\"]",
    );

    let (status, v) = probe(&lab, "2", &["--user", "alice", "--fail-on", "security"]);
    assert_eq!(status, Some(1), "SIP008 is a security finding: {v:#}");
    let register = observations(&v, "alice");
    assert_eq!(register.len(), 1, "{v:#}");
    let register = register[0];
    assert_eq!(register["outcome"], "ok");
    assert_eq!(codes(register), ["SIP008", "AUTH002"], "{register:#}");
    let sip008 = finding(&v, "SIP008");
    assert_eq!(sip008[0]["severity"], "security");
    let message = sip008[0]["message"].as_str().unwrap();
    assert!(message.contains("from 127.0.0.1"), "names the source: {message}");
    assert!(message.contains("`all`"), "names the setting: {message}");
    assert!(finding(&v, "AUTH002")[0]["message"].as_str().unwrap().contains("`all`"));

    // What was sent: a REGISTER for alice's address of record, and no Contact (nor Expires,
    // nor credentials): a query of bindings, which registers nothing.
    let sent = evidence(register, "sent");
    assert_eq!(sent[0], "REGISTER sip:acme.com SIP/2.0", "{sent:?}");
    assert!(
        sent.iter().any(|l| l.starts_with("From: <sip:alice@acme.com>;tag=")),
        "{sent:?}"
    );
    assert!(sent.contains(&"To: <sip:alice@acme.com>"), "{sent:?}");
    assert!(sent.contains(&"CSeq: 1 REGISTER"), "{sent:?}");
    for line in &sent {
        let name = line.split(':').next().unwrap().to_ascii_lowercase();
        assert!(
            !["contact", "m", "expires", "authorization", "proxy-authorization"].contains(&name.as_str()),
            "sent `{line}`"
        );
    }
    assert!(evidence(register, "received").contains(&"SIP/2.0 200 OK"));

    // With the authentication module off, that is the reason (AUTH003).
    let lab = cups_lab(
        dir.path(),
        kamailio.udp.port(),
        port(kamailio.tls),
        "authentication_module = false",
    );
    let (_, v) = probe(&lab, "2", &["--user", "alice"]);
    let register = observations(&v, "alice");
    assert_eq!(codes(register[0]), ["SIP008", "AUTH003"], "{v:#}");
    assert_eq!(register[0]["setting"]["name"], "sip_proxy.authentication_module");

    // With neither, the file says everyone is challenged: it is out of date (DRIFT001).
    let lab = cups_lab(dir.path(), kamailio.udp.port(), port(kamailio.tls), "");
    let (_, v) = probe(&lab, "2", &["--user", "alice"]);
    let register = observations(&v, "alice");
    assert_eq!(codes(register[0]), ["SIP008", "DRIFT001"], "{v:#}");
}

#[test]
fn closed_next_hops_and_nodes_are_sip007_and_a_node_that_refuses_is_drift() {
    let closed = closed_port();
    let dir = tempfile::tempdir().unwrap();
    let lab = routes_lab(
        dir.path(),
        &[
            (".com.tcp.*", closed.port(), "tcp"),
            (".com.udp.*", closed.port(), "udp"),
        ],
    );
    let (status, v) = probe(&lab, "2", &[]);
    assert_eq!(status, Some(1), "{v:#}");
    let tcp = one(&v, ".com.tcp.*", "tcp");
    assert_eq!(tcp["outcome"], "refused", "{tcp:#}");
    assert_eq!(codes(tcp), ["SIP007"]);
    assert_eq!(tcp["subject"]["kind"], "route");
    // Over UDP, Linux turns the ICMP port unreachable that loopback sends back at once into a
    // refused receive on the connected socket; a network that drops it silently gives a timeout.
    let udp = one(&v, ".com.udp.*", "udp");
    assert!(
        ["refused", "timeout"].contains(&udp["outcome"].as_str().unwrap()),
        "{udp:#}"
    );
    assert_eq!(codes(udp), ["SIP007"]);
    assert!(udp["elapsed_ms"].as_u64().unwrap() < 2500, "within --timeout: {udp:#}");
    let messages: Vec<&str> = finding(&v, "SIP007")
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("static route `.com.tcp.*`") && m.contains("refused")),
        "{messages:?}"
    );
    assert!(
        finding(&v, "SIP007").iter().all(|f| f["location"]["line"].is_u64()),
        "each points at its route: {v:#}"
    );

    // A CUPS node where nothing listens: SIP007, and the deployment's port is stale (DRIFT001).
    let lab = cups_lab(dir.path(), closed.port(), closed.port(), "");
    let (status, v) = probe(&lab, "2", &[]);
    assert_eq!(status, Some(1));
    let tcp = one(&v, "cups-1", "tcp");
    assert_eq!(tcp["outcome"], "refused");
    assert_eq!(codes(tcp), ["SIP007", "DRIFT001"]);
    assert_eq!(tcp["setting"]["name"], "servers[cups-1].ports.sip");
    assert_eq!(tcp["setting"]["says"], closed.port().to_string());
    let tls = one(&v, "cups-1", "tls");
    assert_eq!(codes(tls), ["SIP007", "DRIFT001"]);
    assert_eq!(tls["setting"]["name"], "servers[cups-1].ports.sip-tls");
    let drift = finding(&v, "DRIFT001");
    assert!(
        drift.iter().all(|f| f["location"]["line"].is_u64()),
        "DRIFT001 points at the port: {drift:#?}"
    );
}

#[test]
fn a_silent_next_hop_over_udp_times_out_after_retransmissions() {
    let silent = Silent::start();
    let dir = tempfile::tempdir().unwrap();
    let lab = routes_lab(dir.path(), &[(".com.silent.*", silent.address.port(), "udp")]);
    let (status, v) = probe(&lab, "2", &[]);
    assert_eq!(status, Some(1));
    let o = one(&v, ".com.silent.*", "udp");
    assert_eq!(o["outcome"], "timeout", "{o:#}");
    assert_eq!(codes(o), ["SIP007"]);
    let elapsed = o["elapsed_ms"].as_u64().unwrap();
    assert!((1900..3000).contains(&elapsed), "about --timeout: {elapsed} ms");
    // Timer E: sent at 0, then 500 ms and 1.5 s later (the next would be 3.5 s, past 2 s).
    let retransmissions: Vec<&str> = evidence(o, "sent")
        .into_iter()
        .filter(|l| l.contains("(retransmission"))
        .collect();
    assert_eq!(retransmissions.len(), 2, "{retransmissions:?}");
    assert!(
        retransmissions[0].contains("(retransmission 1, 500 ms after the first send)"),
        "{retransmissions:?}"
    );
    assert!(
        retransmissions[1].contains("retransmission 2, 1.5 s"),
        "{retransmissions:?}"
    );
}

#[test]
fn garbage_endless_lines_and_cut_answers_are_protocol_errors() {
    let garbage = Garbage::random();
    let endless = EndlessLine::start("SIP/2.0 200 ");
    let cut = DropMidAnswer::after_request(b"SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKx\r\n\r\n");
    let dir = tempfile::tempdir().unwrap();
    let port = garbage.address.port();
    let lab = routes_lab(
        dir.path(),
        &[
            (".com.g.*", port, "udp"),
            (".com.g.*", port, "tcp"),
            (".com.endless.*", endless.address.port(), "tcp"),
            (".com.cut.*", cut.address.port(), "tcp"),
        ],
    );
    let (status, v) = probe(&lab, "2", &[]);
    assert_eq!(status, Some(1));
    for (pattern, transport, says) in [
        (".com.g.*", "udp", "not SIP"),
        (".com.g.*", "tcp", "not SIP"),
        (".com.endless.*", "tcp", "a line longer than 16384 bytes"),
        (".com.cut.*", "tcp", "closed the connection"),
    ] {
        let o = one(&v, pattern, transport);
        assert_eq!(o["outcome"], "protocol-error", "{o:#}");
        assert_eq!(codes(o), ["SIP007"]);
        assert!(o["summary"].as_str().unwrap().contains(says), "{says}: {o:#}");
    }
}

#[test]
fn the_dns_next_hops_of_a_destination_domain_are_asked() {
    let kamailio = Kamailio::challenging(None);
    let zone = format!(
        "$TTL 300\n@ IN SOA ns.peer.example. admin.peer.example. 1 3600 600 86400 300\n@ IN NS ns.peer.example.\n\
         ns IN A 127.0.0.1\nsip IN A 127.0.0.1\n_sip._tcp IN SRV 0 0 {} sip.peer.example.\n",
        kamailio.tcp.port()
    );
    let nsd = Nsd::start(&[Zone::text("peer.example", &zone)]);
    let dir = tempfile::tempdir().unwrap();
    // A static route to a next hop named, not numbered: resolved with the same DNS server.
    let lab = write(
        dir.path(),
        &format!(
            "domain = \"acme.com\"\n\n[sip_proxy]\nproxy_domain = \"acme.com\"\ndestinations = [\"peer.example\"]\n\n\
             [[sip_proxy.static_routes]]\npattern = \".org.named.*\"\nnext_hop = \"sip.peer.example\"\nport = {}\n",
            kamailio.udp.port()
        ),
    );
    let server = nsd.address.to_string();
    let (status, v) = probe(&lab, "2", &["--dns-server", &server]);
    assert_eq!(status, Some(0), "{v:#}");
    let o = one(&v, "peer.example", "tcp");
    assert_eq!(o["subject"]["kind"], "domain");
    assert_eq!(o["outcome"], "ok", "{o:#}");
    assert_eq!(o["target"]["host"], "sip.peer.example");
    assert_eq!(o["target"]["port"], kamailio.tcp.port());
    let notes = evidence(o, "note");
    assert!(
        notes.iter().any(|n| n.contains("SRV _sip._tcp.peer.example.")),
        "how routing found it: {notes:?}"
    );
    let named = one(&v, ".org.named.*", "udp");
    assert_eq!(named["outcome"], "ok", "{named:#}");
    assert_eq!(named["target"]["address"], "127.0.0.1");
    let notes = evidence(named, "note");
    assert_eq!(
        notes,
        [format!("`sip.peer.example` -> 127.0.0.1 (DNS {server})")],
        "{named:#}"
    );
}
