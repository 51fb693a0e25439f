//! Every seed of every importer's fuzz corpus (`core/fuzz/corpus/import_*`) goes through the
//! fuzz target's own check, so the corpus runs in CI without a fuzzer; `ok-*` seeds must be
//! read and `err-*` seeds refused.

use std::path::Path;

use uclint_core::collect::import;

use crate::{import_check, replay};

/// Targets whose corpus another test replays (`route::uri::props`, `core/tests/fuzz_corpus.rs`).
const REPLAYED_ELSEWHERE: &[&str] = &[
    "uri",
    "deployment_toml",
    "deployment_json",
    "deployment_yaml",
    "dns_zone",
    "hosts",
    "users_csv",
    "check",
];

#[test]
fn every_import_corpus_file_passes_its_targets_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut directories: Vec<String> = std::fs::read_dir(&root)
        .expect("the fuzz corpus directory")
        .map(|entry| {
            entry
                .expect("a corpus directory")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    directories.sort();
    for directory in &directories {
        assert!(
            import_check::TARGETS.contains(&directory.as_str()) || REPLAYED_ELSEWHERE.contains(&directory.as_str()),
            "corpus/{directory} belongs to no target that a test replays"
        );
    }
    for target in import_check::TARGETS {
        for (name, bytes) in replay::files(&root.join(target), 3) {
            // As the target does: bytes that do not decode never reach the importer.
            let Ok(text) = import::decode(&bytes) else {
                assert!(!name.starts_with("ok-"), "{target}/{name} does not decode");
                continue;
            };
            let read = import_check::check(target, &text);
            if let Err(error) = &read {
                assert!(!name.starts_with("ok-"), "{target}/{name}: {error}");
            }
            replay::expect(target, &name, read.is_ok());
        }
    }
}
