//! `docs/rules/` holds one page per rule, generated from the catalogue. This test fails when a
//! committed page differs; `UPDATE_RULE_DOCS=1 cargo test -p uclint-core --test rule_docs`
//! writes them anew.

use std::path::PathBuf;

use uclint_core::catalogue;

fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/rules")
}

fn expected() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = catalogue::all()
        .map(|rule| (format!("{}.md", rule.code), catalogue::page(rule)))
        .collect();
    let mut index = String::from(
        "# uclint rules\n\nOne page per rule, generated from the catalogue in `core/src/catalogue/`.\n\n| code | severity | title |\n|---|---|---|\n",
    );
    for rule in catalogue::all() {
        index.push_str(&format!(
            "| [{code}]({code}.md) | {} | {} |\n",
            rule.severity,
            rule.title,
            code = rule.code
        ));
    }
    pages.push(("README.md".to_owned(), index));
    pages
}

#[test]
fn every_reference_is_a_page_that_exists() {
    let docs = docs_dir().join("..");
    for rule in catalogue::all() {
        for r in catalogue::references(rule) {
            assert!(docs.join(r.file).is_file(), "{}: docs/{}", rule.code, r.file);
        }
    }
}

#[test]
fn committed_rule_pages_match_the_catalogue() {
    let dir = docs_dir();
    let pages = expected();
    if std::env::var_os("UPDATE_RULE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &pages {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &pages {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(committed) if committed == *text => {}
            _ => stale.push(name.clone()),
        }
    }
    let committed = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert!(
        stale.is_empty(),
        "docs/rules is stale for {stale:?}: run `UPDATE_RULE_DOCS=1 cargo test -p uclint-core --test rule_docs`"
    );
    assert_eq!(committed, pages.len(), "docs/rules holds pages of no rule");
}
