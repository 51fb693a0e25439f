//! Without a fuzzer on CI: every importer meets its real samples cut, spliced and sprinkled with
//! the characters its format gives meaning to, under the fuzz targets' own check (no panic; a
//! refusal names a line of the input).

use proptest::prelude::*;

use crate::{fixture, import_check};

/// Each target with the samples it reads.
const SAMPLES: &[(&str, &[&str])] = &[
    (
        "import_ipconfig",
        &[
            "ipconfig-win10.txt",
            "ipconfig-winxp-vpn.txt",
            "ipconfig-win10-french.txt",
        ],
    ),
    (
        "import_resolv",
        &["resolv-networkmanager.conf", "resolv-systemd-resolved.conf"],
    ),
    ("import_scutil", &["scutil-dns-macos.txt"]),
    ("import_hosts", &["hosts-windows.txt", "hosts-unix.txt"]),
    ("import_ldif", &["ad-ldapsearch.ldif", "openldap-slapcat.ldif"]),
    ("import_bat", &["bat-export-users.csv"]),
];

/// Pieces that mean something to one format or another.
const PIECES: &[&str] = &[
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    ":",
    " : ",
    "::",
    ":<",
    ". . :",
    "#",
    ";",
    ",",
    "\"",
    "%",
    "(",
    ")",
    "[0]",
    "\u{feff}",
    "\0",
    "é",
    "\u{10ffff}",
    "dn: ",
    "version: 2",
    "changetype: modify",
    "resolver #1",
    "adapter ",
    "Media disconnected",
    "::1",
    "10.0.0.",
    "fe80::1%12",
    "USER ID",
    "",
];

#[derive(Debug, Clone)]
enum Edit {
    Cut(usize),
    Insert(usize, usize),
    Remove(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Cut),
        (any::<usize>(), 0..PIECES.len()).prop_map(|(at, piece)| Edit::Insert(at, piece)),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Edit::Remove(at, len)),
    ]
}

/// The nearest char boundary at or below `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(mut text: String, edits: &[Edit]) -> String {
    for edit in edits {
        match *edit {
            Edit::Cut(at) => text.truncate(boundary(&text, at)),
            Edit::Insert(at, piece) => text.insert_str(boundary(&text, at), PIECES[piece]),
            Edit::Remove(at, len) => {
                let start = boundary(&text, at);
                let end = boundary(&text, start.saturating_add(len).min(text.len()));
                text.replace_range(start..end.max(start), "");
            }
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_samples_never_panic_an_importer(
        target in 0..SAMPLES.len(),
        sample in any::<usize>(),
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        let (name, files) = SAMPLES[target];
        let text = apply(fixture(files[sample % files.len()]), &edits);
        let _ = import_check::check(name, &text);
    }

    #[test]
    fn any_text_never_panics_an_importer(target in 0..SAMPLES.len(), text in "\\PC{0,300}") {
        let _ = import_check::check(SAMPLES[target].0, &text);
    }
}
