//! The written file loads back as what was collected; merging keeps what a person wrote.

use std::sync::Arc;

use uclint_core::collect::{Collected, SourceKind};
use uclint_core::model::{Deployment, Format};
use uclint_core::source::NoFiles;

use super::{DocumentError, document};

const AT: &str = "2026-11-30T09:00:00Z";

fn load(text: &str) -> Deployment {
    match Deployment::load_with_references(text, Format::Toml, "collected.toml", &NoFiles) {
        Ok((d, problems)) => {
            assert!(problems.is_empty(), "{problems:?}\n{text}");
            d
        }
        Err(e) => panic!("{e}\n{text}"),
    }
}

/// What AXL would say of a small cluster, and what the directory says of its users.
fn sources() -> (Collected, Collected) {
    let cluster = load(
        r#"
domain = "acme.com"
[[servers]]
node_name = "cups-1"
hostname = "cups-1"
addresses = ["10.0.0.11"]
roles = ["cups"]
ports = { sip = 5060 }
[sip_proxy]
proxy_domain = "acme.com"
incoming_acl = ["10.0.0.0/24"]
static_routes = [{ pattern = ".com.partner.*", type = "domain", next_hop = "10.9.9.9", port = 5060, transport = "tcp" }]
[dns]
records = [{ name = "cups-1.acme.com.", type = "A", value = "10.0.0.11" }]
[[users]]
cucm_id = "alice"
digest_credential = true
"#,
    );
    let mut axl = Collected::from(SourceKind::Axl, "https://ccm-1:8443");
    axl.domain = cluster.domain.clone();
    axl.servers = cluster.servers.clone();
    axl.sip_proxy = Some(cluster.sip_proxy.clone());
    axl.users = cluster.users.clone();
    let mut axfr = Collected::from(SourceKind::Axfr, "acme.com@10.0.0.53:53");
    axfr.records = cluster.dns.as_ref().map(|d| d.records.clone()).unwrap_or_default();
    let directory = load(
        "[[users]]\ncucm_id = \"alice\"\nlast_name = \"Liddell\"\n[[users]]\ncucm_id = \"bob\"\nlast_name = \"Builder\"\ntelephone_number = \"+1 555 0100\"\n",
    );
    let mut ldap = Collected::from(SourceKind::Ldap, "ldap://dc:389");
    ldap.users = directory.users.clone();
    ldap.records = Vec::new();
    (
        Collected {
            records: axfr.records,
            ..axl
        },
        ldap,
    )
}

