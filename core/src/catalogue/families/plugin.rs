//! PLUGIN: what the plugin host reports when a third-party rule plugin misbehaves. The host
//! (plugins/host) emits these; they are registered here like every rule so they have pages,
//! SARIF descriptions and `--select`/`--ignore`.

use crate::catalogue::{Code, Fix, RuleInfo, Severity};

const CONTACT_VENDOR: Fix = Fix::new(
    "Report it to the plugin's vendor; until fixed, run without the plugin.",
    "Its rules are not checked meanwhile.",
);

/// The PLUGIN rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::PLUGIN001,
        title: "plugin cannot be loaded",
        severity: Severity::Error,
        checks: "A plugin file is unreadable, is not a WebAssembly component, was built for a version of the uclint:rule contract this uclint does not know, or needs imports the host does not grant.",
        why: "The plugin's rules cannot run, so the check is incomplete; every other rule still runs.",
        fixes: &[
            Fix::new(
                "Rebuild the plugin against a contract version this uclint knows (see `uclint plugin info`).",
                "None, if the vendor publishes one.",
            ),
            CONTACT_VENDOR,
        ],
        service: None,
    },
    RuleInfo {
        code: Code::PLUGIN002,
        title: "plugin crashed",
        severity: Severity::Error,
        checks: "A plugin trapped (a panic, an out-of-bounds access, an unreachable instruction, or a call to a capability the sandbox does not grant, such as files, network, environment or clock).",
        why: "Its findings are lost for this run; the host discards its instance and every other rule still runs.",
        fixes: &[CONTACT_VENDOR],
        service: None,
    },
    RuleInfo {
        code: Code::PLUGIN003,
        title: "plugin ran out of CPU time",
        severity: Severity::Error,
        checks: "A plugin used up its CPU budget (fuel) for one call: an endless loop, or work far beyond what a rule needs.",
        why: "Without a budget a plugin could hang every `uclint check`; the host stops it and goes on.",
        fixes: &[
            CONTACT_VENDOR,
            Fix::new(
                "If the deployment is very large, raise the budget (`--plugin-fuel`).",
                "A hostile plugin gets more time to waste.",
            ),
        ],
        service: None,
    },
    RuleInfo {
        code: Code::PLUGIN004,
        title: "plugin exceeded its memory limit",
        severity: Severity::Error,
        checks: "A plugin tried to grow its memory beyond the limit for one instance.",
        why: "Without a cap a plugin could exhaust the machine's memory; the host refuses the growth and goes on.",
        fixes: &[
            CONTACT_VENDOR,
            Fix::new(
                "If the deployment is very large, raise the cap (`--plugin-memory-mib`).",
                "A hostile plugin may use that much memory.",
            ),
        ],
        service: None,
    },
    RuleInfo {
        code: Code::PLUGIN005,
        title: "plugin returned too much output",
        severity: Severity::Error,
        checks: "A plugin returned more findings, or more text, than the host accepts from one call.",
        why: "A flood of output would bury real findings and exhaust memory; the host keeps none of it.",
        fixes: &[CONTACT_VENDOR],
        service: None,
    },
    RuleInfo {
        code: Code::PLUGIN006,
        title: "plugin returned an invalid finding",
        severity: Severity::Error,
        checks: "A plugin's finding has an unknown severity, a code it did not declare, a code outside its namespace, a built-in code, or an unknown subject kind.",
        why: "A plugin must not impersonate built-in rules or other vendors' rules: such findings are dropped and reported here.",
        fixes: &[CONTACT_VENDOR],
        service: None,
    },
    RuleInfo {
        code: Code::PLUGIN007,
        title: "plugin text contained control characters",
        severity: Severity::Security,
        checks: "A plugin's rule or finding text contained terminal control characters (escape sequences, bell, C1 controls).",
        why: "Control characters can rewrite what a terminal shows (hide findings, fake output); the host strips them before display.",
        fixes: &[CONTACT_VENDOR],
        service: None,
    },
    RuleInfo {
        code: Code::PLUGIN008,
        title: "plugin declares invalid rules",
        severity: Severity::Error,
        checks: "A plugin's namespace is not `X-<VENDOR>`, or one of its declared rules has a code outside that namespace, a built-in code, a duplicate code or an unknown default severity.",
        why: "Plugin codes live in their own namespace so that no plugin can pass for a built-in rule or another vendor; the plugin is not run.",
        fixes: &[CONTACT_VENDOR],
        service: None,
    },
];
