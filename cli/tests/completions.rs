//! `uclint completions` and `uclint man`: what a packaged command line installs beside itself.
#![allow(clippy::unwrap_used)]

use assert_cmd::Command;

/// Every subcommand a user can complete or read a page for.
const SUBCOMMANDS: &[&str] = &[
    "check",
    "health",
    "rules",
    "generate",
    "explain",
    "overview",
    "resolve",
    "route",
    "derive",
    "plugin",
    "probe",
    "diff",
    "collect",
    "completions",
    "man",
    "schema",
];

fn printed(args: &[&str]) -> String {
    let output = Command::cargo_bin("uclint").unwrap().args(args).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_shell_gets_a_script_naming_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = printed(&["completions", shell]);
        for subcommand in SUBCOMMANDS {
            assert!(script.contains(subcommand), "{shell}: no `{subcommand}`");
        }
        // Options of subcommands too, e.g. check's.
        assert!(script.contains("statistics"), "{shell}: no check --statistics");
    }
}

#[test]
fn the_bash_script_is_valid_bash_and_completes_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("uclint.bash");
    std::fs::write(&script, printed(&["completions", "bash"])).unwrap();
    // Source it, then ask for the completions of `uclint ch` as bash would.
    let probe = format!(
        "source {}; COMP_WORDS=(uclint ch); COMP_CWORD=1; _uclint uclint ch uclint; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let offered = String::from_utf8(output.stdout).unwrap();
    assert_eq!(offered.lines().collect::<Vec<_>>(), ["check"], "{offered}");
}

#[test]
fn an_unknown_shell_is_refused_naming_the_known_ones() {
    let output = Command::cargo_bin("uclint")
        .unwrap()
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bash") && stderr.contains("powershell"), "{stderr}");
}

#[test]
fn the_manual_page_is_roff_with_every_subcommand_and_the_version() {
    let page = printed(&["man"]);
    assert!(page.contains(".TH uclint 1"), "{page}");
    assert!(page.contains(env!("CARGO_PKG_VERSION")));
    for subcommand in SUBCOMMANDS {
        assert!(page.contains(subcommand), "no `{subcommand}` in the page");
    }
    // groff reads it without a warning.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("uclint.1");
    std::fs::write(&file, &page).unwrap();
    let output = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(&file)
        .output()
        .expect("groff (Debian's groff-base) reads the page");
    assert!(
        output.status.success() && output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn man_out_writes_a_page_per_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let said = printed(&["man", "--out", out.to_str().unwrap()]);
    for subcommand in SUBCOMMANDS {
        let page = out.join(format!("uclint-{subcommand}.1"));
        assert!(page.is_file(), "no {}", page.display());
    }
    assert!(out.join("uclint.1").is_file());
    let check = std::fs::read_to_string(out.join("uclint-check.1")).unwrap();
    assert!(check.contains("show\\-all") || check.contains("show-all"), "{check}");
    assert!(said.starts_with("wrote "), "{said}");
}
