//! Every file of the deployment, zone, hosts, users-CSV and check fuzz corpora
//! (`core/fuzz/corpus/<target>`) goes through the fuzz target's own check, so the corpus (with
//! every input a fuzzer ever found) runs in CI without a fuzzer; `ok-*` files must be read and
//! `err-*` files refused.

// The checks and helpers are test code: a panic is how they fail.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../fuzz/fuzz_targets/text_check.rs"]
mod text_check;

#[path = "../fuzz/fuzz_targets/check_run.rs"]
mod check_run;

#[path = "../fuzz/replay.rs"]
mod replay;

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target)
}

#[test]
fn every_parser_corpus_file_passes_its_targets_check() {
    for target in text_check::TARGETS {
        for (name, bytes) in replay::files(&corpus(target), 5) {
            // The targets skip input that is not UTF-8, as the parsers never see it.
            if let Ok(text) = std::str::from_utf8(&bytes) {
                replay::expect(target, &name, text_check::check(target, text));
            }
        }
    }
}

#[test]
fn every_check_corpus_file_passes_the_check_targets_check() {
    for (name, bytes) in replay::files(&corpus(check_run::TARGET), 5) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            replay::expect(check_run::TARGET, &name, check_run::check(text));
        }
    }
}
