//! SIP routing at scale: 100,000 request URIs routed against 10,000 and against 100,000 static
//! routes. With the route index the per-request cost should barely grow with the table.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use uclint_core::model::{RouteType, SipProxy, StaticRoute, Transport};
use uclint_core::route::Router;
use uclint_core::route::uri::Uri;

const REQUESTS: usize = 100_000;

/// Half domain routes (`.com.partnerN.*`), half user routes (`N....` digit patterns).
fn proxy(routes: usize) -> SipProxy {
    let static_routes = (0..routes)
        .map(|i| {
            let (pattern, route_type) = if i % 2 == 0 {
                (format!(".com.partner{i}.*"), RouteType::Domain)
            } else {
                (format!("{}....", 100_000 + i), RouteType::User)
            };
            StaticRoute {
                pattern,
                route_type,
                next_hop: Some(format!("192.0.{}.{}", (i / 250) % 250, i % 250 + 1)),
                port: 5060,
                transport: Transport::Tcp,
                priority: u16::try_from(1 + i % 3).unwrap_or(1),
                weight: 10,
                in_service: i % 97 != 0,
                block: i % 101 == 0,
                allow_less_specific: false,
                location: None,
            }
        })
        .collect();
    SipProxy {
        proxy_domain: Some("acme.com".to_owned()),
        static_routes,
        ..SipProxy::default()
    }
}

/// Requests spread over the whole table: user hits, domain hits (and subdomains), misses.
fn requests(routes: usize) -> Vec<(String, Uri)> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..REQUESTS)
        .map(|n| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let i = usize::try_from(state % routes as u64).unwrap_or(0);
            let text = match n % 4 {
                0 => format!("sip:{}1234@pstn.example.net", 100_000 + (i | 1)),
                1 => format!("sip:alice@partner{}.com", i & !1),
                2 => format!("sip:bob@eu.sales.partner{}.com", i & !1),
                _ => format!("sip:carol@unknown{i}.org"),
            };
            let uri = Uri::parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
            (text, uri)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("route_100k_requests");
    group.sample_size(10);
    group.throughput(Throughput::Elements(REQUESTS as u64));
    for routes in [10_000, 100_000] {
        let proxy = proxy(routes);
        let router = Router::new(&proxy);
        let requests = requests(routes);
        group.bench_with_input(BenchmarkId::from_parameter(routes), &routes, |b, _| {
            b.iter(|| {
                for (text, uri) in &requests {
                    black_box(router.route_parsed(text, uri, None, None));
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
