//! libuclint: uclint's derivations and checks for C programs.
//!
//! Conversion only: every answer comes from `uclint-core`. The rules of the boundary (see
//! `README.md`, and the header `include/uclint.h` generated from these doc comments):
//! - every function that can fail returns a [`UclintStatus`]; answers come through out pointers,
//!   which are set to NULL (or 0) on failure;
//! - [`uclint_last_error`] gives this thread's message for the last failing call;
//! - handles are opaque, immutable once created, and each has its own `*_free` function;
//! - strings are UTF-8 and NUL-terminated; `const char *` results belong to their handle,
//!   `char *` results to the caller, who frees them with [`uclint_string_free`];
//! - NULL, invalid UTF-8, empty and oversized inputs are errors, never undefined behaviour;
//!   a panic is caught at the boundary and becomes `UCLINT_STATUS_PANIC`.

mod boundary;
mod deployment;
mod diff;
mod import;
mod jabber;
mod plugins;
mod presence;
mod report;
mod resolve;
mod route;

use std::ffi::{CStr, c_char};

pub use boundary::{UCLINT_MAX_INPUT_BYTES, UclintStatus, uclint_string_free};
pub use deployment::{
    UCLINT_FORMAT_JSON, UCLINT_FORMAT_TOML, UCLINT_FORMAT_YAML, UclintDeployment, UclintFormat, uclint_deployment_free,
    uclint_deployment_from_text, uclint_deployment_load,
};
pub use diff::uclint_diff;
pub use import::{
    UCLINT_CLIENT_KIND_ATTENDANT_CONSOLE, UCLINT_CLIENT_KIND_CUPC, UCLINT_CLIENT_KIND_IP_PHONE,
    UCLINT_CLIENT_KIND_JABBER_MAC, UCLINT_CLIENT_KIND_JABBER_MOBILE, UCLINT_CLIENT_KIND_JABBER_WINDOWS,
    UCLINT_CLIENT_KIND_MOC, UCLINT_CLIENT_KIND_OTHER, UCLINT_CLIENT_KIND_WEBEX_APP, UCLINT_IMPORT_BAT,
    UCLINT_IMPORT_HOSTS, UCLINT_IMPORT_IPCONFIG, UCLINT_IMPORT_LDIF, UCLINT_IMPORT_RESOLV, UCLINT_IMPORT_SCUTIL,
    UclintClientKind, UclintImportKind, uclint_import,
};
pub use jabber::{
    UclintConnectionOutcome, UclintJabber, UclintJabberPath, uclint_jabber_code, uclint_jabber_code_count,
    uclint_jabber_connection_address, uclint_jabber_connection_count, uclint_jabber_connection_host,
    uclint_jabber_connection_outcome, uclint_jabber_connection_port, uclint_jabber_connection_url,
    uclint_jabber_discovery, uclint_jabber_free, uclint_jabber_id, uclint_jabber_message, uclint_jabber_path,
    uclint_jabber_signs_in, uclint_jabber_step, uclint_jabber_step_count, uclint_jabber_to_json,
};
pub use presence::{
    UclintPresence, UclintPresenceMethod, UclintVerdict, uclint_presence_address, uclint_presence_address_resolved,
    uclint_presence_address_str, uclint_presence_code, uclint_presence_code_count, uclint_presence_free,
    uclint_presence_method, uclint_presence_step, uclint_presence_step_count, uclint_presence_to_json,
    uclint_presence_uri, uclint_presence_verdict,
};
pub use report::{
    UclintReport, UclintSeverity, uclint_check, uclint_check_with_plugins, uclint_report_finding_code,
    uclint_report_finding_column, uclint_report_finding_count, uclint_report_finding_file, uclint_report_finding_line,
    uclint_report_finding_message, uclint_report_finding_severity, uclint_report_finding_severity_name,
    uclint_report_finding_subject, uclint_report_free, uclint_report_to_json, uclint_report_to_sarif,
};
pub use resolve::{
    UclintResolution, uclint_resolution_address, uclint_resolution_attempt_count, uclint_resolution_attempt_query,
    uclint_resolution_attempt_result, uclint_resolution_attempt_source, uclint_resolution_client,
    uclint_resolution_free, uclint_resolution_name, uclint_resolution_to_json, uclint_resolve,
};
pub use route::{
    UclintDecision, UclintRouting, UclintTransport, uclint_route, uclint_routing_code, uclint_routing_code_count,
    uclint_routing_decision, uclint_routing_free, uclint_routing_step, uclint_routing_step_count,
    uclint_routing_target_address, uclint_routing_target_count, uclint_routing_target_fallback,
    uclint_routing_target_host, uclint_routing_target_port, uclint_routing_target_priority,
    uclint_routing_target_share, uclint_routing_target_transport, uclint_routing_target_weight, uclint_routing_to_json,
    uclint_routing_uri,
};

/// The library's version, NUL-terminated.
const VERSION: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
    Ok(version) => version,
    Err(_) => panic!("the package version contains a NUL"),
};

/// The library's version (e.g. "0.1.0"), the same as `uclint --version` of the same release.
/// A static string: never free it. Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn uclint_version() -> *const c_char {
    boundary::run_infallible(std::ptr::null(), || VERSION.as_ptr())
}

/// The message of the last failing call on this thread, or NULL when the most recent call on
/// this thread that returns a status succeeded (or there was none). The message is the one the
/// command line prints, e.g. "acme.toml:3:1: servers[0].nod_name: unknown key `nod_name`,
/// expected one of: ... (did you mean `node_name`?)"; several problems are separated by newlines.
///
/// The string belongs to the library: do not free it. It stays valid until the next call of a
/// status-returning uclint function on the same thread (free functions and `uclint_version`
/// leave it alone). Thread safety: each thread has its own last error.
#[unsafe(no_mangle)]
pub extern "C" fn uclint_last_error() -> *const c_char {
    boundary::run_infallible(std::ptr::null(), boundary::last_error_ptr)
}

/// Every handle type may be shared across threads for reading.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<UclintDeployment>();
    shareable::<UclintPresence>();
    shareable::<UclintResolution>();
    shareable::<UclintReport>();
    shareable::<UclintRouting>();
    shareable::<UclintJabber>();
};
