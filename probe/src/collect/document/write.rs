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

/// Replace `path` with `text` atomically, keeping an existing file's permissions; a new file
/// gets the usual `rw-r--r--`, not a temporary file's owner-only mode.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), WriteError> {
    let fail = |reason| WriteError {
        path: path.display().to_string(),
        reason,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".uclint-collect-").suffix(".toml.tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut file = builder.tempfile_in(folder).map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)?;
    if let Ok(metadata) = std::fs::metadata(path) {
        file.as_file().set_permissions(metadata.permissions()).map_err(fail)?;
    }
    file.as_file().sync_all().map_err(fail)?;
    file.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::write_atomically;

    #[test]
    fn a_new_file_is_readable_by_others_and_an_old_one_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("new.toml");
        write_atomically(&path, "a = 1\n").unwrap_or_else(|e| panic!("{e}"));
        let mode = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777).ok();
        assert_eq!(mode(&path), Some(0o644));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap_or_else(|e| panic!("{e}"));
        write_atomically(&path, "a = 2\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mode(&path), Some(0o600));
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("a = 2\n"));
        assert_eq!(
            std::fs::read_dir(dir.path()).map(Iterator::count).ok(),
            Some(1),
            "no temporary file left"
        );
    }
}
