//! `uclint check`: every rule (built-in, and plugins when asked) over a deployment, the
//! findings one by one, JSON and SARIF.

use std::ffi::{CStr, CString, c_char};

use uclint_core::pipeline::{self, CheckRequest, Checked, PluginSpec};
use uclint_core::report::Severity;

use crate::boundary::{
    Error, Out, UclintStatus, at, c_string, free_handle, get, handle_arg, opt_ptr, owned_string, run,
};
use crate::deployment::UclintDeployment;
use crate::plugins;

/// How bad a finding is, from least to most severe: compare with `>=` for a threshold, as
/// `uclint check --fail-on` does.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum UclintSeverity {
    /// Advice.
    Info = 0,
    /// Works, but weakens protection.
    Security = 1,
    /// Fails in some conditions, or a risk.
    Warning = 2,
    /// A feature will fail.
    Error = 3,
}

impl From<Severity> for UclintSeverity {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Info => Self::Info,
            Severity::Security => Self::Security,
            Severity::Warning => Self::Warning,
            Severity::Error => Self::Error,
        }
    }
}

/// One finding as C values.
struct Finding {
    code: CString,
    severity: Severity,
    message: CString,
    subject: CString,
    file: Option<CString>,
    line: u32,
    column: u32,
}

/// The findings of one check (opaque). Immutable once created: one handle may be read from
/// several threads at once. Strings its accessors return belong to it and stay valid until
/// `uclint_report_free`. It does not borrow from the deployment it came from.
pub struct UclintReport {
    /// The pipeline's answer: findings, and every rule described for SARIF.
    checked: Checked,
    findings: Vec<Finding>,
}

impl UclintReport {
    fn new(checked: Checked) -> Self {
        let findings = checked
            .report
            .findings
            .iter()
            .map(|f| Finding {
                code: c_string(f.code.as_str()),
                severity: f.severity,
                message: c_string(&f.message),
                subject: c_string(&f.subject.to_string()),
                file: f.location.as_ref().map(|l| c_string(&l.file)),
                line: f.location.as_ref().map_or(0, |l| l.line),
                column: f.location.as_ref().map_or(0, |l| l.column),
            })
            .collect();
        Self { checked, findings }
    }
}

/// Check `d` through the one pipeline, with `plugins` besides those the deployment lists.
pub(crate) fn checked(d: &UclintDeployment, plugins: Vec<PluginSpec>) -> Result<Checked, Error> {
    let request = CheckRequest {
        plugins,
        plugin_dir: d.plugin_dir.clone(),
        ..CheckRequest::default()
    };
    let sandbox = plugins::sandbox();
    // Without a selection no plugin code is unknown, so this refusal cannot happen today.
    pipeline::check(&d.deployment, &d.references, &request, Some(&sandbox))
        .map_err(|e| Error::new(UclintStatus::InvalidArgument, e.to_string()))
}

/// [`checked`], as a report handle's contents.
fn check(d: &UclintDeployment, plugins: Vec<PluginSpec>) -> Result<UclintReport, Error> {
    Ok(UclintReport::new(checked(d, plugins)?))
}

/// Runs every built-in rule over `deployment`, then every rule plugin the deployment lists in
/// its `plugins` (paths relative to the deployment file's folder, with their settings), as
/// `uclint check` does with its defaults; dangling references found while loading come out as
/// TOPO003 findings. Findings are in the CLI's order (by location, then code). Plugins run as
/// `uclint_check_with_plugins` describes (sandbox, PLUGIN findings, wasmtime's signal handlers).
///
/// On success `*out` receives a new report owned by the caller (free with
/// `uclint_report_free`); on failure `*out` is set to NULL. Errors: NULL_ARGUMENT.
/// Thread safety: `deployment` is only read, so several threads may check one deployment at once.
///
/// # Safety
/// `deployment` is NULL or a live deployment handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_check(
    deployment: *const UclintDeployment,
    out: *mut *mut UclintReport,
) -> UclintStatus {
    run(|| {
        // SAFETY: `out` is NULL or writable, per this function's contract.
        let out = unsafe { Out::new(out, std::ptr::null_mut()) }?;
        // SAFETY: `deployment` is NULL or a live handle, per this function's contract.
        let d = unsafe { handle_arg(deployment, "deployment") }?;
        out.set(Box::into_raw(Box::new(check(d, Vec::new())?)));
        Ok(())
    })
}

