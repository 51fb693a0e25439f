//! `uclint probe` against real servers on loopback: NSD for DNS (and, in the TLS and SIP tests,
//! TLS servers and Kamailio), each started by the test with a configuration it writes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;

use serde_json::Value;
use uclint_test_servers::{Nsd, Zone};

/// The corporate zone as real DNS serves it: `ccm-1` moved to 127.0.0.9 since the deployment
/// file was written.
const ACME_ZONE: &str = "\
$TTL 300
@ IN SOA ns.acme.com. admin.acme.com. 1 3600 600 86400 300
@ IN NS ns.acme.com.
ns IN A 127.0.0.1
cups-1 IN A 127.0.0.1
ccm-1 IN A 127.0.0.9
";

/// The ISP's zone a VPN client's suffix points into: none of the corporate names.
const ISP_ZONE: &str = "\
$TTL 300
@ IN SOA ns.isp.example. admin.isp.example. 1 3600 600 86400 300
@ IN NS ns.isp.example.
ns IN A 127.0.0.1
";

/// A deployment on loopback whose own DNS data still says `ccm-1` is 127.0.0.1.
fn deployment(dir: &Path) -> std::path::PathBuf {
    let text = r#"
domain = "acme.com"

[[servers]]
node_name = "ccm-1"
addresses = ["127.0.0.1"]
roles = ["cucm"]

[[servers]]
node_name = "cups-1"
addresses = ["127.0.0.1"]
roles = ["cups"]

[sip_proxy]
proxy_domain = "acme.com"

[dns]
records = [
  { name = "cups-1.acme.com.", type = "A", value = "127.0.0.1" },
  { name = "ccm-1.acme.com.", type = "A", value = "127.0.0.1" },
]

[[clients]]
id = "hq"
kind = "cupc"
version = "7.0.2"
dns_suffixes = ["acme.com"]

[[clients]]
id = "vpn"
kind = "cupc"
version = "7.0.2"
dns_suffixes = ["isp.example"]
on_corporate_network = false

[[clients]]
id = "phones"
kind = "ip-phone"
dns_suffixes = ["acme.com"]

[[users]]
cucm_id = "alice"
home_node = "cups-1"
digest_credential = true
clients = ["hq", "vpn"]
"#;
    let path = dir.join("lab.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn uclint(args: &[&str]) -> (Option<i32>, String, String) {
    support::run(args)
}

fn observations<'a>(v: &'a Value, probe: &str, subject: &str) -> Vec<&'a Value> {
    v["observations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["probe"] == probe && o["subject"]["name"] == subject)
        .collect()
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
fn dns_as_each_client_sees_it_against_a_real_server() {
    let nsd = Nsd::start(&[Zone::text("acme.com", ACME_ZONE), Zone::text("isp.example", ISP_ZONE)]);
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path());
    let server = nsd.address.to_string();
    let (status, stdout, stderr) = uclint(&[
        "probe",
        lab.to_str().unwrap(),
        "--only",
        "dns",
        "--dns-server",
        &server,
        "--format",
        "json",
        "--timeout",
        "2",
    ]);
    assert_eq!(status, Some(1), "NAME001 is an error: {stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();

    // On site: the home node and the presence address resolve through the corporate suffix.
    let hq = observations(&v, "dns", "hq");
    assert_eq!(hq.len(), 2, "{hq:#?}");
    assert!(
        hq.iter().all(|o| o["outcome"] == "ok" && codes(o).is_empty()),
        "{hq:#?}"
    );

    // Off site: the ISP's suffix, then the bare name: CUPC 7.x cannot log in to its home node
    // (NAME001); the presence address is a full name, which real DNS answers as given.
    let vpn = observations(&v, "dns", "vpn");
    let vpn_codes: Vec<&str> = vpn.iter().flat_map(|o| codes(o)).collect();
    assert_eq!(vpn_codes, ["NAME001"], "{vpn:#?}");
    assert_eq!(vpn.len(), 2);
    let home = vpn.iter().find(|o| codes(o) == ["NAME001"]).unwrap();
    let evidence: Vec<&str> = home["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(evidence[0], "cups-1 (hosts file): no entry");
    assert!(
        evidence[1].starts_with("cups-1.isp.example. (DNS 127.0.0.1:"),
        "the suffix first: {evidence:?}"
    );
    assert!(evidence[1].ends_with("no such name (NXDOMAIN)"), "{evidence:?}");
    assert_eq!(home["target"]["address"], "127.0.0.1");

    // The phones' Directory URL node moved: real DNS disagrees with the node's address (NAME004)
    // and with the deployment's own records (DRIFT001, pointing at them).
    let phones = observations(&v, "dns", "phones");
    assert_eq!(phones.len(), 1, "{phones:#?}");
    assert_eq!(codes(phones[0]), ["NAME004", "DRIFT001"]);
    let drift = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "DRIFT001")
        .unwrap();
    assert!(drift["message"].as_str().unwrap().contains("127.0.0.9"), "{drift}");
    assert!(
        drift["location"]["line"].is_u64(),
        "DRIFT001 points at the stale setting: {drift}"
    );
    assert_eq!(v["summary"]["error"], 2, "{}", v["summary"]);
}

#[test]
fn text_output_shows_each_observation_and_the_findings() {
    let nsd = Nsd::start(&[Zone::text("acme.com", ACME_ZONE), Zone::text("isp.example", ISP_ZONE)]);
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path());
    let server = nsd.address.to_string();
    let (status, stdout, _) = uclint(&[
        "probe",
        lab.to_str().unwrap(),
        "--only",
        "dns",
        "--dns-server",
        &server,
        "--client",
        "vpn",
        "-v",
    ]);
    assert_eq!(status, Some(1));
    assert!(
        stdout.contains("`cups-1` -> no address for client `vpn` (home node login) [NAME001]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("< cups-1.isp.example."),
        "the exchange with -v: {stdout}"
    );
    assert!(stdout.contains("error[NAME001]"), "{stdout}");
    assert!(!stdout.contains("phones"), "--client vpn only: {stdout}");
}

#[test]
fn unknown_client_and_user_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path());
    let (status, _, stderr) = uclint(&[
        "probe",
        lab.to_str().unwrap(),
        "--client",
        "nope",
        "--dns-server",
        "127.0.0.1:9",
    ]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("no client profile `nope`"), "{stderr}");
    let (status, _, stderr) = uclint(&["probe", lab.to_str().unwrap(), "--only", "dnss"]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("unknown probe `dnss`"), "{stderr}");
}

