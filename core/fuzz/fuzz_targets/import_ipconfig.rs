//! Fuzz importing `ipconfig /all` (English Windows): no input may panic the importer, and a refusal
//! names a line of the input (the check `import_check.rs` holds, which
//! `core/tests/import/fuzz_corpus.rs` replays).

#![no_main]

mod import_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Importers take text; the bytes of a file become text through `import::decode`.
    let Ok(text) = uclint_core::collect::import::decode(data) else {
        return;
    };
    let _ = import_check::check("import_ipconfig", &text);
});
