//! `uclint diff`: the changes and findings between two files, and the status a nightly job
//! alerts on.
#![allow(clippy::unwrap_used)]

use assert_cmd::Command;

fn uclint() -> Command {
    let mut cmd = Command::cargo_bin("uclint").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// The bundled example with `cups-1` renamed, beside it (it names files next to it).
fn renamed_home_node() -> tempfile::TempPath {
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let text = std::fs::read_to_string(format!("{examples}/acme.toml")).unwrap();
    let file = tempfile::Builder::new().suffix(".toml").tempfile_in(examples).unwrap();
    std::fs::write(
        file.path(),
        text.replace(r#"node_name = "cups-1""#, r#"node_name = "cups-9""#),
    )
    .unwrap();
    file.into_temp_path()
}

#[test]
fn a_file_against_itself_is_no_difference_and_status_0() {
    let acme = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/acme.toml");
    let out = uclint().args(["diff", acme, acme]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "no differences\n");
}

#[test]
fn a_renamed_node_is_a_removal_an_addition_and_new_errors_status_1() {
    let acme = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/acme.toml");
    let renamed = renamed_home_node();
    let out = uclint().args(["diff", acme]).arg(&renamed).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("servers\n  - cups-1\n  + cups-9\n"), "{text}");
    assert!(
        text.contains("error[TOPO003] users[0].home_node: no server `cups-1`"),
        "{text}"
    );
    assert!(
        text.contains("findings that went away\n  info[NAME002] node name `cups-1`"),
        "{text}"
    );
    // Only errors count by default; --fail-on decides.
    let back = uclint().arg("diff").arg(&renamed).arg(acme).output().unwrap();
    assert_eq!(back.status.code(), Some(0));
    let json = uclint()
        .args(["--format", "json", "diff", acme])
        .arg(&renamed)
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["changes"][1]["kind"], "added");
    assert_eq!(value["changes"][1]["item"]["node_name"], "cups-9");
}

#[test]
fn a_file_that_does_not_load_is_status_2_naming_it() {
    let acme = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/acme.toml");
    let out = uclint().args(["diff", acme, "/nonexistent.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent.toml"));
}
