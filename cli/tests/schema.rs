//! `uclint schema`: the committed schema is the one the command prints, every example follows
//! it, and it accepts and refuses what the loader does.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use uclint_core::model::{Deployment, Format, deployment_value};
use uclint_core::source::NoFiles;

const COMMITTED: &str = "../docs/deployment.schema.json";
const REGENERATE: &str = "cargo run -p uclint-cli -- schema --out docs/deployment.schema.json";

fn uclint() -> Command {
    let mut cmd = Command::cargo_bin("uclint").unwrap();
    cmd.env("NO_COLOR", "1").current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn printed(args: &[&str]) -> String {
    let output = uclint().arg("schema").args(args).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&printed(&[])).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// Every way `document` breaks the schema, each with where.
fn errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|e| format!("{} {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_committed_schema_is_what_uclint_schema_prints() {
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    let schema = printed(&[]);
    let first_difference = committed
        .lines()
        .zip(schema.lines())
        .position(|(a, b)| a != b)
        .map_or(String::from("the ends differ"), |i| format!("from line {}", i + 1));
    assert!(
        committed == schema,
        "docs/deployment.schema.json is out of date ({first_difference}): regenerate it with `{REGENERATE}`"
    );
    assert!(schema.ends_with("}\n"), "pretty JSON and a line break");
    assert_eq!(printed(&["--format", "json"]), schema, "--format json prints the same");
}

#[test]
fn out_writes_the_same_schema_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deployment.schema.json");
    let said = printed(&["--out", path.to_str().unwrap()]);
    assert_eq!(said, format!("wrote {}\n", path.display()));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), printed(&[]));
}

/// The sample deployments that name the schema: every one under examples/, and the route
/// tests' fixture.
fn samples() -> Vec<(PathBuf, Format)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found: Vec<(PathBuf, Format)> = std::fs::read_dir(root.join("../examples"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| Some((path.clone(), Format::from_path(path.to_str()?)?)))
        .collect();
    assert!(!found.is_empty(), "examples/ holds deployments");
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.push((root.join("tests/fixtures/route/deployment.toml"), Format::Toml));
    found
}

/// The schema a file names: its first line's directive (Taplo's for TOML, the YAML language
/// server's) or its `$schema` key (JSON).
fn named_schema(text: &str, format: Format) -> Option<String> {
    let directive = match format {
        Format::Toml => "#:schema ",
        Format::Yaml => "# yaml-language-server: $schema=",
        Format::Json => {
            let document: Value = serde_json::from_str(text).ok()?;
            return document.get("$schema")?.as_str().map(str::to_owned);
        }
    };
    text.lines().next()?.strip_prefix(directive).map(str::to_owned)
}

#[test]
fn every_sample_deployment_names_the_schema_and_follows_it() {
    let validator = validator();
    let schema = Path::new(COMMITTED).canonicalize().unwrap();
    for (path, format) in samples() {
        let text = std::fs::read_to_string(&path).unwrap();
        let named = named_schema(&text, format)
            .unwrap_or_else(|| panic!("{} names no schema on its first line", path.display()));
        let resolved = path.parent().unwrap().join(&named).canonicalize().ok();
        assert_eq!(resolved.as_ref(), Some(&schema), "{} names `{named}`", path.display());
        let document = deployment_value(&text, format, &path.display().to_string()).unwrap();
        let errors = errors(&validator, &document);
        assert!(errors.is_empty(), "{}:\n{}", path.display(), errors.join("\n"));
    }
}

#[test]
fn a_broken_example_fails_naming_each_path() {
    let acme = std::fs::read_to_string("../examples/acme.toml").unwrap();
    let broken = acme
        .replacen("node_name = \"ccm-1\"", "nod_name = \"ccm-1\"", 1)
        .replacen("addresses = [\"10.1.1.10\"]", "addresses = \"10.1.1.10\"", 1)
        .replacen("roles = [\"cucm\", \"tftp\"]", "roles = [\"cucm\", \"tfpt\"]", 1);
    assert_ne!(broken, acme);
    let document = deployment_value(&broken, Format::Toml, "acme.toml").unwrap();
    let errors = errors(&validator(), &document);
    let listed = errors.join("\n");
    for (path, what) in [
        ("/servers/0 ", "nod_name"),
        ("/servers/0 ", "node_name"),
        ("/servers/0/addresses ", "array"),
        ("/servers/0/roles/1 ", "tfpt"),
    ] {
        let hit = errors.iter().any(|e| e.starts_with(path) && e.contains(what));
        assert!(hit, "no error at {path}naming `{what}`:\n{listed}");
    }
}