/// Runs every built-in rule over `deployment` as `uclint_check` does, then each of the
/// `plugin_count` rule plugins (WebAssembly components) at `plugin_paths`, in order, then the
/// plugins the deployment lists in its `plugins`, as `uclint check DEPLOYMENT --plugin PATH...`
/// does: each in a sandbox with the default limits (no files, network, environment or clock;
/// CPU fuel, memory and output caps), the given paths with no settings, and no compiled-plugin
/// cache on disk. Findings are in the CLI's order; the SARIF export describes the plugins'
/// rules beside the built-in ones; what a plugin prints is in the JSON export
/// (`plugin_output`).
///
/// A plugin that cannot be read or loaded, traps, runs out of fuel or memory, returns too much
/// or returns invalid findings is not an error: it becomes a PLUGIN001-PLUGIN008 finding about
/// that plugin (its subject is the plugin's file name) and the other plugins still run. A
/// plugin file above `UCLINT_MAX_INPUT_BYTES` is a PLUGIN001 finding, not read.
///
/// `plugin_paths` may be NULL when `plugin_count` is 0 (then this is `uclint_check`).
/// On success `*out` receives a new report owned by the caller (free with
/// `uclint_report_free`); on failure `*out` is set to NULL. Errors: NULL_ARGUMENT
/// (`deployment`, `out`, `plugin_paths` with a count above 0, or one of the paths),
/// INVALID_UTF8 and INVALID_ARGUMENT (empty) for a path, TOO_LARGE (a path, or a count whose
/// pointers would take more than `UCLINT_MAX_INPUT_BYTES`). The paths are only read during the
/// call.
///
/// Thread safety: `deployment` is only read, so several threads may check one deployment at
/// once. The first call with at least one plugin starts wasmtime, which installs process-wide
/// handlers for SIGSEGV and SIGILL (and SIGFPE on x86-64; SIGBUS on macOS and FreeBSD): signals
/// that do not come from WebAssembly code go on to the handlers installed before, and a program
/// that installs its own handlers for them afterwards must chain to the previous ones.
///
/// # Safety
/// `deployment` is NULL or a live deployment handle; `plugin_paths` is NULL or points to
/// `plugin_count` pointers, each NULL or a NUL-terminated string; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_check_with_plugins(
    deployment: *const UclintDeployment,
    plugin_paths: *const *const c_char,
    plugin_count: usize,
    out: *mut *mut UclintReport,
) -> UclintStatus {
    run(|| {
        // SAFETY: `out` is NULL or writable, per this function's contract.
        let out = unsafe { Out::new(out, std::ptr::null_mut()) }?;
        // SAFETY: `deployment` is NULL or a live handle, per this function's contract.
        let d = unsafe { handle_arg(deployment, "deployment") }?;
        // SAFETY: `plugin_paths` is NULL or `plugin_count` string pointers, per this function's
        // contract.
        let paths = unsafe { plugins::paths_arg(plugin_paths, plugin_count) }?;
        let specs = paths.into_iter().map(PluginSpec::path).collect();
        out.set(Box::into_raw(Box::new(check(d, specs)?)));
        Ok(())
    })
}

/// Sets `*out` to the number of findings. Errors: NULL_ARGUMENT (then `*out` is 0).
/// Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_finding_count(report: *const UclintReport, out: *mut usize) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(report, "report", out, 0, |r| Ok(r.findings.len())) }
}

/// Sets `*out` to finding `index`'s rule code (e.g. "PRS001"), owned by `report`.
/// Errors: NULL_ARGUMENT, NOT_FOUND (`index` not below the count; `*out` is then NULL).
/// Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_finding_code(
    report: *const UclintReport,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, std::ptr::null(), |r| {
            Ok(at(&r.findings, index, "findings")?.code.as_ptr())
        })
    }
}

/// Sets `*out` to finding `index`'s severity. Errors: NULL_ARGUMENT, NOT_FOUND (then `*out` is
/// `UCLINT_SEVERITY_INFO`, which means nothing). Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_finding_severity(
    report: *const UclintReport,
    index: usize,
    out: *mut UclintSeverity,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, UclintSeverity::Info, |r| {
            Ok(at(&r.findings, index, "findings")?.severity.into())
        })
    }
}

