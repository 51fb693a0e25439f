//! Helpers shared by the command-line tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod sarif;

use std::path::Path;

use assert_cmd::Command;

/// `uclint` to run in `dir`, plain text whatever the terminal.
pub fn uclint_in(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("uclint").unwrap();
    command.env("NO_COLOR", "1").current_dir(dir);
    command
}

/// Run `command` to its end: exit status, stdout, stderr.
pub fn outcome(command: &mut Command) -> (Option<i32>, String, String) {
    let output = command.output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// `uclint ARGS` run in `dir`: exit status, stdout, stderr.
pub fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    outcome(uclint_in(dir).args(args))
}

/// `uclint ARGS` run in the CLI crate's folder, where the tests' `../examples/...` paths start.
pub fn run(args: &[&str]) -> (Option<i32>, String, String) {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}
