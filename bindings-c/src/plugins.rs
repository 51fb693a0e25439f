//! Third-party rule plugins (WebAssembly components) run in the sandboxed host beside the
//! built-in rules, as `uclint check --plugin PATH` runs them.

use std::ffi::c_char;
use std::sync::Arc;

use uclint_core::model::Deployment;
use uclint_plugin_host::{Limits, PluginHost, PluginRun, PluginSpec};

use crate::boundary::{Error, UCLINT_MAX_INPUT_BYTES, UclintStatus, str_arg};

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
/// host with the default limits (plugin files above 64 MiB refused unread) and no disk cache.
/// Never fails: whatever goes wrong with a plugin (or with the host itself) is a PLUGIN finding
/// about that plugin.
pub(crate) fn run(deployment: &Arc<Deployment>, paths: &[&str]) -> PluginRun {
    let specs: Vec<PluginSpec> = paths.iter().map(PluginSpec::path).collect();
    if specs.is_empty() {
        return PluginRun::default();
    }
    match PluginHost::new(Limits::default(), None) {
        Ok(host) => host.run_all(deployment, &specs),
        Err(failure) => PluginRun {
            findings: specs.iter().map(|spec| failure.finding(&spec.name(), None)).collect(),
            ..PluginRun::default()
        },
    }
}
