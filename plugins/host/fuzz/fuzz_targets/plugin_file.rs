//! Fuzz the plugin host with arbitrary bytes as a plugin file: each is a plugin that loads and
//! runs in the sandbox, or a PLUGIN finding, never a crash (the check `plugin_file_check.rs`
//! holds, which `plugins/host/tests/fuzz_corpus.rs` replays).

#![no_main]

mod plugin_file_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    plugin_file_check::check(data);
});
