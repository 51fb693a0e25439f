//! The check the plugin-file fuzz target makes, shared with the test that replays its corpus
//! without a fuzzer (`plugins/host/tests/fuzz_corpus.rs` includes this file): any bytes handed
//! to the host as a plugin file are either a plugin it loads and runs, whose findings are
//! sandboxed like any plugin's, or a PLUGIN finding (PLUGIN001 when the bytes are no component
//! it can run); never a panic, an abort or a crash of the process.

// The fuzz target uses `check` alone; the replay test uses `TARGET` too.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use uclint_core::catalogue::Code;
use uclint_core::model::{Deployment, Format};
use uclint_core::source::NoFiles;
use uclint_plugin_host::{Limits, PluginHost};

/// The corpus directory of the target.
pub const TARGET: &str = "plugin_file";

/// A small deployment with a server, a client and a user, for plugins that load.
const DEPLOYMENT: &str = r#"
domain = "acme.com"
[[servers]]
node_name = "cups-1"
roles = ["cups"]
[[clients]]
id = "hq-cupc"
kind = "cupc"
[[users]]
cucm_id = "alice"
home_node = "cups-1"
clients = ["hq-cupc"]
"#;

/// One host for the whole run, as the command line has: building an engine per input would
/// spend the fuzzer's time on setup.
fn host() -> &'static PluginHost {
    static HOST: OnceLock<PluginHost> = OnceLock::new();
    HOST.get_or_init(|| PluginHost::new(Limits::default(), None).expect("the plugin engine starts"))
}

fn deployment() -> Arc<Deployment> {
    static DEPLOYMENT_MODEL: OnceLock<Arc<Deployment>> = OnceLock::new();
    DEPLOYMENT_MODEL
        .get_or_init(|| {
            Arc::new(
                Deployment::load(DEPLOYMENT, Format::Toml, "fuzz.toml", &NoFiles).expect("the fuzz deployment loads"),
            )
        })
        .clone()
}

fn is_plugin_code(code: &impl ToString) -> bool {
    code.to_string().starts_with("PLUGIN")
}

/// Load `bytes` as the plugin file `fuzz.wasm` and, when it loads, run it; whether it loaded.
pub fn check(bytes: &[u8]) -> bool {
    let host = host();
    let plugin = match host.load_bytes(Path::new("fuzz.wasm"), bytes) {
        Ok(plugin) => plugin,
        Err(failure) => {
            assert!(
                is_plugin_code(&failure.code),
                "{} is not a plugin failure: {}",
                failure.code,
                failure.reason
            );
            if !bytes.starts_with(b"\0asm") {
                assert_eq!(failure.code, Code::PLUGIN001, "{}", failure.reason);
            }
            let finding = failure.finding("fuzz.wasm", None);
            assert!(!finding.message.is_empty(), "a failure without a message");
            return false;
        }
    };
    let checked = host.check(&plugin, &deployment(), &BTreeMap::new(), None);
    for finding in &checked.findings {
        let own = finding.code.to_string().starts_with(&plugin.namespace);
        assert!(
            own || is_plugin_code(&finding.code),
            "{} is neither the plugin's nor a PLUGIN code",
            finding.code
        );
    }
    true
}
