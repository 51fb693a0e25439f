//! What plugins print: stdout and stderr are granted, captured per call, capped, and returned
//! beside the findings; the plugin's findings are kept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;

use uclint_core::pipeline::PluginSpec;
use uclint_plugin_host::Printed;

#[test]
fn a_printer_s_output_is_captured_and_its_finding_kept() {
    let host = support::host();
    let plugin = host.load(&support::plugin("hostile-prints")).unwrap();
    assert_eq!(plugin.load_output.stdout, "hostile plugin: declaring its rules\n");
    assert!(plugin.load_output.stderr.is_empty() && plugin.load_output.dropped_bytes == 0);
    let config = BTreeMap::from([("a".to_owned(), "1".to_owned())]);
    let checked = host.check(&plugin, &support::acme(), &config, None);
    assert_eq!(checked.findings.len(), 1, "{:#?}", checked.findings);
    assert_eq!(checked.findings[0].code.as_str(), "X-HOSTILE-OK");
    assert_eq!(
        checked.output,
        Printed {
            stdout: "hostile plugin: checking with 1 settings\nhostile plugin: second line\n".to_owned(),
            stderr: "hostile plugin: a warning on stderr\n".to_owned(),
            dropped_bytes: 0,
        }
    );
    // Each call starts with empty streams.
    let again = host.check(&plugin, &support::acme(), &BTreeMap::new(), None);
    assert!(
        again
            .output
            .stdout
            .starts_with("hostile plugin: checking with 0 settings\n")
    );
    assert_eq!(again.output.stdout.lines().count(), 2);
}

#[test]
fn run_all_carries_each_plugin_s_output() {
    let host = support::host();
    let specs = [
        PluginSpec::path(support::plugin("hostile-prints")),
        PluginSpec::path(support::plugin("hostile-well-behaved")),
        PluginSpec::path(support::plugin("hostile-panics")),
    ];
    let run = host.run_all(&support::acme(), &specs);
    let printed: Vec<&str> = run
        .iter()
        .filter(|p| !p.output.is_empty())
        .map(|p| p.output.plugin.as_str())
        .collect();
    assert_eq!(
        printed,
        ["hostile-prints.wasm", "hostile-panics.wasm"],
        "the quiet plugin printed nothing"
    );
    assert!(
        run[0]
            .output
            .stdout
            .starts_with("hostile plugin: declaring its rules\nhostile plugin: checking"),
        "loading's output, then checking's: {:?}",
        run[0].output
    );
    assert!(run[2].output.stderr.contains("config key site is required"));
    let findings: Vec<&str> = run
        .iter()
        .flat_map(|p| p.findings.iter().map(|f| f.code.as_str()))
        .collect();
    assert!(findings.contains(&"PLUGIN002"));
    assert_eq!(findings.iter().filter(|c| **c == "X-HOSTILE-OK").count(), 2);
}

#[test]
fn the_panic_s_stderr_is_returned_too() {
    let host = support::host();
    let plugin = host.load(&support::plugin("hostile-panics")).unwrap();
    let checked = host.check(&plugin, &support::acme(), &BTreeMap::new(), None);
    assert_eq!(checked.findings.len(), 1);
    assert!(
        checked.output.stderr.contains("config key site is required"),
        "{:?}",
        checked.output
    );
}
