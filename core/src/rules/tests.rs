//! Every rule: a minimal deployment that triggers it, and a near-identical one that does not.

use std::collections::BTreeMap;

use super::{Options, check};
use crate::catalogue::{Code, FoundBy};
use crate::model::{Deployment, Format};

/// A clean deployment: one CUCM, one CUPS, DNS for both, one CUPC 7 profile, one user.
const BASE: &str = r#"
domain = "acme.com"

[[servers]]
node_name = "ccm-1.acme.com"
addresses = ["10.1.1.10"]
roles = ["cucm"]
version = "6.1.2"

[[servers]]
node_name = "cups-1.acme.com"
addresses = ["10.1.1.20"]
roles = ["cups"]
version = "7.0.2"

[[servers]]
node_name = "ad-1.acme.com"
addresses = ["10.1.2.10"]
roles = ["ldap"]

[[servers]]
node_name = "exch-1.acme.com"
addresses = ["10.1.3.10"]
roles = ["exchange"]
version = "2007"
imap = { startup = "automatic", running = true, plain_text_login = false }

[sip_proxy]
proxy_domain = "acme.com"
incoming_acl = ["10.1.20.0/24"]

[dns]
records = [
  { name = "ccm-1.acme.com.", type = "A", value = "10.1.1.10" },
  { name = "cups-1.acme.com.", type = "A", value = "10.1.1.20" },
  { name = "ad-1.acme.com.", type = "A", value = "10.1.2.10" },
  { name = "exch-1.acme.com.", type = "A", value = "10.1.3.10" },
]

[[clients]]
id = "hq"
kind = "cupc"
version = "7.0.2"
dns_suffixes = ["acme.com"]
addresses = ["10.1.20.0/24"]

[[users]]
cucm_id = "jdoe"
ldap_id = "jdoe"
last_name = "Doe"
telephone_number = "4001"
digest_credential = true
home_node = "cups-1.acme.com"
desk_phone_control = true
clients = ["hq"]
"#;

const LDAP: &str = r#"
[ldap]
server = "ad-1.acme.com"
synchronization = true
authentication = true
sync_port = 3268
auth_port = 3268
directory_size = 500

[ldap.cupc_profile]
enabled = true
service_account = "svc-search"
password = true
"#;

const VOICEMAIL: &str = r#"
[voicemail]
system = "unity"

[[voicemail.profiles]]
server = "exch-1.acme.com"
port = 993
"#;

const CALENDAR: &str = r#"
[calendar]
exchange = "exch-1.acme.com"
protocol = "https"
"#;

const REACHABLE: &str = r#"
[[reachability]]
from = "cups-1.acme.com"
to = "ad-1.acme.com"
reachable = true
"#;

/// A Jabber for Windows profile inside, signing in as `@acme.com`.
const JABBER: &str = "\n[[clients]]\nid = \"jabber\"\nkind = \"jabber-windows\"\ndns_suffixes = [\"acme.com\"]\n";

/// The same profile outside the corporate network.
const JABBER_OUT: &str = "\n[[clients]]\nid = \"jabber\"\nkind = \"jabber-mac\"\non_corporate_network = false\n";

/// An Expressway-E with its own name and the domain in its certificate.
const EXPRESSWAY_E: &str = "\n[[servers]]\nnode_name = \"expe.acme.com\"\nroles = [\"expressway-e\"]\ncertificate = { san_dns = [\"expe.acme.com\", \"collab-edge.acme.com\"] }\n";

/// The last internal record, to add records after.
const LAST_RECORD: &str = "{ name = \"exch-1.acme.com.\", type = \"A\", value = \"10.1.3.10\" },";

/// Internal `_cisco-uds` records (priority, target) after the last record.
fn uds(targets: &[(u16, &str)]) -> (&'static str, String) {
    let mut records = LAST_RECORD.to_owned();
    for (priority, target) in targets {
        records.push_str(&format!(
            "\n  {{ name = \"_cisco-uds._tcp.acme.com.\", type = \"SRV\", value = \"{priority} 10 8443 {target}.\" }},"
        ));
    }
    (LAST_RECORD, records)
}

