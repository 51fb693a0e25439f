//! The AXL collector against uclint-test-servers' AxlServer, a stand-in for CUCM's AXL (no real
//! CUCM can run here) that checks each request and answer against an excerpt of Cisco's AXL 10.5
//! schema: the whole fixture cluster read exactly, paging, faults, 401, throttling, an untrusted
//! certificate, a timeout, an answer that is not XML, and the password never shown.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use uclint_core::collect::{Collected, Source, SourceKind};
use uclint_core::model::{Ldap, Role, RouteType, Server, SipProxy, StaticRoute, Transport, User};
use uclint_probe::collect::{AxlTarget, CollectError, collect_axl};
use uclint_probe::{SecretKind, Secrets};
use uclint_test_servers::{AxlServer, Certs, Trouble};

const USER: &str = "axl-reader";
const PASSWORD: &str = "Axl-S3cret-pw!";

fn secrets(password: &str) -> Secrets {
    let mut secrets = Secrets::default();
    secrets.set(SecretKind::Axl, password.to_owned());
    secrets
}

/// The collector pointed at `server`, trusting the test CA, 3 users a page, quick retries.
fn target(server: &AxlServer, certs: &Certs) -> AxlTarget {
    let mut target = AxlTarget::new(server.url(), USER);
    target.ca = Some(certs.ca.clone());
    target.page_size = 3;
    target.timeout = Duration::from_secs(5);
    target.throttle_retries = 2;
    target.throttle_pause = Duration::from_millis(20);
    target
}

fn collect(server: &AxlServer, certs: &Certs) -> Result<Collected, CollectError> {
    collect_axl(&target(server, certs), &secrets(PASSWORD))
}

/// Every request and answer of the run matched the schema.
fn assert_schema_kept(server: &AxlServer) {
    assert_eq!(server.violations(), Vec::<String>::new());
}

fn count(server: &AxlServer, operation: &str) -> usize {
    server.asked().iter().filter(|o| *o == operation).count()
}

fn server(node_name: &str, hostname: Option<&str>, domain: Option<&str>, addresses: &[&str], role: Role) -> Server {
    Server {
        hostname: hostname.map(str::to_owned),
        domain: domain.map(str::to_owned),
        addresses: addresses.iter().map(|a| a.parse().unwrap()).collect(),
        ..Server::new(node_name, vec![role])
    }
}

fn user(id: &str, first: Option<&str>, last: &str, phone: Option<&str>, digest: bool) -> User {
    User {
        first_name: first.map(str::to_owned),
        last_name: Some(last.to_owned()),
        telephone_number: phone.map(Into::into),
        digest_credential: digest,
        ..User::new(id)
    }
}

#[allow(clippy::too_many_arguments)]
fn route(
    pattern: &str,
    route_type: RouteType,
    next_hop: Option<&str>,
    port: u16,
    transport: Transport,
    priority: u16,
    weight: u16,
    (in_service, block, allow_less_specific): (bool, bool, bool),
) -> StaticRoute {
    StaticRoute {
        pattern: pattern.to_owned(),
        route_type,
        next_hop: next_hop.map(str::to_owned),
        port,
        transport,
        priority,
        weight,
        in_service,
        block,
        allow_less_specific,
        location: None,
    }
}

/// The fixture cluster (`AxlCluster::fixture`) as the deployment model says it.
fn fixture_users() -> Vec<User> {
    vec![
        user("alice", Some("Alice"), "Archer", Some("+1 408 555 0101"), true),
        user("bob", Some("Bob"), "Baker", Some("1002"), false),
        user("carol", Some("Carol"), "Cooper", Some("1003"), true),
        user("dave", None, "Dunn", None, false),
        user("eve.o'neil", Some("Eve"), "O'Neil & Sons", Some("1005"), true),
        user("frank", Some("Frank"), "Fisher", Some("1006"), false),
        user("grace", Some("Grace"), "Gómez", Some("1007"), true),
    ]
}

