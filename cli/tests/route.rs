//! `uclint route`, offline from the deployment's DNS data and live from a real DNS server (NSD)
//! serving the same zone text: both must give the same answer.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use uclint_test_servers::{Nsd, Silent, Zone};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/route")
        .join(name)
}

fn route(uri: &str, extra: &[&str]) -> (Option<i32>, Value, String) {
    let deployment = fixture("deployment.toml");
    let output = Command::cargo_bin("uclint")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["route", uri, "-c", deployment.to_str().unwrap(), "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (output.status.code(), json, stderr)
}

fn ok(uri: &str, extra: &[&str]) -> Value {
    let (code, json, stderr) = route(uri, extra);
    assert_eq!(code, Some(0), "{uri}: {stderr}");
    json
}

/// Targets as `host address port transport priority weight`, the part live and offline share.
fn targets(v: &Value) -> Vec<String> {
    v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            format!(
                "{} {} {} {} {} {}",
                t["host"].as_str().unwrap(),
                t["address"],
                t["port"],
                t["transport"].as_str().unwrap(),
                t["priority"],
                t["weight"]
            )
        })
        .collect()
}

const URIS: &[&str] = &[
    "sip:alice@partner.example", // NAPTR -> _sip._udp, three weights and a backup
    "sip:alice@partner.example;transport=tcp",
    "sips:bob@secure.partner.example", // _sips._tcp, two priorities
    "sip:carol@plain.partner.example", // A/AAAA on 5060
    "sip:carol@plain.partner.example:5090",
    "sip:dave@empty.partner.example",   // no address: unroutable
    "sip:erin@nowhere.partner.example", // NXDOMAIN
    "sip:frank@big.partner.example",    // 300 addresses: TCP retry after truncation
    "sip:4001@lab.acme.net",            // static routes whose next hops resolve in DNS
    "sip:91408555@acme.net",            // user route
    "sip:x@spam.blocked.net",           // blocked
    "sip:alice@ACME.com",               // local
];

#[test]
fn json_has_the_documented_shape() {
    let v = ok("sip:alice@partner.example", &[]);
    assert_eq!(v["decision"], "dns");
    for t in v["targets"].as_array().unwrap() {
        for key in ["host", "address", "port", "transport", "priority", "weight"] {
            assert!(t.get(key).is_some(), "{key} in {t}");
        }
    }
    for step in v["trace"].as_array().unwrap() {
        assert!(step["tried"].is_string() && step["found"].is_string());
    }
}

#[test]
fn offline_routes_follow_spec_d4() {
    let v = ok("sip:alice@partner.example", &[]);
    assert_eq!(
        targets(&v),
        [
            "edge1.partner.example. \"192.0.2.11\" 5060 udp 10 60",
            "edge2.partner.example. \"192.0.2.12\" 5060 udp 10 30",
            "edge3.partner.example. \"2001:db8::13\" 5060 udp 10 10",
            "backup.partner.example. \"192.0.2.20\" 5080 udp 20 0",
        ]
    );
    assert_eq!(
        ok("sip:alice@partner.example;transport=tcp", &[])["targets"][0]["transport"],
        "tcp"
    );
    let v = ok("sip:4001@lab.acme.net", &[]);
    assert_eq!(v["decision"], "static");
    assert_eq!(
        targets(&v),
        [
            "edge2.partner.example \"192.0.2.12\" 5060 udp 1 60",
            "edge1.partner.example \"192.0.2.11\" 5060 udp 1 20",
            "backup.partner.example \"192.0.2.20\" 5060 udp 5 10",
        ],
        "the fallback route comes last"
    );
    assert_eq!(ok("sip:x@spam.blocked.net", &[])["decision"], "blocked");
    assert_eq!(ok("sip:alice@ACME.com", &[])["decision"], "local");
    let v = ok("sip:dave@empty.partner.example", &[]);
    assert_eq!(
        (v["decision"].as_str(), v["codes"][0].as_str()),
        (Some("unroutable"), Some("SIP002"))
    );
}

