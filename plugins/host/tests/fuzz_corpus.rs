//! Every file of the plugin-file fuzz corpus (`plugins/host/fuzz/corpus/plugin_file`) goes through
//! the fuzz target's own check, so the corpus (with every input a fuzzer ever found) runs in CI
//! without a fuzzer; `ok-*` inputs must load as a plugin and `err-*` inputs must not.

// The checks and helpers are test code: a panic is how they fail.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../fuzz/fuzz_targets/plugin_file_check.rs"]
mod plugin_file_check;

use std::path::Path;

#[test]
fn every_plugin_file_corpus_file_passes_the_targets_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(plugin_file_check::TARGET);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.expect("a corpus file").path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the corpus holds only {} seeds", files.len());
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let loaded = plugin_file_check::check(&bytes);
        if name.starts_with("ok-") {
            assert!(loaded, "{name} should load");
        }
        if name.starts_with("err-") {
            assert!(!loaded, "{name} should be refused");
        }
    }
}
