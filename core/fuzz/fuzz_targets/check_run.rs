//! The check the `check` fuzz target makes, shared with the test that replays its corpus
//! without a fuzzer (`core/tests/fuzz_corpus.rs` includes this file): a deployment of any
//! content that loads runs every built-in rule, the overview and Show Server Health of every
//! user on every client, and every renderer (text, JSON, SARIF) without panicking; JSON and
//! SARIF are always valid JSON holding every finding.

// The fuzz target uses `check` alone; the replay test uses the rest too.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::Arc;

use uclint_core::derive::overview::overview;
use uclint_core::health::health_from_report;
use uclint_core::model::{Deployment, Format};
use uclint_core::pipeline::{self, CheckRequest};
use uclint_core::report::text;

/// The corpus directory of the target.
pub const TARGET: &str = "check";

/// The name the deployment text carries in locations.
const FILE: &str = "fuzz.toml";

/// The files the bundled example refers to, so its seeds load whole.
fn side_files() -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "acme.zone".to_owned(),
            include_str!("../../../examples/acme.zone").to_owned(),
        ),
        (
            "acme-users.csv".to_owned(),
            include_str!("../../../examples/acme-users.csv").to_owned(),
        ),
    ])
}

/// Check the TOML deployment `text` and render the report every way; whether it loaded.
pub fn check(text: &str) -> bool {
    let files = side_files();
    let Ok((deployment, references)) = Deployment::load_with_references(text, Format::Toml, FILE, &files) else {
        return false;
    };
    let deployment = Arc::new(deployment);
    let checked = pipeline::check(&deployment, &references, &CheckRequest::default(), None)
        .expect("the default request selects no plugin rule");
    let findings = checked.report.findings.len();

    let source = |name: &str| {
        if name == FILE {
            Some(text.to_owned())
        } else {
            files.get(name).cloned()
        }
    };
    let shown = text::render(&checked.report, &source);
    assert!(
        findings == 0 || !shown.is_empty(),
        "{text:?}: {findings} findings and no text"
    );

    let json: serde_json::Value = serde_json::from_str(&checked.to_json())
        .unwrap_or_else(|e| panic!("{text:?}: the JSON report is not JSON: {e}"));
    assert_eq!(
        json["findings"].as_array().map(Vec::len),
        Some(findings),
        "{text:?}: JSON lost findings"
    );
    let sarif: serde_json::Value = serde_json::from_str(&checked.to_sarif())
        .unwrap_or_else(|e| panic!("{text:?}: the SARIF log is not JSON: {e}"));
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(findings),
        "{text:?}: SARIF lost findings"
    );

    let _ = overview(&deployment);
    for user in &deployment.users {
        for client in &deployment.clients {
            let _ = health_from_report(&deployment, &checked.report, user, client);
        }
    }
    true
}