#[test]
fn a_seed_draws_one_weighted_order_reproducibly() {
    let first = targets(&ok("sip:alice@partner.example", &["--seed", "42"]));
    assert_eq!(first, targets(&ok("sip:alice@partner.example", &["--seed", "42"])));
    let orders: std::collections::BTreeSet<Vec<String>> = (0..12)
        .map(|seed| targets(&ok("sip:alice@partner.example", &["--seed", &seed.to_string()])))
        .collect();
    assert!(orders.len() > 1, "different seeds draw different orders");
    for order in &orders {
        assert!(order[3].starts_with("backup"), "priority 20 always last: {order:?}");
    }
}

#[test]
fn bad_uris_exit_2_and_point_at_the_character() {
    let (code, _, stderr) = route("sip:alice@part ner.example", &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("at character 15"), "{stderr}");
    let (code, _, stderr) = route("http://example.com", &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("sip"), "{stderr}");
}

#[test]
fn text_output_lists_targets_and_trace() {
    let deployment = fixture("deployment.toml");
    let out = Command::cargo_bin("uclint")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["route", "sip:alice@partner.example", "-c", deployment.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("sip:alice@partner.example -> dns"), "{text}");
    assert!(text.contains("1. edge1.partner.example."), "{text}");
    assert!(text.contains("NAPTR partner.example."), "{text}");
}

#[test]
fn live_dns_gives_the_offline_answer() {
    let nsd = Nsd::start(&[Zone::file("partner.example", &fixture("partner.zone"))]);
    let server = nsd.address.to_string();
    for uri in URIS {
        for seed in [None, Some("7")] {
            let mut live_args = vec!["--dns-server", server.as_str()];
            let mut offline_args = vec![];
            if let Some(seed) = seed {
                live_args.extend(["--seed", seed]);
                offline_args.extend(["--seed", seed]);
            }
            let offline = ok(uri, &offline_args);
            let live = ok(uri, &live_args);
            assert_eq!(live["decision"], offline["decision"], "{uri}");
            assert_eq!(targets(&live), targets(&offline), "{uri}");
            assert_eq!(live["codes"], offline["codes"], "{uri}");
        }
    }
    // The trace names where the answers came from.
    let live = ok("sip:alice@partner.example", &["--dns-server", &server]);
    let trace = live["trace"].to_string();
    assert!(trace.contains(&format!("DNS {server}")), "{trace}");
}

#[test]
fn live_dns_tells_nxdomain_from_no_data() {
    let nsd = Nsd::start(&[Zone::file("partner.example", &fixture("partner.zone"))]);
    let server = nsd.address.to_string();
    // What the address lookup of the domain itself found.
    let address_step = |uri: &str| -> String {
        let v = ok(uri, &["--dns-server", &server]);
        let step = v["trace"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["tried"].as_str().unwrap().starts_with("A/AAAA"))
            .cloned()
            .unwrap_or_else(|| panic!("no address lookup in {}", v["trace"]));
        step["found"].as_str().unwrap().to_owned()
    };
    assert_eq!(
        address_step("sip:erin@nowhere.partner.example"),
        "no such name (NXDOMAIN)"
    );
    assert_eq!(address_step("sip:dave@empty.partner.example"), "no A or AAAA records");
}

#[test]
fn live_dns_retries_over_tcp_when_the_answer_is_truncated() {
    let nsd = Nsd::start(&[Zone::file("partner.example", &fixture("partner.zone"))]);
    let v = ok(
        "sip:frank@big.partner.example",
        &["--dns-server", &nsd.address.to_string()],
    );
    assert_eq!(
        v["targets"][0]["addresses"].as_array().unwrap().len(),
        300,
        "every address, over TCP"
    );
}

#[test]
fn a_server_that_never_answers_times_out() {
    let silent = Silent::start();
    let v = ok(
        "sip:alice@partner.example",
        &["--dns-server", &silent.address.to_string(), "--dns-timeout-ms", "300"],
    );
    assert_eq!(v["decision"], "unroutable");
    let trace = v["trace"].to_string();
    assert!(trace.contains("no answer in time"), "{trace}");
}

#[test]
fn a_refusing_server_is_reported_as_refused() {
    // NSD refuses queries for zones it does not serve.
    let nsd = Nsd::start(&[Zone::file("partner.example", &fixture("partner.zone"))]);
    let v = ok("sip:alice@other.test", &["--dns-server", &nsd.address.to_string()]);
    assert_eq!(v["decision"], "unroutable");
    assert!(v["trace"].to_string().contains("refused"), "{}", v["trace"]);
}
