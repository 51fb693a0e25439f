//! The check every importer's fuzz target makes, shared with the test that replays the corpus
//! without a fuzzer (`core/tests/import/fuzz_corpus.rs` includes this file): no input may panic
//! an importer; a refusal names a line of the input and quotes at most 80 characters of it; a
//! client file gives exactly one profile and an export only users with an id.

// Each fuzz target uses `check` alone; the replay test uses `TARGETS` too.
#![allow(dead_code)]

use uclint_core::collect::import::{self, ImportError};
use uclint_core::model::ClientKind;

/// The importer targets, named as their corpus directories are.
pub const TARGETS: &[&str] = &[
    "import_ipconfig",
    "import_resolv",
    "import_scutil",
    "import_hosts",
    "import_ldif",
    "import_bat",
];

/// Feed `text` to the importer of `target` and check its answer; whether it was read.
pub fn check(target: &str, text: &str) -> Result<(), ImportError> {
    let kind = ClientKind::Cupc;
    let result = match target {
        "import_ipconfig" => import::ipconfig(text, "fuzz", "fuzz", kind),
        "import_resolv" => import::resolv(text, "fuzz", "fuzz", kind),
        "import_scutil" => import::scutil(text, "fuzz", "fuzz", kind),
        "import_hosts" => import::hosts(text, "fuzz", "fuzz", kind),
        "import_ldif" => import::ldif(text, "fuzz").map(|read| read.collected),
        "import_bat" => import::bat(text, "fuzz"),
        other => panic!("no importer for fuzz target {other}"),
    };
    match &result {
        Err(error) => {
            let lines = text.strip_prefix('\u{feff}').unwrap_or(text).lines().count();
            assert!(
                (1..=lines + 1).contains(&error.line),
                "{target}: {text:?}: line {} is outside the {lines} lines of the input: {error}",
                error.line
            );
            let quoted = error.found.as_deref().map_or(0, |found| found.chars().count());
            assert!(quoted <= 83, "{target}: {text:?}: quotes {quoted} characters: {error}");
            assert!(!error.to_string().is_empty());
        }
        Ok(collected) if target == "import_ldif" || target == "import_bat" => {
            assert!(
                collected.clients.is_empty(),
                "{target}: {text:?}: an export gave a client profile"
            );
            assert!(
                collected.users.iter().all(|user| !user.cucm_id.is_empty()),
                "{target}: {text:?}: a user without an id"
            );
        }
        Ok(collected) => {
            assert_eq!(collected.clients.len(), 1, "{target}: {text:?}: not one client profile");
            assert_eq!(collected.clients[0].id, "fuzz");
        }
    }
    result.map(|_| ())
}
