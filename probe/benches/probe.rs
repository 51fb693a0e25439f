//! A whole probe run on loopback: 20 TLS services answering, then 10 answering and 10 silent
//! at a one-second timeout. The questions run at once, so the second should take about one
//! timeout, not ten.

use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use uclint_core::model::{Deployment, Format};
use uclint_core::source::NoFiles;
use uclint_probe::{NoProgress, Probe, ProbeRequest, probe};
use uclint_test_servers::{Certs, Silent, TlsServer};

/// A deployment of one server per port, each offering HTTPS there and nothing else.
fn deployment(ports: &[u16]) -> Arc<Deployment> {
    let mut text = String::new();
    for (i, port) in ports.iter().enumerate() {
        text.push_str(&format!(
            "[[servers]]\nnode_name = \"node-{i}.lab\"\naddresses = [\"127.0.0.1\"]\nroles = [\"ldap\"]\nports = {{ https = {port} }}\n\n"
        ));
    }
    let deployment = Deployment::load(&text, Format::Toml, "bench.toml", &NoFiles).unwrap_or_else(|e| panic!("{e}"));
    Arc::new(deployment)
}

fn run(c: &mut Criterion) {
    let certs = Certs::new();
    let answering: Vec<TlsServer> = (0..20).map(|_| TlsServer::start(&certs.good)).collect();
    let silent: Vec<Silent> = (0..10).map(|_| Silent::start()).collect();
    let request = ProbeRequest {
        only: vec![Probe::Tls],
        timeout: Duration::from_secs(1),
        ca: Some(certs.ca.clone()),
        ..ProbeRequest::default()
    };
    let all: Vec<u16> = answering.iter().map(|s| s.address.port()).collect();
    let half: Vec<u16> = answering[..10]
        .iter()
        .map(|s| s.address.port())
        .chain(silent.iter().map(|s| s.address.port()))
        .collect();
    let mut group = c.benchmark_group("probe");
    group.sample_size(10);
    for (name, ports) in [("20 answering", all), ("10 answering, 10 silent, timeout 1 s", half)] {
        let deployment = deployment(&ports);
        group.bench_function(name, |b| {
            b.iter(|| probe(&deployment, &request, &NoProgress).unwrap_or_else(|e| panic!("{e}")));
        });
    }
    group.finish();
}

criterion_group!(benches, run);
criterion_main!(benches);
