//! Reading a deployment from disk, as the core does it for every front end.

use std::path::Path;

use uclint_core::model::{Deployment, Format, LoadError, Problem};

/// How a user of the command line gives a format the extension does not tell.
const HOW_TO_PASS_A_FORMAT: &str = "--input-format";

/// Load the deployment at `path`, its format from `format` or else the file extension.
pub fn load(path: &Path, format: Option<Format>) -> Result<Deployment, LoadError> {
    Deployment::load_file(path, format, HOW_TO_PASS_A_FORMAT)
}

/// Load like [`load`], handing back dangling references instead of failing on them.
pub fn load_with_references(path: &Path, format: Option<Format>) -> Result<(Deployment, Vec<Problem>), LoadError> {
    Deployment::load_file_with_references(path, format, HOW_TO_PASS_A_FORMAT)
}

/// The text of a file a problem points at (locations name files as paths from here).
pub fn source_text(file: &str) -> Option<String> {
    std::fs::read_to_string(file).ok()
}
