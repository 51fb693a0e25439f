//! `uclint collect` end to end: a deployment file collected from a real directory (slapd), a
//! real zone transfer (NSD) and a Windows client's `ipconfig /all`, merged into a hand-written
//! file, then checked: the same findings as the same facts written by hand.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use uclint_test_servers::{Certs, Nsd, Slapd, Zone};

const ZONE: &str = "\
$TTL 300
@ IN SOA ns.acme.com. admin.acme.com. 1 3600 600 86400 300
@ IN NS ns.acme.com.
ns IN A 127.0.0.1
ccm-1 IN A 10.1.1.10
cups-1 IN A 10.1.1.20
_sip._tcp IN SRV 10 60 5060 cups-1.acme.com.
";

/// The directory: alice and bob, whom the file knows, and carol, whom it does not yet.
const PEOPLE: &str = "\
dn: uid=alice,ou=people,dc=example,dc=org
objectClass: inetOrgPerson
uid: alice
cn: Alice Liddell
givenName: Alice
sn: Liddell
telephoneNumber: +1 408 555 0101

dn: uid=bob,ou=people,dc=example,dc=org
objectClass: inetOrgPerson
uid: bob
cn: Bob Builder
sn: Builder

dn: uid=carol,ou=people,dc=example,dc=org
objectClass: inetOrgPerson
uid: carol
cn: Carol
sn: Danvers
telephoneNumber: +1 408 555 0103
";

/// What a person wrote: the servers, the SIP proxy, and which node and client each user has.
const HAND_WRITTEN: &str = r#"# ACME, kept by hand: uclint collect fills in the rest.
name = "ACME"
domain = "acme.com"

[[servers]]
node_name = "ccm-1"
addresses = ["10.1.1.10"]
roles = ["cucm"]

[[servers]]
node_name = "cups-1"   # the presence node
addresses = ["10.1.1.20"]
roles = ["cups"]
version = "7.0.2"

[sip_proxy]
proxy_domain = "acme.com"

[[users]]
cucm_id = "alice"
home_node = "cups-1"
digest_credential = true
clients = ["hq-pc"]

[[users]]
cucm_id = "bob"
home_node = "cups-1"   # no digest credential yet
clients = ["hq-pc"]
"#;

/// The same facts, all written by hand.
const EQUIVALENT: &str = r#"
name = "ACME"
domain = "acme.com"

[[servers]]
node_name = "ccm-1"
addresses = ["10.1.1.10"]
roles = ["cucm"]

[[servers]]
node_name = "cups-1"
addresses = ["10.1.1.20"]
roles = ["cups"]
version = "7.0.2"

[sip_proxy]
proxy_domain = "acme.com"

[dns]
records = [
  { name = "ns.acme.com.", type = "A", value = "127.0.0.1" },
  { name = "ccm-1.acme.com.", type = "A", value = "10.1.1.10" },
  { name = "cups-1.acme.com.", type = "A", value = "10.1.1.20" },
  { name = "_sip._tcp.acme.com.", type = "SRV", value = "10 60 5060 cups-1.acme.com." },
]

[[clients]]
id = "hq-pc"
kind = "cupc"
dns_suffixes = ["acme.com", "emea.acme.com"]
addresses = ["fd00:10:1:2::25", "fd00:10:1:2:9c3e:41d2:7a0b:c5e1", "10.1.2.37", "192.168.50.12"]
dns_servers = ["10.1.1.53", "10.1.1.54", "fd00:10:1:1::53", "10.1.1.55"]

[[users]]
cucm_id = "alice"
ldap_id = "alice"
first_name = "Alice"
last_name = "Liddell"
telephone_number = "+1 408 555 0101"
home_node = "cups-1"
digest_credential = true
clients = ["hq-pc"]

[[users]]
cucm_id = "bob"
ldap_id = "bob"
last_name = "Builder"
home_node = "cups-1"
clients = ["hq-pc"]

[[users]]
cucm_id = "carol"
ldap_id = "carol"
last_name = "Danvers"
telephone_number = "+1 408 555 0103"
"#;

const IPCONFIG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/tests/fixtures/import/ipconfig-win10.txt"
);

fn uclint() -> Command {
    let mut cmd = Command::cargo_bin("uclint").unwrap();
    cmd.env("NO_COLOR", "1").env_remove("UCLINT_LDAP_PASSWORD");
    cmd
}

/// The findings of `uclint check FILE`, without where each was written (the files differ).
fn findings(file: &Path) -> Vec<Value> {
    let out = uclint().args(["--format", "json", "check"]).arg(file).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut list = report["findings"].as_array().unwrap().clone();
    for finding in &mut list {
        finding.as_object_mut().unwrap().remove("location");
    }
    list
}

struct Sources {
    certs: Certs,
    dns: Nsd,
    directory: Slapd,
}

