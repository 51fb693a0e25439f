//! The eleven cases of D8, each asserting the path, the first server tried and the message.

use super::*;
use crate::model::Format;
use crate::source::NoFiles;

/// ex.com: three CUCM nodes, one IM&P node, an Expressway pair, internal A records for all.
const SERVERS: &str = r#"
domain = "ex.com"

[sip_proxy]
proxy_domain = "ex.com"

[[servers]]
node_name = "cucm1.ex.com"
roles = ["cucm"]
certificate = { san_dns = ["cucm1.ex.com"] }

[[servers]]
node_name = "cucm2.ex.com"
roles = ["cucm"]

[[servers]]
node_name = "cucm3.ex.com"
roles = ["cucm"]

[[servers]]
node_name = "imp1.ex.com"
roles = ["cups"]

[[servers]]
node_name = "expe.ex.com"
roles = ["expressway-e"]
certificate = { san_dns = ["expe.ex.com", "collab-edge.ex.com"] }

[[servers]]
node_name = "expc.ex.com"
roles = ["expressway-c"]
unified_cm_domains = ["ex.com"]

[[users]]
cucm_id = "jdoe"
last_name = "Doe"
home_node = "imp1.ex.com"
"#;

const INTERNAL_A: &str = r#"
  { name = "cucm1.ex.com.", type = "A", value = "10.0.0.11" },
  { name = "cucm2.ex.com.", type = "A", value = "10.0.0.12" },
  { name = "cucm3.ex.com.", type = "A", value = "10.0.0.13" },
  { name = "imp1.ex.com.", type = "A", value = "10.0.0.21" },
"#;

/// A deployment: the servers, `internal` and `public` records (TOML array bodies) and a client.
fn deployment(internal: &str, public: Option<&str>, client: &str) -> Deployment {
    let mut text = SERVERS.to_owned();
    text.push_str(&format!("\n[dns]\nrecords = [{INTERNAL_A}{internal}]\n"));
    if let Some(public) = public {
        text.push_str(&format!("\n[dns.public]\nrecords = [{public}]\n"));
    }
    text.push_str(client);
    Deployment::load(&text, Format::Toml, "d.toml", &NoFiles).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn client(kind: &str, inside: bool, jabber: &str) -> String {
    format!(
        "\n[[clients]]\nid = \"c\"\nkind = \"{kind}\"\non_corporate_network = {inside}\n[clients.jabber]\n{jabber}\n"
    )
}

fn d8(deployment: &Deployment, address: &str) -> JabberDiscovery {
    jabber_discovery(deployment, &deployment.clients[0], address).unwrap()
}

const UDS_1_2: &str = r#"
  { name = "_cisco-uds._tcp.ex.com.", type = "SRV", value = "1 10 8443 cucm1.ex.com." },
  { name = "_cisco-uds._tcp.ex.com.", type = "SRV", value = "2 10 8443 cucm2.ex.com." },
"#;

const PUBLIC_EDGE: &str = r#"
  { name = "_collab-edge._tls.ex.com.", type = "SRV", value = "10 10 8443 expe.ex.com." },
  { name = "expe.ex.com.", type = "A", value = "192.0.2.10" },
"#;

#[test]
fn case_01_inside_cisco_uds_goes_on_premises_to_the_best_target() {
    let d = deployment(UDS_1_2, None, &client("jabber-windows", true, ""));
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::OnPremises);
    let first = r.first_connection().unwrap();
    assert_eq!((first.host.as_str(), first.port), ("cucm1.ex.com", 8443));
    assert_eq!(
        first.url.as_deref(),
        Some("https://cucm1.ex.com:8443/cucm-uds/clusterUser?username=jdoe")
    );
    assert!(r.signs_in, "{:#?}", r.steps);
    assert_eq!(r.message, "Signed in");
    assert_eq!(r.jabber_id.as_deref(), Some("jdoe@ex.com"));
    assert!(
        r.connections
            .iter()
            .any(|c| c.purpose == Purpose::Xmpp && c.host == "imp1.ex.com")
    );
    assert!(r.codes().is_empty(), "{:?}", r.issues);
}