#[test]
fn live_health_sets_prediction_and_observation_side_by_side() {
    // Real DNS lost `cups-1` since the deployment file was written.
    let zone = "\
$TTL 300
@ IN SOA ns.acme.com. admin.acme.com. 1 3600 600 86400 300
@ IN NS ns.acme.com.
ns IN A 127.0.0.1
ccm-1 IN A 127.0.0.1
";
    let nsd = Nsd::start(&[Zone::text("acme.com", zone)]);
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path());
    let server = nsd.address.to_string();
    let args = [
        "health",
        "--live",
        "--user",
        "alice",
        "--client",
        "hq",
        "-c",
        lab.to_str().unwrap(),
        "--dns-server",
        &server,
        "--timeout",
        "2",
    ];
    let (status, stdout, stderr) = uclint(&args);
    assert_eq!(status, Some(0), "{stderr}");
    assert!(stdout.contains("predicted and observed"), "{stdout}");
    assert!(stdout.contains("differs"), "{stdout}");
    assert!(stdout.contains("contradicts dns: cups-1"), "{stdout}");
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let (_, stdout, _) = uclint(&json_args);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let login = &v["services"][0];
    assert_eq!(login["service"], "login");
    assert_eq!(
        login["predicted"]["status"], "ok",
        "the file's records resolve the home node: {login}"
    );
    assert_eq!(login["observed"], "failing", "{login}");
    assert_eq!(login["agrees"], false);
    assert_eq!(login["contradicts"]["says"], "127.0.0.1");
    assert!(login["contradicts"]["location"]["line"].is_u64(), "{login}");
    let presence = &v["services"][1];
    assert_eq!(
        presence["observed"], "failing",
        "the presence address is gone too: {presence}"
    );
    assert_eq!(
        v["services"][3]["observed"], "not-observed",
        "no voicemail probe in this deployment"
    );
    assert!(
        v["observations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["subject"]["name"] != "vpn"),
        "only hq's view"
    );
}

#[test]
fn health_without_live_needs_no_network_options() {
    let dir = tempfile::tempdir().unwrap();
    let lab = deployment(dir.path());
    let (status, _, stderr) = uclint(&[
        "health",
        "--user",
        "alice",
        "--client",
        "hq",
        "-c",
        lab.to_str().unwrap(),
        "--dns-server",
        "127.0.0.1:9",
    ]);
    assert_eq!(status, Some(2), "--dns-server requires --live: {stderr}");
    assert!(stderr.contains("--live"), "{stderr}");
}