fn sources(axfr_allowed: bool) -> Sources {
    let certs = Certs::new();
    let zone = Zone::text("acme.com", ZONE);
    let dns = Nsd::start(&[if axfr_allowed { zone.with_axfr() } else { zone }]);
    let directory = Slapd::builder(&certs.good).ldif(PEOPLE).start();
    Sources { certs, dns, directory }
}

fn collect(s: &Sources, dir: &Path) -> Command {
    let mut cmd = uclint();
    cmd.current_dir(dir)
        .env("UCLINT_LDAP_PASSWORD", Slapd::ADMIN_PASSWORD)
        .args(["collect", "--into", "acme.toml", "--ca"])
        .arg(&s.certs.ca)
        .arg("--from")
        .arg(format!(
            "ldap={},base={},bind={},starttls",
            s.directory.ldap_url,
            Slapd::BASE,
            Slapd::ADMIN_DN
        ))
        .arg("--from")
        .arg(format!("axfr=acme.com@{}", s.dns.address))
        .arg("--from")
        .arg(format!("ipconfig={IPCONFIG},client=hq-pc"));
    cmd
}

#[test]
fn collected_from_slapd_nsd_and_ipconfig_it_checks_as_the_same_facts_written_by_hand() {
    let s = sources(true);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("acme.toml"), HAND_WRITTEN).unwrap();
    std::fs::write(dir.path().join("equivalent.toml"), EQUIVALENT).unwrap();
    let out = collect(&s, dir.path()).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("wrote acme.toml\n"), "{stdout}");
    assert!(stdout.contains(": 3 users (3 entries in 1 page)"), "{stdout}");
    assert!(stdout.contains("next: uclint check acme.toml"), "{stdout}");

    let written = std::fs::read_to_string(dir.path().join("acme.toml")).unwrap();
    // What the person wrote is still there, comments and all; no password anywhere.
    for kept in [
        "# ACME, kept by hand: uclint collect fills in the rest.\n",
        "node_name = \"cups-1\"   # the presence node\n",
        "home_node = \"cups-1\"   # no digest credential yet\n",
    ] {
        assert!(written.contains(kept), "lost {kept:?}:\n{written}");
    }
    assert!(written.starts_with("# Collected by `uclint collect`."), "{written}");
    assert!(!written.contains(Slapd::ADMIN_PASSWORD) && !stdout.contains(Slapd::ADMIN_PASSWORD));

    let collected = findings(&dir.path().join("acme.toml"));
    let by_hand = findings(&dir.path().join("equivalent.toml"));
    assert_eq!(collected, by_hand, "{written}");
    // Not vacuous: bob has no digest credential, carol no home node.
    let codes: Vec<&str> = collected.iter().filter_map(|f| f["code"].as_str()).collect();
    assert!(codes.contains(&"AUTH001"), "{codes:?}");
    assert!(
        collected.iter().any(|f| f["subject"]["name"] == "carol"),
        "{collected:#?}"
    );

    // Collecting again changes nothing but the times.
    let again = collect(&s, dir.path()).output().unwrap();
    assert_eq!(again.status.code(), Some(0));
    let rewritten = std::fs::read_to_string(dir.path().join("acme.toml")).unwrap();
    let untimed = |t: &str| {
        t.lines()
            .map(|l| l.split(" (20").next().unwrap_or(l).to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(untimed(&rewritten), untimed(&written));
}

#[test]
fn a_source_that_fails_writes_nothing_and_names_itself() {
    // NSD without provide-xfr refuses the transfer.
    let s = sources(false);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("acme.toml"), HAND_WRITTEN).unwrap();
    let out = collect(&s, dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!("error: axfr acme.com@{}: ", s.dns.address)),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("acme.toml")).unwrap(),
        HAND_WRITTEN
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn a_wrong_target_is_refused_before_any_server_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taken.toml"), "name = \"mine\"\n").unwrap();
    let run = |args: &[&str]| {
        let out = uclint()
            .current_dir(dir.path())
            .arg("collect")
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // 192.0.2.1 (TEST-NET) is never contacted: the target is refused first.
    let (status, stderr) = run(&["--out", "taken.toml", "--from", "axfr=acme.com@192.0.2.1"]);
    assert_eq!(status, Some(2));
    assert_eq!(
        stderr,
        "error: `taken.toml` exists: merge into it with --into taken.toml, or replace it with --force\n"
    );
    let (status, stderr) = run(&["--out", "new.yaml", "--from", "axfr=acme.com@192.0.2.1"]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("collect writes TOML"), "{stderr}");
    let (status, stderr) = run(&["--out", "new.toml", "--from", "ldap=ldap://192.0.2.1"]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("`ldap` needs base=DN"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn an_importer_error_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let french = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/fixtures/import/ipconfig-win10-french.txt"
    );
    let out = uclint()
        .current_dir(dir.path())
        .args(["collect", "--out", "new.toml", "--from"])
        .arg(format!("ipconfig={french},client=pc"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!("error: ipconfig {french}: line ")),
        "{stderr}"
    );
    assert!(stderr.contains("in English"), "{stderr}");
    assert!(!dir.path().join("new.toml").exists());
}
