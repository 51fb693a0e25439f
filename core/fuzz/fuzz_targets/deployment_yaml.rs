//! Fuzz loading a deployment written in YAML: no input may panic the loader (saphyr's parser,
//! the tree with its alias and nesting limits, the deserializer), and every problem in reading
//! the text says where it is (the check `core/src/model/load/tests.rs` replays).

#![no_main]

use libfuzzer_sys::fuzz_target;
use uclint_core::model::{Deployment, Format, ProblemKind};
use uclint_core::source::NoFiles;

fuzz_target!(|data: &[u8]| {
    // Deployments are text; bytes that are not UTF-8 never reach the loader.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Err(error) = Deployment::load(text, Format::Yaml, "fuzz.yaml", &NoFiles) else {
        return;
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
    }
});
