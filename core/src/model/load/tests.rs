//! Loading: good input in all three formats, and every kind of bad input with its location.

use std::collections::BTreeMap;

use super::*;
use crate::dns::Resolver;
use crate::source::NoFiles;

fn files() -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "acme.zone".to_owned(),
            include_str!("../../../../examples/acme.zone").to_owned(),
        ),
        (
            "acme-users.csv".to_owned(),
            include_str!("../../../../examples/acme-users.csv").to_owned(),
        ),
    ])
}

fn load_toml(text: &str) -> Result<Deployment, LoadError> {
    Deployment::load(text, Format::Toml, "d.toml", &NoFiles)
}

fn only(error: LoadError) -> Problem {
    assert_eq!(error.problems.len(), 1, "{error}");
    error.problems.into_iter().next().unwrap()
}

fn at(problem: &Problem) -> (u32, u32) {
    let l = problem.location.as_ref().expect("a location");
    (l.line, l.column)
}

const MINIMAL_TOML: &str = r#"
domain = "acme.com"

[[servers]]
node_name = "cups-1"
roles = ["cups"]

[[clients]]
id = "hq"
kind = "cupc"

[[users]]
cucm_id = "jdoe"
home_node = "cups-1"
clients = ["hq"]
"#;

#[test]
fn the_bundled_example_loads_with_csv_users_and_zone() {
    let d = Deployment::load(
        include_str!("../../../../examples/acme.toml"),
        Format::Toml,
        "acme.toml",
        &files(),
    )
    .unwrap();
    assert_eq!(d.servers.len(), 9);
    assert!(d.users.len() >= 20, "{} users", d.users.len());
    let csv_user = d.user("mchen").unwrap();
    assert_eq!(csv_user.location.as_ref().unwrap().file, "acme-users.csv".into());
    assert_eq!(csv_user.location.as_ref().unwrap().line, 2);
    let inline_user = d.user("jdoe").unwrap();
    assert_eq!(inline_user.location.as_ref().unwrap().file, "acme.toml".into());
    let name = crate::dns::Name::from_ascii("cups-1.acme.com.").unwrap();
    assert!(matches!(
        d.dns_view.query(&name, crate::dns::RecordType::A),
        crate::dns::Answer::Records(_)
    ));
    assert_eq!(
        d.client("reception")
            .unwrap()
            .hosts_table
            .lookup("CCM-1")
            .map(|e| e.address.to_string())
            .as_deref(),
        Some("10.1.1.10")
    );
}

#[test]
fn the_same_deployment_reads_alike_from_toml_json_and_yaml() {
    let json = r#"{"domain": "acme.com",
 "servers": [{"node_name": "cups-1", "roles": ["cups"]}],
 "clients": [{"id": "hq", "kind": "cupc"}],
 "users": [{"cucm_id": "jdoe", "home_node": "cups-1", "clients": ["hq"]}]}"#;
    let yaml = "domain: acme.com\nservers:\n  - node_name: cups-1\n    roles: [cups]\nclients:\n  - id: hq\n    kind: cupc\nusers:\n  - cucm_id: jdoe\n    home_node: cups-1\n    clients: [hq]\n";
    let t = load_toml(MINIMAL_TOML).unwrap();
    let j = Deployment::load(json, Format::Json, "d.json", &NoFiles).unwrap();
    let y = Deployment::load(yaml, Format::Yaml, "d.yaml", &NoFiles).unwrap();
    assert_eq!(t.servers[0].node_name, j.servers[0].node_name);
    assert_eq!(j.users[0].home_node, y.users[0].home_node);
    // Each item knows where it was written.
    assert_eq!(t.users[0].location.as_ref().map(|l| l.line), Some(12));
    assert_eq!(j.users[0].location.as_ref().map(|l| (l.line, l.column)), Some((4, 12)));
    assert_eq!(y.users[0].location.as_ref().map(|l| (l.line, l.column)), Some((9, 5)));
}

#[test]
fn malformed_toml_names_line_and_column() {
    let p = only(load_toml("domain = \"acme.com\"\n[[servers]\nnode_name = 1\n").unwrap_err());
    assert_eq!(p.kind, ProblemKind::Syntax);
    assert_eq!(at(&p).0, 2);
    assert!(p.message.starts_with("invalid TOML"), "{}", p.message);
}

