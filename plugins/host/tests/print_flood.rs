//! A plugin that prints 100 MiB: the capture keeps the cap and counts the rest, the plugin
//! finishes, its finding is kept, and the host's memory does not grow with the flood. Alone in
//! its test binary, so the process's peak memory is this test's.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;

use uclint_plugin_host::{Limits, PluginHost};

/// The process's peak resident memory so far, in bytes (Linux).
#[cfg(target_os = "linux")]
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib << 10
}

#[test]
fn a_hundred_mib_of_output_is_capped_and_the_finding_kept() {
    // The default fuel: std scans every byte it prints for a newline.
    let limits = Limits {
        fuel: Limits::default().fuel,
        ..support::limits()
    };
    let host = PluginHost::new(limits, None).unwrap();
    let cap = limits.max_print_bytes;
    let plugin = host.load(&support::plugin("hostile-prints-flood")).unwrap();
    #[cfg(target_os = "linux")]
    let before = peak_rss();
    let checked = host.check(&plugin, &support::acme(), &BTreeMap::new(), None);
    assert_eq!(checked.findings.len(), 1, "{:#?}", checked.findings);
    assert_eq!(
        checked.findings[0].code.as_str(),
        "X-HOSTILE-OK",
        "{:#?}",
        checked.findings
    );
    let output = &checked.output;
    assert_eq!(output.stdout.len(), cap);
    assert!(output.stdout.bytes().all(|b| b == b'x'));
    assert!(output.stderr.is_empty(), "{}", output.stderr);
    assert_eq!(output.dropped_bytes, (100 << 20) - cap as u64);
    #[cfg(target_os = "linux")]
    {
        let grown = peak_rss().saturating_sub(before);
        assert!(grown < 32 << 20, "peak memory grew by {} MiB", grown >> 20);
    }
}
