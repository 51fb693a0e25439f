//! The exported API as JavaScript sees it, run under Node by wasm-bindgen-test: values come back
//! as plain JS objects, and failures are thrown `Error`s with the CLI's message and a `code`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};
use tsify::Ts;
use uclint_core::catalogue::Code;
use uclint_core::collect::Collected;
use uclint_core::collect::import as core_import;
use uclint_core::derive::jabber::jabber_discovery;
use uclint_core::model::{Client, ClientKind, Deployment, Format, User};
use uclint_core::report::json as core_json;
use uclint_core::rules::{Options, check as core_check};
use uclint_core::source::NoFiles;
use uclint_wasm::{check, deployment, health, import, jabber, presence, recipes, resolve, route, rules};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const ACME: &str = include_str!("../../examples/acme.toml");
const ACME_USERS: &str = include_str!("../../examples/acme-users.csv");
const ACME_ZONE: &str = include_str!("../../examples/acme.zone");

/// A JS value made from JSON, typed as the function expects.
fn js<T: tsify::Tsify>(value: &Value) -> Ts<T> {
    Ts::new_unchecked(js_sys::JSON::parse(&value.to_string()).unwrap())
}

/// The bundled example as a deployment source, with the files it refers to.
fn acme() -> Value {
    json!({
        "text": ACME,
        "format": "toml",
        "name": "examples/acme.toml",
        "files": { "acme-users.csv": ACME_USERS, "acme.zone": ACME_ZONE },
    })
}

/// A returned value as JSON, through JSON.stringify: what a JS caller sees.
fn seen<T: tsify::Tsify>(value: Result<Ts<T>, JsValue>) -> Value {
    let value = value.map_err(|e| message(&e)).unwrap();
    let text: String = js_sys::JSON::stringify(&value.js_value()).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

fn message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| e.message().into())
        .unwrap_or_default()
}

/// A thrown value's `Error` message and `code` property (asserting it is an `Error`).
fn thrown<T: std::fmt::Debug>(result: Result<T, JsValue>) -> (String, String) {
    let error = result.unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>(), "not an Error: {error:?}");
    let code = js_sys::Reflect::get(&error, &"code".into())
        .unwrap()
        .as_string()
        .unwrap();
    (code, message(&error))
}