#[test]
fn malformed_json_names_line_and_column() {
    let p = only(
        Deployment::load(
            "{\n  \"domain\": \"acme.com\",\n  \"servers\": [\n}\n",
            Format::Json,
            "d.json",
            &NoFiles,
        )
        .unwrap_err(),
    );
    assert_eq!(p.kind, ProblemKind::Syntax);
    assert_eq!(at(&p).0, 4);
    assert!(p.to_string().starts_with("d.json:4:"), "{p}");
}

#[test]
fn malformed_yaml_names_line() {
    let p = only(
        Deployment::load(
            "domain: acme.com\nservers:\n  - node_name: a: b\n",
            Format::Yaml,
            "d.yaml",
            &NoFiles,
        )
        .unwrap_err(),
    );
    assert_eq!(p.kind, ProblemKind::Syntax);
    assert!(at(&p).0 >= 3, "{p}");
}

#[test]
fn wrong_type_names_the_path_and_what_was_expected() {
    let p = only(load_toml("[[servers]]\nnode_name = \"a\"\nroles = [\"cups\"]\naddresses = [42]\n").unwrap_err());
    assert_eq!(p.kind, ProblemKind::Type);
    assert_eq!(at(&p), (4, 14));
    assert!(p.message.contains("servers[0].addresses[0]"), "{}", p.message);
    assert!(p.message.contains("expected"), "{}", p.message);
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let text = MINIMAL_TOML.replace("home_node = ", "hom_node = ");
    let p = only(load_toml(&text).unwrap_err());
    assert_eq!(p.kind, ProblemKind::UnknownKey);
    assert_eq!(at(&p), (14, 1));
    assert_eq!(p.help.as_deref(), Some("did you mean `home_node`?"));
    let yaml = "servers:\n  - node_name: a\n    rolez: [cups]\n";
    let p = only(Deployment::load(yaml, Format::Yaml, "d.yaml", &NoFiles).unwrap_err());
    assert_eq!(p.kind, ProblemKind::UnknownKey);
    assert_eq!(p.help.as_deref(), Some("did you mean `roles`?"));
    assert_eq!(at(&p).0, 3);
}

#[test]
fn unknown_enum_value_suggests_a_known_one() {
    let p = only(load_toml(&MINIMAL_TOML.replace("kind = \"cupc\"", "kind = \"cupx\"")).unwrap_err());
    assert_eq!(p.kind, ProblemKind::Type);
    assert_eq!(p.help.as_deref(), Some("did you mean `cupc`?"));
}

#[test]
fn dangling_references_are_all_reported_at_their_lines() {
    let text = MINIMAL_TOML
        .replace("home_node = \"cups-1\"", "home_node = \"cups-9\"")
        .replace("clients = [\"hq\"]", "clients = [\"hq\", \"vpn\"]");
    let error = load_toml(&text).unwrap_err();
    assert_eq!(error.problems.len(), 2, "{error}");
    let home = &error.problems[0];
    assert_eq!(home.kind, ProblemKind::DanglingReference);
    assert_eq!(at(home), (14, 1));
    assert!(home.message.contains("no server `cups-9`"), "{}", home.message);
    assert!(home.message.contains("TOPO003"), "{}", home.message);
    assert_eq!(home.help.as_deref(), Some("did you mean `cups-1`?"));
    assert!(
        error.problems[1].message.contains("no client `vpn`"),
        "{}",
        error.problems[1].message
    );
}

#[test]
fn duplicates_are_errors() {
    let text = format!("{MINIMAL_TOML}\n[[servers]]\nnode_name = \"cups-1\"\nroles = [\"cups\"]\n");
    let p = only(load_toml(&text).unwrap_err());
    assert_eq!(p.kind, ProblemKind::Duplicate);
    assert_eq!(at(&p).0, 18);
}

#[test]
fn malformed_zone_line_points_into_the_zone_file() {
    let text = format!("{MINIMAL_TOML}\n[dns]\nzone_files = [{{ path = \"bad.zone\", origin = \"acme.com\" }}]\n");
    let zone = "$TTL 300\ncups-1 IN A 10.1.1.20\nccm-1 IN A 10.1.1.300\n";
    let files = BTreeMap::from([("bad.zone".to_owned(), zone.to_owned())]);
    let p = only(Deployment::load(&text, Format::Toml, "d.toml", &files).unwrap_err());
    assert_eq!(p.kind, ProblemKind::Dns);
    let location = p.location.as_ref().unwrap();
    assert_eq!((&*location.file, location.line), ("bad.zone", 3));
}

