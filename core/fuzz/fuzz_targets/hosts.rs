//! Fuzz reading a hosts file (Windows or Unix): no input may panic the parser, every entry and
//! every refusal names a line of the text (the check `text_check.rs` holds, which
//! `core/tests/fuzz_corpus.rs` replays).

#![no_main]

mod text_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Hosts files reach the parser as text; bytes that are not UTF-8 never do.
    if let Ok(text) = std::str::from_utf8(data) {
        text_check::check("hosts", text);
    }
});