fn problems(result: Result<impl std::fmt::Debug, JsValue>) -> Value {
    let error = result.unwrap_err();
    let problems = js_sys::Reflect::get(&error, &"problems".into()).unwrap();
    let text: String = js_sys::JSON::stringify(&problems).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

#[wasm_bindgen_test]
fn presence_address_golden_table() {
    // The presence address: (Proxy.Domain, Presence.Primary.Address, presence address, verdict).
    let golden = [
        ("cisco.com", "cup1", "cup1.cisco.com", "usable"),
        ("cisco.com", "cup1.cisco.com", "cup1.cisco.com", "usable"),
        ("cisco.com", "10.11.12.13", "10.11.12.13", "usable"),
        ("10.11.12.13", "10.11.12.13", "10.11.12.13", "usable"),
        ("10.11.12.13", "cup1", "cup1.10.11.12.13", "unusable"),
        (
            "10.11.12.13",
            "cup1.cisco.com",
            "cup1.cisco.com.10.11.12.13",
            "unusable",
        ),
        (
            "PROXY_DOMAIN_NOT_SET",
            "cup1.cisco.com",
            "cup1.cisco.com.PROXY_DOMAIN_NOT_SET",
            "unusable",
        ),
        ("CISCO.COM", "cup1.cisco.com", "cup1.cisco.com.CISCO.COM", "unusable"),
    ];
    for (domain, node, address, verdict) in golden {
        let p = seen(presence::presence_address(node, Some(domain.to_owned()), None, None));
        assert_eq!(
            (p["address"].as_str(), p["verdict"].as_str()),
            (Some(address), Some(verdict)),
            "{node} {domain}"
        );
        assert_eq!(p["uri"], Value::Null);
        assert!(!p["steps"].as_array().unwrap().is_empty());
    }
    let p = seen(presence::presence_address(
        "cup1.cisco.com",
        Some("CISCO.COM".into()),
        None,
        None,
    ));
    assert_eq!(p["codes"], json!(["PRS001", "PRS004"]));
    let p = seen(presence::presence_address("cup1", None, Some("jdoe".into()), None));
    assert_eq!(p["uri"], json!("jdoe@cup1.PROXY_DOMAIN_NOT_SET"));
    assert_eq!(p["method"], json!("appended"));
}

#[wasm_bindgen_test]
fn presence_address_asks_the_deployment_dns() {
    let p = seen(presence::presence_address(
        "cups-1",
        Some("acme.com".into()),
        None,
        Some(js(&acme())),
    ));
    assert_eq!(p["verdict"], json!("usable"));
    let p = seen(presence::presence_address(
        "cups-9",
        Some("acme.com".into()),
        None,
        Some(js(&acme())),
    ));
    assert_eq!(
        (p["verdict"].as_str(), &p["codes"]),
        (Some("unresolved"), &json!(["PRS001"]))
    );
}

#[wasm_bindgen_test]
fn resolve_as_a_client() {
    let outline = seen(deployment::outline(js(&acme())));
    let clients: Vec<&str> = outline["clients"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(clients.len() >= 2, "{outline}");
    assert!(outline["users"].as_array().unwrap().len() >= 22, "{outline}");
    let small = json!({
        "text": r#"{"clients": [{"id": "pc", "kind": "cupc", "dns_suffixes": ["isp.com", "acme.com"], "hosts_file": "hosts"}],
                    "dns": {"zone_files": [{"path": "records.zone", "origin": "."}]}}"#,
        "format": "json",
        "files": { "hosts": "10.9.9.9 tftp\n", "records.zone": "cups-1.acme.com. 3600 IN A 10.1.1.20\n" },
    });
    let r = seen(resolve::resolve(js(&small), "cups-1", "pc"));
    assert_eq!(r["address"], json!("10.1.1.20"));
    let queries: Vec<&str> = r["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["query"].as_str())
        .collect();
    assert_eq!(queries, ["cups-1", "cups-1.isp.com.", "cups-1.acme.com."]);
    assert_eq!(r["attempts"][0]["source"], json!("hosts-file"));
    assert_eq!(r["attempts"][0]["result"], json!({"status": "not-in-hosts-file"}));
    assert_eq!(r["attempts"][1]["result"]["status"], json!("nx-domain"));
    let r = seen(resolve::resolve(js(&small), "tftp", "pc"));
    assert_eq!(r["address"], json!("10.9.9.9"));
    let r = seen(resolve::resolve(js(&small), "nowhere", "pc"));
    assert_eq!(r["address"], Value::Null);

    let (code, message) = thrown(resolve::resolve(js(&small), "cups-1", "mac"));
    assert_eq!(code, "usage");
    assert_eq!(
        message,
        "no client profile `mac` in the deployment; expected one of: pc"
    );
}

#[wasm_bindgen_test]
fn route_a_request() {
    let routing = seen(route::route(js(&acme()), "sip:bob@acme.com", None));
    assert_eq!(routing["decision"], json!("local"));
    let small = json!({
        "text": r#"{"sip_proxy": {"proxy_domain": "acme.com", "static_routes": [
                      {"pattern": ".com.partner.*", "next_hop": "10.5.5.5", "transport": "tcp", "weight": 30},
                      {"pattern": ".com.partner.*", "next_hop": "10.5.5.6", "weight": 10}]}}"#,
        "format": "json",
    });
    let routing = seen(route::route(js(&small), "sip:alice@partner.com", Some(1.0)));
    assert_eq!(routing["decision"], json!("static"));
    assert_eq!(routing["targets"].as_array().unwrap().len(), 2);
    assert!(!routing["trace"].as_array().unwrap().is_empty());
    let routing = seen(route::route(js(&small), "sip:x@nowhere.example", None));
    assert_eq!(
        (routing["decision"].as_str(), &routing["codes"]),
        (Some("unroutable"), &json!(["SIP002"]))
    );

    let (code, message) = thrown(route::route(js(&small), "sip:bob@", None));
    assert_eq!(code, "uri");
    assert!(
        message.starts_with("cannot parse the request URI `sip:bob@`: at character"),
        "{message}"
    );
    let (code, _) = thrown(route::route(js(&small), "sip:a@b.com", Some(-1.0)));
    assert_eq!(code, "usage");
}

