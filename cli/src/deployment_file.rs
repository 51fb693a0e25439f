//! Reading a deployment from disk: the file, and the files it refers to beside it.

use std::path::{Path, PathBuf};

use uclint_core::model::{Deployment, Format, LoadError, Problem, ProblemKind};
use uclint_core::source::{Location, SourceFiles};

/// Reads referenced files relative to the deployment file's folder.
pub struct Beside {
    dir: PathBuf,
}

impl Beside {
    /// Files beside `deployment`.
    pub fn new(deployment: &Path) -> Self {
        Self {
            dir: deployment.parent().map(Path::to_path_buf).unwrap_or_default(),
        }
    }

    /// The path a reference resolves to.
    pub fn resolve(&self, path: &str) -> PathBuf {
        self.dir.join(path)
    }
}

impl SourceFiles for Beside {
    fn read(&self, path: &str) -> Result<String, String> {
        std::fs::read_to_string(self.resolve(path)).map_err(|e| e.to_string())
    }

    fn name(&self, path: &str) -> String {
        self.resolve(path).display().to_string()
    }
}

/// Load the deployment at `path`, its format from `format` or else the file extension.
pub fn load(path: &Path, format: Option<Format>) -> Result<Deployment, LoadError> {
    let (text, format, name) = read(path, format)?;
    Deployment::load(&text, format, &name, &Beside::new(path))
}

/// Load like [`load`], handing back dangling references instead of failing on them.
pub fn load_with_references(path: &Path, format: Option<Format>) -> Result<(Deployment, Vec<Problem>), LoadError> {
    let (text, format, name) = read(path, format)?;
    Deployment::load_with_references(&text, format, &name, &Beside::new(path))
}

/// The text of the deployment at `path`, its format and its display name.
fn read(path: &Path, format: Option<Format>) -> Result<(String, Format, String), LoadError> {
    let name = path.display().to_string();
    let format = match format.or_else(|| Format::from_path(&name)) {
        Some(format) => format,
        None => {
            return Err(LoadError::one(Problem::new(
                ProblemKind::File,
                None,
                format!(
                    "{name}: cannot tell the format from the extension: expected .toml, .json, .yaml or .yml (or pass --input-format)"
                ),
            )));
        }
    };
    let text = std::fs::read(path).map_err(|e| {
        LoadError::one(Problem::new(
            ProblemKind::File,
            None,
            format!("cannot read `{name}`: {e}"),
        ))
    })?;
    let text = String::from_utf8(text).map_err(|e| {
        let location = Location::from_offset(
            name.clone(),
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        LoadError::one(Problem::new(
            ProblemKind::Syntax,
            Some(location),
            "the file is not valid UTF-8",
        ))
    })?;
    Ok((text, format, name))
}

/// The text of a file a problem points at (locations name files as paths from here).
pub fn source_text(file: &str) -> Option<String> {
    std::fs::read_to_string(file).ok()
}