/// Public DNS with `_collab-edge` pointing at `target` (which resolves), and maybe `_cisco-uds`.
fn public(target: &str, cisco_uds: bool) -> String {
    let mut text = format!(
        "\n[dns.public]\nrecords = [\n  {{ name = \"_collab-edge._tls.acme.com.\", type = \"SRV\", value = \"10 10 8443 {target}.\" }},\n  {{ name = \"{target}.\", type = \"A\", value = \"192.0.2.10\" }},\n"
    );
    if cisco_uds {
        text.push_str(
            "  { name = \"_cisco-uds._tcp.acme.com.\", type = \"SRV\", value = \"1 10 8443 ccm-1.acme.com.\" },\n",
        );
    }
    text.push_str("]\n");
    text
}

/// The base with `replacements` applied (each must apply) and `extra` appended.
fn doc(replacements: &[(&str, &str)], extra: &[&str]) -> String {
    let mut text = BASE.to_owned();
    for (from, to) in replacements {
        assert!(text.contains(from), "`{from}` is not in the base deployment");
        text = text.replacen(from, to, 1);
    }
    for block in extra {
        text.push_str(block);
    }
    text
}

/// `text` without its `[dns]` section: a deployment that uses no DNS.
fn no_dns(text: &str) -> String {
    let start = text.find("\n[dns]\n").expect("a [dns] section");
    let end = start + text[start..].find("]\n\n").expect("the end of the records") + 2;
    format!("{}{}", &text[..start], &text[end..])
}

fn codes(text: &str) -> Vec<String> {
    let (deployment, references) =
        Deployment::load_with_references(text, Format::Toml, "d.toml", &BTreeMap::<String, String>::new())
            .unwrap_or_else(|e| panic!("{e}\n{text}"));
    check(&deployment, &references, &Options::default())
        .findings
        .into_iter()
        .map(|f| f.code.to_string())
        .collect()
}