#[test]
fn case_02_outside_only_collab_edge_goes_through_mra() {
    let d = deployment(UDS_1_2, Some(PUBLIC_EDGE), &client("jabber-mac", false, ""));
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::Mra);
    let first = r.first_connection().unwrap();
    assert_eq!(first.host, "expe.ex.com");
    assert_eq!(
        first.url.as_deref(),
        Some("https://expe.ex.com:8443/ZXguY29t/get_edge_config?service_name=_cisco-uds&service_name=_cuplogin")
    );
    assert!(r.signs_in, "{:#?}", r.steps);
    assert_eq!(r.message, "Signed in");
}

#[test]
fn case_03_public_cisco_uds_wins_outside_and_fails() {
    let public = format!("{PUBLIC_EDGE}{UDS_1_2}");
    let d = deployment(UDS_1_2, Some(&public), &client("jabber-mac", false, ""));
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::OnPremises);
    assert_eq!(r.first_connection().unwrap().host, "cucm1.ex.com");
    assert!(!r.signs_in);
    assert_eq!(r.message, CANNOT_COMMUNICATE);
    assert!(r.codes().contains(&Code::JAB001), "{:?}", r.issues);
}

#[test]
fn case_04_no_records_means_manual_entry() {
    let d = deployment("", None, &client("jabber-windows", true, ""));
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::Manual);
    assert!(r.first_connection().is_none());
    assert!(!r.signs_in);
    assert_eq!(r.message, CANNOT_FIND);
    assert_eq!(r.codes(), [Code::JAB002]);
}

#[test]
fn case_05_windows_gives_up_after_the_two_best_targets() {
    // cucm1 and cucm2 have no A record inside; cucm3 would answer.
    let uds = r#"
  { name = "_cisco-uds._tcp.ex.com.", type = "SRV", value = "1 10 8443 cucm9.ex.com." },
  { name = "_cisco-uds._tcp.ex.com.", type = "SRV", value = "2 10 8443 cucm8.ex.com." },
  { name = "_cisco-uds._tcp.ex.com.", type = "SRV", value = "3 10 8443 cucm3.ex.com." },
"#;
    let d = deployment(uds, None, &client("jabber-windows", true, ""));
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::OnPremises);
    assert_eq!(r.first_connection().unwrap().host, "cucm9.ex.com");
    assert_eq!(r.connections.len(), 2, "{:#?}", r.connections);
    assert!(!r.signs_in);
    assert_eq!(r.message, CANNOT_COMMUNICATE);
    assert!(r.codes().contains(&Code::JAB007), "{:?}", r.issues);
    // Jabber for Mac tries every target and reaches cucm3.
    let mac = deployment(uds, None, &client("jabber-mac", true, ""));
    let r = d8(&mac, "jdoe@ex.com");
    assert!(r.signs_in, "{:#?}", r.steps);
    assert!(!r.codes().contains(&Code::JAB007));
}

#[test]
fn case_06_voice_services_domain_moves_the_lookups() {
    let uds = r#"
  { name = "_cisco-uds._tcp.uc.example.net.", type = "SRV", value = "1 10 8443 cucm1.ex.com." },
"#;
    let d = deployment(
        uds,
        None,
        &client("jabber-windows", true, "voice_services_domain = \"uc.example.net\""),
    );
    let r = d8(&d, "a@corp.com");
    assert_eq!(r.services_domain.as_deref(), Some("corp.com"));
    assert_eq!(r.lookup_domain.as_deref(), Some("uc.example.net"));
    assert!(r.queries.iter().all(|q| q.name.ends_with(".uc.example.net.")));
    assert_eq!(r.path, DiscoveryPath::OnPremises);
    assert_eq!(r.first_connection().unwrap().host, "cucm1.ex.com");
    assert!(r.signs_in, "{:#?}", r.steps);
}

