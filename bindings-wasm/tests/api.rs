//! The exported API as JavaScript sees it, run under Node by wasm-bindgen-test: values come back
//! as plain JS objects, and failures are thrown `Error`s with the CLI's message and a `code`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};
use tsify::Ts;
use uclint_core::catalogue::Code;
use uclint_core::model::{Deployment, Format};
use uclint_core::report::json as core_json;
use uclint_core::rules::{Options, check as core_check};
use uclint_wasm::{check, deployment, health, presence, recipes, resolve, route, rules};
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
