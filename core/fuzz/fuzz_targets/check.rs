//! Fuzz the whole check: a TOML deployment of any content that loads runs every built-in rule,
//! the overview, Show Server Health and every renderer without panicking, and its JSON and SARIF
//! reports are valid JSON with every finding (the check `check_run.rs` holds, which
//! `core/tests/fuzz_corpus.rs` replays).

#![no_main]

mod check_run;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check_run::check(text);
    }
});
