//! Fuzz the C library's entry points as a C program calls them, under the address sanitizer:
//! any bytes and lengths, NULL pointers, indexes past the end (the check `c_boundary_check.rs`
//! holds, which `bindings-c/tests/fuzz_corpus.rs` replays).

#![no_main]

mod c_boundary_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    c_boundary_check::check(data);
});
