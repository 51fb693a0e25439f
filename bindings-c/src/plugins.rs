//! Third-party rule plugins (WebAssembly components) run in the sandboxed host beside the
//! built-in rules, as `uclint check --plugin PATH` runs them.

use std::collections::BTreeMap;
use std::ffi::c_char;
use std::path::Path;
use std::sync::Arc;

use uclint_core::model::Deployment;
use uclint_core::report::Finding;
use uclint_core::report::sarif::RuleDescription;
use uclint_core::rules::Code;
use uclint_plugin_host::{Failure, Limits, PluginHost};

use crate::boundary::{Error, UCLINT_MAX_INPUT_BYTES, UclintStatus, str_arg};
use crate::deployment::{ReadError, read_capped};

/// What the plugins of one check produced.
#[derive(Default)]
pub(crate) struct PluginRun {
    /// Their findings, and PLUGIN findings about plugins that misbehaved.
    pub(crate) findings: Vec<Finding>,
    /// The rules of every plugin that loaded, for SARIF.
    pub(crate) rules: Vec<RuleDescription>,
}

/// The plugin paths a C caller passed: `count` strings at `paths`, each checked.
///
/// # Safety
/// `paths` is NULL or points to `count` pointers, each NULL or a NUL-terminated string, all
/// valid and unchanged during the call.
pub(crate) unsafe fn paths_arg<'a>(paths: *const *const c_char, count: usize) -> Result<Vec<&'a str>, Error> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if paths.is_null() {
        return Err(Error::null("plugin_paths"));
    }
    let bytes = count.saturating_mul(size_of::<*const c_char>());
    if bytes > UCLINT_MAX_INPUT_BYTES {
        return Err(Error::too_large(&format!("the list of {count} plugin paths"), bytes));
    }
    // SAFETY: non-null and, per this function's contract, `count` readable pointers; `count`
    // pointers take at most UCLINT_MAX_INPUT_BYTES bytes, far below isize::MAX.
    let pointers = unsafe { std::slice::from_raw_parts(paths, count) };
    pointers
        .iter()
        .enumerate()
        .map(|(i, &ptr)| {
            let argument = format!("plugin_paths[{i}]");
            // SAFETY: each pointer is NULL or a NUL-terminated string, per this function's contract.
            let path = unsafe { str_arg(ptr, &argument) }?;
            if path.is_empty() {
                return Err(Error::new(
                    UclintStatus::InvalidArgument,
                    format!("argument `{argument}` is empty: expected the path of a .wasm plugin"),
                ));
            }
            Ok(path)
        })
        .collect()
}

/// Load and run each plugin at `paths` over `deployment`, with no settings, in one sandboxed
/// host with the default limits and no disk cache. Never fails: whatever goes wrong with a
/// plugin (or with the host itself) is a PLUGIN finding about that plugin.
pub(crate) fn run(deployment: &Arc<Deployment>, paths: &[&str]) -> PluginRun {
    let mut out = PluginRun::default();
    if paths.is_empty() {
        return out;
    }
    let host = match PluginHost::new(Limits::default(), None) {
        Ok(host) => host,
        Err(failure) => {
            out.findings.extend(
                paths
                    .iter()
                    .map(|path| failure.finding(&display_name(Path::new(path)), None)),
            );
            return out;
        }
    };
    let config = BTreeMap::new();
    for path in paths {
        let path = Path::new(path);
        match read(path).and_then(|bytes| host.load_bytes(path, &bytes)) {
            Ok(plugin) => {
                out.rules.extend(plugin.rules.iter().map(|r| r.sarif()));
                out.findings.extend(host.check(&plugin, deployment, &config, None));
            }
            Err(failure) => out.findings.push(failure.finding(&display_name(path), None)),
        }
    }
    out
}

/// The plugin file's bytes, refusing files above [`UCLINT_MAX_INPUT_BYTES`] without reading
/// them (the host's own `load` would read any size); the messages are the host's.
fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    read_capped(path).map_err(|e| {
        let why = match e {
            ReadError::TooLarge(len) => {
                format!("it is {len} bytes, more than the {UCLINT_MAX_INPUT_BYTES} bytes (64 MiB) uclint accepts")
            }
            ReadError::Io(e) => e.to_string(),
        };
        Failure::new(Code::PLUGIN001, format!("cannot read `{}`: {why}", path.display()))
    })
}

/// How findings name a plugin: its file name (the command line's `display_name`).
fn display_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
