//! Every file of the plugin-file fuzz corpus (`plugins/host/fuzz/corpus/plugin_file`) goes
//! through the fuzz target's own check, so the corpus (with every input a fuzzer ever found)
//! runs in CI without a fuzzer; `ok-*` inputs must load as a plugin and `err-*` inputs must not.

// The checks and helpers are test code: a panic is how they fail.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../fuzz/fuzz_targets/plugin_file_check.rs"]
mod plugin_file_check;

#[path = "../../../core/fuzz/replay.rs"]
mod replay;

#[test]
fn every_plugin_file_corpus_file_passes_the_targets_check() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(plugin_file_check::TARGET);
    for (name, bytes) in replay::files(&dir, 5) {
        replay::expect(plugin_file_check::TARGET, &name, plugin_file_check::check(&bytes));
    }
}
