//! Replaying a fuzz corpus without a fuzzer: the tests of core, the C library and the plugin
//! host include this file to walk their corpus directories the same way. A file named `ok-*`
//! must be read by the target's check and one named `err-*` refused; any other file (an input
//! a fuzzer found) only has to pass the check.

#![allow(dead_code, clippy::expect_used)]

use std::path::Path;

/// Every file of the corpus directory `dir`, sorted by name, as (name, bytes); a corpus of
/// fewer than `at_least` files fails, so an emptied directory cannot pass unnoticed.
pub fn files(dir: &Path, at_least: usize) -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a corpus file").path())
        .collect();
    paths.sort();
    assert!(
        paths.len() >= at_least,
        "{} holds only {} files",
        dir.display(),
        paths.len()
    );
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, bytes)
        })
        .collect()
}

/// Whether the check's answer (`read`) is what the file's name promises.
pub fn expect(target: &str, name: &str, read: bool) {
    if name.starts_with("ok-") {
        assert!(read, "{target}/{name} should be read");
    }
    if name.starts_with("err-") {
        assert!(!read, "{target}/{name} should be refused");
    }
}
