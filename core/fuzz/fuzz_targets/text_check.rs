//! The check the deployment, zone, hosts and users-CSV fuzz targets make, shared with the test
//! that replays their corpus without a fuzzer (`core/tests/fuzz_corpus.rs` includes this file):
//! no input may panic a parser, every problem in reading the text says where it is, inside the
//! text, and a deployment that loads, written back out as JSON, loads again as the same model.

// Each fuzz target uses `check` alone; the replay test uses `TARGETS` too.
#![allow(dead_code)]

use std::collections::BTreeMap;

use uclint_core::dns::hosts::HostsFile;
use uclint_core::dns::zone::parse_zone;
use uclint_core::model::{Deployment, Format, LoadError, ProblemKind};
use uclint_core::source::NoFiles;

/// The targets, named as their corpus directories are.
pub const TARGETS: &[&str] = &[
    "deployment_toml",
    "deployment_json",
    "deployment_yaml",
    "dns_zone",
    "hosts",
    "users_csv",
];

/// The name the users-CSV target gives the CSV, as a deployment would refer to it.
const USERS_CSV: &str = "users.csv";

/// Feed `text` to what `target` fuzzes and check the answer; whether it was read.
pub fn check(target: &str, text: &str) -> bool {
    let lines = text.lines().count().max(1);
    let within = |line: u32| (1..=lines + 1).contains(&(line as usize));
    match target {
        "dns_zone" => match parse_zone(text, Some("acme.com."), "fuzz.zone") {
            Ok(_) => true,
            Err(error) => {
                assert!(
                    within(error.location.line),
                    "{text:?}: line {} of {lines}: {error}",
                    error.location.line
                );
                false
            }
        },
        "hosts" => match HostsFile::parse(text, "fuzz.hosts") {
            Ok(table) => {
                for entry in table.entries() {
                    let line = entry.location.as_ref().map_or(0, |l| l.line);
                    assert!(
                        within(line),
                        "{text:?}: entry {} placed on line {line} of {lines}",
                        entry.name
                    );
                    assert!(!entry.name.is_empty() && !entry.name.contains(char::is_whitespace));
                }
                true
            }
            Err(error) => {
                assert!(
                    within(error.location.line),
                    "{text:?}: line {} of {lines}: {error}",
                    error.location.line
                );
                false
            }
        },
        "users_csv" => users_csv(text, &within),
        deployment => {
            let format = match deployment {
                "deployment_toml" => Format::Toml,
                "deployment_json" => Format::Json,
                "deployment_yaml" => Format::Yaml,
                other => panic!("no loader for fuzz target {other}"),
            };
            match Deployment::load(text, format, "fuzz", &NoFiles) {
                Ok(deployment) => {
                    writes_back(text, &deployment);
                    true
                }
                Err(error) => {
                    problems_are_placed(text, &error, "fuzz", &within);
                    false
                }
            }
        }
    }
}

/// A deployment whose users come from the CSV `text`: every user it reads points at a row of it,
/// and every problem with it names a line of it.
fn users_csv(text: &str, within: &dyn Fn(u32) -> bool) -> bool {
    let files = BTreeMap::from([(USERS_CSV.to_owned(), text.to_owned())]);
    let deployment = format!("users_csv = \"{USERS_CSV}\"\n[[servers]]\nnode_name = \"cups1\"\nroles = [\"cups\"]\n");
    // Dangling references (a user homed on a node the deployment lacks) are findings, not
    // problems of the CSV: loading goes on past them, as `uclint check` does.
    match Deployment::load_with_references(&deployment, Format::Toml, "fuzz.toml", &files) {
        Ok((loaded, _)) => {
            for user in &loaded.users {
                let line = user.location.as_ref().map_or(0, |l| l.line);
                assert!(within(line), "{text:?}: user {} placed on line {line}", user.cucm_id);
            }
            true
        }
        Err(error) => {
            problems_are_placed(text, &error, USERS_CSV, within);
            false
        }
    }
}

/// Every syntax, type or key problem has a location, and one in `file` is a line of `text`.
fn problems_are_placed(text: &str, error: &LoadError, file: &str, within: &dyn Fn(u32) -> bool) {
    for problem in &error.problems {
        let about_the_text = matches!(
            problem.kind,
            ProblemKind::Syntax | ProblemKind::Type | ProblemKind::UnknownKey | ProblemKind::MissingKey
        );
        assert!(
            !about_the_text || problem.location.is_some(),
            "{text:?}: a problem without a location: {problem}"
        );
        if let Some(location) = problem.location.as_ref().filter(|l| &*l.file == file) {
            assert!(
                within(location.line),
                "{text:?}: line {} is outside the text: {problem}",
                location.line
            );
        }
    }
}

/// The model written out as JSON loads again, and is the same model.
fn writes_back(text: &str, deployment: &Deployment) {
    let model = serde_json::to_value(deployment).expect("a loaded model serializes");
    let written = model.to_string();
    let again = Deployment::load(&written, Format::Json, "again.json", &NoFiles)
        .unwrap_or_else(|e| panic!("{text:?}: the model written back does not load: {e}\n{written}"));
    let model_again = serde_json::to_value(&again).expect("a loaded model serializes");
    assert_eq!(
        model, model_again,
        "{text:?}: the model changed on the way back: {written}"
    );
}