/// (code, the deployment that triggers it, the near-identical one that does not).
fn cases() -> Vec<(Code, String, String)> {
    let ldap_only = [LDAP, REACHABLE];
    let mut with_fba = CALENDAR.to_owned();
    with_fba.push_str("forms_based_authentication = true\n");
    [vec![
        (Code::PRS001, doc(&[("{ name = \"cups-1.acme.com.\"", "{ name = \"other.acme.com.\"")], &[]), doc(&[], &[])),
        (Code::PRS002, doc(&[("proxy_domain = \"acme.com\"", "proxy_domain = \"10.11.12.13\"")], &[]), doc(&[], &[])),
        (Code::PRS003, doc(&[("proxy_domain = \"acme.com\"\n", "")], &[]), doc(&[], &[])),
        (Code::PRS004, doc(&[("proxy_domain = \"acme.com\"", "proxy_domain = \"ACME.COM\"")], &[]), doc(&[], &[])),
        (
            Code::PRS005,
            doc(&[("node_name = \"cups-1.acme.com\"", "node_name = \"cups-1.myacme.com\""), ("name = \"cups-1.acme.com.\"", "name = \"cups-1.myacme.com.\""), ("home_node = \"cups-1.acme.com\"", "home_node = \"cups-1.myacme.com\"")], &[]),
            doc(&[], &[]),
        ),
        (
            Code::PRS006,
            no_dns(&doc(&[], &[])),
            no_dns(&doc(&[("addresses = [\"10.1.20.0/24\"]\n\n[[users]]", "addresses = [\"10.1.20.0/24\"]\nhosts = [{ name = \"cups-1.acme.com\", address = \"10.1.1.20\" }]\n\n[[users]]")], &[])),
        ),
        (
            Code::AUTH001,
            doc(&[("digest_credential = true", "digest_credential = false"), ("addresses = [\"10.1.20.0/24\"]\n\n[[users]]", "addresses = [\"10.8.0.0/16\"]\n\n[[users]]")], &[]),
            doc(&[("digest_credential = true", "digest_credential = false")], &[]),
        ),
        (Code::AUTH002, doc(&[("incoming_acl = [\"10.1.20.0/24\"]", "incoming_acl = [\"10.1.20.0/24\", \"all\"]")], &[]), doc(&[], &[])),
        (Code::AUTH003, doc(&[("incoming_acl", "authentication_module = false\nincoming_acl")], &[]), doc(&[], &[])),
        (Code::AUTH004, doc(&[], &[&LDAP.replace("auth_port = 3268", "auth_port = 389"), REACHABLE]), doc(&[], &ldap_only)),
        (Code::AUTH005, doc(&[], &[LDAP, &REACHABLE.replace("reachable = true", "reachable = false")]), doc(&[], &ldap_only)),
        (
            Code::AUTH006,
            doc(&[], &[&LDAP.replace("directory_size = 500", "directory_size = 500\ntls = true\ncertificates = [{ server = \"ccm-1.acme.com\" }]"), REACHABLE]),
            doc(&[], &[&LDAP.replace("directory_size = 500", "directory_size = 500\ntls = true\ncertificates = [{ server = \"ccm-1.acme.com\" }, { server = \"cups-1.acme.com\" }]"), REACHABLE]),
        ),
        (Code::VM001, doc(&[], &[&VOICEMAIL.replace("port = 993", "port = 143")]), doc(&[], &[VOICEMAIL])),
        (Code::VM002, doc(&[("startup = \"automatic\", running = true", "startup = \"manual\", running = false")], &[VOICEMAIL]), doc(&[], &[VOICEMAIL])),
        (
            Code::VM003,
            doc(&[], &[&VOICEMAIL.replace("server = \"exch-1.acme.com\"", "server = \"unity-1\""), "\n[[servers]]\nnode_name = \"unity-1\"\nroles = [\"unity\"]\n"]),
            doc(&[], &[VOICEMAIL, "\n[[servers]]\nnode_name = \"unity-1\"\nroles = [\"unity\"]\n"]),
        ),
        (
            Code::VM004,
            doc(&[], &[VOICEMAIL, "\n[[servers]]\nnode_name = \"exch-2\"\nroles = [\"exchange\"]\nversion = \"2007\"\nimap = { startup = \"automatic\", running = true }\n"]),
            doc(&[], &[VOICEMAIL, "\n[[voicemail.profiles]]\nserver = \"exch-2\"\nport = 993\n\n[[servers]]\nnode_name = \"exch-2\"\nroles = [\"exchange\"]\nversion = \"2007\"\nimap = { startup = \"automatic\", running = true }\n"]),
        ),
        (Code::VM005, doc(&[], &[&VOICEMAIL.replace("system = \"unity\"", "system = \"unity-connection\"")]), doc(&[], &[VOICEMAIL])),
        (
            Code::VM006,
            doc(&[], &[&VOICEMAIL.replace("system = \"unity\"", "system = \"unity\"\ncaptured_capability = { server = \"exch-1.acme.com\", port = 143, line = \"* CAPABILITY IMAP4rev1 LOGINDISABLED\" }")]),
            doc(&[], &[&VOICEMAIL.replace("system = \"unity\"", "system = \"unity\"\ncaptured_capability = { server = \"exch-1.acme.com\", port = 143, line = \"* CAPABILITY IMAP4rev1 AUTH=PLAIN\" }")]),
        ),
        (
            Code::NAME001,
            doc(&[], &["\n[[clients]]\nid = \"phones\"\nkind = \"ip-phone\"\ndns_suffixes = [\"acme.com\"]\n"]).replace("node_name = \"ccm-1.acme.com\"", "node_name = \"ccm-1\"").replace("dns_suffixes = [\"acme.com\"]\n", "dns_suffixes = [\"emea.acme.com\"]\n"),
            doc(&[], &["\n[[clients]]\nid = \"phones\"\nkind = \"ip-phone\"\ndns_suffixes = [\"acme.com\"]\n"]).replace("node_name = \"ccm-1.acme.com\"", "node_name = \"ccm-1\""),
        ),
        (Code::NAME002, doc(&[("node_name = \"ccm-1.acme.com\"", "node_name = \"ccm-1\"")], &[]), doc(&[], &[])),
        (Code::NAME003, doc(&[("dns_suffixes = [\"acme.com\"]", "dns_suffixes = [\"isp.com\"]")], &[]), doc(&[], &[])),
        (Code::NAME004, doc(&[("value = \"10.1.1.20\"", "value = \"10.1.1.99\"")], &[]), doc(&[], &[])),
        (Code::SIP001, doc(&[("roles = [\"cups\"]", "roles = [\"cups\"]\ndomain = \"corp.example\"")], &[]), doc(&[], &[])),
        (
            Code::SIP002,
            doc(&[("incoming_acl", "destinations = [\"partner.com\"]\nincoming_acl")], &[]),
            doc(&[("incoming_acl", "destinations = [\"partner.com\"]\nincoming_acl")], &["\n[[sip_proxy.static_routes]]\npattern = \".com.partner.*\"\nnext_hop = \"192.0.2.10\"\n"]),
        ),
        (
            Code::SIP003,
            doc(&[], &["\n[[sip_proxy.static_routes]]\npattern = \".com.partner.*\"\nnext_hop = \"sip.partner.com\"\n"]),
            doc(&[], &["\n[[sip_proxy.static_routes]]\npattern = \".com.partner.*\"\nnext_hop = \"192.0.2.10\"\n"]),
        ),
        (
            Code::SIP004,
            doc(&[], &["\n[[sip_proxy.static_routes]]\npattern = \".com.partner.*\"\nnext_hop = \"192.0.2.10\"\n\n[[sip_proxy.static_routes]]\npattern = \".com.partner.*\"\nnext_hop = \"192.0.2.11\"\nin_service = false\n"]),
            doc(&[], &["\n[[sip_proxy.static_routes]]\npattern = \".com.partner.*\"\nnext_hop = \"192.0.2.10\"\n\n[[sip_proxy.static_routes]]\npattern = \".com.partner.*\"\nnext_hop = \"192.0.2.11\"\npriority = 2\nin_service = false\n"]),
        ),
        (
            Code::SIP005,
            doc(&[], &["\n[[sip_proxy.static_routes]]\npattern = \".com.acme.*\"\nnext_hop = \"192.0.2.10\"\n"]),
            doc(&[], &["\n[[sip_proxy.static_routes]]\npattern = \".com.partner.*\"\nnext_hop = \"192.0.2.10\"\n"]),
        ),
        (Code::SIP006, no_dns(&doc(&[], &[])), doc(&[], &[])),
        (Code::LDAP001, doc(&[], &[&LDAP.replace("synchronization = true", "synchronization = false"), REACHABLE]), doc(&[], &ldap_only)),
        (Code::LDAP002, doc(&[("last_name = \"Doe\"\n", "")], &ldap_only), doc(&[], &ldap_only)),
        (Code::LDAP003, doc(&[("ldap_id = \"jdoe\"\n", "")], &ldap_only), doc(&[], &ldap_only)),
        (Code::LDAP004, doc(&[], &[&LDAP.replace("sync_port = 3268", "sync_port = 389").replace("directory_size = 500", "directory_size = 50000"), REACHABLE]), doc(&[], &[&LDAP.replace("directory_size = 500", "directory_size = 50000"), REACHABLE])),
        (
            Code::LDAP005,
            doc(&[], &[&LDAP.replace("directory_size = 500", "directory_size = 500\ntls = true\ncertificates = [{ server = \"ccm-1.acme.com\", tomcat_restarted_after_upload = false }, { server = \"cups-1.acme.com\" }]"), REACHABLE]),
            doc(&[], &[&LDAP.replace("directory_size = 500", "directory_size = 500\ntls = true\ncertificates = [{ server = \"ccm-1.acme.com\", tomcat_restarted_after_upload = true }, { server = \"cups-1.acme.com\" }]"), REACHABLE]),
        ),
        (Code::LDAP006, doc(&[("ldap_id = \"jdoe\"", "ldap_id = \"john.doe\"")], &ldap_only), doc(&[], &ldap_only)),
        (Code::LDAP007, doc(&[], &[&LDAP.replace("password = true", "password = true\npassword_changed_with_clients_logged_in = true"), REACHABLE]), doc(&[], &ldap_only)),
        (
            Code::LDAP008,
            doc(&[], &[&LDAP.replace("synchronization = true", "synchronization = false").replace("authentication = true", "authentication = false")]),
            doc(&[], &[&LDAP.replace("authentication = true", "authentication = false")]),
        ),
        (Code::CAL001, doc(&[], &[&CALENDAR.replace("\"https\"", "\"http\"")]), doc(&[], &[CALENDAR])),
        (Code::CAL002, doc(&[], &[&format!("{CALENDAR}mixed_mode_2003_2007 = true\n")]), doc(&[], &[CALENDAR])),
        (Code::CAL003, doc(&[], &[&format!("{CALENDAR}firewall = \"isa\"\n")]), doc(&[], &[CALENDAR])),
        (Code::CAL004, doc(&[], &[&format!("{CALENDAR}load_balancer = true\n")]), doc(&[], &[CALENDAR])),
        (Code::CAL005, doc(&[], &[&with_fba]), doc(&[], &[CALENDAR])),
        (Code::CAL006, doc(&[("version = \"2007\"", "version = \"2010\"")], &[CALENDAR]), doc(&[], &[CALENDAR])),
        (Code::CAL007, doc(&[], &[CALENDAR]), doc(&[], &[])),
        (Code::TOPO001, doc(&[("roles = [\"cucm\"]", "roles = [\"cucm\", \"cups\"]")], &[]), doc(&[], &[])),
        (Code::TOPO002, doc(&[("home_node = \"cups-1.acme.com\"", "home_node = \"ccm-1.acme.com\"")], &[]), doc(&[], &[])),
        (Code::TOPO003, doc(&[("home_node = \"cups-1.acme.com\"", "home_node = \"cups-9.acme.com\"")], &[]), doc(&[], &[])),
        (
            Code::TLS001,
            doc(&[], &[&format!("{CALENDAR}cipher_suite = \"ECDHE-RSA-AES256-GCM-SHA384\"\n")]),
            doc(&[], &[&format!("{CALENDAR}cipher_suite = \"TLS_RSA_WITH_AES_128_CBC_SHA\"\n")]),
        ),
    ], jabber_cases()]
    .into_iter()
    .flatten()
    .collect()
}

