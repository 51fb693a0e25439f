//! Fuzz the users CSV a deployment refers to: no input may panic the reader, every user points
//! at a row of the CSV and every problem names a line of it (the check `text_check.rs` holds,
//! which `core/tests/fuzz_corpus.rs` replays).

#![no_main]

mod text_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The CSV reaches the reader as text; bytes that are not UTF-8 never do.
    if let Ok(text) = std::str::from_utf8(data) {
        text_check::check("users_csv", text);
    }
});
