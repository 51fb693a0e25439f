//! What the uclint plugin host and the plugin SDK must agree on, in one place: the contract's
//! version, the rules for namespaces and rule codes, and which characters never reach a
//! terminal. The host enforces these rules on what a plugin returns; the SDK applies the same
//! ones in a plugin's native unit tests.
//!
//! No dependencies: this crate is compiled into every plugin (wasm32) and into the host.

#![cfg_attr(not(test), no_std)]

/// Expands to the newest contract version as a string literal, so that [`VERSION`] and
/// [`CONTRACT`] derive from one place (`concat!` needs a literal, not a `const`).
#[macro_export]
macro_rules! contract_version {
    () => {
        "0.2.0"
    };
}

/// The newest version of the contract, the one the SDK builds plugins for (`0.2.0`). Its WIT is
/// `plugins/wit/v<VERSION>/rule.wit`.
pub const VERSION: &str = contract_version!();

/// The WIT package of the contract, without a version.
pub const PACKAGE: &str = "uclint:rule";

/// The newest contract, as WIT names it: `uclint:rule@0.2.0`.
pub const CONTRACT: &str = concat!("uclint:rule@", contract_version!());

/// The longest namespace, `X-` included.
pub const MAX_NAMESPACE_LEN: usize = 32;

/// The longest rule code.
pub const MAX_CODE_LEN: usize = 64;

/// Whether `namespace` is `X-<VENDOR>`: `X-`, then upper-case letters, digits and single inner
/// dashes, starting with a letter, at most [`MAX_NAMESPACE_LEN`] characters.
pub fn namespace_ok(namespace: &str) -> bool {
    namespace.len() <= MAX_NAMESPACE_LEN
        && namespace
            .strip_prefix("X-")
            .is_some_and(|vendor| word_ok(vendor) && vendor.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Whether `code` is a rule code of `namespace`: `<NAMESPACE>-<NAME>`, the name made of
/// upper-case letters, digits and single inner dashes, at most [`MAX_CODE_LEN`] characters.
/// Built-in codes (`PRS001`) never start with `X-`, so they never pass.
pub fn code_ok(code: &str, namespace: &str) -> bool {
    code.len() <= MAX_CODE_LEN
        && code
            .strip_prefix(namespace)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(word_ok)
}

/// Upper-case letters, digits and single inner dashes.
fn word_ok(word: &str) -> bool {
    !word.is_empty()
        && !word.starts_with('-')
        && !word.ends_with('-')
        && !word.contains("--")
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// Whether `c` must never reach a terminal: every control character (C0, DEL, C1) and the
/// bidirectional overrides and isolates. In `multiline` text newlines and tabs are allowed.
pub fn unsafe_char(c: char, multiline: bool) -> bool {
    if multiline && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_names_its_version() {
        assert_eq!(CONTRACT, "uclint:rule@0.2.0");
        assert_eq!(CONTRACT, [PACKAGE, VERSION].join("@"));
    }

    #[test]
    fn namespaces_are_x_vendor() {
        for good in ["X-ACME", "X-ACME-LABS", "X-A2", "X-ACME-2"] {
            assert!(namespace_ok(good), "{good}");
        }
        for bad in ["ACME", "X-acme", "X-", "X-ACME-", "X-9LIVES", "X-ACME--CORP", "X--ACME"] {
            assert!(!namespace_ok(bad), "{bad}");
        }
        assert!(namespace_ok(&["X-", &"A".repeat(30)].concat()));
        assert!(!namespace_ok(&["X-", &"A".repeat(31)].concat()));
    }

    #[test]
    fn codes_stay_inside_their_namespace() {
        assert!(code_ok("X-ACME-NAMING", "X-ACME"));
        assert!(code_ok("X-ACME-NAME-2", "X-ACME"));
        for bad in [
            "PRS001",
            "X-OTHER-NAMING",
            "X-ACMEX-NAMING",
            "X-ACME-",
            "X-ACME-naming",
            "X-ACME",
        ] {
            assert!(!code_ok(bad, "X-ACME"), "{bad}");
        }
        assert!(code_ok(&["X-ACME-", &"A".repeat(57)].concat(), "X-ACME"));
        assert!(!code_ok(&["X-ACME-", &"A".repeat(58)].concat(), "X-ACME"));
    }

    #[test]
    fn control_characters_and_overrides_are_unsafe() {
        for c in ['\u{0}', '\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}'] {
            assert!(unsafe_char(c, true), "{c:?}");
        }
        assert!(unsafe_char('\n', false));
        assert!(!unsafe_char('\n', true));
        assert!(!unsafe_char('\t', true));
        assert!(!unsafe_char('a', false));
        assert!(!unsafe_char('é', false));
    }
}
