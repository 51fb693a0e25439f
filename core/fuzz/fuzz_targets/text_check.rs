//! The check the deployment and zone fuzz targets make, shared with the test that replays their
//! corpus without a fuzzer (`core/tests/fuzz_corpus.rs` includes this file): no input may panic
//! the loader or the zone parser, and every problem in reading the text says where it is, inside
//! the text.

// Each fuzz target uses `check` alone; the replay test uses `TARGETS` too.
#![allow(dead_code)]

use uclint_core::dns::zone::parse_zone;
use uclint_core::model::{Deployment, Format, ProblemKind};
use uclint_core::source::NoFiles;

/// The targets, named as their corpus directories are.
pub const TARGETS: &[&str] = &["deployment_toml", "deployment_json", "deployment_yaml", "dns_zone"];

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
        deployment => {
            let format = match deployment {
                "deployment_toml" => Format::Toml,
                "deployment_json" => Format::Json,
                "deployment_yaml" => Format::Yaml,
                other => panic!("no loader for fuzz target {other}"),
            };
            let Err(error) = Deployment::load(text, format, "fuzz", &NoFiles) else {
                return true;
            };
            for problem in &error.problems {
                let about_the_text = matches!(
                    problem.kind,
                    ProblemKind::Syntax | ProblemKind::Type | ProblemKind::UnknownKey | ProblemKind::MissingKey
                );
                assert!(
                    !about_the_text || problem.location.is_some(),
                    "{text:?}: a problem without a location: {problem}"
                );
                if let Some(location) = problem.location.as_ref().filter(|l| &*l.file == "fuzz") {
                    assert!(
                        within(location.line),
                        "{text:?}: line {} of {lines}: {problem}",
                        location.line
                    );
                }
            }
            false
        }
    }
}