#[test]
fn malformed_inline_record_points_at_the_record() {
    let text =
        format!("{MINIMAL_TOML}\n[dns]\nrecords = [\n  {{ name = \"x\", type = \"A\", value = \"nope\" }},\n]\n");
    let p = only(load_toml(&text).unwrap_err());
    assert_eq!(p.kind, ProblemKind::Dns);
    assert_eq!(p.location.as_ref().unwrap().line, 19);
}

#[test]
fn missing_referenced_file_is_named() {
    let text = format!("users_csv = \"nowhere.csv\"\n{MINIMAL_TOML}");
    let p = only(load_toml(&text).unwrap_err());
    assert_eq!(p.kind, ProblemKind::File);
    assert_eq!(at(&p), (1, 1));
    assert!(p.message.contains("nowhere.csv"), "{}", p.message);
}

#[test]
fn empty_files_are_refused_in_every_format() {
    for (text, format) in [
        ("", Format::Toml),
        ("# nothing yet\n\n", Format::Toml),
        ("  \n", Format::Json),
        ("---\n", Format::Yaml),
    ] {
        let p = only(Deployment::load(text, format, "d", &NoFiles).unwrap_err());
        assert_eq!(p.kind, ProblemKind::Empty, "{format}");
    }
}

#[test]
fn secrets_keep_only_whether_they_are_set() {
    let text = MINIMAL_TOML.replace(
        "cucm_id = \"jdoe\"",
        "cucm_id = \"jdoe\"\ndigest_credential = \"hunter2\"",
    );
    let d = load_toml(&text).unwrap();
    assert!(d.users[0].digest_credential);
    assert!(!format!("{d:?}").contains("hunter2"));
    assert!(!serde_json::to_string(&d).unwrap().contains("hunter2"));
    let bad = MINIMAL_TOML.replace("cucm_id = \"jdoe\"", "cucm_id = \"jdoe\"\ndigest_credential = 1234");
    let p = only(load_toml(&bad).unwrap_err());
    assert!(!p.to_string().contains("1234"), "{p}");
}

#[test]
fn a_tab_alone_after_a_colon_is_a_syntax_error_that_says_what_to_write() {
    // YAML 1.2 and libyaml take a tab between `:` and the value; saphyr does not when the tab
    // stands alone before the value, and says so there.
    let p = only(Deployment::load("domain:\tacme.com\n", Format::Yaml, "d.yaml", &NoFiles).unwrap_err());
    assert_eq!(p.kind, ProblemKind::Syntax);
    assert_eq!(
        p.to_string(),
        "d.yaml:1:9: invalid YAML: ':' must be followed by a valid YAML whitespace \
         (put a space after the `:` or `-`: uclint's YAML parser takes no tab alone there)"
    );
    // A space before or after the tab, or a quoted value, is fine.
    for text in [
        "domain: \tacme.com\n",
        "domain:\t acme.com\n",
        "domain:\t\"acme.com\"\n",
    ] {
        let d = Deployment::load(text, Format::Yaml, "d.yaml", &NoFiles).unwrap();
        assert_eq!(d.domain.as_deref(), Some("acme.com"), "{text:?}");
    }
}

