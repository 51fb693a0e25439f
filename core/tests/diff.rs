//! `diff`: what changed between two deployments, item by item, and which findings came and went.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use serde_json::json;
use uclint_core::catalogue::Severity;
use uclint_core::diff::{ChangeKind, DeploymentDiff, Section, diff};
use uclint_core::model::{Deployment, Format};
use uclint_core::pipeline::{CheckRequest, check};
use uclint_core::source::NoFiles;

const OLD: &str = r#"
domain = "acme.com"

[[servers]]
node_name = "cups-1"
addresses = ["10.0.0.11"]
roles = ["cups"]

[[servers]]
node_name = "cups-2"
addresses = ["10.0.0.12"]
roles = ["cups"]

[sip_proxy]
proxy_domain = "acme.com"
incoming_acl = ["10.0.0.0/24"]

[dns]
records = [
  { name = "cups-1.acme.com.", type = "A", value = "10.0.0.11" },
  { name = "cups-2.acme.com.", type = "A", value = "10.0.0.12" },
]

[[users]]
cucm_id = "alice"
home_node = "cups-1"
digest_credential = true

[[users]]
cucm_id = "bob"
home_node = "cups-2"
digest_credential = true
"#;

fn load(text: &str) -> (Deployment, uclint_core::report::Report) {
    let (d, problems) = Deployment::load_with_references(text, Format::Toml, "d.toml", &NoFiles).unwrap();
    let d = Arc::new(d);
    let checked = check(&d, &problems, &CheckRequest::default(), None).unwrap();
    (Arc::unwrap_or_clone(d), checked.report)
}

fn between(old: &str, new: &str) -> DeploymentDiff {
    let (a, ra) = load(old);
    let (b, rb) = load(new);
    diff(&a, &ra, &b, &rb)
}

#[test]
fn the_same_deployment_has_no_differences() {
    let d = between(OLD, OLD);
    assert!(d.is_empty(), "{d:#?}");
    assert_eq!(d.to_text(), "\u{1b}[1mno differences\u{1b}[0m\n");
}

#[test]
fn items_are_matched_by_their_key_and_compared_field_by_field() {
    let new = OLD
        .replace(r#"addresses = ["10.0.0.12"]"#, r#"addresses = ["10.0.0.22"]"#)
        .replace(
            r#"incoming_acl = ["10.0.0.0/24"]"#,
            r#"incoming_acl = ["10.0.0.0/24", "10.9.0.0/16"]"#,
        )
        .replace(r#"value = "10.0.0.12""#, r#"value = "10.0.0.22""#)
        + "\n[[users]]\ncucm_id = \"carol\"\nhome_node = \"cups-1\"\ndigest_credential = true\n";
    let d = between(OLD, &new);
    let summary: Vec<(Section, &str, ChangeKind)> =
        d.changes.iter().map(|c| (c.section, c.key.as_str(), c.kind)).collect();
    assert_eq!(
        summary,
        [
            (Section::Servers, "cups-2", ChangeKind::Changed),
            (Section::IncomingAcl, "10.9.0.0/16", ChangeKind::Added),
            (Section::DnsRecords, "cups-2.acme.com A", ChangeKind::Changed),
            (Section::Users, "carol", ChangeKind::Added),
        ]
    );
    let server = &d.changes[0].fields;
    assert_eq!(server.len(), 1);
    assert_eq!(
        (server[0].field.as_str(), &server[0].old, &server[0].new),
        ("addresses", &json!(["10.0.0.12"]), &json!(["10.0.0.22"]))
    );
    assert_eq!(d.changes[2].fields[0].new, json!("10.0.0.22"));
    assert_eq!(d.changes[3].item.as_ref().unwrap()["cucm_id"], json!("carol"));
    let text = anstream::adapter::strip_str(&d.to_text()).to_string();
    assert!(
        text.contains("servers\n  ~ cups-2: addresses [\"10.0.0.12\"] -> [\"10.0.0.22\"]\n"),
        "{text}"
    );
    assert!(text.contains("users\n  + carol\n"), "{text}");
}

#[test]
fn a_removed_server_its_users_now_point_nowhere_and_the_new_errors_are_counted() {
    // cups-2 is gone from the servers and DNS, but bob is still homed on it.
    let new = OLD
        .replace(
            "[[servers]]\nnode_name = \"cups-2\"\naddresses = [\"10.0.0.12\"]\nroles = [\"cups\"]\n",
            "",
        )
        .replace(
            "  { name = \"cups-2.acme.com.\", type = \"A\", value = \"10.0.0.12\" },\n",
            "",
        );
    let d = between(OLD, &new);
    assert!(
        d.changes
            .iter()
            .any(|c| c.section == Section::Servers && c.key == "cups-2" && c.kind == ChangeKind::Removed)
    );
    assert!(d.appeared_at_or_above(Severity::Error) > 0, "{:#?}", d.findings);
    assert!(
        d.findings
            .appeared
            .iter()
            .all(|f| d.findings.disappeared.iter().all(|g| g != f))
    );
    // Back again: the same findings went away.
    let back = between(&new, OLD);
    assert_eq!(back.findings.disappeared, d.findings.appeared);
    assert_eq!(back.appeared_at_or_above(Severity::Error), 0);
}

#[test]
fn json_names_sections_as_the_file_does() {
    let new = OLD.replace("domain = \"acme.com\"", "domain = \"acme.example\"");
    let value = serde_json::to_value(between(OLD, &new)).unwrap();
    assert_eq!(
        value["changes"][0],
        json!({"section": "deployment", "key": "", "kind": "changed",
        "fields": [{"field": "domain", "old": "acme.com", "new": "acme.example"}]})
    );
}

#[test]
fn public_dns_is_compared_apart_from_internal_dns() {
    let public = "\n[dns.public]\nrecords = [\n  { name = \"_collab-edge._tls.acme.com.\", type = \"SRV\", value = \"10 10 8443 expe.acme.com.\" },\n]\n";
    let old = format!("{OLD}{public}");
    let new = old.replace("8443 expe.acme.com.", "8443 expe2.acme.com.");
    let d = between(&old, &new);
    let summary: Vec<(Section, &str, ChangeKind)> =
        d.changes.iter().map(|c| (c.section, c.key.as_str(), c.kind)).collect();
    assert_eq!(
        summary,
        [(
            Section::PublicDnsRecords,
            "_collab-edge._tls.acme.com SRV",
            ChangeKind::Changed
        )]
    );
    assert_eq!(Section::PublicDnsRecords.as_str(), "dns.public.records");
}