#[wasm_bindgen_test]
fn check_gives_the_cli_json() {
    let report = seen(check::check(js(&acme()), None));
    let files = BTreeMap::from([
        ("acme-users.csv".to_owned(), ACME_USERS.to_owned()),
        ("acme.zone".to_owned(), ACME_ZONE.to_owned()),
    ]);
    let (deployment, references) =
        Deployment::load_with_references(ACME, Format::Toml, "examples/acme.toml", &files).unwrap();
    let expected = core_json::to_value(&core_check(&deployment, &references, &Options::default()));
    assert_eq!(report, expected);
    let codes: BTreeSet<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains("AUTH001") && codes.contains("NAME001"), "{codes:?}");

    let only = seen(check::check(js(&acme()), Some(js(&json!({"select": ["auth001"]})))));
    let only: BTreeSet<&str> = only["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(only, BTreeSet::from(["AUTH001"]));
    let (code, message) = thrown(check::check(js(&acme()), Some(js(&json!({"ignore": ["NOPE1"]})))));
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("usage", "unknown rule code `NOPE1`")
    );

    let sarif: Value = serde_json::from_str(&check::check_sarif(js(&acme()), None).unwrap()).unwrap();
    assert_eq!(sarif["version"], json!("2.1.0"));
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        report["findings"].as_array().map(Vec::len)
    );
}

#[wasm_bindgen_test]
fn health_of_a_user() {
    let outline = seen(deployment::outline(js(&acme())));
    let user = outline["users"][0].as_str().unwrap();
    let client = outline["clients"][0].as_str().unwrap();
    let h = seen(health::health(js(&acme()), user, client));
    assert_eq!(h["user"], json!(user));
    let services: Vec<&str> = h["services"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["service"].as_str())
        .collect();
    assert_eq!(
        services,
        ["login", "presence", "desk-phone", "voicemail", "directory", "calendar"]
    );
    let (code, message) = thrown(health::health(js(&acme()), "nobody", client));
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("usage", "no user `nobody` in the deployment")
    );
}

/// Core's D8 cases 1 and 2 (core/src/derive/jabber/tests.rs) in one deployment: `hq` inside
/// sees the internal `_cisco-uds` records, `road` outside sees only public `_collab-edge`.
const EX_JABBER: &str = r#"
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
[dns]
records = [
  { name = "cucm1.ex.com.", type = "A", value = "10.0.0.11" },
  { name = "cucm2.ex.com.", type = "A", value = "10.0.0.12" },
  { name = "imp1.ex.com.", type = "A", value = "10.0.0.21" },
  { name = "_cisco-uds._tcp.ex.com.", type = "SRV", value = "1 10 8443 cucm1.ex.com." },
  { name = "_cisco-uds._tcp.ex.com.", type = "SRV", value = "2 10 8443 cucm2.ex.com." },
]
[dns.public]
records = [
  { name = "_collab-edge._tls.ex.com.", type = "SRV", value = "10 10 8443 expe.ex.com." },
  { name = "expe.ex.com.", type = "A", value = "192.0.2.10" },
]
[[clients]]
id = "hq"
kind = "jabber-windows"
[[clients]]
id = "road"
kind = "jabber-mac"
on_corporate_network = false
[[clients]]
id = "desk"
kind = "cupc"
"#;