#[test]
fn a_top_level_schema_key_is_accepted_and_ignored_in_every_format() {
    let schema = "../docs/deployment.schema.json";
    let toml = format!("\"$schema\" = \"{schema}\"\n{MINIMAL_TOML}");
    let json = format!(r#"{{"$schema": "{schema}", "servers": [{{"node_name": "cups-1", "roles": ["cups"]}}]}}"#);
    let yaml = format!("$schema: {schema}\nservers:\n  - node_name: cups-1\n    roles: [cups]\n");
    for (text, format) in [(toml, Format::Toml), (json, Format::Json), (yaml, Format::Yaml)] {
        let d = Deployment::load(&text, format, "d", &NoFiles).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(d.servers[0].node_name, "cups-1", "{format}");
        // It names a file for editors, never anything a report shows.
        assert!(serde_json::to_value(&d).unwrap().get("$schema").is_none(), "{format}");
    }
    // Only at the top: elsewhere it is the unknown key it always was.
    let json = r#"{"servers": [{"$schema": "x", "node_name": "cups-1", "roles": ["cups"]}]}"#;
    assert!(failure(json, Format::Json).contains("unknown key `$schema`"));
    let json = r#"{"$schema": 7}"#;
    assert!(
        failure(json, Format::Json).contains("$schema: invalid type"),
        "{}",
        failure(json, Format::Json)
    );
}

/// Where loading `text` fails and what it says, as `line:column: message`.
fn failure(text: &str, format: Format) -> String {
    let p = only(Deployment::load(text, format, "d", &NoFiles).unwrap_err());
    let (line, column) = at(&p);
    format!("{line}:{column}: {}", p.message)
}

#[test]
fn a_refused_secret_is_named_where_it_is_written() {
    let expected = "users[0].digest_credential: expected true/false (whether the secret is set) or the secret text";
    let toml = "[[users]]\ncucm_id = \"j\"\ndigest_credential = 1234\n";
    assert_eq!(failure(toml, Format::Toml), format!("3:21: {expected}"));
    let json = "{\"users\": [{\"cucm_id\": \"j\", \"digest_credential\": 1234}]}";
    assert_eq!(failure(json, Format::Json), format!("1:53: {expected}"));
    let yaml = "users:\n  - cucm_id: j\n    digest_credential: [1234]\n";
    assert_eq!(failure(yaml, Format::Yaml), format!("3:24: {expected}"));
}

/// Each text fails at the location and with the start of the message expected.
fn assert_failures(format: Format, cases: &[(&str, &str)]) {
    for (text, expected) in cases {
        let failure = failure(text, format);
        assert!(
            failure.starts_with(expected),
            "{format} {text:?}:\n{failure}\nexpected {expected}"
        );
    }
}

#[test]
fn toml_errors_name_the_item_their_position_is_in() {
    assert_failures(
        Format::Toml,
        &[
            // A missing key names its table, which TOML reports at the table's header.
            (
                "[[servers]]\nnode_name = \"a\"\nroles = [\"cups\"]\n\n[[servers]]\nnode_name = \"b\"\n",
                "5:1: servers[1]: missing key `roles`",
            ),
            // A table made implicitly by a header is named by its own key, not the header's.
            (
                "[voicemail.captured_capability]\nserver = \"x\"\nline = \"y\"\n",
                "1:2: voicemail: missing key `system`",
            ),
            // An unknown key names its table and itself, dotted or after a sub-table.
            (
                "[[servers]]\nnode_name = \"a\"\nroles = [\"cups\"]\nimap.foo = 1\n",
                "4:6: servers[0].imap.foo: unknown key `foo`",
            ),
            (
                "[[servers]]\nnode_name = \"a\"\nroles = [\"cups\"]\n[servers.imap]\nrunning = true\n\n[[servers]]\nnode_name = \"b\"\nrolez = 1\n",
                "9:1: servers[1].rolez: unknown key `rolez`",
            ),
            // A bad value names itself, down to the array item.
            (
                "[[clients]]\nid = \"hq\"\nkind = \"cupc\"\nhosts = [{ name = \"a\", address = \"1.2.3.4\" }, { name = \"b\", address = \"nope\" }]\n",
                "4:71: clients[0].hosts[1].address: invalid IP address syntax",
            ),
            (
                "[[clients]]\nid = \"hq\"\nkind = \"cupc\"\ndns_suffixes = [\"a\", [1]]\n",
                "4:22: clients[0].dns_suffixes[1]: invalid type: sequence, expected a string",
            ),
        ],
    );
}

#[test]
fn json_errors_name_the_item_their_position_is_in() {
    assert_failures(
        Format::Json,
        &[
            // serde_json reports a missing key at the closing brace.
            (
                "{\n  \"servers\": [\n    {\n      \"node_name\": \"a\"\n    }\n  ]\n}\n",
                "5:5: servers[0]: missing key `roles`",
            ),
            (
                "{\"servers\": [{\"node_name\": \"a\", \"roles\": [\"cups\"]},\n {\"node_name\": \"b\", \"rolez\": [\"cups\"]}]}",
                "2:27: servers[1].rolez: unknown key `rolez`",
            ),
            (
                "{\"servers\": [{\"node_name\": \"a\", \"roles\": [\"cups\"], \"addresses\": [\"10.0.0.1\", \"10.0.0.300\"]}]}",
                "1:89: servers[0].addresses[1]: invalid IP address syntax",
            ),
            // An object or array of the wrong type is reported just before it.
            (
                "{\"domain\":{\"a\":1}}",
                "1:10: domain: invalid type: map, expected a string",
            ),
            (
                "{\"clients\": [{\"id\": \"hq\", \"kind\": \"cupc\", \"dns_suffixes\": [\"a\", [1]]}]}",
                "1:64: clients[0].dns_suffixes[1]: invalid type: sequence",
            ),
            // serde_json counts bytes, the positions characters.
            (
                "{\"name\": \"ééé\", \"servers\": [{\"node_name\": \"ü\", \"roles\": [\"cüps\"]}]}",
                "1:68: servers[0].roles[0]: unknown value `cüps`",
            ),
        ],
    );
}

#[test]
fn yaml_errors_name_the_item_their_position_is_in() {
    assert_failures(
        Format::Yaml,
        &[
            // A block mapping starts where its first key does: a missing key names the mapping.
            (
                "servers:\n  - node_name: a\n    roles: [cups]\n  - roles: [cups]\n",
                "4:5: servers[1]: missing key `node_name`",
            ),
            ("servers:\n  -\n", "2:4: servers[0]: missing key `node_name`"),
            (
                "servers:\n  - node_name: a\n    roles: [cups]\n    imap:\n      foo: 1\n",
                "5:7: servers[0].imap.foo: unknown key `foo`",
            ),
            (
                "servers: [{node_name: a, roles: [cups], bad: 1}]\n",
                "1:41: servers[0].bad: unknown key `bad`",
            ),
            // ...and a mapping of the wrong type names the value, not its first key.
            (
                "servers:\n  - node_name:\n      a: 1\n    roles: [cups]\n",
                "3:7: servers[0].node_name: invalid type: map, expected a string",
            ),
            (
                "servers:\n  - node_name: a\n    roles: [cups, cupz]\n",
                "3:19: servers[0].roles[1]: unknown value `cupz`",
            ),
            // Columns count characters, not bytes.
            (
                "servers: [{node_name: ééé, roles: [cups, cüps]}]\n",
                "1:42: servers[0].roles[1]: unknown value `cüps`",
            ),
        ],
    );
}

#[test]
fn yaml_reads_what_people_write_and_refuses_the_rest_where_it_is() {
    // A plain scalar where text is expected is its text, as written.
    let yaml = "servers:\n  - node_name: 2007\n    roles: [exchange]\n    version: 7.0\nusers:\n  - cucm_id: u1\n    telephone_number: 0123\n    digest_credential: s3cret\n";
    let d = Deployment::load(yaml, Format::Yaml, "d.yaml", &NoFiles).unwrap();
    assert_eq!(d.servers[0].node_name, "2007");
    assert_eq!(d.servers[0].version.as_deref(), Some("7.0"));
    assert_eq!(d.users[0].telephone_number.as_deref(), Some("0123"));
    assert!(d.users[0].digest_credential);
    // Anchors and aliases work, and the aliased item is placed where the alias is.
    let yaml = "clients:\n  - &hq {id: hq, kind: cupc}\nusers:\n  - {cucm_id: a, clients: &both [hq]}\n  - {cucm_id: b, clients: *both}\n";
    let d = Deployment::load(yaml, Format::Yaml, "d.yaml", &NoFiles).unwrap();
    assert_eq!(d.users[1].clients, d.users[0].clients);
    assert_failures(
        Format::Yaml,
        &[
            // A null is not a name (as in JSON).
            (
                "servers:\n  - node_name: ~\n    roles: [cups]\n",
                "2:16: servers[0].node_name: invalid type: null, expected a string",
            ),
            // A repeated key is refused at the repeat, naming its mapping.
            (
                "servers:\n  - node_name: a\n    roles: [cups]\n    roles: [cucm]\n",
                "4:5: servers[0]: duplicate key `roles` (first written at line 3)",
            ),
            // What YAML has that a deployment does not need is refused, saying why.
            (
                "domain: a\n---\ndomain: b\n",
                "2:1: a second YAML document: a deployment file holds one",
            ),
            (
                "domain: !!binary YWNtZQ==\n",
                "1:9: the YAML tag `!!binary` cannot be read here",
            ),
            (
                "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e]\n",
                // The eighth `*d` (11,111 nodes each) passes the budget.
                "5:36: the alias `*d` would make aliases copy more than 100000 nodes",
            ),
        ],
    );
}

#[test]
fn the_ldap_search_base_is_optional() {
    let ldap = "[[servers]]\nnode_name = \"dc\"\nroles = [\"ldap\"]\n\n[ldap]\nserver = \"dc\"\n";
    let without = load_toml(ldap).unwrap();
    assert_eq!(without.ldap.unwrap().base, None);
    let with = load_toml(&format!("{ldap}base = \"dc=acme,dc=com\"\n")).unwrap();
    assert_eq!(with.ldap.unwrap().base.as_deref(), Some("dc=acme,dc=com"));
}

#[test]
fn a_client_lists_its_dns_servers_in_order() {
    let client = "[[clients]]\nid = \"vpn\"\nkind = \"cupc\"\n";
    let loaded = load_toml(&format!("{client}dns_servers = [\"10.1.1.53\", \"fd00::53\"]\n")).unwrap();
    let servers: Vec<String> = loaded.clients[0].dns_servers.iter().map(ToString::to_string).collect();
    assert_eq!(servers, ["10.1.1.53", "fd00::53"]);
    assert!(load_toml(client).unwrap().clients[0].dns_servers.is_empty());
    let problem = only(load_toml(&format!("{client}dns_servers = [\"dns1\"]\n")).unwrap_err());
    assert_eq!(at(&problem).0, 4, "{problem}");
}

#[test]
fn jabber_domains_and_addresses_must_be_dns_domains() {
    let text = "domain = \"ex.com\"\n\n[[clients]]\nid = \"j\"\nkind = \"jabber-mac\"\n\n[clients.jabber]\nvoice_services_domain = \"uc example\"\n";
    let p = only(load_toml(text).unwrap_err());
    assert_eq!(p.kind, ProblemKind::Type);
    assert_eq!(at(&p).0, 8);
    assert!(
        p.message.contains("clients[0].jabber.voice_services_domain"),
        "{}",
        p.message
    );
    assert!(p.message.contains("not a DNS domain"), "{}", p.message);

    let text = text.replace("voice_services_domain = \"uc example\"", "sign_in = \"@ex.com\"");
    assert!(only(load_toml(&text).unwrap_err()).message.contains("no user"));
    let text = text.replace("sign_in = \"@ex.com\"", "exclude_services = [\"VOICEMAIL\"]");
    let p = only(load_toml(&text).unwrap_err());
    assert!(
        p.message.contains("WEBEX") && p.message.contains("CUP"),
        "{}",
        p.message
    );
    assert_eq!(at(&p).0, 8);
    let good = text.replace("[\"VOICEMAIL\"]", "[\"WEBEX\", \"CUP\"]\nsign_in = \"ex.com\"");
    load_toml(&good).unwrap();
}

#[test]
fn toml_values_keep_their_types() {
    // A number is no string, nor an enum's name; a date-time is no string either.
    assert_failures(
        Format::Toml,
        &[
            (
                "[[servers]]\nnode_name = 2007\nroles = [\"cups\"]\n",
                "2:13: servers[0].node_name: invalid type: integer `2007`, expected a string",
            ),
            (
                "[[servers]]\nnode_name = \"a\"\nroles = [\"cups\"]\nversion = 7.5\n",
                "4:11: servers[0].version: invalid type: floating point `7.5`, expected a string",
            ),
            (
                "domain = true\n",
                "1:10: domain: invalid type: boolean `true`, expected a string",
            ),
            (
                "domain = 1979-05-27\n",
                "1:10: domain: invalid type: map, expected a string",
            ),
        ],
    );
    // Integers in any TOML radix.
    let toml = "[sip_proxy]\nstatic_routes = [{ pattern = \".com.a.*\", next_hop = \"b\", port = 0x13C4, weight = 0o12, priority = 0b11 }]\n";
    let route = &load_toml(toml).unwrap().sip_proxy.static_routes[0];
    assert_eq!((route.port, route.weight, route.priority), (5060, 10, 3));
}