fn fixture(origin: String) -> Collected {
    let acme = Some("acme.com");
    Collected {
        source: Source {
            kind: SourceKind::Axl,
            origin,
        },
        domain: Some("acme.com".to_owned()),
        servers: vec![
            server("cucm-pub.acme.com", Some("cucm-pub"), acme, &[], Role::Cucm),
            server("cucm-sub1.acme.com", Some("cucm-sub1"), acme, &[], Role::Cucm),
            server("10.1.10.13", None, None, &["10.1.10.13"], Role::Cucm),
            server("cups-1.acme.com", Some("cups-1"), acme, &[], Role::Cups),
            server("cups-2.acme.com", Some("cups-2"), acme, &[], Role::Cups),
            server("dc1.acme.com", Some("dc1"), acme, &[], Role::Ldap),
        ],
        sip_proxy: Some(SipProxy {
            proxy_domain: Some("acme.com".to_owned()),
            authentication_module: true,
            incoming_acl: vec!["10.1.10.*".to_owned(), "cucm-pub.acme.com".to_owned()],
            static_routes: vec![
                route(
                    ".com.partner.*",
                    RouteType::Domain,
                    Some("sbc.acme.com"),
                    5061,
                    Transport::Tls,
                    1,
                    10,
                    (true, false, false),
                ),
                route(
                    "1...",
                    RouteType::User,
                    Some("10.1.10.11"),
                    5060,
                    Transport::Tcp,
                    2,
                    20,
                    (true, false, true),
                ),
                route(
                    ".com.blocked.*",
                    RouteType::Domain,
                    None,
                    5060,
                    Transport::Udp,
                    3,
                    10,
                    (false, true, false),
                ),
            ],
            destinations: Vec::new(),
        }),
        records: Vec::new(),
        clients: Vec::new(),
        ldap: Some(Ldap {
            server: "dc1.acme.com".to_owned(),
            synchronization: true,
            authentication: true,
            sync_port: 389,
            auth_port: 3268,
            tls: false,
            base: Some("ou=Users,dc=acme,dc=com".to_owned()),
            directory_size: None,
            certificates: Vec::new(),
            cupc_profile: None,
            location: None,
        }),
        users: fixture_users(),
    }
}

#[test]
fn the_whole_cluster_is_read_exactly_and_every_message_keeps_the_schema() {
    let certs = Certs::new();
    let server = AxlServer::start(&certs.good, USER, PASSWORD);
    let collected = collect(&server, &certs).unwrap();
    assert_eq!(collected, fixture(format!("https://{}/axl/", server.address)));
    assert_eq!(
        server.asked(),
        [
            "listProcessNode",
            "listUser",
            "listUser",
            "listUser",
            "executeSQLQuery",
            "listLdapDirectory",
            "getLdapDirectory",
            "getLdapSystem",
            "getLdapAuthentication",
            "listServiceParameter",
            "executeSQLQuery",
            "executeSQLQuery",
        ]
    );
    assert_schema_kept(&server);
}

#[test]
fn users_are_read_page_by_page_whatever_the_page_size() {
    let certs = Certs::new();
    // 7 users: pages of 2 (2, 2, 2, 1), of 7 (7, then an empty page), of 1000 (7).
    for (page_size, pages) in [(2, 4), (7, 2), (1000, 1)] {
        let server = AxlServer::start(&certs.good, USER, PASSWORD);
        let mut target = target(&server, &certs);
        target.page_size = page_size;
        let collected = collect_axl(&target, &secrets(PASSWORD)).unwrap();
        assert_eq!(collected.users, fixture_users(), "pages of {page_size}");
        assert_eq!(count(&server, "listUser"), pages, "pages of {page_size}");
        assert_schema_kept(&server);
    }
}

#[test]
fn a_pager_that_ignores_skip_is_caught_not_followed_forever() {
    let certs = Certs::new();
    let server = AxlServer::start(&certs.good, USER, PASSWORD);
    server.misbehave("listUser", Trouble::IgnoreSkip, usize::MAX);
    let error = collect(&server, &certs).unwrap_err();
    assert_eq!(
        error.reason,
        "listUser: user `alice` came twice: the server ignored `skip`"
    );
    assert_eq!(count(&server, "listUser"), 2);
}

#[test]
fn a_soap_fault_ends_the_collection_with_its_faultstring_and_the_operation() {
    let certs = Certs::new();
    let server = AxlServer::start(&certs.good, USER, PASSWORD);
    server.misbehave("listUser", Trouble::Fault("Query request too large".to_owned()), 1);
    let error = collect(&server, &certs).unwrap_err();
    assert_eq!(error.kind, SourceKind::Axl);
    assert_eq!(error.origin, format!("https://{}/axl/", server.address));
    assert!(
        error
            .reason
            .starts_with("listUser: SOAP fault: Query request too large"),
        "{error}"
    );
    assert!(error.to_string().starts_with("axl https://127.0.0.1:"), "{error}");
    assert_eq!(
        server.asked(),
        ["listProcessNode", "listUser"],
        "nothing after the fault"
    );
    assert_schema_kept(&server);
}

#[test]
fn a_refused_password_is_http_401_naming_the_user() {
    let certs = Certs::new();
    let server = AxlServer::start(&certs.good, USER, PASSWORD);
    let error = collect_axl(&target(&server, &certs), &secrets("not-the-password")).unwrap_err();
    assert_eq!(
        error.reason,
        format!("listProcessNode: the AXL user `{USER}` or its password was refused (HTTP 401)")
    );
    // And when the server says 401 in the middle of a run.
    server.misbehave("getLdapSystem", Trouble::Unauthorized, 1);
    let error = collect(&server, &certs).unwrap_err();
    assert!(error.reason.starts_with("getLdapSystem: the AXL user"), "{error}");
}

