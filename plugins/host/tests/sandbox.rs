//! Hostile plugins against the sandbox: each misbehaviour becomes its PLUGIN finding naming the
//! plugin and the reason, the host goes on, and every other rule's findings stay intact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;

use uclint_core::report::{Finding, SubjectKind};
use uclint_core::rules::{Options, check};
use uclint_plugin_host::{Cache, Limits, PluginHost};

use support::{host, run};

/// Run the hostile plugin beside the built-in rules and a well-behaved plugin; return its
/// findings, after proving the others are untouched.
fn hostile(name: &str) -> Vec<Finding> {
    let deployment = support::acme();
    let builtin = check(&deployment, &[], &Options::default()).findings;
    let host = host();
    let before = run(&host, "hostile-well-behaved", &deployment);
    let found = run(&host, name, &deployment);
    let after = run(&host, "hostile-well-behaved", &deployment);
    assert!(
        !before.is_empty() && before == after,
        "the well-behaved plugin is unaffected"
    );
    assert_eq!(
        check(&deployment, &[], &Options::default()).findings,
        builtin,
        "built-in rules are unaffected"
    );
    found
}

/// The one PLUGIN finding `findings` must hold, about `plugin`.
fn only(findings: &[Finding], code: &str, plugin: &str) -> String {
    let about: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code.as_str().starts_with("PLUGIN"))
        .collect();
    assert_eq!(about.len(), 1, "{findings:#?}");
    let f = about[0];
    assert_eq!(f.code.as_str(), code, "{f:#?}");
    assert_eq!(f.subject.kind, SubjectKind::Plugin);
    assert_eq!(f.subject.name, format!("{plugin}.wasm"));
    assert!(
        f.message.starts_with(&format!("plugin `{plugin}.wasm`: ")),
        "{}",
        f.message
    );
    f.message.clone()
}

#[test]
fn an_endless_loop_runs_out_of_fuel() {
    let found = hostile("hostile-infinite-loop");
    assert!(only(&found, "PLUGIN003", "hostile-infinite-loop").contains("fuel"));
}

#[test]
fn a_memory_bomb_hits_the_memory_cap() {
    let found = hostile("hostile-memory-bomb");
    assert!(only(&found, "PLUGIN004", "hostile-memory-bomb").contains("64 MiB"));
}

#[test]
fn a_trap_is_a_crash_finding() {
    let found = hostile("hostile-trap");
    let message = only(&found, "PLUGIN002", "hostile-trap");
    assert!(
        message.contains("trapped: wasm trap: wasm `unreachable` instruction executed"),
        "{message}"
    );
}

#[test]
fn a_panic_s_message_is_the_crash_finding_s_reason() {
    let found = hostile("hostile-panics");
    let message = only(&found, "PLUGIN002", "hostile-panics");
    assert!(
        message.contains(": panicked at plugins/host/tests/hostile/src/plugin.rs:")
            && message.ends_with(": config key site is required"),
        "{message}"
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn an_sdk_plugin_s_panic_carries_its_message_too() {
    let host = host();
    let plugin = host.load(&support::plugin("sdk-panics")).unwrap();
    let deployment = support::acme();
    let found = host.check(&plugin, &deployment, &BTreeMap::new(), None).findings;
    let message = only(&found, "PLUGIN002", "sdk-panics");
    assert!(
        message.contains(": panicked at plugins/host/tests/sdk-panics/src/lib.rs:")
            && message.ends_with(": config key site is required"),
        "{message}"
    );
    let site = BTreeMap::from([("site".to_owned(), "hq".to_owned())]);
    let found = host.check(&plugin, &deployment, &site, None).findings;
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].message, "site `hq`");
}

#[test]
fn an_output_flood_is_refused_whole() {
    let found = hostile("hostile-output-flood");
    only(&found, "PLUGIN005", "hostile-output-flood");
    assert_eq!(found.len(), 1, "none of the flood is kept");
}

#[test]
fn a_plugin_cannot_claim_a_built_in_code() {
    let found = hostile("hostile-impersonate");
    assert!(found.iter().all(|f| f.code.as_str() != "PRS001"), "{found:#?}");
    let about: Vec<&Finding> = found.iter().filter(|f| f.code.as_str().starts_with("PLUGIN")).collect();
    assert_eq!(about.len(), 1, "{found:#?}");
    assert!(
        matches!(about[0].code.as_str(), "PLUGIN006" | "PLUGIN008"),
        "{:#?}",
        about[0]
    );
    assert!(about[0].message.contains("built-in"), "{}", about[0].message);
}

#[test]
fn a_code_outside_the_namespace_is_dropped() {
    let found = hostile("hostile-foreign-code");
    let message = only(&found, "PLUGIN006", "hostile-foreign-code");
    assert!(
        message.contains("namespace") || message.contains("declared"),
        "{message}"
    );
    assert!(
        found
            .iter()
            .all(|f| f.code.as_str().starts_with("X-HOSTILE-") || f.code.as_str().starts_with("PLUGIN"))
    );
}

