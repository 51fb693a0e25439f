//! Shared by the host's tests: the plugins built from source, and the ACME deployment.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Once};

use uclint_core::model::{Deployment, Format};
use uclint_core::report::Finding;
use uclint_plugin_host::{Limits, PluginHost};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The plugin `name` (`naming-policy`, `hostile-trap`...), built from source by
/// plugins/build.sh the first time any test asks.
pub fn plugin(name: &str) -> PathBuf {
    static BUILD: Once = Once::new();
    BUILD.call_once(|| {
        let status = Command::new("bash")
            .arg(root().join("plugins/build.sh"))
            .status()
            .expect("run plugins/build.sh");
        assert!(status.success(), "plugins/build.sh failed");
    });
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    let path = target.join("plugins").join(format!("{name}.wasm"));
    assert!(path.is_file(), "plugins/build.sh did not produce {}", path.display());
    path
}

/// examples/acme.toml with the files it refers to.
pub fn acme() -> Arc<Deployment> {
    let dir = root().join("examples");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let files = BTreeMap::from([
        ("acme-users.csv".to_owned(), read("acme-users.csv")),
        ("acme.zone".to_owned(), read("acme.zone")),
    ]);
    let (deployment, _) =
        Deployment::load_with_references(&read("acme.toml"), Format::Toml, "acme.toml", &files).unwrap();
    Arc::new(deployment)
}

/// Small budgets, so the hostile plugins hit them quickly.
pub fn limits() -> Limits {
    Limits {
        fuel: 200_000_000,
        memory_bytes: 64 << 20,
        max_findings: 10_000,
        max_output_bytes: 4 << 20,
        max_host_work: 1_000_000,
        max_plugin_bytes: 16 << 20,
        max_print_bytes: 16 << 10,
    }
}

/// A host with [`limits`], no cache.
pub fn host() -> PluginHost {
    PluginHost::new(limits(), None).unwrap()
}

/// The findings of `name` on `deployment`, loaded and run in one host.
pub fn run(host: &PluginHost, name: &str, deployment: &Arc<Deployment>) -> Vec<Finding> {
    match host.load(&plugin(name)) {
        Ok(plugin) => host.check(&plugin, deployment, &BTreeMap::new(), None).findings,
        Err(failure) => vec![failure.finding(&format!("{name}.wasm"), None)],
    }
}
