//! Which Debian package to install when a server or tool is missing.

use std::path::{Path, PathBuf};

/// `path`, or a panic saying which Debian package provides it.
#[track_caller]
pub fn require_binary(path: &str, package: &str) -> PathBuf {
    let found = Path::new(path);
    if !found.is_file() {
        missing(path, package);
    }
    found.to_path_buf()
}

/// Panic: `what` is missing, and `package` provides it.
#[track_caller]
pub(crate) fn missing(what: &str, package: &str) -> ! {
    panic!("{what} is missing: `apt-get install -y {package}` (the tests start a real server)");
}
