//! `install.sh` lays out a prefix that C builds use as they use any library. Each test installs
//! into a folder, then moves it (the pkg-config and CMake files find the prefix from where they
//! are), and checks the layout, or builds `tests/consumers/consumer.c` with CMake's
//! `find_package(uclint)` or with pkg-config's flags, against the shared and the static library,
//! and runs it.
//!
//! The libraries installed are the ones `cargo test` built for this run (`install.sh --from`
//! their `deps/` folder, as `tests/c_programs.rs` links them), not those of `install.sh`'s own
//! `cargo build -p uclint-c`: built for uclint-c alone, cargo would resolve the dependencies'
//! features differently and compile the tree (wasmtime included) a second time. cmake, make,
//! pkg-config, gcc, readelf and ldd are required: a missing tool fails the test with a message.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;
use uclint_core::model::Deployment;
use uclint_core::rules::{Options, check};

const WARNINGS: [&str; 5] = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic"];
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn consumers_dir() -> PathBuf {
    crate_dir().join("tests/consumers")
}

fn acme() -> PathBuf {
    crate_dir()
        .parent()
        .expect("bindings-c is inside the workspace")
        .join("examples/acme.toml")
}

/// The soname's version (bindings-c/build.rs): `0.y` below 1.0, where every minor may break the
/// C API, then the major.
fn abi() -> String {
    match env!("CARGO_PKG_VERSION_MAJOR") {
        "0" => format!("0.{}", env!("CARGO_PKG_VERSION_MINOR")),
        major => major.to_owned(),
    }
}

/// Fail clearly when a tool the install tests need is missing.
fn require(tool: &str, package: &str) {
    let found = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "`{tool}` is needed for the install tests of libuclint but is not installed (apt-get install {package})"
    );
}

fn run(command: &mut Command) -> Output {
    // Programs find libuclint through their own rpath, never through the LD_LIBRARY_PATH cargo
    // sets for tests (it holds target/debug).
    command
        .env_remove("LD_LIBRARY_PATH")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"))
}

