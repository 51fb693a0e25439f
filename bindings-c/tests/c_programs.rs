//! The C side: the header compiles as C and C++, the C tests in `tests/c/` pass linked against
//! the static and the shared library and under valgrind, and `examples/c/print_findings.c` works.
//!
//! The tests link against the libraries `cargo test` built for this run, then compile with
//! gcc. gcc, g++ and valgrind are required: a missing tool fails
//! the test with a message rather than skipping it. The C tests of plugins need the plugins
//! built from source: each test process runs `plugins/build.sh` once (quick when up to date)
//! and passes `target/plugins/` to every C test.
#![allow(clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, OnceLock};

use uclint_core::collect::import;
use uclint_core::derive::jabber::jabber_discovery;
use uclint_core::diff;
use uclint_core::dns::Resolver;
use uclint_core::model::{ClientKind, Deployment, Format, Problem};
use uclint_core::report::{Report, Severity, json, sarif};
use uclint_core::route::Router;
use uclint_core::rules::{Options, check};
use uclint_core::source::{NoFiles, SourceFiles};
use uclint_plugin_host::{Limits, PluginHost};

const WARNINGS: [&str; 5] = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic"];
const SYSTEM_LIBS: [&str; 3] = ["-lpthread", "-ldl", "-lm"];

/// The libraries `cargo test` built for this run.
struct Libraries {
    static_lib: PathBuf,
    shared_lib: PathBuf,
}

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn examples_dir() -> PathBuf {
    crate_dir()
        .parent()
        .expect("bindings-c is inside the workspace")
        .join("examples")
}

/// The exported samples of core's importer tests, the C tests' IMPORT_DIR.
fn import_dir() -> PathBuf {
    crate_dir()
        .parent()
        .expect("bindings-c is inside the workspace")
        .join("core/tests/fixtures/import")
}

fn include_dir() -> PathBuf {
    crate_dir().join("include")
}

/// The plugins the C tests run, in `target/plugins/` (or `$CARGO_TARGET_DIR/plugins/`), built
/// from source by `plugins/build.sh` the first time a test of this process asks. The script
/// skips the build when nothing changed and serializes concurrent runs with a lock.
fn plugins_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = crate_dir().parent().expect("bindings-c is inside the workspace");
        let script = root.join("plugins/build.sh");
        assert!(
            script.is_file(),
            "{} is missing: it builds the test plugins",
            script.display()
        );
        let output = run(Command::new("bash").arg(&script).current_dir(root));
        assert_success("plugins/build.sh", &output);
        let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
        let dir = target.join("plugins");
        for name in PLUGINS {
            let plugin = dir.join(name);
            assert!(
                plugin.is_file(),
                "plugins/build.sh did not produce {}",
                plugin.display()
            );
        }
        dir
    })
}

/// The plugins test_plugins.c runs over acme.toml, in its order.
const PLUGINS: [&str; 2] = ["naming-policy.wasm", "hostile-trap.wasm"];

/// The libraries of this very build. `cargo test` builds uclint-c's lib target with all its
/// crate types before running this test and leaves `libuclint.a` and `libuclint.so` in the
/// `deps/` directory this test runs from. Building them again here with `cargo build -p
/// uclint-c` would resolve features for uclint-c alone and compile the whole dependency tree
/// (wasmtime included) a second time.
fn libraries() -> Libraries {
    let exe = std::env::current_exe().expect("the test knows its own path");
    let deps_dir = exe.parent().expect("the test runs from <target>/<profile>/deps/");
    let find = |name: &str| {
        let lib = deps_dir.join(name);
        assert!(
            lib.is_file(),
            "{} is missing: run these tests with `cargo test -p uclint-c`, which builds it",
            lib.display()
        );
        lib
    };
    Libraries {
        static_lib: find("libuclint.a"),
        shared_lib: find("libuclint.so"),
    }
}

/// Fail clearly when a tool the C tests need is missing.
fn require(tool: &str, install: &str) {
    let found = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "`{tool}` is needed for the C tests of libuclint but is not installed ({install})"
    );
}

fn run(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"))
}

