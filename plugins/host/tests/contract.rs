//! The contract as a real plugin sees it: what the deployment interface hands a plugin agrees
//! with the core's own view of the same deployment.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;

use uclint_core::catalogue::Code;
use uclint_core::derive::jabber::jabber_discovery;
use uclint_core::model::{Deployment, Format};
use uclint_core::report::Finding;
use uclint_core::rules::{Options, check};
use uclint_core::synth::{Spec, generate};
use uclint_plugin_host::{Limits, PluginHost};

/// Each finding's subject and the user count its message starts with.
fn counts(findings: &[Finding]) -> Vec<(String, String)> {
    let mut counts: Vec<(String, String)> = findings
        .iter()
        .map(|f| {
            let users = f.message.split_whitespace().next().unwrap_or_default();
            (f.subject.name.clone(), users.to_owned())
        })
        .collect();
    counts.sort();
    counts
}

#[test]
fn placements_count_the_users_of_each_node_as_the_core_does() {
    let s = generate(&Spec {
        users: 30_000,
        ..Spec::default()
    });
    let files = BTreeMap::from([("users.csv".to_owned(), s.users_csv)]);
    let deployment =
        std::sync::Arc::new(Deployment::load(&s.deployment, Format::Toml, "synthetic.toml", &files).unwrap());
    let only_prs001 = Options {
        select: vec![Code::PRS001],
        ignore: Vec::new(),
    };
    let builtin = counts(&check(&deployment, &[], &only_prs001).findings);
    assert!(
        !builtin.is_empty(),
        "the synthetic deployment has an unusable presence node"
    );

    // bench-prs001 counts users per node from `placements` alone, then asks the host's D1.
    let host = PluginHost::new(Limits::default(), None).unwrap();
    let plugin = host.load(&support::plugin("bench-prs001")).unwrap();
    let found = host.check(&plugin, &deployment, &BTreeMap::new(), None).findings;
    assert!(found.iter().all(|f| f.code.as_str() == "X-BENCH-PRS001"), "{found:#?}");
    assert_eq!(counts(&found), builtin);
}

/// Inside, `_cisco-uds` finds CUCM. Outside, public DNS sends `acme.com` and `acme.net` to the
/// Expressway-E, whose certificate carries `collab-edge.acme.net` but not `acme.com` (JAB004);
/// `acme.eu` has no record at all (JAB002).
const JABBER: &str = r#"
name = "ACME Jabber"
domain = "acme.com"

[[servers]]
node_name = "cucm-1.acme.com"
addresses = ["10.1.1.10"]
roles = ["cucm"]
certificate = { san_dns = ["cucm-1.acme.com"] }

[[servers]]
node_name = "imp-1.acme.com"
addresses = ["10.1.1.20"]
roles = ["cups"]
certificate = { san_dns = ["imp-1.acme.com"], xmpp_addr = ["imp-1.acme.com"] }

[[servers]]
node_name = "expc.acme.com"
addresses = ["10.1.5.10"]
roles = ["expressway-c"]
unified_cm_domains = ["acme.com", "acme.net"]

[[servers]]
node_name = "expe.acme.com"
addresses = ["192.0.2.10"]
roles = ["expressway-e"]
certificate = { san_dns = ["expe.acme.com", "collab-edge.acme.net"] }

[sip_proxy]
proxy_domain = "acme.com"

[dns]
records = [
  { name = "cucm-1.acme.com.", type = "A", value = "10.1.1.10" },
  { name = "imp-1.acme.com.", type = "A", value = "10.1.1.20" },
  { name = "_cisco-uds._tcp.acme.com.", type = "SRV", value = "1 10 8443 cucm-1.acme.com." },
]

[dns.public]
records = [
  { name = "_collab-edge._tls.acme.com.", type = "SRV", value = "10 10 8443 expe.acme.com." },
  { name = "_collab-edge._tls.acme.net.", type = "SRV", value = "10 10 8443 expe.acme.com." },
  { name = "expe.acme.com.", type = "A", value = "192.0.2.10" },
]

[[clients]]
id = "office"
kind = "jabber-windows"
dns_suffixes = ["acme.com"]

[[clients]]
id = "road"
kind = "jabber-mac"
on_corporate_network = false

[[clients]]
id = "partner"
kind = "webex-app"
on_corporate_network = false
[clients.jabber]
sign_in = "acme.net"

[[clients]]
id = "eu"
kind = "jabber-mobile"
on_corporate_network = false
[clients.jabber]
sign_in = "acme.eu"

[[clients]]
id = "home"
kind = "cupc"
on_corporate_network = false

[[users]]
cucm_id = "jdoe"
home_node = "imp-1.acme.com"
clients = ["office", "road"]
"#;

#[test]
fn jabber_discovery_reaches_a_plugin_as_the_core_answers_it() {
    let files: BTreeMap<String, String> = BTreeMap::new();
    let deployment = std::sync::Arc::new(Deployment::load(JABBER, Format::Toml, "jabber.toml", &files).unwrap());
    let host = PluginHost::new(Limits::default(), None).unwrap();
    let plugin = host.load(&support::plugin("jabber-off-site")).unwrap();
    assert_eq!(plugin.contract(), "uclint:rule@0.2.0");
    let found = host.check(&plugin, &deployment, &BTreeMap::new(), None).findings;

    // `partner` signs in and `office` is inside; `home` is CUPC, which D8 refuses.
    let about: Vec<&str> = found.iter().map(|f| f.subject.name.as_str()).collect();
    assert_eq!(about, ["road", "eu"], "{found:#?}");
    assert!(found.iter().all(|f| f.code.as_str() == "X-REMOTE-JABBER1"));

    // Each finding carries the core's own answer for that profile.
    let road = jabber_discovery(&deployment, deployment.client("road").unwrap(), "USER@acme.com").unwrap();
    assert_eq!((road.path.as_str(), road.codes()), ("mra", vec![Code::JAB004]));
    let edge = road.connections[0].url.as_deref().unwrap();
    assert_eq!(
        found[0].message,
        format!(
            "off-site profile `road` (jabber-mac) cannot sign in as `USER@acme.com` (mra path): the user sees \
             \"{}\" at {edge} [JAB004]",
            road.message
        )
    );
    assert_eq!(found[0].fixes.len(), 1);
    assert!(found[0].fixes[0].action.starts_with("JAB004: "), "{:?}", found[0].fixes);
    assert_eq!(
        found[1].message,
        "off-site profile `eu` (jabber-mobile) cannot sign in as `USER@acme.eu` (manual path): the user sees \
         \"Cannot find your services automatically\" [JAB002]"
    );
}
