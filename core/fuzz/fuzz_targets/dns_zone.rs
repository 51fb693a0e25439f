//! Fuzz reading zone text (BIND master-file syntax, through hickory-proto): no input may panic
//! the parser, `$INCLUDE` is refused, and an error names a line of the text (the check
//! `text_check.rs` holds, which `core/tests/fuzz_corpus.rs` replays).

#![no_main]

mod text_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        text_check::check("dns_zone", text);
    }
});