fn assert_success(what: &str, output: &Output) {
    assert!(
        output.status.success(),
        "{what} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// How to link a C program.
#[derive(Clone, Copy, Debug)]
enum Link {
    Static,
    Shared,
}

/// Compile `source` into `out_dir`, linked against libuclint as `link` says.
fn compile(source: &Path, out_dir: &Path, libs: &Libraries, link: Link) -> PathBuf {
    let stem = source.file_stem().and_then(|s| s.to_str()).expect("a file name");
    let binary = out_dir.join(format!("{stem}-{link:?}").to_lowercase());
    let mut gcc = Command::new("gcc");
    gcc.args(WARNINGS)
        .arg("-g")
        .arg("-I")
        .arg(include_dir())
        .arg(source)
        .arg("-o")
        .arg(&binary);
    match link {
        Link::Static => {
            gcc.arg(&libs.static_lib);
        }
        Link::Shared => {
            let dir = libs.shared_lib.parent().expect("the library's folder");
            gcc.arg("-L")
                .arg(dir)
                .arg("-l:libuclint.so")
                // DT_RPATH, not RUNPATH: it wins over the LD_LIBRARY_PATH cargo sets for tests,
                // which also holds target/debug, where an older `cargo build` may have left
                // another libuclint.so.
                .arg(format!("-Wl,--disable-new-dtags,-rpath,{}", out_dir.display()));
            soname_link(&libs.shared_lib, out_dir);
        }
    }
    gcc.args(SYSTEM_LIBS);
    assert_success(&format!("compiling {} ({link:?})", source.display()), &run(&mut gcc));
    binary
}

/// The program asks the loader for the library's soname (`libuclint.so.0.1`), a name cargo
/// does not make: link it in `dir`, the program's rpath, to this build's library.
fn soname_link(shared_lib: &Path, dir: &Path) {
    let output = run(Command::new("readelf").arg("-d").arg(shared_lib));
    assert_success("readelf -d libuclint.so", &output);
    let dynamic = String::from_utf8_lossy(&output.stdout);
    let soname = dynamic
        .lines()
        .find(|line| line.contains("(SONAME)"))
        .and_then(|line| line.split_once("Library soname: ["))
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(name, _)| name)
        .unwrap_or_else(|| panic!("{} has no SONAME:\n{dynamic}", shared_lib.display()));
    let link = dir.join(soname);
    if !link.exists() {
        std::os::unix::fs::symlink(shared_lib, &link).unwrap_or_else(|e| panic!("{}: {e}", link.display()));
    }
}

/// Reads the files a deployment refers to beside it (in `read`), naming them as libuclint does
/// (relative to `name`, the folder as the deployment path names it).
struct Beside {
    read: PathBuf,
    name: PathBuf,
}

impl SourceFiles for Beside {
    fn read(&self, path: &str) -> Result<String, String> {
        std::fs::read_to_string(self.read.join(path)).map_err(|e| e.to_string())
    }

    fn name(&self, path: &str) -> String {
        self.name.join(path).display().to_string()
    }
}

/// What the core itself says about acme.toml, loaded the way `uclint check` loads it, with
/// `named` the path as the program under test is given it (relative to this crate's folder).
fn acme_report(named: &Path) -> Report {
    let (deployment, references) = acme(named);
    check(&deployment, &references, &Options::default())
}

/// acme.toml (or a copy of it, with the files it refers to beside it) with its dangling
/// references, as `acme_report` loads it.
fn acme(named: &Path) -> (Deployment, Vec<Problem>) {
    let read = crate_dir().join(named);
    let text = std::fs::read_to_string(&read).unwrap_or_else(|e| panic!("{}: {e}", read.display()));
    let beside = Beside {
        read: read.parent().expect("a folder").to_path_buf(),
        name: named.parent().expect("a folder").to_path_buf(),
    };
    Deployment::load_with_references(&text, Format::Toml, &named.display().to_string(), &beside)
        .expect("acme.toml loads")
}

/// What `uclint check acme.toml --plugin naming-policy.wasm --plugin hostile-trap.wasm` gives
/// (without a plugin cache), and every rule it describes in SARIF: the core and the plugin host.
fn acme_report_with_plugins(named: &Path) -> (Report, Vec<sarif::RuleDescription>) {
    let (deployment, references) = acme(named);
    let mut report = check(&deployment, &references, &Options::default());
    let deployment = Arc::new(deployment);
    let host = PluginHost::new(Limits::default(), None).expect("the plugin host starts");
    let mut rules = sarif::builtin_rules();
    for name in PLUGINS {
        let plugin = host.load(&plugins_dir().join(name)).expect("the plugin loads");
        rules.extend(plugin.rules.iter().map(|r| r.sarif()));
        report
            .findings
            .extend(host.check(&plugin, &deployment, &BTreeMap::new(), None).findings);
    }
    report.sort();
    (report, rules)
}

/// The URIs test_api.c routes through routes.toml (the file it leaves), the JSON file it writes
/// for each, and the seed.
const ROUTES: [(&str, &str, Option<u64>); 6] = [
    ("route-partner.json", "sip:bob@partner.com", None),
    ("route-partner-seed-1.json", "sip:bob@partner.com", Some(1)),
    ("route-spam.json", "sip:bob@spam.com", None),
    ("route-other.json", "sip:bob@other.net", None),
    ("route-nowhere.json", "sip:bob@nowhere.org", None),
    ("route-lost.json", "sip:bob@lost.org", None),
];

/// test_api.c's routing JSON is byte for byte what `uclint route --format json` prints (the
/// core's `Routing`, serialized pretty, without the final newline).
fn compare_routes(scratch: &Path) {
    let text = std::fs::read_to_string(scratch.join("routes.toml")).expect("routes.toml is readable");
    let (deployment, _) =
        Deployment::load_with_references(&text, Format::Toml, "routes.toml", &NoFiles).expect("routes.toml loads");
    let dns = deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver);
    let router = Router::new(&deployment.sip_proxy);
    for (file, uri, seed) in ROUTES {
        let from_c = std::fs::read_to_string(scratch.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let routing = router.route(uri, dns, seed).expect("the URI parses");
        let expected = serde_json::to_string_pretty(&routing).expect("routing serializes");
        assert_eq!(
            from_c, expected,
            "uclint_routing_to_json for {uri} (seed {seed:?}) differs from the CLI's JSON"
        );
    }
}

/// The sign-ins test_jabber.c derives over jabber.toml (the file it leaves): the JSON file it
/// writes for each, the client profile and the address.
const SIGN_INS: [(&str, &str, &str); 3] = [
    ("jabber-office.json", "office", "jdoe@ex.com"),
    ("jabber-travel.json", "travel", "jdoe@ex.com"),
    ("jabber-other.json", "travel", "jdoe@other.com"),
];

/// test_jabber.c's JSON is byte for byte the core's `JabberDiscovery`, serialized pretty.
fn compare_jabber(scratch: &Path) {
    let text = std::fs::read_to_string(scratch.join("jabber.toml")).expect("jabber.toml is readable");
    let (deployment, _) =
        Deployment::load_with_references(&text, Format::Toml, "jabber.toml", &NoFiles).expect("jabber.toml loads");
    for (file, client, address) in SIGN_INS {
        let from_c = std::fs::read_to_string(scratch.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let client = deployment.client(client).expect("the client profile exists");
        let discovery = jabber_discovery(&deployment, client, address).expect("the address parses");
        let expected = serde_json::to_string_pretty(&discovery).expect("the discovery serializes");
        assert_eq!(
            from_c, expected,
            "uclint_jabber_to_json for {address} on {} differs from the core's JSON",
            client.id
        );
    }
}

/// test_import_diff.c's JSON is byte for byte what the core gives: the `Collected` of the
/// ipconfig sample it imported (as "hq-pc", a CUPC), and `uclint diff --format json` of acme.toml
/// against the renamed copy it left (both checked as `uclint check` does).
fn compare_import_and_diff(scratch: &Path) {
    let from_c = std::fs::read_to_string(scratch.join("ipconfig-win10.json")).expect("ipconfig-win10.json is readable");
    let text = std::fs::read_to_string(import_dir().join("ipconfig-win10.txt")).expect("the sample is readable");
    let collected = import::ipconfig(&text, "ipconfig-win10.txt", "hq-pc", ClientKind::Cupc).expect("it imports");
    let expected = serde_json::to_string_pretty(&collected).expect("Collected serializes");
    assert_eq!(
        from_c, expected,
        "uclint_import's JSON differs from the core's Collected"
    );

    let from_c = std::fs::read_to_string(scratch.join("acme-diff.json")).expect("acme-diff.json is readable");
    let (old, old_references) = acme(&examples_dir().join("acme.toml"));
    let (new, new_references) = acme(&scratch.join("acme-renamed.toml"));
    let old_report = check(&old, &old_references, &Options::default());
    let new_report = check(&new, &new_references, &Options::default());
    let diff = diff::diff(&old, &old_report, &new, &new_report);
    assert!(
        diff.appeared_at_or_above(Severity::Error) > 0,
        "renaming cups-1 brings new errors"
    );
    let expected = serde_json::to_string_pretty(&diff).expect("the diff serializes");
    assert_eq!(
        from_c, expected,
        "uclint_diff's JSON differs from `uclint diff --format json`"
    );
}

/// The C test programs in tests/c.
fn c_tests() -> Vec<PathBuf> {
    let mut tests: Vec<PathBuf> = std::fs::read_dir(crate_dir().join("tests/c"))
        .expect("tests/c exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "c"))
        .collect();
    tests.sort();
    assert!(!tests.is_empty(), "no C tests found in tests/c");
    tests
}

/// Run every C test, directly or under valgrind, against the libraries linked as `link`.
///
/// Under valgrind, test_plugins runs with the static library only: the plugin host compiles
/// each plugin with Cranelift, which under valgrind takes minutes, and the shared library runs
/// the very same code (its linking is covered by the runs without valgrind). Valgrind reports
/// no error there: wasmtime's traps (an `ud2` instruction, a SIGILL that wasmtime's handler
/// turns into a PLUGIN002 finding) only make valgrind print an "Unrecognised instruction"
/// notice, which is not an error, so no suppression file is needed.
fn run_c_tests(link: Link, valgrind: bool) {
    require("gcc", "apt-get install gcc");
    require("readelf", "apt-get install binutils");
    if valgrind {
        require("valgrind", "apt-get install valgrind");
    }
    let libs = libraries();
    let named = examples_dir().join("acme.toml");
    let report = acme_report(&named);
    let expected = report.findings.len().to_string();
    let work = tempfile::tempdir().expect("a temporary folder");
    for source in c_tests() {
        let is_plugins = source.file_stem().is_some_and(|s| s == "test_plugins");
        if is_plugins && valgrind && matches!(link, Link::Shared) {
            continue;
        }
        let binary = compile(&source, work.path(), &libs, link);
        let scratch = tempfile::tempdir().expect("a temporary folder");
        let mut command = if valgrind {
            let mut command = Command::new("valgrind");
            command.args([
                "--quiet",
                "--error-exitcode=1",
                "--leak-check=full",
                "--errors-for-leak-kinds=definite,indirect",
            ]);
            command.arg(&binary);
            command
        } else {
            Command::new(&binary)
        };
        command
            .arg(examples_dir())
            .arg(scratch.path())
            .arg(&expected)
            .arg(env!("CARGO_PKG_VERSION"))
            .arg(plugins_dir())
            .arg(import_dir());
        let output = run(&mut command);
        let what = format!(
            "{} ({link:?}{})",
            source.display(),
            if valgrind { ", under valgrind" } else { "" }
        );
        assert_success(&what, &output);

        // test_api leaves the report's JSON and SARIF: byte for byte what the CLI's renderers give.
        let json_file = scratch.path().join("acme.json");
        if json_file.exists() {
            let from_c = std::fs::read_to_string(&json_file).expect("acme.json is readable");
            assert_eq!(
                from_c,
                json::render(&report),
                "uclint_report_to_json differs from the CLI's JSON"
            );
            let value: serde_json::Value = serde_json::from_str(&from_c).expect("the JSON parses");
            assert_eq!(value["findings"].as_array().map(Vec::len), Some(report.findings.len()));
            let from_c = std::fs::read_to_string(scratch.path().join("acme.sarif")).expect("acme.sarif is readable");
            let expected_sarif = sarif::render(&report, &sarif::builtin_rules(), env!("CARGO_PKG_VERSION"));
            assert_eq!(
                from_c, expected_sarif,
                "uclint_report_to_sarif differs from the CLI's SARIF"
            );
        }

        // test_api leaves the routing JSON of each URI it routed.
        if scratch.path().join("routes.toml").exists() {
            compare_routes(scratch.path());
        }

        // test_jabber leaves the JSON of each sign-in it derived.
        if scratch.path().join("jabber.toml").exists() {
            compare_jabber(scratch.path());
        }

        // test_import_diff leaves the JSON of an import and of a diff.
        if source.file_stem().is_some_and(|s| s == "test_import_diff") {
            compare_import_and_diff(scratch.path());
        }

        // test_plugins leaves the JSON and SARIF of acme.toml checked with two plugins.
        let json_file = scratch.path().join("acme-plugins.json");
        if is_plugins {
            let (with_plugins, rules) = acme_report_with_plugins(&named);
            let from_c = std::fs::read_to_string(&json_file).expect("acme-plugins.json is readable");
            assert_eq!(
                from_c,
                json::render(&with_plugins),
                "uclint_report_to_json with plugins differs from the CLI's JSON"
            );
            let from_c = std::fs::read_to_string(scratch.path().join("acme-plugins.sarif"))
                .expect("acme-plugins.sarif is readable");
            let expected_sarif = sarif::render(&with_plugins, &rules, env!("CARGO_PKG_VERSION"));
            assert_eq!(
                from_c, expected_sarif,
                "uclint_report_to_sarif with plugins differs from the CLI's SARIF"
            );
        }
    }
}

#[test]
fn header_compiles_as_c_and_as_cpp() {
    require("gcc", "apt-get install gcc");
    require("g++", "apt-get install g++");
    let header = include_dir().join("uclint.h");
    let mut c = Command::new("gcc");
    c.args(["-fsyntax-only", "-x", "c"]).args(WARNINGS).arg(&header);
    assert_success("gcc -fsyntax-only include/uclint.h", &run(&mut c));
    let mut c99 = Command::new("gcc");
    c99.args([
        "-fsyntax-only",
        "-x",
        "c",
        "-std=c99",
        "-Wall",
        "-Wextra",
        "-Werror",
        "-pedantic",
    ])
    .arg(&header);
    assert_success("gcc -std=c99 -fsyntax-only include/uclint.h", &run(&mut c99));
    let mut cpp = Command::new("g++");
    cpp.args(["-fsyntax-only", "-x", "c++", "-Wall", "-Wextra", "-Werror", "-pedantic"])
        .arg(&header);
    assert_success("g++ -fsyntax-only -x c++ include/uclint.h", &run(&mut cpp));
}

#[test]
fn shared_library_exports_exactly_the_header_functions() {
    require("nm", "apt-get install binutils");
    let libs = libraries();
    let header = std::fs::read_to_string(include_dir().join("uclint.h")).expect("the header is readable");
    let mut declared: Vec<&str> = header
        .lines()
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| line.find("uclint_").map(|start| &line[start..]))
        .filter_map(|rest| rest.split_once('(').map(|(name, _)| name))
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect();
    declared.sort_unstable();
    declared.dedup();
    let output = run(Command::new("nm").args(["-D", "--defined-only"]).arg(&libs.shared_lib));
    assert_success("nm -D libuclint.so", &output);
    let symbols = String::from_utf8_lossy(&output.stdout);
    let mut exported: Vec<&str> = symbols
        .lines()
        .filter_map(|line| line.split_whitespace().nth(2))
        .collect();
    exported.sort_unstable();
    assert_eq!(
        exported, declared,
        "libuclint.so exports exactly the functions uclint.h declares"
    );
}

#[test]
fn c_tests_pass_with_the_static_library() {
    run_c_tests(Link::Static, false);
}

#[test]
fn c_tests_pass_with_the_shared_library() {
    run_c_tests(Link::Shared, false);
}

#[test]
fn c_tests_pass_under_valgrind_with_the_static_library() {
    run_c_tests(Link::Static, true);
}

#[test]
fn c_tests_pass_under_valgrind_with_the_shared_library() {
    run_c_tests(Link::Shared, true);
}

#[test]
fn print_findings_example_prints_every_finding() {
    require("gcc", "apt-get install gcc");
    let libs = libraries();
    let work = tempfile::tempdir().expect("a temporary folder");
    let source = examples_dir().join("c/print_findings.c");
    let binary = compile(&source, work.path(), &libs, Link::Static);

    // With no argument it reads ../examples/acme.toml: run it from a sibling of examples/.
    let default_path = Path::new("../examples/acme.toml");
    let report = acme_report(default_path);
    let output = run(Command::new(&binary).current_dir(crate_dir()));
    assert_success("print_findings", &output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), report.findings.len(), "one line per finding:\n{stdout}");
    for (line, finding) in lines.iter().zip(&report.findings) {
        let location = finding.location.as_ref().map_or_else(
            || format!("{}:0:0", default_path.display()),
            |l| format!("{}:{}:{}", l.file, l.line, l.column),
        );
        let expected = format!("{location}: {} {} {}", finding.severity, finding.code, finding.message);
        assert_eq!(*line, expected);
    }

    // A path given: the same findings, located in that file.
    let acme = examples_dir().join("acme.toml");
    let output = run(Command::new(&binary).arg(&acme));
    assert_success("print_findings examples/acme.toml", &output);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).lines().count(),
        report.findings.len()
    );

    // A missing file: a message on stderr and exit status 1.
    let output = run(Command::new(&binary).arg(work.path().join("missing.toml")));
    assert_eq!(output.status.code(), Some(1), "exit status for a missing file");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot read"), "{stderr}");
}