#[wasm_bindgen_test]
fn jabber_discovery_inside_and_outside() {
    let source = json!({"text": EX_JABBER, "format": "toml", "name": "ex.toml"});
    // The page offers the Jabber and Webex App profiles only.
    let outline = seen(deployment::outline(js(&source)));
    assert_eq!(outline["clients"], json!(["hq", "road", "desk"]));
    assert_eq!(outline["jabber_clients"], json!(["hq", "road"]));
    assert_eq!(seen(deployment::outline(js(&acme())))["jabber_clients"], json!([]));
    let inside = seen(jabber::jabber_discovery(js(&source), "hq", "jdoe@ex.com"));
    assert_eq!(
        (inside["path"].as_str(), inside["place"].as_str()),
        (Some("on-premises"), Some("inside"))
    );
    let first = &inside["connections"][0];
    assert_eq!(
        (first["host"].as_str(), first["port"].as_u64()),
        (Some("cucm1.ex.com"), Some(8443))
    );
    assert_eq!(
        first["url"],
        json!("https://cucm1.ex.com:8443/cucm-uds/clusterUser?username=jdoe")
    );
    assert_eq!(first["address"], json!("10.0.0.11"));
    assert_eq!(first["trust"], json!({"trust": "trusted", "matched": "cucm1.ex.com"}));
    assert_eq!(
        (inside["signs_in"].as_bool(), inside["message"].as_str()),
        (Some(true), Some("Signed in"))
    );
    assert_eq!(inside["jabber_id"], json!("jdoe@ex.com"));
    assert_eq!(inside["queries"][0]["service"], json!("_cisco-uds"));
    assert_eq!(inside["queries"][0]["result"]["status"], json!("found"));
    assert_eq!(inside["issues"], json!([]));

    let outside = seen(jabber::jabber_discovery(js(&source), "road", "jdoe@ex.com"));
    assert_eq!(
        (outside["path"].as_str(), outside["place"].as_str()),
        (Some("mra"), Some("outside"))
    );
    assert_eq!(outside["connections"][0]["host"], json!("expe.ex.com"));
    assert_eq!(
        outside["connections"][0]["url"],
        json!("https://expe.ex.com:8443/ZXguY29t/get_edge_config?service_name=_cisco-uds&service_name=_cuplogin")
    );
    assert_eq!(outside["message"], json!("Signed in"));
    // Outside, the internal `_cisco-uds` records are not seen.
    assert_eq!(outside["queries"][0]["result"]["status"], json!("not-found"));

    // What JavaScript gets is core's JSON, through the deployment as JS handed it over.
    let loaded = Deployment::load(EX_JABBER, Format::Toml, "ex.toml", &NoFiles).unwrap();
    let core = jabber_discovery(&loaded, loaded.client("road").unwrap(), "jdoe@ex.com").unwrap();
    assert_eq!(outside, serde_json::to_value(&core).unwrap());

    let (code, message) = thrown(jabber::jabber_discovery(js(&source), "hq", "jdoe"));
    assert_eq!(
        (code.as_str(), message.as_str()),
        (
            "usage",
            "`jdoe` is not a sign-in address: expected user@domain, such as jdoe@ex.com"
        )
    );
    let (code, message) = thrown(jabber::jabber_discovery(js(&source), "nobody", "jdoe@ex.com"));
    assert_eq!(
        (code.as_str(), message.as_str()),
        (
            "usage",
            "no client profile `nobody` in the deployment; expected one of: hq, road, desk"
        )
    );
    let (code, message) = thrown(jabber::jabber_discovery(js(&source), "desk", "jdoe@ex.com"));
    assert_eq!(code, "usage");
    assert!(message.starts_with("client profile `desk` is `cupc`"), "{message}");
}

#[wasm_bindgen_test]
fn rules_and_their_pages() {
    let all = rules::rules().unwrap();
    assert_eq!(all.len(), Code::ALL.len());
    let page = seen(rules::explain("prs001"));
    assert_eq!(page["code"], json!("PRS001"));
    assert_eq!(page["service"], json!("presence"));
    assert!(!page["fixes"].as_array().unwrap().is_empty());
    let (code, message) = thrown(rules::explain("XYZ999"));
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("usage", "unknown rule code `XYZ999`")
    );
}

