//! Which Debian package to install when a server or tool is missing.

use std::path::{Path, PathBuf};

/// `path`, or a panic saying which Debian package provides it.
#[track_caller]
pub fn require_binary(path: &str, package: &str) -> PathBuf {
    let found = Path::new(path);
    if !found.is_file() {
        panic!("{path} is missing: `apt-get install -y {package}` (the tests start a real server)");
    }
    found.to_path_buf()
}
