//! Every seed of the deployment and zone fuzz corpora (`core/fuzz/corpus/{deployment_toml,
//! deployment_json,deployment_yaml,dns_zone}`) goes through the fuzz targets' own check, so the
//! corpus (with every input a fuzzer ever found) runs in CI without a fuzzer; `ok-*` seeds must
//! be read and `err-*` seeds refused.

#[path = "../fuzz/fuzz_targets/text_check.rs"]
mod text_check;

use std::path::Path;

#[test]
fn every_deployment_and_zone_corpus_file_passes_its_targets_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for target in text_check::TARGETS {
        let mut files: Vec<_> = std::fs::read_dir(root.join(target))
            .unwrap_or_else(|e| panic!("corpus/{target}: {e}"))
            .map(|entry| entry.expect("a corpus file").path())
            .collect();
        files.sort();
        assert!(files.len() >= 5, "corpus/{target} holds only {} seeds", files.len());
        for path in files {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            // The targets skip input that is not UTF-8, as the loader never sees it.
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            let read = text_check::check(target, text);
            if name.starts_with("ok-") {
                assert!(read, "{target}/{name} should be read");
            }
            if name.starts_with("err-") {
                assert!(!read, "{target}/{name} should be refused");
            }
        }
    }
}