#[test]
fn an_unknown_severity_is_dropped() {
    let found = hostile("hostile-unknown-severity");
    assert!(only(&found, "PLUGIN006", "hostile-unknown-severity").contains("severity"));
}

#[test]
fn control_characters_are_stripped_and_reported() {
    let found = hostile("hostile-control-chars");
    only(&found, "PLUGIN007", "hostile-control-chars");
    for f in &found {
        for text in [&f.message, &f.subject.name] {
            assert!(!text.chars().any(char::is_control), "{text:?}");
        }
    }
    assert!(
        found.iter().any(|f| f.code.as_str().starts_with("X-HOSTILE-")),
        "the cleaned finding is kept"
    );
}

#[test]
fn wasi_beyond_stdout_and_stderr_is_refused_naming_the_import() {
    let host = host();
    let plugin = host.load(&support::plugin("hostile-wasi-escape")).unwrap();
    let deployment = support::acme();
    // Every attempt alone: the import std calls first for it, and the interface it belongs to.
    let refused = [
        ("file", "wasi:filesystem/"),
        ("dir", "wasi:filesystem/"),
        ("args", "wasi:cli/environment@"),
        ("clock", "wasi:clocks/wall-clock@"),
        ("instant", "wasi:clocks/monotonic-clock@"),
        ("random", "wasi:random/"),
        ("net", "wasi:sockets/"),
        ("exit", "wasi:cli/exit@"),
    ];
    for (attempt, interface) in refused {
        let config = BTreeMap::from([("attempt".to_owned(), attempt.to_owned())]);
        let found = host.check(&plugin, &deployment, &config, None).findings;
        let message = only(&found, "PLUGIN002", "hostile-wasi-escape");
        assert!(
            message.contains(&format!("called `{interface}")) && message.contains('#'),
            "{attempt}: {message}"
        );
        assert_eq!(found.len(), 1, "{attempt}: nothing escaped: {found:#?}");
    }
    // The environment reads as empty (std's panic hook needs to read it), never the host's.
    let config = BTreeMap::from([("attempt".to_owned(), "env".to_owned())]);
    let found = host.check(&plugin, &deployment, &config, None).findings;
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .ends_with("refused: environment variable not found (0 variables)"),
        "{found:#?}"
    );
    for stream in ["stdout", "stderr"] {
        let config = BTreeMap::from([("attempt".to_owned(), stream.to_owned())]);
        let checked = host.check(&plugin, &deployment, &config, None);
        assert_eq!(checked.findings.len(), 1, "{:#?}", checked.findings);
        assert!(checked.findings[0].message.ends_with(&format!("wrote to {stream}")));
        let printed = if stream == "stdout" {
            &checked.output.stdout
        } else {
            &checked.output.stderr
        };
        assert_eq!(printed, &format!("hostile plugin writes to {stream}\n"));
    }
    // All at once: the first refusal ends the call.
    let found = hostile("hostile-wasi-escape");
    assert!(only(&found, "PLUGIN002", "hostile-wasi-escape").contains("wasi:filesystem/"));
}

#[test]
fn a_future_contract_version_is_refused_with_a_clear_message() {
    let host = host();
    let failure = host.load(&support::plugin("hostile-future-version")).unwrap_err();
    assert_eq!(failure.code.as_str(), "PLUGIN001");
    // build.sh builds it for the next minor version after the newest the host knows.
    let (major, rest) = uclint_plugin_contract::VERSION.split_once('.').unwrap();
    let minor: u32 = rest.split('.').next().unwrap().parse().unwrap();
    let future = format!("uclint:rule@{major}.{}.0", minor + 1);
    assert!(failure.reason.contains(&future), "{}", failure.reason);
    assert!(
        failure.reason.contains(uclint_plugin_contract::CONTRACT),
        "{}",
        failure.reason
    );
}

#[test]
fn files_that_are_not_components_are_refused() {
    let host = host();
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.wasm");
    std::fs::write(&text, "not wasm").unwrap();
    assert!(host.load(&text).unwrap_err().reason.contains("not a WebAssembly file"));
    // A core module (no component) is refused too.
    let module = dir.path().join("module.wasm");
    std::fs::write(&module, b"\0asm\x01\0\0\0").unwrap();
    assert_eq!(host.load(&module).unwrap_err().code.as_str(), "PLUGIN001");
    let missing = host.load(&dir.path().join("missing.wasm")).unwrap_err();
    assert!(missing.reason.contains("cannot read"), "{}", missing.reason);
}

#[test]
fn compiled_plugins_are_cached_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let host = PluginHost::new(Limits::default(), Some(Cache::new(&cache))).unwrap();
    let path = support::plugin("hostile-well-behaved");
    assert!(!host.load(&path).unwrap().from_cache);
    let again = host.load(&path).unwrap();
    assert!(again.from_cache, "the second load reuses the compiled code");
    let deployment = support::acme();
    assert!(
        !host
            .check(&again, &deployment, &BTreeMap::new(), None)
            .findings
            .is_empty()
    );
    // A cache others can write to is not trusted.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert!(!host.load(&path).unwrap().from_cache);
    }
}