fn jabber_cases() -> Vec<(Code, String, String)> {
    let uds1 = uds(&[(1, "ccm-1.acme.com")]);
    let uds1 = (uds1.0, uds1.1.as_str());
    let edge = public("expe.acme.com", false);
    let self_signed = |yes: bool| {
        (
            "roles = [\"cucm\"]",
            if yes {
                "roles = [\"cucm\"]\ncertificate = { san_dns = [\"ccm-1.acme.com\"], self_signed = true }"
            } else {
                "roles = [\"cucm\"]\ncertificate = { san_dns = [\"ccm-1.acme.com\"] }"
            },
        )
    };
    let lame = uds(&[(1, "ccm-8.acme.com"), (2, "ccm-9.acme.com"), (3, "ccm-1.acme.com")]);
    let lame = (lame.0, lame.1.as_str());
    let sans = |san: &str| EXPRESSWAY_E.replace("\"expe.acme.com\", \"collab-edge.acme.com\"", san);
    vec![
        (
            Code::JAB001,
            doc(&[uds1], &[JABBER, &public("expe.acme.com", true)]),
            doc(&[uds1], &[JABBER, &edge]),
        ),
        (Code::JAB002, doc(&[], &[JABBER]), doc(&[uds1], &[JABBER])),
        (
            Code::JAB003,
            doc(&[], &[JABBER_OUT, EXPRESSWAY_E, &public("expe.other.com", false)]),
            doc(&[], &[JABBER_OUT, EXPRESSWAY_E, &edge]),
        ),
        (
            Code::JAB004,
            doc(&[], &[JABBER_OUT, &sans("\"expe.acme.com\""), &edge]),
            doc(&[], &[JABBER_OUT, &sans("\"expe.acme.com\", \"acme.com\""), &edge]),
        ),
        (
            Code::JAB005,
            doc(
                &[
                    (
                        "{ name = \"ccm-1.acme.com.\", type = \"A\", value = \"10.1.1.10\" },\n",
                        "",
                    ),
                    uds1,
                ],
                &[JABBER],
            ),
            doc(&[uds1], &[JABBER]),
        ),
        (
            Code::JAB006,
            doc(&[uds1, self_signed(true)], &[JABBER]),
            doc(&[uds1, self_signed(false)], &[JABBER]),
        ),
        (
            Code::JAB007,
            doc(&[lame], &[JABBER]),
            doc(&[lame], &[&JABBER.replace("jabber-windows", "jabber-mac")]),
        ),
        (
            Code::JAB008,
            doc(
                &[uds1],
                &[JABBER, "[clients.jabber]\nvoice_services_domain = \"acme.com\"\n"],
            ),
            doc(&[uds1], &[JABBER]),
        ),
    ]
}

