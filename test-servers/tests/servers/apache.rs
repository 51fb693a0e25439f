//! Apache answers as Exchange and OWA do: WebDAV, redirects, Basic authentication, 440, HTTPS.

use uclint_test_servers::{Apache, Certs, Mailbox};

use crate::common::{connect, tls_connect};
use crate::http::{header, request, status};

/// The answer to a plain HTTP request.
fn http(apache: &Apache, method: &str, path: &str, headers: &[&str], body: &str) -> String {
    request(&mut connect(apache.http), apache.http, method, path, headers, body)
}

#[test]
fn webdav_collections_answer_propfind_and_options() {
    let apache = Apache::builder().dav_user("alice").dav_user("bob").start();
    let propfind = r#"<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:allprop/></D:propfind>"#;
    for user in ["alice", "bob"] {
        let path = format!("/exchange/{user}/");
        let answer = http(
            &apache,
            "PROPFIND",
            &path,
            &["Depth: 0", "Content-Type: text/xml"],
            propfind,
        );
        assert_eq!(status(&answer), "HTTP/1.1 207 Multi-Status", "{answer}");
        assert!(answer.contains("multistatus") && answer.contains(&path), "{answer}");
    }
    let answer = http(&apache, "OPTIONS", "/exchange/alice/", &[], "");
    assert_eq!(header(&answer, "DAV"), Some("1,2"), "{answer}");
    let answer = http(&apache, "PROPFIND", "/exchange/carol/", &["Depth: 0"], "");
    assert_eq!(status(&answer), "HTTP/1.1 404 Not Found");
}

#[test]
fn owa_redirects_authenticates_and_expires() {
    let apache = Apache::builder().start();
    let answer = http(&apache, "GET", "/owa", &[], "");
    assert_eq!(status(&answer), "HTTP/1.1 302 Found", "{answer}");
    let location = header(&answer, "Location").unwrap();
    assert_eq!(location, apache.url("/owa/auth/logon.aspx"));
    let answer = http(&apache, "GET", "/owa/auth/logon.aspx", &[], "");
    assert_eq!(status(&answer), "HTTP/1.1 200 OK");

    let answer = http(&apache, "GET", "/protected", &[], "");
    assert_eq!(status(&answer), "HTTP/1.1 401 Unauthorized", "{answer}");
    assert_eq!(header(&answer, "WWW-Authenticate"), Some("Basic realm=\"uclint test\""));
    // alice:alicepw
    let answer = http(
        &apache,
        "GET",
        "/protected",
        &["Authorization: Basic YWxpY2U6YWxpY2Vwdw=="],
        "",
    );
    assert_eq!(status(&answer), "HTTP/1.1 200 OK", "{answer}");
    let answer = http(
        &apache,
        "GET",
        "/protected",
        &["Authorization: Basic YWxpY2U6d3Jvbmc="],
        "",
    );
    assert_eq!(status(&answer), "HTTP/1.1 401 Unauthorized");

    let answer = http(&apache, "GET", "/expired", &[], "");
    assert_eq!(status(&answer), "HTTP/1.1 440 Login Timeout", "{answer}");

    let answer = http(&apache, "GET", "/elsewhere", &[], "");
    assert_eq!(status(&answer), "HTTP/1.1 302 Found");
    assert_eq!(header(&answer, "Location"), Some(Apache::OTHER_HOST_URL));
}

#[test]
fn https_serves_the_same_site_with_the_test_certificate() {
    let certs = Certs::new();
    let apache = Apache::builder().tls(&certs.good).start();
    let address = apache.https.unwrap();
    let mut tls = tls_connect(address, &certs.ca_der, "127.0.0.1").unwrap();
    let answer = request(&mut tls, address, "GET", "/owa", &[], "");
    assert_eq!(status(&answer), "HTTP/1.1 302 Found", "{answer}");
    let mut tls = tls_connect(address, &certs.ca_der, "localhost").unwrap();
    let answer = request(&mut tls, address, "PROPFIND", "/exchange/alice/", &["Depth: 0"], "");
    assert_eq!(status(&answer), "HTTP/1.1 207 Multi-Status", "{answer}");
    // Plain HTTP stays plain.
    assert_eq!(
        status(&request(
            &mut connect(apache.http),
            apache.http,
            "GET",
            "/expired",
            &[],
            ""
        )),
        "HTTP/1.1 440 Login Timeout"
    );
}

#[test]
fn mailboxes_answer_as_exchange_does_under_exchange() {
    let apache = Apache::builder()
        .mailbox("alice", Mailbox::Basic)
        .mailbox("plain", Mailbox::NoDav)
        .mailbox("fba", Mailbox::FormsLogon)
        .mailbox("late", Mailbox::Expired)
        .mailbox("moved", Mailbox::Elsewhere)
        .start();
    let depth = ["Depth: 0"];
    let answer = http(&apache, "PROPFIND", "/exchange/alice/", &depth, "");
    assert_eq!(status(&answer), "HTTP/1.1 401 Unauthorized", "{answer}");
    // alice:alicepw
    let right = ["Depth: 0", "Authorization: Basic YWxpY2U6YWxpY2Vwdw=="];
    let answer = http(&apache, "PROPFIND", "/exchange/alice/", &right, "");
    assert_eq!(status(&answer), "HTTP/1.1 207 Multi-Status", "{answer}");

    let answer = http(&apache, "OPTIONS", "/exchange/plain/", &[], "");
    assert!(status(&answer).starts_with("HTTP/1.1 200"), "{answer}");
    assert_eq!(header(&answer, "DAV"), None, "{answer}");
    let answer = http(&apache, "PROPFIND", "/exchange/plain/", &depth, "");
    assert_eq!(status(&answer), "HTTP/1.1 405 Method Not Allowed", "{answer}");

    let answer = http(&apache, "PROPFIND", "/exchange/fba/", &depth, "");
    assert_eq!(status(&answer), "HTTP/1.1 302 Found", "{answer}");
    let location = header(&answer, "Location").unwrap();
    assert_eq!(location, apache.url("/owa/auth/logon.aspx?url=/exchange/fba/&reason=0"));

    for method in ["PROPFIND", "OPTIONS", "GET"] {
        let answer = http(&apache, method, "/exchange/late/", &depth, "");
        assert!(status(&answer).starts_with("HTTP/1.1 440 "), "{method}: {answer}");
    }

    let answer = http(&apache, "PROPFIND", "/exchange/moved/", &depth, "");
    assert_eq!(status(&answer), "HTTP/1.1 302 Found", "{answer}");
    assert_eq!(
        header(&answer, "Location"),
        Some("http://other.example/exchange/moved/")
    );
}
