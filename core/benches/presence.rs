//! The presence address over 1,000,000 (node, domain) pairs, beside its floor: `format!("{node}.{domain}")`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use uclint_core::derive::presence::presence_address;

const PAIRS: usize = 1_000_000;

/// A realistic, deterministic mix: bare hostnames, FQDNs in and out of the domain, IPs, mixed
/// case, IP and unset proxy domains.
fn pairs() -> Vec<(String, Option<String>)> {
    let domains = [
        Some("acme.com"),
        Some("emea.acme.com"),
        Some("ACME.COM"),
        Some("10.11.12.13"),
        None,
    ];
    (0..PAIRS)
        .map(|i| {
            let domain = domains[i % domains.len()];
            let node = match i % 6 {
                0 | 1 => format!("cups-{i}"),
                2 => format!("cups-{i}.acme.com"),
                3 => format!("cups-{i}.emea.acme.com"),
                4 => format!("10.{}.{}.{}", i % 250, (i / 250) % 250, i % 199),
                _ => format!("CUPS-{i}.Acme.Com"),
            };
            (node, domain.map(str::to_owned))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let pairs = pairs();
    let mut group = c.benchmark_group("presence_address_1m");
    group.throughput(Throughput::Elements(PAIRS as u64));
    group.sample_size(10);
    group.bench_function("d1", |b| {
        b.iter(|| {
            for (node, domain) in &pairs {
                black_box(presence_address(black_box(node), black_box(domain.as_deref()), None));
            }
        });
    });
    group.bench_function("floor_format", |b| {
        b.iter(|| {
            for (node, domain) in &pairs {
                let domain = domain.as_deref().unwrap_or("PROXY_DOMAIN_NOT_SET");
                black_box(format!("{}.{}", black_box(node), black_box(domain)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