/// Sets `*out` to finding `index`'s severity as the CLI writes it: "error", "warning",
/// "security" or "info" (a static string, never freed). Errors: NULL_ARGUMENT, NOT_FOUND.
/// Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_finding_severity_name(
    report: *const UclintReport,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, std::ptr::null(), |r| {
            Ok(severity_name(at(&r.findings, index, "findings")?.severity).as_ptr())
        })
    }
}

/// Sets `*out` to finding `index`'s message (what is wrong, specifically), owned by `report`.
/// Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_finding_message(
    report: *const UclintReport,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, std::ptr::null(), |r| {
            Ok(at(&r.findings, index, "findings")?.message.as_ptr())
        })
    }
}

/// Sets `*out` to what finding `index` is about, as the CLI shows it after "about:" (e.g.
/// "server cups-1", "user ekim"), owned by `report`. Errors: NULL_ARGUMENT, NOT_FOUND.
/// Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_finding_subject(
    report: *const UclintReport,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, std::ptr::null(), |r| {
            Ok(at(&r.findings, index, "findings")?.subject.as_ptr())
        })
    }
}

/// Sets `*out` to the file finding `index` points at, owned by `report`, or to NULL (with status
/// OK) when the finding has no location. Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_finding_file(
    report: *const UclintReport,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, std::ptr::null(), |r| {
            Ok(opt_ptr(at(&r.findings, index, "findings")?.file.as_ref()))
        })
    }
}

/// Sets `*out` to the line (from 1) finding `index` points at, or 0 when it has no location.
/// Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_finding_line(
    report: *const UclintReport,
    index: usize,
    out: *mut u32,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, 0, |r| {
            Ok(at(&r.findings, index, "findings")?.line)
        })
    }
}

/// Sets `*out` to the column (from 1, in characters) finding `index` points at, or 0 when it
/// has no location. Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_finding_column(
    report: *const UclintReport,
    index: usize,
    out: *mut u32,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, 0, |r| {
            Ok(at(&r.findings, index, "findings")?.column)
        })
    }
}

/// Sets `*out` to the report as JSON (versioned schema: findings with fixes, summary, skipped
/// rules), the same text `uclint check --format json` prints, without the final newline. The
/// string belongs to the caller: free it with `uclint_string_free`. Errors: NULL_ARGUMENT.
/// Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_to_json(report: *const UclintReport, out: *mut *mut c_char) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, std::ptr::null_mut(), |r| {
            Ok(owned_string(&r.checked.to_json()))
        })
    }
}

/// Sets `*out` to the report as a SARIF 2.1.0 log with every rule described (the built-in
/// rules, then those of the plugins that loaded), the same text `uclint check --format sarif`
/// prints, without the final newline. The string belongs to the
/// caller: free it with `uclint_string_free`. Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `report` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_to_sarif(report: *const UclintReport, out: *mut *mut c_char) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(report, "report", out, std::ptr::null_mut(), |r| {
            Ok(owned_string(&r.checked.to_sarif()))
        })
    }
}

/// Frees a report and the strings it owns. NULL does nothing; freeing twice is undefined
/// behaviour.
///
/// # Safety
/// `report` is NULL or a handle from `uclint_check` or `uclint_check_with_plugins` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_report_free(report: *mut UclintReport) {
    // SAFETY: forwarded from this function's contract.
    unsafe { free_handle(report) };
}

/// A severity as the CLI writes it, as a static C string.
fn severity_name(severity: Severity) -> &'static CStr {
    match severity {
        Severity::Info => c"info",
        Severity::Security => c"security",
        Severity::Warning => c"warning",
        Severity::Error => c"error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_names_match_the_core() {
        for severity in Severity::ALL {
            assert_eq!(severity_name(severity).to_str().unwrap(), severity.as_str());
        }
    }

    #[test]
    fn severities_order_like_the_core() {
        assert!(UclintSeverity::from(Severity::Error) > UclintSeverity::from(Severity::Warning));
        assert!(UclintSeverity::from(Severity::Security) > UclintSeverity::from(Severity::Info));
    }
}