#[wasm_bindgen_test]
fn recipes() {
    let input = json!({"server_ip": "10.88.229.196", "port": 443, "protocol": "http",
                       "key_file": "C:\\privateKey.pem", "pfx_name": "test"});
    let recipe = seen(recipes::wireshark(js(&input)));
    assert_eq!(
        recipe["openssl_command"],
        json!("openssl pkcs12 -in test.pfx -nocerts -out privateKey.pem -nodes")
    );
    assert_eq!(
        recipe["rsa_keys_entry"],
        json!("10.88.229.196,443,http,C:\\privateKey.pem")
    );
    let mut ecdhe = input.clone();
    ecdhe["cipher_suite"] = json!("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    assert_eq!(seen(recipes::wireshark(js(&ecdhe)))["codes"], json!(["TLS001"]));
    let mut bad = input.clone();
    bad["pfx_name"] = json!("a b");
    let (code, message) = thrown(recipes::wireshark(js(&bad)));
    assert_eq!(code, "usage");
    assert!(message.starts_with("invalid PFX name `a b`"), "{message}");

    let imap = seen(recipes::imap_test("exch-1", "2007", "JohnDoe"));
    assert_eq!((imap["port"].as_u64(), &imap["tls"]), (Some(993), &json!(true)));
    assert_eq!(imap["session"][1], json!("2 login JohnDoe PASS"));
    let (code, _) = thrown(recipes::imap_test("exch-1", "lotus", "JohnDoe"));
    assert_eq!(code, "usage");
    assert_eq!(
        recipes::imap_capability("* CAPABILITY IMAP4rev1 LOGINDISABLED", 143).as_deref(),
        Some("VM006")
    );
    assert_eq!(recipes::imap_capability("* CAPABILITY IMAP4rev1", 143), None);
}

#[wasm_bindgen_test]
fn load_errors_are_thrown_with_their_code() {
    let text = |text: &str, format: &str| json!({"text": text, "format": format, "name": "bad.toml"});
    let bad = text("[[servers]]\nnode_name = 3\n", "toml");
    let (code, message) = thrown(check::check(js(&bad), None));
    assert_eq!(code, "parse");
    assert!(message.starts_with("bad.toml:2:"), "{message}");
    let problems = problems(check::check(js(&bad), None));
    assert_eq!(problems[0]["location"]["line"], json!(2));
    assert_eq!(problems[0]["kind"], json!("type"));

    let (code, message) = thrown(check::check(js(&text("", "toml")), None));
    assert_eq!(code, "parse");
    assert!(message.contains("the deployment file is empty"), "{message}");

    let missing = json!({"text": ACME, "format": "toml"});
    let (code, message) = thrown(check::check(js(&missing), None));
    assert_eq!(code, "file");
    assert!(
        message.contains("cannot read `acme-users.csv`: no file `acme-users.csv` was provided"),
        "{message}"
    );

    let dangling = text("[[users]]\ncucm_id = \"a\"\nhome_node = \"nowhere\"\n", "toml");
    let (code, _) = thrown(resolve::resolve(js(&dangling), "x", "c"));
    assert_eq!(code, "reference");
    // `check` reports dangling references as TOPO003 findings instead.
    let report = seen(check::check(js(&dangling), None));
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"TOPO003"), "{codes:?}");

    let (code, message) = thrown(check::check(js(&text("", "ini")), None));
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("usage", "unknown format `ini`: expected toml, json or yaml")
    );
    let (code, message) = thrown(check::check(js(&json!({"format": "toml"})), None));
    assert_eq!(code, "usage");
    assert!(message.starts_with("invalid deployment source:"), "{message}");
}

/// An importer's sample, as the tools print it (core's fixtures).
macro_rules! sample {
    ($name:literal) => {
        include_str!(concat!("../../core/tests/fixtures/import/", $name))
    };
}

/// A thrown importer refusal: (code, line, expected, found, hint, message).
fn refused<T: std::fmt::Debug>(result: Result<T, JsValue>) -> (String, u64, String, Value, Value, String) {
    let error = result.unwrap_err();
    let get = |key: &str| js_sys::Reflect::get(&error, &key.into()).unwrap();
    let json = |value: JsValue| -> Value { serde_wasm(&value) };
    let line = get("line").as_f64().unwrap();
    assert!(line.fract() == 0.0 && line >= 1.0, "line {line}");
    (
        get("code").as_string().unwrap(),
        line as u64,
        get("expected").as_string().unwrap(),
        json(get("found")),
        json(get("hint")),
        message(&error),
    )
}

/// A JS value as JSON (`null` stays `null`).
fn serde_wasm(value: &JsValue) -> Value {
    let text: String = js_sys::JSON::stringify(value).unwrap().into();
    serde_json::from_str(&text).unwrap()
}

/// The fragment loaded back through core's loader: its clients and users, without what the
/// loader adds (where each was written, the hosts table built from the hosts lines).
fn loaded_back(toml: &str) -> (Vec<Client>, Vec<User>) {
    let deployment = Deployment::load(toml, Format::Toml, "import.toml", &NoFiles)
        .unwrap_or_else(|e| panic!("the fragment does not load: {e}\n{toml}"));
    (
        deployment.clients.iter().map(bare_client).collect(),
        deployment.users.iter().map(bare_user).collect(),
    )
}

fn bare_client(client: &Client) -> Client {
    let mut client = client.clone();
    client.location = None;
    client.hosts_table = Default::default();
    client
}

fn bare_user(user: &User) -> User {
    let mut user = user.clone();
    user.location = None;
    user
}

