//! Helpers shared by the command-line tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod sarif;

use std::path::Path;

/// `uclint ARGS` run in `dir`, plain text whatever the terminal: exit status, stdout, stderr.
pub fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = assert_cmd::Command::cargo_bin("uclint")
        .unwrap()
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}
