//! Every rule's entry, family by family: what `uclint rules` lists and `explain` shows.

use super::{Code, RuleInfo, families};

/// The families, in the order reports and `uclint rules` list them, then the plugin host's.
const FAMILIES: [&[RuleInfo]; 12] = [
    families::prs::RULES,
    families::auth::RULES,
    families::vm::RULES,
    families::name::RULES,
    families::sip::RULES,
    families::ldap::RULES,
    families::cal::RULES,
    families::topo::RULES,
    families::tls::RULES,
    families::jab::RULES,
    families::drift::RULES,
    families::plugin::RULES,
];

/// Every rule, family by family.
pub fn all() -> impl Iterator<Item = &'static RuleInfo> {
    FAMILIES.into_iter().flatten()
}

/// The entry for `code`.
pub fn info(code: Code) -> &'static RuleInfo {
    // Every code has exactly one entry (a test proves it), so the fallback is never used.
    all().find(|r| r.code == code).unwrap_or(&families::prs::RULES[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_exactly_one_entry_in_its_family() {
        for code in Code::ALL {
            let entries: Vec<&RuleInfo> = all().filter(|r| r.code == *code).collect();
            assert_eq!(entries.len(), 1, "{code}");
            let family = code
                .as_str()
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .to_ascii_lowercase();
            assert!(
                !entries[0].title.is_empty() && !entries[0].checks.is_empty() && !entries[0].why.is_empty(),
                "{code} {family}"
            );
        }
        assert_eq!(all().count(), Code::ALL.len());
    }
}