#[test]
fn the_base_deployment_is_clean() {
    assert_eq!(codes(BASE), Vec::<String>::new());
}

#[test]
fn every_rule_fires_on_its_case_and_not_on_its_twin() {
    let cases = cases();
    // PLUGIN codes are about plugins, and observed codes about what real servers answer: the
    // plugin host's tests and the probes' tests against real servers trigger those.
    for code in Code::ALL.iter().filter(|c| c.found_by() == FoundBy::Check) {
        assert!(cases.iter().any(|(c, _, _)| c == code), "no test case for {code}");
    }
    for (code, trigger, clean) in cases {
        let found = codes(&trigger);
        assert!(
            found.iter().any(|c| c == code.as_str()),
            "{code} did not fire:\n{found:?}\n{trigger}"
        );
        let found = codes(&clean);
        assert!(
            !found.iter().any(|c| c == code.as_str()),
            "{code} fired on the clean twin:\n{found:?}\n{clean}"
        );
    }
}

#[test]
fn select_and_ignore_choose_rules() {
    let text = doc(
        &[("proxy_domain = \"acme.com\"", "proxy_domain = \"10.11.12.13\"")],
        &[],
    );
    let (d, refs) =
        Deployment::load_with_references(&text, Format::Toml, "d.toml", &BTreeMap::<String, String>::new()).unwrap();
    let all = check(&d, &refs, &Options::default());
    assert!(all.findings.iter().any(|f| f.code == Code::PRS001) && all.findings.iter().any(|f| f.code == Code::PRS002));
    let only = check(
        &d,
        &refs,
        &Options {
            select: vec![Code::PRS002],
            ignore: vec![],
        },
    );
    assert!(only.findings.iter().all(|f| f.code == Code::PRS002) && !only.findings.is_empty());
    let without = check(
        &d,
        &refs,
        &Options {
            select: vec![],
            ignore: vec![Code::PRS002],
        },
    );
    assert!(without.findings.iter().all(|f| f.code != Code::PRS002));
}