#[test]
fn throttling_is_waited_out_a_bounded_number_of_times() {
    let certs = Certs::new();
    let server = AxlServer::start(&certs.good, USER, PASSWORD);
    server.misbehave("listProcessNode", Trouble::Throttle, 2);
    let collected = collect(&server, &certs).unwrap();
    assert_eq!(collected, fixture(format!("https://{}/axl/", server.address)));
    assert_eq!(count(&server, "listProcessNode"), 3, "two throttled, then answered");
    assert_schema_kept(&server);
}

#[test]
fn throttling_that_never_ends_is_an_error_after_the_last_retry() {
    let certs = Certs::new();
    let server = AxlServer::start(&certs.good, USER, PASSWORD);
    server.misbehave("listUser", Trouble::Throttle, usize::MAX);
    let error = collect(&server, &certs).unwrap_err();
    assert!(
        error.reason.starts_with("listUser: AXL is throttling requests"),
        "{error}"
    );
    assert!(
        error.reason.contains("Maximum AXL Memory Allocation Consumed"),
        "{error}"
    );
    assert!(error.reason.contains("after 3 attempts"), "{error}");
    assert_eq!(count(&server, "listUser"), 3);
}

#[test]
fn a_certificate_the_ca_bundle_does_not_vouch_for_is_refused_before_any_request() {
    let certs = Certs::new();
    let server = AxlServer::start(&certs.untrusted, USER, PASSWORD);
    let error = collect(&server, &certs).unwrap_err();
    assert!(
        error.reason.starts_with("listProcessNode: the TLS handshake"),
        "{error}"
    );
    assert!(error.reason.contains("certificate"), "{error}");
    assert!(server.asked().is_empty(), "no request, so no password, crossed");
}

#[test]
fn silence_is_a_timeout_and_html_is_not_an_answer() {
    let certs = Certs::new();
    let server = AxlServer::start(&certs.good, USER, PASSWORD);
    server.misbehave("getLdapAuthentication", Trouble::Stall, 1);
    let mut quick = target(&server, &certs);
    quick.timeout = Duration::from_millis(500);
    let error = collect_axl(&quick, &secrets(PASSWORD)).unwrap_err();
    assert!(
        error
            .reason
            .starts_with("getLdapAuthentication: timeout: no answer within 500 ms"),
        "{error}"
    );

    server.misbehave("listLdapDirectory", Trouble::NotXml, 1);
    let error = collect(&server, &certs).unwrap_err();
    assert!(
        error
            .reason
            .starts_with("listLdapDirectory: the answer is not an AXL SOAP answer"),
        "{error}"
    );
}

#[test]
fn a_missing_password_or_a_plain_http_url_fails_before_connecting() {
    let certs = Certs::new();
    let server = AxlServer::start(&certs.good, USER, PASSWORD);
    let error = collect_axl(&target(&server, &certs), &Secrets::default()).unwrap_err();
    assert!(error.reason.contains("UCLINT_AXL_PASSWORD"), "{error}");
    let mut plain = target(&server, &certs);
    plain.url = format!("http://{}", server.address);
    let error = collect_axl(&plain, &secrets(PASSWORD)).unwrap_err();
    assert!(error.reason.contains("not an https:// URL"), "{error}");
    assert!(server.asked().is_empty());
}

#[test]
fn the_password_never_shows_in_an_error_or_a_debug_print() {
    let certs = Certs::new();
    let token = STANDARD.encode(format!("{USER}:{PASSWORD}"));
    let server = AxlServer::start(&certs.good, USER, PASSWORD);
    // A server that echoes the password and the credentials it was sent in its fault.
    server.misbehave(
        "listProcessNode",
        Trouble::Fault(format!("login {USER}/{PASSWORD} with Basic {token} refused")),
        1,
    );
    server.misbehave("listUser", Trouble::Throttle, usize::MAX);
    let mut errors = vec![
        collect(&server, &certs).unwrap_err(),
        collect(&server, &certs).unwrap_err(),
    ];
    errors.push(collect_axl(&target(&server, &certs), &secrets("wrong-Axl-S3cret-pw!")).unwrap_err());
    let untrusted = AxlServer::start(&certs.untrusted, USER, PASSWORD);
    errors.push(collect(&untrusted, &certs).unwrap_err());
    assert!(
        errors[0]
            .reason
            .contains("login axl-reader/******** with Basic ******** refused"),
        "{}",
        errors[0]
    );
    for error in &errors {
        for shown in [error.to_string(), format!("{error:?}")] {
            assert!(!shown.contains(PASSWORD), "{shown}");
            assert!(!shown.contains(&token), "{shown}");
        }
    }
    let target = target(&server, &certs);
    assert!(!format!("{target:?}").contains(PASSWORD));
    assert!(!format!("{:?}", secrets(PASSWORD)).contains(PASSWORD));
}
