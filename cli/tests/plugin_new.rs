//! `uclint plugin new`: the crate it writes tests, builds and loads as written, run the way a
//! plugin author runs it; and what it refuses, with nothing written.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::process::Command as Process;

use serde_json::Value;

mod support;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `uclint ARGS` in `dir`: exit status, stdout, stderr.
fn uclint(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    support::run_in(dir, args)
}

/// Every file and folder under `dir`, relative, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            found.push(path.strip_prefix(dir).unwrap().display().to_string());
            if path.is_dir() {
                pending.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Runs `uclint plugin new ARGS` expecting a refusal: exit status 2, an error naming `expected`,
/// and `dir` exactly as it was.
fn refused(dir: &Path, args: &[&str], expected: &str) {
    let before = listing(dir);
    let mut all = vec!["plugin", "new"];
    all.extend(args);
    let (code, stdout, stderr) = uclint(dir, &all);
    assert_eq!(code, Some(2), "{args:?}: {stdout}{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains(expected),
        "{args:?}: {stderr}"
    );
    assert_eq!(listing(dir), before, "{args:?} wrote something");
}

/// Where the new crate builds: a folder under the workspace's target kept between runs, so the
/// SDK and wit-bindgen compile once and later runs build only the new crate.
fn shared_target() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    target.join("plugin-template")
}

/// `command` through the shell in `dir`, as a plugin author types it, with this test's `uclint`
/// first on PATH; without the flags of this test's own build (a coverage run's, a forced
/// target), which are not the author's. Its stdout.
#[cfg(unix)]
fn shell(dir: &Path, command: &str) -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_uclint")).parent().unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let output = Process::new("sh")
        .args(["-c", command])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "`{command}` failed in {}:\n{stdout}\n{stderr}",
        dir.display()
    );
    stdout
}

