//! `check` with every rule on, on synthetic deployments of 1,000, 10,000 and 100,000 users;
//! loading (TOML + CSV + references) measured separately.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use uclint_core::model::{Deployment, Format};
use uclint_core::rules::{Options, check};
use uclint_core::synth::{Spec, generate};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn bench(c: &mut Criterion) {
    let mut load = c.benchmark_group("load");
    load.sample_size(10);
    let mut loaded = Vec::new();
    for users in SIZES {
        let s = generate(&Spec {
            users,
            ..Spec::default()
        });
        let files = BTreeMap::from([("users.csv".to_owned(), s.users_csv.clone())]);
        load.throughput(Throughput::Elements(users as u64));
        load.bench_with_input(BenchmarkId::from_parameter(users), &users, |b, _| {
            b.iter(|| black_box(Deployment::load(&s.deployment, Format::Toml, "synthetic.toml", &files)));
        });
        let deployment = Deployment::load(&s.deployment, Format::Toml, "synthetic.toml", &files).unwrap_or_default();
        loaded.push((users, deployment));
    }
    load.finish();

    let mut run = c.benchmark_group("check");
    run.sample_size(10);
    for (users, deployment) in &loaded {
        run.throughput(Throughput::Elements(*users as u64));
        run.bench_with_input(BenchmarkId::from_parameter(users), users, |b, _| {
            b.iter(|| black_box(check(deployment, &[], &Options::default())));
        });
    }
    run.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