fn assert_success(what: &str, output: &Output) -> String {
    assert!(
        output.status.success(),
        "{what} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A prefix laid out by `install.sh` from this build's libraries, then moved: the folder that
/// holds it, and the prefix.
fn installed() -> (TempDir, PathBuf) {
    require("readelf", "binutils");
    let exe = std::env::current_exe().expect("the test knows its own path");
    let deps = exe.parent().expect("the test runs from <target>/<profile>/deps/");
    for lib in ["libuclint.a", "libuclint.so"] {
        assert!(
            deps.join(lib).is_file(),
            "{} is missing: run these tests with `cargo test -p uclint-c`, which builds it",
            deps.join(lib).display()
        );
    }
    let work = tempfile::tempdir().expect("a temporary folder");
    let staging = work.path().join("staging");
    let mut install = Command::new("bash");
    install
        .arg(crate_dir().join("install.sh"))
        .arg(&staging)
        .arg("--from")
        .arg(deps);
    let stdout = assert_success("install.sh", &run(&mut install));
    assert_eq!(
        stdout,
        format!(
            "installed libuclint {VERSION} (libuclint.so.{}) under {}\n",
            abi(),
            staging.display()
        )
    );
    let prefix = work.path().join("moved");
    std::fs::rename(&staging, &prefix).expect("the prefix moves");
    (work, prefix)
}

/// What the consumer prints for acme.toml: the version, and the findings `uclint check` gives.
fn expected_output() -> String {
    let (deployment, references) = Deployment::load_file_with_references(&acme(), None, "").expect("acme.toml loads");
    let findings = check(&deployment, &references, &Options::default()).findings.len();
    assert!(findings > 0, "acme.toml has findings");
    format!("version {VERSION}\nfindings {findings}\n")
}

/// Runs a consumer and checks what it prints and where its libuclint comes from: `shared`,
/// the prefix's library under its soname; otherwise none (linked in).
fn assert_consumer(binary: &Path, prefix: &Path, shared: bool) {
    let what = binary.display().to_string();
    let stdout = assert_success(&what, &run(Command::new(binary).arg(acme())));
    assert_eq!(stdout, expected_output(), "{what} printed");

    let ldd = assert_success(&format!("ldd {what}"), &run(Command::new("ldd").arg(binary)));
    let loaded = ldd.lines().find(|l| l.trim_start().starts_with("libuclint"));
    if !shared {
        assert_eq!(loaded, None, "{what} is linked statically:\n{ldd}");
        return;
    }
    let soname = format!("libuclint.so.{}", abi());
    let path = loaded
        .and_then(|l| l.trim_start().strip_prefix(&format!("{soname} => ")))
        .and_then(|rest| rest.split_once(" ("))
        .map(|(path, _)| Path::new(path))
        .unwrap_or_else(|| panic!("{what} loads {soname} from a path:\n{ldd}"));
    let installed = prefix.join(format!("lib/libuclint.so.{VERSION}"));
    assert_eq!(
        path.canonicalize().expect("the loaded library exists"),
        installed.canonicalize().expect("the installed library exists"),
        "{what} loads the installed library:\n{ldd}"
    );
}

#[test]
fn install_lays_out_the_prefix_with_a_versioned_soname() {
    let (work, prefix) = installed();
    let lib = prefix.join("lib");
    let header = std::fs::read(prefix.join("include/uclint.h")).expect("include/uclint.h is installed");
    assert_eq!(
        header,
        std::fs::read(crate_dir().join("include/uclint.h")).expect("the header is readable"),
        "the installed header is the committed one"
    );
    assert!(lib.join("libuclint.a").is_file(), "lib/libuclint.a is installed");

    // libuclint.so -> libuclint.so.ABI -> libuclint.so.VERSION, relative links.
    let soname = format!("libuclint.so.{}", abi());
    let real = format!("libuclint.so.{VERSION}");
    assert!(std::fs::symlink_metadata(lib.join(&real)).is_ok_and(|m| m.is_file()));
    for (link, target) in [(soname.as_str(), real.as_str()), ("libuclint.so", soname.as_str())] {
        let read = std::fs::read_link(lib.join(link)).unwrap_or_else(|e| panic!("lib/{link} is a link: {e}"));
        assert_eq!(read, Path::new(target), "lib/{link}");
    }
    let dynamic = assert_success(
        "readelf -d",
        &run(Command::new("readelf").arg("-d").arg(lib.join(&real))),
    );
    assert!(
        dynamic
            .lines()
            .any(|l| l.contains("(SONAME)") && l.ends_with(&format!("Library soname: [{soname}]"))),
        "the shared library's soname is {soname}:\n{dynamic}"
    );

    // The pkg-config and CMake files name no absolute path: they find the prefix themselves.
    let staging = work.path().join("staging").display().to_string();
    for file in [
        "pkgconfig/uclint.pc",
        "cmake/uclint/uclintConfig.cmake",
        "cmake/uclint/uclintConfigVersion.cmake",
    ] {
        let text = std::fs::read_to_string(lib.join(file)).unwrap_or_else(|e| panic!("lib/{file}: {e}"));
        assert!(
            !text.contains(&staging),
            "lib/{file} names the folder it was installed in"
        );
        assert!(text.contains(VERSION), "lib/{file} names version {VERSION}");
    }
}

#[test]
fn cmake_finds_the_installed_prefix() {
    require("cmake", "cmake");
    require("make", "make");
    require("gcc", "gcc");
    require("ldd", "libc-bin");
    let (work, prefix) = installed();
    let build = work.path().join("cmake-build");

    // Requests the installed version must not satisfy: a later one of its ABI, the next ABI
    // and the one before.
    let [major, minor, patch] = [
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_PATCH"),
    ]
    .map(|n| n.parse::<u64>().expect("a version number"));
    let mut not_found = vec![format!("{major}.{minor}.{}", patch + 1)];
    if major == 0 {
        not_found.push(format!("0.{}", minor + 1));
        not_found.extend(minor.checked_sub(1).map(|before| format!("0.{before}")));
    } else {
        not_found.push(format!("{}", major + 1));
        not_found.push(format!("{}.0", major - 1));
    }

    let mut configure = Command::new("cmake");
    configure
        .arg("-S")
        .arg(consumers_dir())
        .arg("-B")
        .arg(&build)
        .arg(format!("-DCMAKE_PREFIX_PATH={}", prefix.display()))
        .arg(format!("-DUCLINT_VERSION={VERSION}"))
        .arg(format!("-DUCLINT_ABI={}", abi()))
        .arg(format!("-DUCLINT_NOT_FOUND={}", not_found.join(";")));
    let stdout = assert_success("cmake (configure)", &run(&mut configure));
    let found = format!("uclint {VERSION} from {}", prefix.join("lib/cmake/uclint").display());
    assert!(stdout.contains(&found), "{found}:\n{stdout}");

    assert_success("cmake --build", &run(Command::new("cmake").arg("--build").arg(&build)));
    assert_consumer(&build.join("consumer_shared"), &prefix, true);
    assert_consumer(&build.join("consumer_static"), &prefix, false);
}

#[test]
fn pkg_config_gives_the_flags_for_the_installed_prefix() {
    require("pkg-config", "pkgconf");
    require("gcc", "gcc");
    require("ldd", "libc-bin");
    let (work, prefix) = installed();
    let pkg_config = |args: &[&str]| {
        let mut command = Command::new("pkg-config");
        command
            .env("PKG_CONFIG_PATH", prefix.join("lib/pkgconfig"))
            .args(args)
            .arg("uclint");
        let stdout = assert_success(&format!("pkg-config {}", args.join(" ")), &run(&mut command));
        stdout.trim().to_owned()
    };
    assert_eq!(pkg_config(&["--modversion"]), VERSION);
    let libdir = PathBuf::from(pkg_config(&["--variable=libdir"]));
    assert_eq!(
        libdir.canonicalize().expect("libdir exists"),
        prefix.join("lib").canonicalize().expect("the prefix exists")
    );

    // The flags are split as a shell splits `$(pkg-config ...)`: the paths have no spaces.
    let compile = |name: &str, flags: Vec<String>| {
        let binary = work.path().join(name);
        let mut gcc = Command::new("gcc");
        gcc.args(WARNINGS)
            .arg(consumers_dir().join("consumer.c"))
            .args(flags)
            .arg("-o")
            .arg(&binary);
        assert_success(&format!("gcc {name}"), &run(&mut gcc));
        binary
    };

    let mut shared: Vec<String> = pkg_config(&["--cflags", "--libs"])
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    shared.push(format!("-Wl,-rpath,{}", libdir.display()));
    assert_consumer(&compile("consumer_shared", shared), &prefix, true);

    // --static adds Libs.private, what libuclint.a needs; `-l:libuclint.a` picks the archive
    // where `-luclint` would pick the shared library (as a build system asked for static does).
    let flags = pkg_config(&["--cflags", "--static", "--libs"]);
    assert!(flags.split_whitespace().any(|f| f == "-luclint"), "{flags}");
    let static_flags = flags
        .split_whitespace()
        .map(|f| if f == "-luclint" { "-l:libuclint.a" } else { f }.to_owned())
        .collect();
    assert_consumer(&compile("consumer_static", static_flags), &prefix, false);
}
