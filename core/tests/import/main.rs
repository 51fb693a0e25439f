//! The text importers read real samples (`tests/fixtures/import/`), as the tools print them,
//! and refuse what they do not recognise at the right line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bat;
mod client_files;
mod fuzz_corpus;
mod ipconfig;
mod ldif;
mod mutations;

/// The fuzz targets' check, as they run it.
#[path = "../../fuzz/fuzz_targets/import_check.rs"]
mod import_check;

#[path = "../../fuzz/replay.rs"]
mod replay;

/// A fixture's text, byte for byte (CRLF kept).
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Addresses as text, to compare with literals.
pub fn shown(addresses: &[std::net::IpAddr]) -> Vec<String> {
    addresses.iter().map(ToString::to_string).collect()
}