/// What core's importer read, bare as [`loaded_back`] gives it.
fn bare(collected: &Collected) -> (Vec<Client>, Vec<User>) {
    (
        collected.clients.iter().map(bare_client).collect(),
        collected.users.iter().map(bare_user).collect(),
    )
}

#[wasm_bindgen_test]
fn import_ipconfig_gives_a_client_profile_that_loads_back() {
    let text = sample!("ipconfig-win10.txt");
    let imported = seen(import::import_ipconfig(text, "hq-pc", "cupc"));
    assert_eq!(
        imported["client"],
        json!({
            "id": "hq-pc",
            "kind": "cupc",
            "dns_suffixes": ["acme.com", "emea.acme.com"],
            "dns_servers": ["10.1.1.53", "10.1.1.54", "fd00:10:1:1::53", "10.1.1.55"],
            "addresses": ["fd00:10:1:2::25", "fd00:10:1:2:9c3e:41d2:7a0b:c5e1", "10.1.2.37", "192.168.50.12"],
            "hosts": 0,
        })
    );
    assert_eq!(
        (imported["users"].as_u64(), imported["skipped"].as_u64()),
        (Some(0), Some(0))
    );
    let toml = imported["toml"].as_str().unwrap();
    assert!(toml.starts_with("[[clients]]\n"), "{toml}");
    let core = core_import::ipconfig(text, "x", "hq-pc", ClientKind::Cupc).unwrap();
    assert_eq!(loaded_back(toml), bare(&core));
}

#[wasm_bindgen_test]
fn import_resolv_scutil_and_hosts_load_back_as_core_reads_them() {
    type Export = fn(&str, &str, &str) -> Result<Ts<import::Imported>, JsValue>;
    type Core = fn(&str, &str, &str, ClientKind) -> Result<Collected, core_import::ImportError>;
    let cases: [(Export, Core, &str, usize, usize, usize); 5] = [
        (
            import::import_resolv,
            core_import::resolv,
            sample!("resolv-networkmanager.conf"),
            2,
            3,
            0,
        ),
        (
            import::import_resolv,
            core_import::resolv,
            sample!("resolv-systemd-resolved.conf"),
            1,
            1,
            0,
        ),
        (
            import::import_scutil,
            core_import::scutil,
            sample!("scutil-dns-macos.txt"),
            2,
            2,
            0,
        ),
        (
            import::import_hosts,
            core_import::hosts,
            sample!("hosts-windows.txt"),
            0,
            0,
            5,
        ),
        (
            import::import_hosts,
            core_import::hosts,
            sample!("hosts-unix.txt"),
            0,
            0,
            11,
        ),
    ];
    for (export, core, text, suffixes, servers, hosts) in cases {
        let imported = seen(export(text, "vpn", "ip-phone"));
        let client = &imported["client"];
        assert_eq!(client["kind"], "ip-phone");
        assert_eq!(
            (
                client["dns_suffixes"].as_array().unwrap().len(),
                client["dns_servers"].as_array().unwrap().len(),
                client["hosts"].as_u64().unwrap() as usize,
            ),
            (suffixes, servers, hosts),
            "{text}"
        );
        let expected = core(text, "x", "vpn", ClientKind::IpPhone).unwrap();
        assert_eq!(
            loaded_back(imported["toml"].as_str().unwrap()),
            bare(&expected),
            "{text}"
        );
    }
}

