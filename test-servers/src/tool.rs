//! One-shot commands of the servers' packages (slapadd, ldapadd, htpasswd).

use std::process::{Command, Stdio};

/// Run `command` to the end; panic with its command line and output if it fails.
#[track_caller]
pub(crate) fn run(command: &mut Command) -> String {
    let line = format!("{command:?}");
    let output = command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {line}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        panic!("{line} failed ({}):\n{stdout}{stderr}", output.status);
    }
    stdout
}