#[test]
fn findings_point_at_the_item_and_csv_rows() {
    let text = doc(
        &[
            ("digest_credential = true", "digest_credential = false"),
            (
                "addresses = [\"10.1.20.0/24\"]\n\n[[users]]",
                "addresses = [\"10.8.0.0/16\"]\n\n[[users]]",
            ),
        ],
        &[],
    );
    let (d, refs) =
        Deployment::load_with_references(&text, Format::Toml, "d.toml", &BTreeMap::<String, String>::new()).unwrap();
    let report = check(&d, &refs, &Options::default());
    let auth = report.findings.iter().find(|f| f.code == Code::AUTH001).unwrap();
    let line = text.lines().position(|l| l == "[[users]]").unwrap() + 1;
    assert_eq!(
        auth.location.as_ref().map(|l| l.line),
        Some(u32::try_from(line).unwrap())
    );
    assert_eq!(auth.fixes.len(), 3, "fixes ranked by what they cost in security");
}

#[test]
fn rules_without_data_stay_silent_and_say_so() {
    let report = check(
        &Deployment::load(BASE, Format::Toml, "d.toml", &crate::source::NoFiles).unwrap(),
        &[],
        &Options::default(),
    );
    assert!(
        report
            .skipped
            .iter()
            .any(|s| s.code == Code::LDAP004 && s.reason.contains("ldap"))
    );
}