#[test]
fn case_07_expressway_certificate_without_the_domain_fails() {
    let mut d = deployment("", Some(PUBLIC_EDGE), &client("jabber-mac", false, ""));
    let edge = d.servers.iter_mut().find(|s| s.node_name == "expe.ex.com").unwrap();
    edge.certificate = Some(crate::model::CertificateNames {
        san_dns: vec!["expe.ex.com".to_owned(), "expe.ex.net".to_owned()],
        ..Default::default()
    });
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::Mra);
    assert_eq!(r.first_connection().unwrap().host, "expe.ex.com");
    assert!(!r.signs_in);
    assert_eq!(r.message, CANNOT_COMMUNICATE);
    assert_eq!(r.codes(), [Code::JAB004]);
    assert!(matches!(r.first_connection().unwrap().outcome, Outcome::Fails { .. }));
}

#[test]
fn case_08_collab_edge_to_another_name_loses_the_cookie() {
    let public = r#"
  { name = "_collab-edge._tls.ex.com.", type = "SRV", value = "10 10 8443 expe.other.com." },
  { name = "expe.other.com.", type = "A", value = "192.0.2.10" },
"#;
    let d = deployment("", Some(public), &client("jabber-mobile", false, ""));
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::Mra);
    assert_eq!(r.first_connection().unwrap().host, "expe.other.com");
    assert!(!r.signs_in);
    assert_eq!(r.message, CANNOT_COMMUNICATE);
    assert_eq!(r.codes(), [Code::JAB003]);
    assert!(matches!(r.first_connection().unwrap().outcome, Outcome::Fails { .. }));
    // A CNAME in the Expressway-E's own domain is accepted.
    let alias = r#"
  { name = "_collab-edge._tls.ex.com.", type = "SRV", value = "10 10 8443 mra.ex.com." },
  { name = "mra.ex.com.", type = "CNAME", value = "expe.ex.com." },
  { name = "expe.ex.com.", type = "A", value = "192.0.2.10" },
"#;
    let d = deployment("", Some(alias), &client("jabber-mobile", false, ""));
    assert!(d8(&d, "jdoe@ex.com").signs_in);
}

#[test]
fn case_09_self_signed_tomcat_jabber_prompts_webex_app_fails() {
    let self_signed = |kind: &str| {
        let mut d = deployment(UDS_1_2, None, &client(kind, true, ""));
        let cucm = d.servers.iter_mut().find(|s| s.node_name == "cucm1.ex.com").unwrap();
        cucm.certificate.as_mut().unwrap().self_signed = true;
        d8(&d, "jdoe@ex.com")
    };
    let jabber = self_signed("jabber-windows");
    assert_eq!(jabber.path, DiscoveryPath::OnPremises);
    assert_eq!(jabber.first_connection().unwrap().outcome, Outcome::Prompts);
    assert!(jabber.signs_in && jabber.prompted());
    assert_eq!(jabber.codes(), [Code::JAB006]);
    let webex = self_signed("webex-app");
    assert_eq!(webex.first_connection().unwrap().host, "cucm1.ex.com");
    assert!(!webex.signs_in);
    assert_eq!(webex.message, UNTRUSTED);
    assert_eq!(webex.codes(), [Code::JAB006]);
}

#[test]
fn case_10_excluded_cucm_with_only_cisco_uds_is_manual() {
    let d = deployment(
        UDS_1_2,
        None,
        &client("jabber-windows", true, "exclude_services = [\"CUCM\"]"),
    );
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::Manual);
    assert!(r.first_connection().is_none());
    assert_eq!(r.queries[0].result, SrvResult::Excluded);
    assert_eq!(r.message, CANNOT_FIND);
    assert!(!r.signs_in);
}