#[cfg(unix)]
#[test]
fn the_new_crate_tests_builds_and_loads_as_written() {
    let parent = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = uclint(
        parent.path(),
        &[
            "--format",
            "json",
            "plugin",
            "new",
            "acme-bare",
            "--namespace",
            "X-TEMPLATE",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let created: Value = serde_json::from_str(&stdout).unwrap();
    let crate_dir = PathBuf::from(created["created"].as_str().unwrap());
    assert_eq!(crate_dir, parent.path().canonicalize().unwrap().join("acme-bare"));
    assert_eq!(created["namespace"], "X-TEMPLATE");
    assert_eq!(created["rule"], "X-TEMPLATE-BARE1");
    let mut files: Vec<&str> = created["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    files.sort_unstable();
    assert_eq!(
        files,
        [".gitignore", "Cargo.toml", "README.md", "build.sh", "src/lib.rs"]
    );
    // The SDK defaults to the one of the tree this uclint was built from.
    let manifest = std::fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap();
    let sdk = root().join("plugins/sdk").canonicalize().unwrap();
    assert!(
        manifest.contains(&format!("path = \"{}\"", sdk.display())),
        "{manifest}"
    );

    // Fast and offline once warm: the workspace's lock file, so the dependencies are the versions
    // already downloaded and built (cargo drops the entries the crate does not need), and a
    // `target` that links to a folder kept between runs, so the printed commands run as printed.
    std::fs::copy(root().join("Cargo.lock"), crate_dir.join("Cargo.lock")).unwrap();
    std::fs::create_dir_all(shared_target()).unwrap();
    std::os::unix::fs::symlink(shared_target(), crate_dir.join("target")).unwrap();

    let next: Vec<&str> = created["next"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let [test, build, info] = next[..] else {
        panic!("three commands: test, build, load: {next:?}")
    };
    assert_eq!([test, build], ["cargo test", "./build.sh"]);
    let tested = shell(&crate_dir, test);
    assert!(tested.contains("test result: ok. 2 passed"), "{tested}");
    // As written, the crate is as `cargo fmt` and clippy want it.
    shell(&crate_dir, "cargo fmt --check");
    shell(&crate_dir, "cargo clippy --quiet --all-targets -- -D warnings");

    let component = shell(&crate_dir, build);
    let component = PathBuf::from(component.trim_end());
    assert_eq!(component, crate_dir.join("target/wasm32-wasip2/release/acme_bare.wasm"));
    assert!(component.is_file(), "{}", component.display());

    let cache = tempfile::tempdir().unwrap();
    let with_cache = |command: &str| format!("XDG_CACHE_HOME='{}' {command}", cache.path().display());
    let listed = shell(&crate_dir, &with_cache(info));
    assert!(listed.starts_with("acme_bare.wasm  namespace X-TEMPLATE "), "{listed}");
    assert!(
        listed.contains("X-TEMPLATE-BARE1  warning   Node name is a bare hostname"),
        "{listed}"
    );

    // acme.toml has bare node names (`cups-1`) beside qualified ones (`cups-2.acme.com`).
    let acme = root().join("examples/acme.toml");
    let report = shell(
        &crate_dir,
        &with_cache(&format!(
            "uclint check '{}' --plugin '{}' --format json || [ $? = 1 ]",
            acme.display(),
            component.display()
        )),
    );
    let report: Value = serde_json::from_str(&report).unwrap();
    let flagged: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "X-TEMPLATE-BARE1")
        .map(|f| f["subject"]["name"].as_str().unwrap())
        .collect();
    assert!(flagged.contains(&"cups-1"), "{flagged:?}");
    assert!(!flagged.contains(&"cups-2.acme.com"), "{flagged:?}");
}

#[test]
fn text_output_names_the_files_and_the_next_commands() {
    let parent = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = uclint(
        parent.path(),
        &["plugin", "new", "my_rules", "--namespace", "X-ACME-LABS"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let crate_dir = parent.path().canonicalize().unwrap().join("my_rules");
    assert!(
        stdout.starts_with(&format!(
            "created {}: plugin namespace X-ACME-LABS, rule X-ACME-LABS-BARE1\n",
            crate_dir.display()
        )),
        "{stdout}"
    );
    for line in [
        "  src/lib.rs\n",
        "  build.sh\n",
        "  cargo test ",
        "  ./build.sh ",
        "  uclint plugin info ",
    ] {
        assert!(stdout.contains(line), "{line:?} in {stdout}");
    }
    assert!(
        stdout.contains("target/wasm32-wasip2/release/my_rules.wasm"),
        "{stdout}"
    );
    let lib = std::fs::read_to_string(crate_dir.join("src/lib.rs")).unwrap();
    assert!(lib.contains("\"X-ACME-LABS-BARE1\""), "{lib}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(crate_dir.join("build.sh"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o111, 0o111, "build.sh is executable: {mode:o}");
    }
}

#[test]
fn an_existing_empty_folder_is_used_and_sdk_names_the_sdk() {
    let parent = tempfile::tempdir().unwrap();
    std::fs::create_dir(parent.path().join("rules")).unwrap();
    let sdk = root().join("plugins/sdk");
    let (code, _, stderr) = uclint(
        parent.path(),
        &[
            "plugin",
            "new",
            "rules",
            "--namespace",
            "X-ACME",
            "--sdk",
            sdk.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let manifest = std::fs::read_to_string(parent.path().join("rules/Cargo.toml")).unwrap();
    let absolute = sdk.canonicalize().unwrap();
    assert!(
        manifest.contains(&format!("path = \"{}\"", absolute.display())),
        "{manifest}"
    );
}

#[test]
fn a_bad_namespace_is_refused() {
    let parent = tempfile::tempdir().unwrap();
    refused(
        parent.path(),
        &["rules", "--namespace", "acme"],
        "did you mean `X-ACME`?",
    );
    refused(
        parent.path(),
        &["rules", "--namespace", "X-9LIVES"],
        "is not `X-<VENDOR>`",
    );
    refused(
        parent.path(),
        &["rules", "--namespace", "X-ACME--LABS"],
        "is not `X-<VENDOR>`",
    );
}

#[test]
fn a_bad_name_is_refused() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().to_str().unwrap();
    refused(
        parent.path(),
        &["Acme Rules", "--namespace", "X-ACME"],
        "is not a crate name",
    );
    refused(
        parent.path(),
        &["../escape", "--namespace", "X-ACME"],
        "is not a crate name",
    );
    refused(
        parent.path(),
        &["9lives", "--namespace", "X-ACME"],
        "is not a crate name",
    );
    refused(
        parent.path(),
        &["fn", "--namespace", "X-ACME", "--dir", dir],
        "is a Rust keyword",
    );
    refused(parent.path(), &["std", "--namespace", "X-ACME"], "is taken");
}

#[test]
fn an_existing_folder_is_never_written_into() {
    let parent = tempfile::tempdir().unwrap();
    std::fs::create_dir(parent.path().join("rules")).unwrap();
    std::fs::write(parent.path().join("rules/Cargo.toml"), "mine\n").unwrap();
    std::fs::write(parent.path().join("notes"), "mine\n").unwrap();
    refused(
        parent.path(),
        &["rules", "--namespace", "X-ACME"],
        "already exists and is not empty",
    );
    refused(
        parent.path(),
        &["notes", "--namespace", "X-ACME"],
        "exists and is not a folder",
    );
    assert_eq!(
        std::fs::read_to_string(parent.path().join("rules/Cargo.toml")).unwrap(),
        "mine\n"
    );
}

#[test]
fn an_sdk_that_is_not_the_sdk_is_refused() {
    let parent = tempfile::tempdir().unwrap();
    let contract = root().join("plugins/contract");
    let missing: OsString = parent.path().join("no-such-sdk").into_os_string();
    refused(
        parent.path(),
        &["rules", "--namespace", "X-ACME", "--sdk", contract.to_str().unwrap()],
        "is not the uclint plugin SDK",
    );
    refused(
        parent.path(),
        &["rules", "--namespace", "X-ACME", "--sdk", missing.to_str().unwrap()],
        "no-such-sdk",
    );
    refused(
        parent.path(),
        &["rules", "--namespace", "X-ACME", "--sdk", "."],
        "is not the uclint plugin SDK",
    );
}
