//! The in-process TLS server: handshakes, echoes one line, counts, stops.

use std::io::Write;

use uclint_test_servers::{Certs, TlsServer};

use crate::common::{exchange, tls_connect};

#[test]
fn it_completes_a_handshake_and_echoes_one_line() {
    let certs = Certs::new();
    let server = TlsServer::start(&certs.good);
    let mut tls = tls_connect(server.address, &certs.ca_der, "127.0.0.1").unwrap();
    let echoed = exchange(&mut tls, b"hello over TLS\n", |t| t.ends_with('\n'));
    assert_eq!(echoed, "hello over TLS\n");
    assert_eq!(server.handshakes(), 1);
}

#[test]
fn a_rejected_certificate_completes_no_handshake() {
    let certs = Certs::new();
    let server = TlsServer::start(&certs.expired);
    assert!(tls_connect(server.address, &certs.ca_der, "127.0.0.1").is_err());
    assert_eq!(server.handshakes(), 0);
}

#[test]
fn dropping_it_ends_connections_still_open() {
    let certs = Certs::new();
    let server = TlsServer::start(&certs.good);
    let mut tls = tls_connect(server.address, &certs.ca_der, "127.0.0.1").unwrap();
    tls.flush().unwrap();
    let started = std::time::Instant::now();
    drop(server);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}
