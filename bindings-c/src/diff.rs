//! `uclint diff OLD NEW`: what changed between two deployments, and which findings came and went.

use std::ffi::c_char;

use uclint_core::diff::diff;
use uclint_core::report::Severity;

use crate::boundary::{Out, UclintStatus, handle_arg, json_text, owned_string, run};
use crate::deployment::UclintDeployment;
use crate::report::checked;

/// Compares `old_deployment` with `new_deployment`, as `uclint diff OLD NEW` does: each is
/// checked as `uclint_check` checks it (the built-in rules, then the plugins it lists), then
/// their sections are compared item by item (servers, users, routes, DNS, clients, ...) and
/// their findings matched by code, subject and message.
///
/// On success `*out_json` receives the diff as JSON, the same text `uclint diff --format json`
/// prints, without the final newline: `changes` (each with `section`, `key`, `kind`: "added",
/// "removed" or "changed", and the `fields` or the `item`) and `findings` (`appeared`,
/// `disappeared`); the string belongs to the caller: free it with `uclint_string_free`.
/// `*out_new_errors` receives how many findings of severity error appeared: what
/// `uclint diff` exits with status 1 for, and what a nightly drift job alerts on.
///
/// On failure `*out_json` is set to NULL and `*out_new_errors` to 0 (when not NULL).
/// Errors: NULL_ARGUMENT (either deployment or out pointer). A plugin that fails is a finding,
/// as in `uclint_check`, whose notes on plugins (wasmtime's signal handlers) apply here too.
/// Thread safety: the deployments are only read, so other threads may use them meanwhile.
///
/// # Safety
/// `old_deployment` and `new_deployment` are NULL or live deployment handles (they may be the
/// same); `out_json` and `out_new_errors` are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_diff(
    old_deployment: *const UclintDeployment,
    new_deployment: *const UclintDeployment,
    out_json: *mut *mut c_char,
    out_new_errors: *mut usize,
) -> UclintStatus {
    run(|| {
        // SAFETY: `out_json` is NULL or writable, per this function's contract.
        let json_out = unsafe { Out::named(out_json, std::ptr::null_mut(), "out_json") };
        // SAFETY: `out_new_errors` is NULL or writable, per this function's contract.
        let errors_out = unsafe { Out::named(out_new_errors, 0, "out_new_errors") }?;
        let json_out = json_out?;
        // SAFETY: NULL or a live handle, per this function's contract.
        let old = unsafe { handle_arg(old_deployment, "old_deployment") }?;
        // SAFETY: NULL or a live handle, per this function's contract.
        let new = unsafe { handle_arg(new_deployment, "new_deployment") }?;
        let old_report = checked(old, Vec::new())?.report;
        let new_report = checked(new, Vec::new())?.report;
        let diff = diff(&old.deployment, &old_report, &new.deployment, &new_report);
        let json = json_text(serde_json::to_string_pretty(&diff))?;
        json_out.set(owned_string(&json));
        errors_out.set(diff.appeared_at_or_above(Severity::Error));
        Ok(())
    })
}

#[cfg(test)]
mod tests;
