//! Fuzz loading a deployment written in TOML: no input may panic the loader, and every problem
//! in reading the text says where it is (the check `text_check.rs` holds, which
//! `core/tests/fuzz_corpus.rs` replays).

#![no_main]

mod text_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Deployments are text; bytes that are not UTF-8 never reach the loader.
    if let Ok(text) = std::str::from_utf8(data) {
        text_check::check("deployment_toml", text);
    }
});