#[test]
fn a_new_file_loads_back_as_what_was_collected() {
    let (axl, ldap) = sources();
    let text = document(None, &[axl.clone(), ldap], AT).unwrap();
    assert!(
        text.starts_with(
            "# Collected by `uclint collect`. Edit freely: `uclint collect --into` keeps what you write.\n\
         # - axl https://ccm-1:8443 (2026-11-30T09:00:00Z): 1 server, 1 DNS record, 1 user, the domain, the SIP proxy\n\
         # - ldap ldap://dc:389 (2026-11-30T09:00:00Z): 2 users\n\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("# servers: axl https://ccm-1:8443 (2026-11-30T09:00:00Z)\n[[servers]]\n"),
        "{text}"
    );
    let d = load(&text);
    assert_eq!(d.domain.as_deref(), Some("acme.com"));
    let unplaced = |servers: &[uclint_core::model::Server]| {
        servers
            .iter()
            .cloned()
            .map(|s| uclint_core::model::Server { location: None, ..s })
            .collect::<Vec<_>>()
    };
    assert_eq!(unplaced(&d.servers), unplaced(&axl.servers));
    let routes = |p: &uclint_core::model::SipProxy| {
        format!(
            "{:?} {:?} {:?}",
            p.proxy_domain,
            p.incoming_acl,
            p.static_routes
                .iter()
                .map(|r| (&r.pattern, &r.next_hop, r.port))
                .collect::<Vec<_>>()
        )
    };
    assert_eq!(routes(&d.sip_proxy), routes(axl.sip_proxy.as_ref().unwrap()));
    assert_eq!(d.dns.unwrap().records, axl.records);
    // alice: AXL's digest credential stays (the directory cannot know it), the directory's name is added.
    let alice = &d.users[0];
    assert_eq!(
        (
            alice.cucm_id.as_str(),
            alice.digest_credential,
            alice.last_name.as_deref()
        ),
        ("alice", true, Some("Liddell"))
    );
    assert_eq!(d.users[1].telephone_number.as_deref(), Some("+1 555 0100"));
}

const HAND_WRITTEN: &str = r#"# Our lab, written by hand.
name = "ACME"
domain = "acme.com"   # the corporate domain

# The presence node: do not rename.
[[servers]]
node_name = "cups-1"
addresses = ["10.0.0.99"]   # stale
roles = ["cups"]
version = "7.0.2"

[[users]]
cucm_id = "alice"
home_node = "cups-1"   # set by hand
digest_credential = true
clients = ["hq"]

[[clients]]
id = "hq"
kind = "cupc"
dns_suffixes = ["acme.com"]
"#;

#[test]
fn merging_keeps_what_a_person_wrote_and_updates_what_the_source_knows() {
    let (axl, ldap) = sources();
    let text = document(Some((HAND_WRITTEN, "lab.toml")), &[axl, ldap], AT).unwrap();
    for kept in [
        "# Our lab, written by hand.\n",
        "domain = \"acme.com\"   # the corporate domain\n",
        "# The presence node: do not rename.\n",
        "version = \"7.0.2\"\n",
        "home_node = \"cups-1\"   # set by hand\n",
        "clients = [\"hq\"]\n",
        "[[clients]]\nid = \"hq\"\nkind = \"cupc\"\n",
    ] {
        assert!(text.contains(kept), "lost {kept:?}:\n{text}");
    }
    // The stale address is replaced, its comment kept.
    assert!(text.contains("addresses = [\"10.0.0.11\"]   # stale\n"), "{text}");
    let d = load(&text);
    assert_eq!(d.users.len(), 2);
    assert_eq!(d.users[0].home_node.as_deref(), Some("cups-1"));
    assert!(d.users[0].digest_credential);
    // Collected again later: the same text but for the times, which move on.
    let again = document(Some((&text, "lab.toml")), &sources_as_vec(), "2026-12-01T09:00:00Z").unwrap();
    assert_eq!(again.replace("2026-12-01T09:00:00Z", AT), text);
}

fn sources_as_vec() -> Vec<Collected> {
    let (axl, ldap) = sources();
    vec![axl, ldap]
}

#[test]
fn a_file_that_is_not_toml_or_not_in_a_mergeable_form_is_refused_by_name() {
    let (axl, _) = sources();
    let error = document(Some(("[[servers]\n", "lab.toml")), std::slice::from_ref(&axl), AT).unwrap_err();
    assert!(matches!(error, DocumentError::NotToml { .. }), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("lab.toml: not a TOML document: TOML parse error at line 1"),
        "{error}"
    );
    let error = document(Some(("servers = \"none\"\n", "lab.toml")), &[axl], AT).unwrap_err();
    assert_eq!(
        error.to_string(),
        "lab.toml: `servers` is not written as [[servers]] tables; collect can only merge into that form"
    );
}

#[test]
fn a_hosts_file_sets_only_the_hosts_of_its_profile() {
    let client = load(
        "[[clients]]\nid = \"hq\"\nkind = \"ip-phone\"\nhosts = [{ name = \"cups-1\", address = \"10.0.0.11\" }]\n",
    )
    .clients;
    let mut hosts = Collected::from(SourceKind::Hosts, "hosts.txt");
    hosts.clients = client;
    let text = document(Some((HAND_WRITTEN, "lab.toml")), &[hosts], AT).unwrap();
    let d = Arc::new(load(&text));
    let hq = d.client("hq").unwrap();
    assert_eq!(hq.kind, uclint_core::model::ClientKind::Cupc, "{text}");
    assert_eq!(hq.hosts.len(), 1);
    assert_eq!(hq.dns_suffixes, ["acme.com"]);
}