#[wasm_bindgen_test]
fn import_ldif_and_bat_give_users_that_load_back() {
    let text = sample!("ad-ldapsearch.ldif");
    let imported = seen(import::import_ldif(text));
    assert_eq!(
        (imported["users"].as_u64(), imported["skipped"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(imported["client"], Value::Null);
    let core = core_import::ldif(text, "x").unwrap();
    assert_eq!(loaded_back(imported["toml"].as_str().unwrap()), bare(&core.collected));

    let text = sample!("bat-export-users.csv");
    let imported = seen(import::import_bat(text));
    assert_eq!(
        (imported["users"].as_u64(), imported["skipped"].as_u64()),
        (Some(4), Some(0))
    );
    let toml = imported["toml"].as_str().unwrap();
    assert_eq!(loaded_back(toml), bare(&core_import::bat(text, "x").unwrap()));
    // Of the secrets, only whether the digest is set crosses into the deployment.
    for secret in ["Chang3me!", "12345", "d1g3st-jdoe"] {
        assert!(!toml.contains(secret), "{secret} in {toml}");
    }
}

#[wasm_bindgen_test]
fn import_escapes_what_toml_strings_cannot_hold() {
    let text = "USER ID,FIRST NAME,LAST NAME\n\
                \"o\"\"brien\",\"back\\slash\",\"tab\tbell\u{7}del\u{7f}é\"\n\
                \"multi\nline\",x,\"# not a comment\"\n";
    let imported = seen(import::import_bat(text));
    let toml = imported["toml"].as_str().unwrap();
    let (_, users) = loaded_back(toml);
    let names: Vec<_> = users
        .iter()
        .map(|u| (u.cucm_id.as_str(), u.first_name.as_deref(), u.last_name.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("o\"brien", Some("back\\slash"), Some("tab\tbell\u{7}del\u{7f}é")),
            ("multi\nline", Some("x"), Some("# not a comment")),
        ]
    );
}

#[wasm_bindgen_test]
fn import_refusals_name_the_line_and_what_was_expected() {
    let french = refused(import::import_ipconfig(
        sample!("ipconfig-win10-french.txt"),
        "pc",
        "cupc",
    ));
    assert_eq!(
        french,
        (
            "parse".to_owned(),
            2,
            "\"Windows IP Configuration\"".to_owned(),
            json!("Configuration IP de Windows"),
            json!("is this `ipconfig /all` in English?"),
            "line 2: expected \"Windows IP Configuration\", found \"Configuration IP de Windows\" \
             (is this `ipconfig /all` in English?)"
                .to_owned(),
        )
    );
    let (code, line, _, found, _, _) = refused(import::import_resolv(
        "search acme.com\nnameserver dns1.acme.com\n",
        "pc",
        "cupc",
    ));
    assert_eq!(
        (code.as_str(), line, found),
        ("parse", 2, json!("nameserver dns1.acme.com"))
    );
    let (_, line, _, found, _, _) = refused(import::import_scutil(
        "DNS configuration\n\nresolver #1\n",
        "pc",
        "cupc",
    ));
    assert_eq!((line, found), (4, Value::Null));
    let (_, line, ..) = refused(import::import_hosts("10.1.1.1 a\nnot-an-address b\n", "pc", "cupc"));
    assert_eq!(line, 2);
    let (_, line, _, found, ..) = refused(import::import_ldif(
        "dn: cn=a\nuid: a\n\ndn: cn=x\nchangetype: modify\nreplace: sn\nsn: y\n-\n",
    ));
    assert_eq!((line, found), (5, json!("changetype: modify")));
    let (_, line, _, found, ..) = refused(import::import_bat("USER ID,LAST NAME\njdoe,Doe\n,Nobody\n"));
    assert_eq!((line, found), (3, json!(",Nobody")));
    let (_, line, _, found, hint, _) = refused(import::import_ldif("  \n"));
    assert_eq!((line, found, hint), (1, Value::Null, json!("the input is empty")));
}

#[wasm_bindgen_test]
fn import_needs_a_client_id_and_a_known_kind() {
    let text = sample!("ipconfig-win10.txt");
    let (code, message) = thrown(import::import_ipconfig(text, " ", "cupc"));
    assert_eq!(code, "usage");
    assert!(message.contains("client profile id is needed"), "{message}");
    let (code, message) = thrown(import::import_ipconfig(text, "pc", "phone"));
    assert_eq!(
        (code.as_str(), message.as_str()),
        (
            "usage",
            "`phone` is not a client kind: expected cupc, ip-phone, attendant-console, moc, jabber-windows, jabber-mac, jabber-mobile, webex-app or other"
        )
    );
}

#[wasm_bindgen_test]
fn text_of_bytes_reads_powershell_utf16_and_names_a_bad_line() {
    let text = sample!("ipconfig-win10.txt");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let decoded = import::text_of_bytes(&utf16).unwrap();
    assert_eq!(decoded, text);
    let imported = seen(import::import_ipconfig(&decoded, "pc", "cupc"));
    assert_eq!(imported["client"]["dns_servers"].as_array().unwrap().len(), 4);
    let (code, line, expected, ..) = refused(import::text_of_bytes(b"ok\nbad \xFF here\n"));
    assert_eq!((code.as_str(), line, expected.as_str()), ("parse", 2, "UTF-8 text"));
}
