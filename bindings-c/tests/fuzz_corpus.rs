//! Every file of the C-boundary fuzz corpus (`bindings-c/fuzz/corpus/c_boundary`) goes through
//! the fuzz target's own check, so the corpus (with every input a fuzzer ever found) runs in CI
//! without a fuzzer; `ok-*` inputs must load a deployment and `err-*` inputs must not.

// The checks and helpers are test code: a panic is how they fail.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../fuzz/fuzz_targets/c_boundary_check.rs"]
mod c_boundary_check;

#[path = "../../core/fuzz/replay.rs"]
mod replay;

#[test]
fn every_c_boundary_corpus_file_passes_the_targets_check() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(c_boundary_check::TARGET);
    for (name, bytes) in replay::files(&dir, 5) {
        replay::expect(c_boundary_check::TARGET, &name, c_boundary_check::check(&bytes));
    }
}
