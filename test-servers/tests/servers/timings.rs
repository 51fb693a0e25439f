//! How long each server takes to start (until it answers) and to stop, on this machine:
//! `cargo test -p uclint-test-servers -- --ignored --nocapture --test-threads 1 timings`.

use std::time::{Duration, Instant};

use uclint_test_servers::{Apache, Certs, Dovecot, Kamailio, Nsd, Slapd, TlsServer, Zone};

/// The median start and stop time of five runs of `start`.
fn measure<T>(name: &str, mut start: impl FnMut() -> T) {
    let (mut starts, mut stops) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let began = Instant::now();
        let server = start();
        starts.push(began.elapsed());
        let began = Instant::now();
        drop(server);
        stops.push(began.elapsed());
    }
    let median = |times: &mut Vec<Duration>| {
        times.sort();
        times[times.len() / 2]
    };
    eprintln!(
        "{name:<24} start {:>8.1?}  stop {:>8.1?}",
        median(&mut starts),
        median(&mut stops)
    );
}

#[test]
#[ignore = "prints timings; run with --ignored --nocapture --test-threads 1"]
fn timings() {
    let zone = "$ORIGIN example.com.\n@ 300 IN SOA ns1 hostmaster 1 3600 600 86400 300\n@ 300 IN NS ns1\nns1 300 IN A 127.0.0.1\n";
    measure("certificates", Certs::new);
    let certs = Certs::new();
    measure("TLS server (in-process)", || TlsServer::start(&certs.good));
    measure("NSD", || Nsd::start(&[Zone::text("example.com", zone)]));
    measure("Kamailio UDP+TCP", || Kamailio::challenging(None));
    measure("Kamailio UDP+TCP+TLS", || Kamailio::challenging(Some(&certs.good)));
    measure("slapd", || {
        Slapd::builder(&certs.good).person("alice", "alicepw").start()
    });
    measure("Dovecot", || Dovecot::builder(&certs.good).start());
    measure("Apache HTTP", || Apache::builder().start());
    measure("Apache HTTP+HTTPS", || Apache::builder().tls(&certs.good).start());
}
