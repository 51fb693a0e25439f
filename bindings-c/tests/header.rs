//! `include/uclint.h` is what cbindgen makes of the sources today.
//!
//! Regenerate it with `UPDATE_C_HEADER=1 cargo test -p uclint-c --test header`.

use std::path::Path;

#[test]
fn header_is_current() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml parses");
    let bindings = cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let generated = String::from_utf8(generated).expect("the header is UTF-8");

    let path = crate_dir.join("include/uclint.h");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if generated == committed {
        return;
    }
    if std::env::var_os("UPDATE_C_HEADER").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("include/uclint.h is writable");
        return;
    }
    let first_difference = generated
        .lines()
        .zip(committed.lines().chain(std::iter::repeat("<end of file>")))
        .enumerate()
        .find(|(_, (new, old))| new != old)
        .map_or_else(
            || "the committed header has extra lines at the end".to_owned(),
            |(i, (new, old))| format!("line {}:\n  committed: {old}\n  generated: {new}", i + 1),
        );
    panic!(
        "bindings-c/include/uclint.h is out of date with the sources; first difference at {first_difference}\n\
         Regenerate it with: UPDATE_C_HEADER=1 cargo test -p uclint-c --test header"
    );
}