#[test]
fn case_11_windows_9_6_finds_the_cisco_internal_record() {
    let internal = r#"
  { name = "_cisco-uds._tcp.cisco-internal.ex.com.", type = "SRV", value = "1 10 8443 cucm1.ex.com." },
"#;
    let mut windows = client("jabber-windows", true, "");
    windows = windows.replace("on_corporate_network", "version = \"9.6.1\"\non_corporate_network");
    let d = deployment(internal, None, &windows);
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::OnPremises);
    assert!(
        r.queries
            .iter()
            .any(|q| q.name == "_cisco-uds._tcp.cisco-internal.ex.com.")
    );
    assert_eq!(r.first_connection().unwrap().host, "cucm1.ex.com");
    assert!(r.signs_in, "{:#?}", r.steps);
    // Version 10 no longer asks there.
    let d = deployment(internal, None, &client("jabber-windows", true, ""));
    assert_eq!(d8(&d, "jdoe@ex.com").path, DiscoveryPath::Manual);
}

#[test]
fn manual_settings_win_and_home_cluster_matters() {
    let d = deployment(
        UDS_1_2,
        None,
        &client("jabber-mac", true, "manual_server = \"cucm2.ex.com\""),
    );
    let r = d8(&d, "jdoe@ex.com");
    assert_eq!(r.path, DiscoveryPath::Manual);
    assert!(r.queries.is_empty());
    assert_eq!(r.first_connection().unwrap().host, "cucm2.ex.com");
    assert!(r.signs_in, "{:#?}", r.steps);

    let mut d = deployment(UDS_1_2, None, &client("jabber-mac", true, ""));
    d.users[0].home_cluster = Some(false);
    let r = d8(&d, "jdoe@ex.com");
    assert!(!r.signs_in);
    assert_eq!(r.message, CANNOT_FIND);
    assert!(r.steps.iter().any(|s| s.contains("NO_HOME_UDS_FOUND")));
}

#[test]
fn a_short_node_name_against_an_fqdn_certificate_is_untrusted() {
    let mut d = deployment(UDS_1_2, None, &client("webex-app", true, ""));
    d.clients[0].dns_suffixes = vec!["ex.com".to_owned()];
    let imp = d.servers.iter_mut().find(|s| s.node_name == "imp1.ex.com").unwrap();
    imp.node_name = "imp1".to_owned();
    imp.certificate = Some(crate::model::CertificateNames {
        san_dns: vec!["imp1.ex.com".to_owned()],
        ..Default::default()
    });
    d.users[0].home_node = Some("imp1".into());
    let r = d8(&d, "jdoe@ex.com");
    let xmpp = r.connections.iter().find(|c| c.purpose == Purpose::Xmpp).unwrap();
    assert_eq!(xmpp.host, "imp1");
    assert!(matches!(&xmpp.trust, Trust::Untrusted { reason } if reason.contains("short name")));
    assert!(!r.signs_in);
    assert_eq!(r.codes(), [Code::JAB006]);
}

#[test]
fn voice_services_domain_equal_to_the_sign_in_domain_is_advice() {
    let d = deployment(
        UDS_1_2,
        None,
        &client("jabber-mac", true, "voice_services_domain = \"ex.com\""),
    );
    let r = d8(&d, "jdoe@ex.com");
    assert!(r.signs_in);
    assert_eq!(r.codes(), [Code::JAB008]);
}

#[test]
fn bad_addresses_are_refused() {
    let d = deployment(UDS_1_2, None, &client("jabber-mac", true, ""));
    let client = &d.clients[0];
    assert!(matches!(
        jabber_discovery(&d, client, "jdoe"),
        Err(AddressError::NoAt(_))
    ));
    assert!(matches!(
        jabber_discovery(&d, client, "jdoe@ex com"),
        Err(AddressError::BadDomain { .. })
    ));
    let mut cupc = client.clone();
    cupc.kind = ClientKind::Cupc;
    let refused = jabber_discovery(&d, &cupc, "jdoe@ex.com").unwrap_err();
    assert!(refused.to_string().contains("`cupc`"), "{refused}");
}