#[test]
fn print_findings_example_runs_plugins_given_after_the_deployment() {
    require("gcc", "apt-get install gcc");
    let libs = libraries();
    let work = tempfile::tempdir().expect("a temporary folder");
    let binary = compile(
        &examples_dir().join("c/print_findings.c"),
        work.path(),
        &libs,
        Link::Static,
    );
    let acme = examples_dir().join("acme.toml");
    let builtin = acme_report(&acme).findings.len();
    let output = run(Command::new(&binary)
        .arg(&acme)
        .arg(plugins_dir().join("naming-policy.wasm"))
        .arg(work.path().join("missing.wasm")));
    assert_success(
        "print_findings examples/acme.toml naming-policy.wasm missing.wasm",
        &output,
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let plugin_lines = stdout.lines().filter(|l| l.contains(" X-ACME-NAME")).count();
    assert!(plugin_lines > 0, "the naming policy's findings are printed:\n{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.contains(" PLUGIN001 plugin `missing.wasm`: cannot read `")),
        "a missing plugin is a PLUGIN001 finding:\n{stdout}"
    );
    assert_eq!(stdout.lines().count(), builtin + plugin_lines + 1, "{stdout}");
}

#[test]
fn route_example_prints_the_decision_hops_and_trace() {
    require("gcc", "apt-get install gcc");
    let libs = libraries();
    let work = tempfile::tempdir().expect("a temporary folder");
    let binary = compile(&examples_dir().join("c/route.c"), work.path(), &libs, Link::Static);
    let acme = examples_dir().join("acme.toml");

    // acme.toml: the partner's static route, its next hop found in the deployment's DNS data.
    let output = run(Command::new(&binary).arg(&acme).arg("sip:bob@partner.com"));
    assert_success("route examples/acme.toml sip:bob@partner.com", &output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"sip:bob@partner.com -> static"), "{stdout}");
    assert!(
        lines.contains(&"  1. sip.partner.com  198.51.100.40  port 5060 tcp priority 1 weight 10 (100%)"),
        "{stdout}"
    );
    assert!(
        lines.contains(&"  1. parse the request URI: scheme sip, user `bob`, host `partner.com`"),
        "{stdout}"
    );

    // Unroutable: the rule code is printed.
    let output = run(Command::new(&binary).arg(&acme).arg("sip:bob@nowhere.example"));
    assert_success("route examples/acme.toml sip:bob@nowhere.example", &output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("sip:bob@nowhere.example -> unroutable\n"),
        "{stdout}"
    );
    assert!(stdout.contains("\nrules: SIP002 (uclint explain CODE)\n"), "{stdout}");

    // Not a request URI: the command line's message and exit status 1.
    let output = run(Command::new(&binary).arg(&acme).arg("sip:bob@"));
    assert_eq!(output.status.code(), Some(1), "exit status for a bad URI");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot parse the request URI `sip:bob@`: at character 9"),
        "{stderr}"
    );
}
