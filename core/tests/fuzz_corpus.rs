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

use std::path::{Path, PathBuf};

/// The files of one corpus, sorted, as (name, text); files that are not UTF-8 are left out, as
/// the targets skip them before their check.
fn corpus(target: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("corpus/{target}: {e}"))
        .map(|entry| entry.expect("a corpus file").path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "corpus/{target} holds only {} seeds", files.len());
    files
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            String::from_utf8(bytes).ok().map(|text| (name, text))
        })
        .collect()
}

fn expect(target: &str, name: &str, read: bool) {
    if name.starts_with("ok-") {
        assert!(read, "{target}/{name} should be read");
    }
    if name.starts_with("err-") {
        assert!(!read, "{target}/{name} should be refused");
    }
}

#[test]
fn every_parser_corpus_file_passes_its_targets_check() {
    for target in text_check::TARGETS {
        for (name, text) in corpus(target) {
            expect(target, &name, text_check::check(target, &text));
        }
    }
}

#[test]
fn every_check_corpus_file_passes_the_check_targets_check() {
    for (name, text) in corpus(check_run::TARGET) {
        expect(check_run::TARGET, &name, check_run::check(&text));
    }
}
