//! The plugin host's costs: (1) the overhead of a call into a plugin whose `check` does
//! nothing; (2) PRS001 reimplemented by a plugin through the host's presence address over 100,000 users,
//! against the built-in PRS001 on the same deployment; (3) loading a plugin the first time
//! (compile) against loading it from the on-disk cache (load plus instantiation).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use uclint_core::catalogue::Code;
use uclint_core::model::{Deployment, Format};
use uclint_core::rules::{Options, check};
use uclint_core::synth::{Spec, generate};
use uclint_plugin_host::{Cache, Limits, PluginHost};

/// A plugin built from source by plugins/build.sh.
fn plugin(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let built = Command::new("bash").arg(root.join("plugins/build.sh")).output();
    assert!(built.is_ok_and(|o| o.status.success()), "plugins/build.sh failed");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    target.join("plugins").join(format!("{name}.wasm"))
}

fn synthetic(users: usize) -> Arc<Deployment> {
    let s = generate(&Spec {
        users,
        ..Spec::default()
    });
    let files = BTreeMap::from([("users.csv".to_owned(), s.users_csv)]);
    Arc::new(Deployment::load(&s.deployment, Format::Toml, "synthetic.toml", &files).unwrap_or_default())
}

fn bench(c: &mut Criterion) {
    let cache_dir = std::env::temp_dir().join(format!("uclint-bench-cache-{}", std::process::id()));
    let host = PluginHost::new(Limits::default(), Some(Cache::new(&cache_dir))).unwrap_or_else(|e| panic!("{e}"));
    let no_config = BTreeMap::new();

    let empty_path = plugin("bench-empty");
    let empty = host.load(&empty_path).unwrap_or_else(|e| panic!("{e}"));
    let small = synthetic(10);
    c.bench_function("call_overhead/empty_check", |b| {
        b.iter(|| black_box(host.check(&empty, &small, &no_config, None)));
    });

    let big = synthetic(100_000);
    let prs001 = host.load(&plugin("bench-prs001")).unwrap_or_else(|e| panic!("{e}"));
    let only_prs001 = Options {
        select: vec![Code::PRS001],
        ignore: Vec::new(),
    };
    // Both must find the same nodes, or the comparison means nothing.
    let builtin_found = check(&big, &[], &only_prs001).findings.len();
    let plugin_found = host.check(&prs001, &big, &no_config, None).findings.len();
    assert_eq!(builtin_found, plugin_found, "built-in and plugin PRS001 disagree");
    let mut group = c.benchmark_group("prs001_100k_users");
    group.sample_size(10);
    group.bench_function("builtin", |b| b.iter(|| black_box(check(&big, &[], &only_prs001))));
    group.bench_function("plugin_through_host_d1", |b| {
        b.iter(|| black_box(host.check(&prs001, &big, &no_config, None)));
    });
    group.finish();

    let mut group = c.benchmark_group("load_bench_prs001");
    group.sample_size(10);
    let uncached = PluginHost::new(Limits::default(), None).unwrap_or_else(|e| panic!("{e}"));
    let path = plugin("bench-prs001");
    group.bench_function("first_load_compiles", |b| b.iter(|| black_box(uncached.load(&path))));
    group.bench_function("cached_load_and_instantiate", |b| {
        b.iter(|| black_box(host.load(&path)))
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&cache_dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
