//! The built `uclint` binary, run as a user runs it.
#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use serde_json::Value;

const ACME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/acme.toml");

fn uclint() -> Command {
    let mut cmd = Command::cargo_bin("uclint").unwrap();
    // Tests read plain text whatever the terminal.
    cmd.env("NO_COLOR", "1").current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn json(args: &[&str]) -> Value {
    let output = uclint().args(args).args(["--format", "json"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// the presence address golden table, through the command line: (domain, node, address, verdict).
const GOLDEN: [(Option<&str>, &str, &str, &str); 8] = [
    (Some("cisco.com"), "cup1", "cup1.cisco.com", "usable"),
    (Some("cisco.com"), "cup1.cisco.com", "cup1.cisco.com", "usable"),
    (Some("cisco.com"), "10.11.12.13", "10.11.12.13", "usable"),
    (Some("10.11.12.13"), "10.11.12.13", "10.11.12.13", "usable"),
    (Some("10.11.12.13"), "cup1", "cup1.10.11.12.13", "unusable"),
    (
        Some("10.11.12.13"),
        "cup1.cisco.com",
        "cup1.cisco.com.10.11.12.13",
        "unusable",
    ),
    (
        None,
        "cup1.cisco.com",
        "cup1.cisco.com.PROXY_DOMAIN_NOT_SET",
        "unusable",
    ),
    (
        Some("CISCO.COM"),
        "cup1.cisco.com",
        "cup1.cisco.com.CISCO.COM",
        "unusable",
    ),
];

#[test]
fn presence_address_golden_table_through_the_binary() {
    for (domain, node, address, verdict) in GOLDEN {
        let mut args = vec!["derive", "presence-address", "--node", node, "--user", "jdoe"];
        if let Some(domain) = domain {
            args.extend(["--domain", domain]);
        }
        let v = json(&args);
        assert_eq!(v["address"], address, "{node} in {domain:?}");
        assert_eq!(v["verdict"], verdict, "{node} in {domain:?}");
        assert_eq!(v["uri"], format!("jdoe@{address}"));
        assert!(v["method"].is_string() && v["steps"].as_array().is_some_and(|s| !s.is_empty()));
        assert_eq!(
            v["codes"].as_array().unwrap().iter().any(|c| c == "PRS001"),
            verdict != "usable"
        );
    }
}

#[test]
fn presence_address_without_user_has_null_uri() {
    let v = json(&["derive", "presence-address", "--node", "cup1", "--domain", "cisco.com"]);
    assert_eq!(v["uri"], Value::Null);
    assert_eq!(v["method"], "appended");
}

#[test]
fn presence_address_with_deployment_dns_can_be_unresolved() {
    let v = json(&[
        "derive",
        "presence-address",
        "--node",
        "cups-3",
        "--domain",
        "acme.com",
        "-c",
        ACME,
    ]);
    assert_eq!(v["address"], "cups-3.acme.com");
    assert_eq!(v["verdict"], "unresolved");
    let v = json(&[
        "derive",
        "presence-address",
        "--node",
        "cups-1",
        "--domain",
        "acme.com",
        "-c",
        ACME,
    ]);
    assert_eq!(v["verdict"], "usable");
}

#[test]
fn resolve_shows_every_attempt() {
    let v = json(&["resolve", "cups-1", "--client", "vpn-cupc", "-c", ACME]);
    assert_eq!(v["name"], "cups-1");
    assert_eq!(v["address"], Value::Null);
    let queries: Vec<&str> = v["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["query"].as_str().unwrap())
        .collect();
    assert_eq!(queries, ["cups-1", "cups-1.isp.com.", "cups-1."]);
    for attempt in v["attempts"].as_array().unwrap() {
        assert!(
            attempt["source"].is_string() || attempt["source"].is_object(),
            "{attempt}"
        );
        assert!(attempt["result"]["status"].is_string(), "{attempt}");
    }

    let v = json(&["resolve", "cups-1", "--client", "hq-cupc", "-c", ACME]);
    assert_eq!(v["address"], "10.1.1.20");
    let v = json(&["resolve", "cups-1", "--client", "legacy-cupc", "-c", ACME]);
    assert_eq!(v["address"], "10.1.1.20");
    assert_eq!(v["attempts"][0]["source"], "hosts-file");
}

#[test]
fn directory_url_and_implicit_names() {
    let v = json(&["derive", "directory-url", "--node", "ccm-1"]);
    assert_eq!(v["url"], "http://ccm-1:8080/ccmcip/xmldirectory.jsp");
    let v = json(&["derive", "implicit-names", "--client", "emea-phones", "-c", ACME]);
    let names: Vec<&str> = v["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ccm-1", "10.1.1.11"]);
}

#[test]
fn wireshark_and_imap_recipes() {
    let v = json(&["derive", "wireshark", "--server-ip", "10.88.229.196", "--pfx", "test"]);
    assert_eq!(v["rsa_keys_entry"], "10.88.229.196,443,http,C:\\privateKey.pem");
    assert_eq!(
        v["openssl_command"],
        "openssl pkcs12 -in test.pfx -nocerts -out privateKey.pem -nodes"
    );
    let v = json(&[
        "derive",
        "wireshark",
        "--server-ip",
        "10.0.0.1",
        "--pfx",
        "x",
        "--cipher-suite",
        "ECDHE-RSA-AES128-GCM-SHA256",
    ]);
    assert!(v["codes"].as_array().unwrap().iter().any(|c| c == "TLS001"));
    let v = json(&[
        "derive",
        "imap-test",
        "--server",
        "exch-1",
        "--store",
        "2003",
        "--user",
        "JohnDoe",
    ]);
    assert_eq!(v["port"], 143);
    let v = json(&[
        "derive",
        "imap-test",
        "--server",
        "exch-1",
        "--store",
        "2007",
        "--user",
        "JohnDoe",
    ]);
    assert_eq!(v["port"], 993);
}

#[test]
fn overview_runs_on_the_bundled_example() {
    let v = json(&["overview", ACME]);
    assert_eq!(v["presence_nodes"].as_array().unwrap().len(), 2);
    let vpn = v["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "vpn-cupc")
        .unwrap();
    let cups1 = vpn["names"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == "cups-1")
        .unwrap();
    assert_eq!(cups1["resolution"]["address"], Value::Null);
}

#[test]
fn text_output_is_plain_when_piped() {
    let output = uclint()
        .env_remove("NO_COLOR")
        .args([
            "derive",
            "presence-address",
            "--node",
            "cup1",
            "--domain",
            "10.11.12.13",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "escape codes in piped output: {text:?}");
    insta::assert_snapshot!("presence_text", text);
}

#[test]
fn overview_text_snapshot() {
    let output = uclint().args(["overview", "../examples/acme.toml"]).output().unwrap();
    assert!(output.status.success());
    insta::assert_snapshot!("overview_text", String::from_utf8(output.stdout).unwrap());
}

#[test]
fn load_errors_go_to_stderr_with_location_and_exit_2() {
    let dir = tempdir();
    let path = dir.join("bad.toml");
    std::fs::write(&path, "[[servers]]\nnode_name = \"cups-1\"\nroles = [\"cups\"]\n\n[[users]]\ncucm_id = \"a\"\nhom_node = \"cups-1\"\n").unwrap();
    let output = uclint().args(["overview", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("unknown key `hom_node`"), "{stderr}");
    assert!(stderr.contains("bad.toml:7:1"), "{stderr}");
    assert!(
        stderr.contains("hom_node = \"cups-1\""),
        "the source line is shown: {stderr}"
    );
    assert!(stderr.contains("did you mean `home_node`?"), "{stderr}");
}

#[test]
fn unknown_client_is_a_usage_error() {
    let output = uclint()
        .args(["resolve", "x", "--client", "nope", "-c", ACME])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("no client profile `nope`") && stderr.contains("vpn-cupc"),
        "{stderr}"
    );
}

#[test]
fn missing_file_and_bad_arguments_exit_2() {
    let output = uclint().args(["overview", "does-not-exist.toml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("does-not-exist.toml"));
    let output = uclint()
        .args(["derive", "wireshark", "--server-ip", "not-an-ip", "--pfx", "x"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn json_errors_are_json_on_stderr() {
    let output = uclint()
        .args(["overview", "does-not-exist.toml", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert!(
        v["error"]["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("does-not-exist.toml")
    );
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("uclint-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
