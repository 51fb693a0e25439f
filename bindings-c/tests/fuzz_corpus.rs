//! Every file of the C-boundary fuzz corpus (`bindings-c/fuzz/corpus/c_boundary`) goes through
//! the fuzz target's own check, so the corpus (with every input a fuzzer ever found) runs in CI
//! without a fuzzer; `ok-*` inputs must load a deployment and `err-*` inputs must not.

// The checks and helpers are test code: a panic is how they fail.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../fuzz/fuzz_targets/c_boundary_check.rs"]
mod c_boundary_check;

use std::path::Path;

#[test]
fn every_c_boundary_corpus_file_passes_the_targets_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(c_boundary_check::TARGET);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.expect("a corpus file").path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the corpus holds only {} seeds", files.len());
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let loaded = c_boundary_check::check(&bytes);
        if name.starts_with("ok-") {
            assert!(loaded, "{name} should load");
        }
        if name.starts_with("err-") {
            assert!(!loaded, "{name} should be refused");
        }
    }
}
