//! Jabber discovery from the command line: `derive jabber`, the JAB rules in `check`, the Jabber
//! line of `health`, and bad input refused with its location.
#![allow(clippy::unwrap_used)]

mod support;

use serde_json::Value;

const JABBER: &str = "../examples/acme-jabber.toml";

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    support::run(args)
}

fn derive_json(client: &str, address: &str) -> Value {
    let (code, stdout, stderr) = run(&[
        "derive",
        "jabber",
        "--client",
        client,
        "--address",
        address,
        "-c",
        JABBER,
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn the_example_shows_every_jab_rule() {
    let (code, stdout, _) = run(&["check", JABBER, "--format", "json"]);
    assert_eq!(code, Some(1));
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let found: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    for n in 1..=8 {
        let code = format!("JAB00{n}");
        assert!(found.contains(&code.as_str()), "{code} missing from {found:?}");
    }
    // Jabber signs in over XMPP: the CUPC SIP-digest rule has nothing to say about it.
    assert!(!found.contains(&"AUTH001"), "{found:?}");
}

#[test]
fn windows_gives_up_after_two_targets_text() {
    let (code, stdout, stderr) = run(&[
        "derive",
        "jabber",
        "--client",
        "hq-windows",
        "--address",
        "jdoe@acme.com",
        "-c",
        JABBER,
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    insta::assert_snapshot!("derive_jabber_hq_windows", stdout);
}

#[test]
fn outside_goes_through_the_expressway_json() {
    let v = derive_json("road-mac", "jdoe@acme.com");
    assert_eq!(v["path"], "mra");
    assert_eq!(v["place"], "outside");
    assert_eq!(
        v["connections"][0]["url"],
        "https://expe.acme.com:8443/YWNtZS5jb20/get_edge_config?service_name=_cisco-uds&service_name=_cuplogin"
    );
    assert_eq!(v["signs_in"], false);
    assert_eq!(v["message"], "Cannot communicate with the server");
    assert_eq!(v["issues"][0]["code"], "JAB004");
    assert!(v["steps"].as_array().unwrap().len() >= 5);

    let mac = derive_json("hq-mac", "jdoe@acme.com");
    assert_eq!(mac["path"], "on-premises");
    assert_eq!(mac["signs_in"], true);
    assert_eq!(mac["jabber_id"], "jdoe@acme.com");
}

#[test]
fn health_has_a_jabber_line_for_jabber_profiles_only() {
    let (code, stdout, stderr) = run(&["health", "--user", "jdoe", "--client", "hq-windows", "-c", JABBER]);
    assert_eq!(code, Some(0), "{stderr}");
    let line = stdout.lines().find(|l| l.contains("Jabber sign-in")).unwrap();
    assert!(line.contains("failing") && line.contains("JAB007"), "{line}");
    let (_, stdout, _) = run(&[
        "health",
        "--user",
        "jdoe",
        "--client",
        "hq-cupc",
        "-c",
        "../examples/acme.toml",
    ]);
    assert!(!stdout.contains("Jabber"), "{stdout}");
}

#[test]
fn bad_addresses_and_profiles_are_usage_errors() {
    let cases: [(&str, &str, &str); 4] = [
        ("hq-mac", "jdoe", "expected user@domain"),
        ("hq-mac", "jdoe@acme com", "not a DNS domain"),
        ("nowhere", "jdoe@acme.com", "no client profile `nowhere`"),
        ("hq-mac", "@acme.com", "no user before the `@`"),
    ];
    for (client, address, expected) in cases {
        let (code, stdout, stderr) = run(&[
            "derive",
            "jabber",
            "--client",
            client,
            "--address",
            address,
            "-c",
            JABBER,
        ]);
        assert_eq!(code, Some(2), "{client} {address}: {stdout}{stderr}");
        assert!(stderr.contains(expected), "{client} {address}: {stderr}");
    }
}

#[test]
fn bad_settings_in_the_file_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(format!("{}/{JABBER}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let cases = [
        (
            "voice_services_domain = \"acme.com\"",
            "voice_services_domain = \"uc acme\"",
            "not a DNS domain",
        ),
        (
            "exclude_services = [\"CUCM\"]",
            "exclude_services = [\"VOICEMAIL\"]",
            "CUCM",
        ),
        (
            "sign_in = \"acme.eu\"",
            "sign_in = \"hmueller@\"",
            "the domain is empty",
        ),
    ];
    for (from, to, expected) in cases {
        let broken = text.replacen(from, to, 1);
        let line = broken.lines().position(|l| l.contains(to)).unwrap() + 1;
        let path = dir.path().join("broken.toml");
        std::fs::write(&path, &broken).unwrap();
        let (code, _, stderr) = run(&["check", path.to_str().unwrap()]);
        assert_eq!(code, Some(2), "{to}: {stderr}");
        assert!(stderr.contains(expected), "{to}: {stderr}");
        assert!(
            stderr.contains(&format!("broken.toml:{line}:")),
            "{to} at line {line}: {stderr}"
        );
    }
}
