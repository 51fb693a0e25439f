//! Where the collected file goes, and the checks before it does: the one sequence the command
//! line and the Python package share. Nothing is written unless the merged text loads.

use std::path::{Path, PathBuf};

use uclint_core::collect::Collected;
use uclint_core::model::{Beside, Deployment, Format};

use super::{DocumentError, document, write_atomically};

/// Where to write, and what may be replaced.
#[derive(Debug, Clone, Default)]
pub struct Save {
    /// The file to write; the `into` file when `None`.
    pub out: Option<PathBuf>,
    /// The file to merge into (its comments and hand-written sections kept).
    pub into: Option<PathBuf>,
    /// Replace `out` when it exists and is not `into`.
    pub force: bool,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The request does not say where, or would replace a file it should not.
    #[error("{0}")]
    Refused(String),
    /// The `into` file cannot be read.
    #[error("--into `{path}`: cannot read: {reason}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        reason: std::io::Error,
    },
    /// The merge failed.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The merged text does not load as a deployment (a collector's mistake: never written).
    #[error("the collected deployment does not load: {0}")]
    Load(String),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] super::WriteError),
}

impl Save {
    /// The file written: `out`, else `into`.
    pub fn target(&self) -> Result<PathBuf, SaveError> {
        let out = self.out.clone().or_else(|| self.into.clone()).ok_or_else(|| {
            SaveError::Refused("say where to write: --out FILE.toml (or --into EXISTING.toml)".to_owned())
        })?;
        for (flag, path) in [("--out", Some(&out)), ("--into", self.into.as_ref())] {
            if let Some(path) = path {
                if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                    return Err(SaveError::Refused(format!(
                        "{flag} `{}`: collect writes TOML, the format that keeps comments; name the file .toml",
                        path.display()
                    )));
                }
            }
        }
        let same_as_into = self.into.as_deref().is_some_and(|into| same_file(into, &out));
        if out.exists() && !same_as_into && !self.force {
            return Err(SaveError::Refused(format!(
                "`{}` exists: merge into it with --into {0}, or replace it with --force",
                out.display()
            )));
        }
        Ok(out)
    }

    /// Merge `collected` (stamped `at`) into the `into` file or a new document, check that it
    /// loads, and write it atomically. Returns the file written and the deployment it holds.
    pub fn save(&self, collected: &[Collected], at: &str) -> Result<(PathBuf, Deployment), SaveError> {
        let out = self.target()?;
        let existing = match &self.into {
            Some(path) => Some((
                std::fs::read_to_string(path).map_err(|reason| SaveError::Read {
                    path: path.display().to_string(),
                    reason,
                })?,
                path.display().to_string(),
            )),
            None => None,
        };
        let text = document(existing.as_ref().map(|(t, n)| (t.as_str(), n.as_str())), collected, at)?;
        let name = out.display().to_string();
        let (deployment, _dangling) = Deployment::load_with_references(&text, Format::Toml, &name, &Beside::new(&out))
            .map_err(|e| SaveError::Load(e.to_string()))?;
        write_atomically(&out, &text)?;
        Ok((out, deployment))
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
