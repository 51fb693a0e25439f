//! Writing the file without ever leaving it half written: a temporary file beside it, flushed to
//! disk, then renamed over it. On any failure the old file is untouched.

use std::io::Write;
use std::path::Path;

/// Why the file was not written (the old one, if any, is as it was).
#[derive(Debug, thiserror::Error)]
#[error("cannot write `{path}`: {reason}")]
pub struct WriteError {
    /// The file.
    pub path: String,
    /// What went wrong.
    pub reason: std::io::Error,
}

/// Replace `path` with `text` atomically, keeping an existing file's permissions.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), WriteError> {
    let fail = |reason| WriteError {
        path: path.display().to_string(),
        reason,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".uclint-collect-")
        .suffix(".toml.tmp")
        .tempfile_in(folder)
        .map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)?;
    if let Ok(metadata) = std::fs::metadata(path) {
        file.as_file().set_permissions(metadata.permissions()).map_err(fail)?;
    }
    file.as_file().sync_all().map_err(fail)?;
    file.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