/// (format, document): the loader and the schema must agree on each, either way.
const CASES: &[(Format, &str)] = &[
    (
        Format::Toml,
        "[[servers]]\nnode_name = \"cups-1\"\nroles = [\"cups\"]\n",
    ),
    (
        Format::Toml,
        "\"$schema\" = \"x\"\n[[servers]]\nnode_name = \"c\"\nroles = []\n",
    ),
    (Format::Toml, "[[servers]]\nnod_name = \"cups-1\"\nroles = [\"cups\"]\n"),
    (Format::Toml, "[[servers]]\nnode_name = \"c\"\nroles = [\"tfpt\"]\n"),
    (
        Format::Toml,
        "[[servers]]\nnode_name = \"c\"\nroles = []\nports = { sip-tls = 5062 }\n",
    ),
    (
        Format::Toml,
        "[[servers]]\nnode_name = \"c\"\nroles = []\nports = { sip_tls = 5062 }\n",
    ),
    (
        Format::Toml,
        "[[servers]]\nnode_name = \"c\"\nroles = []\nports = { sip = 70000 }\n",
    ),
    (
        Format::Toml,
        "[[servers]]\nnode_name = \"c\"\nroles = []\naddresses = [\"2001:db8::20\"]\n",
    ),
    (
        Format::Toml,
        "[[servers]]\nnode_name = \"c\"\nroles = []\naddresses = [\"10.1.1.300\"]\n",
    ),
    (
        Format::Toml,
        "[[servers]]\nnode_name = \"c\"\nroles = []\naddresses = [\"10.1.1.0/24\"]\n",
    ),
    (Format::Toml, "[[servers]]\nroles = [\"cups\"]\n"),
    (
        Format::Toml,
        "[sip_proxy]\n[[sip_proxy.static_routes]]\npattern = \"9*\"\ntype = \"user\"\n",
    ),
    (
        Format::Toml,
        "[sip_proxy]\n[[sip_proxy.static_routes]]\npattern = \"9*\"\nroute_type = \"user\"\n",
    ),
    (
        Format::Json,
        r#"{"$schema": "x", "domain": null, "users": [{"cucm_id": "j", "digest_credential": "hunter2"}]}"#,
    ),
    (
        Format::Json,
        r#"{"users": [{"cucm_id": "j", "digest_credential": true, "clients": ["hq"]}]}"#,
    ),
    (
        Format::Json,
        r#"{"users": [{"cucm_id": "j", "digest_credential": 1234}]}"#,
    ),
    (Format::Json, r#"{"users": [{"cucm_id": "j", "clients": "hq"}]}"#),
    (Format::Json, r#"{"$schema": 7}"#),
    (
        Format::Json,
        r#"{"servers": [{"$schema": "x", "node_name": "c", "roles": []}]}"#,
    ),
    (
        Format::Json,
        r#"{"clients": [{"id": "hq", "kind": "ip-phone", "hosts": [{"name": "a", "address": "10.0.0.1"}]}]}"#,
    ),
    (Format::Json, r#"{"clients": [{"id": "hq", "kind": "ipphone"}]}"#),
    (
        Format::Json,
        r#"{"ldap": {"server": "dc", "cupc_profile": {"password": "", "user_id_attribute": "ipPhone"}}}"#,
    ),
    (
        Format::Json,
        r#"{"plugins": [{"path": "p.wasm", "config": {"pattern": "^cups-"}}]}"#,
    ),
    (
        Format::Json,
        r#"{"plugins": [{"path": "p.wasm", "config": {"max": 3}}]}"#,
    ),
    (
        Format::Yaml,
        "$schema: x\nservers:\n  - node_name: cups-1\n    roles: [cups]\n    version: \"7.0\"\n",
    ),
    (
        Format::Yaml,
        "voicemail:\n  system: unity-connection\n  profiles:\n    - server: uc\n      port: 993\n",
    ),
    (Format::Yaml, "voicemail:\n  system: unity connection\n"),
    (Format::Yaml, "calendar:\n  exchange: mail\n  load_balancer: 1\n"),
];

#[test]
fn the_schema_accepts_and_refuses_what_the_loader_does() {
    let validator = validator();
    for (format, text) in CASES {
        let loaded = Deployment::load_with_references(text, *format, "d", &NoFiles);
        let document = deployment_value(text, *format, "d").unwrap();
        let errors = errors(&validator, &document);
        let loader = loaded.as_ref().map(|_| ()).map_err(ToString::to_string);
        assert_eq!(
            errors.is_empty(),
            loader.is_ok(),
            "{format} document:\n{text}\nloader: {loader:?}\nschema: {errors:?}"
        );
    }
    let refused = CASES
        .iter()
        .filter(|(format, text)| Deployment::load_with_references(text, *format, "d", &NoFiles).is_err())
        .count();
    assert!(
        refused > 5 && refused < CASES.len() - 5,
        "cases both ways: {refused} refused"
    );
}
