//! The check the C-boundary fuzz target makes, shared with the test that replays its corpus
//! without a fuzzer (`bindings-c/tests/fuzz_corpus.rs` includes this file). It calls the C entry
//! points exactly as a C program can: any bytes, any length up to the buffer's, NULL for any
//! pointer, indexes past the end, an unknown format or kind. No call may crash or panic (the
//! boundary turns a panic into `UCLINT_STATUS_PANIC`, which fails the check), a failing call
//! leaves a message and a NULL handle, and every JSON or SARIF text is JSON. Under the address
//! sanitizer a read past a buffer, a use after free or a leak is a crash too.
//!
//! The input: byte 0 is the format (any value: 0-2 are TOML, JSON, YAML, the rest must be
//! refused), byte 1 holds flags (which pointers are NULL, which length is passed), then the
//! deployment text, then after a NUL byte the strings the queries take (a URI, a node, a client,
//! an address), separated by NUL bytes.

// The fuzz target uses `check` alone; the replay test uses `TARGET` too.
#![allow(dead_code)]

use std::ffi::{CStr, CString, c_char};
use std::mem::MaybeUninit;
use std::ptr::{null, null_mut};

use uclint::*;

/// The corpus directory of the target.
pub const TARGET: &str = "c_boundary";

const NULL_TEXT: u8 = 1;
const NULL_NAME: u8 = 1 << 1;
const EMPTY_NAME: u8 = 1 << 2;
const SHORT_LENGTH: u8 = 1 << 3;
const NULL_QUERY: u8 = 1 << 4;

/// A status that is not a caught panic; the boundary's own invariant for every call.
fn no_panic(status: UclintStatus, call: &str) -> UclintStatus {
    assert_ne!(status, UclintStatus::Panic, "{call} panicked: {:?}", last_error());
    status
}

fn last_error() -> Option<String> {
    let message = uclint_last_error();
    // SAFETY: a non-NULL last error is a NUL-terminated string the library keeps alive until the
    // next status-returning call on this thread.
    (!message.is_null()).then(|| unsafe { CStr::from_ptr(message) }.to_string_lossy().into_owned())
}

/// A failed call says why.
fn failed_with_message(status: UclintStatus, call: &str) {
    if status != UclintStatus::Ok {
        assert!(
            last_error().is_some_and(|m| !m.is_empty()),
            "{call} failed with {status:?} and no message"
        );
    }
}

/// Take an owned string from the library, check it is JSON, and free it.
fn json_and_free(status: UclintStatus, text: *mut c_char, call: &str) {
    if no_panic(status, call) != UclintStatus::Ok {
        assert!(text.is_null(), "{call} failed but gave a string");
        return;
    }
    assert!(!text.is_null(), "{call} succeeded without a string");
    // SAFETY: an owned, NUL-terminated string from the library, freed right after.
    let json = unsafe { CStr::from_ptr(text) }.to_string_lossy().into_owned();
    // SAFETY: owned by us, freed once.
    unsafe { uclint_string_free(text) };
    serde_json::from_str::<serde_json::Value>(&json).unwrap_or_else(|e| panic!("{call}: not JSON ({e}): {json}"));
}

/// Call an accessor `f(handle, out)` with a real handle, and with NULL for each pointer.
macro_rules! get {
    ($f:ident, $handle:expr, $t:ty) => {{
        let mut out = MaybeUninit::<$t>::uninit();
        // SAFETY: a live handle and a writable out pointer.
        let status = unsafe { $f($handle, out.as_mut_ptr()) };
        assert_eq!(no_panic(status, stringify!($f)), UclintStatus::Ok);
        // SAFETY: NULL pointers are part of every accessor's contract.
        let status = unsafe { $f($handle, null_mut()) };
        assert_eq!(no_panic(status, stringify!($f)), UclintStatus::NullArgument);
        // SAFETY: as above.
        let status = unsafe { $f(null(), out.as_mut_ptr()) };
        assert_eq!(no_panic(status, stringify!($f)), UclintStatus::NullArgument);
    }};
}

/// Call an indexed accessor `f(handle, index, out)` for every index below `count`, and past it.
macro_rules! get_each {
    ($f:ident, $handle:expr, $count:expr, $t:ty) => {{
        for index in 0..$count + 2 {
            let mut out = MaybeUninit::<$t>::uninit();
            // SAFETY: a live handle and a writable out pointer; any index is allowed.
            let status = unsafe { $f($handle, index, out.as_mut_ptr()) };
            let expected = if index < $count {
                UclintStatus::Ok
            } else {
                UclintStatus::NotFound
            };
            assert_eq!(
                no_panic(status, stringify!($f)),
                expected,
                "{} at {index} of {}",
                stringify!($f),
                $count
            );
        }
        // SAFETY: NULL pointers are part of every accessor's contract.
        let status = unsafe { $f($handle, 0, null_mut()) };
        assert_eq!(no_panic(status, stringify!($f)), UclintStatus::NullArgument);
    }};
}

/// The count an accessor gives.
macro_rules! count {
    ($f:ident, $handle:expr) => {{
        let mut count = 0usize;
        // SAFETY: a live handle and a writable out pointer.
        let status = unsafe { $f($handle, &mut count) };
        assert_eq!(no_panic(status, stringify!($f)), UclintStatus::Ok);
        count
    }};
}

/// Feed `data` to the C entry points; whether the deployment loaded.
pub fn check(data: &[u8]) -> bool {
    let &[format, flags, ref rest @ ..] = data else {
        return false;
    };
    let (text, queries) = match rest.iter().position(|&b| b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let mut queries = queries
        .split(|&b| b == 0)
        .map(|q| CString::new(q).expect("split at every NUL"));
    let mut query = |fallback: &str| {
        queries
            .next()
            .unwrap_or_else(|| CString::new(fallback).expect("no NUL"))
    };
    let (uri, node, client, address) = (
        query("sip:alice@acme.com"),
        query("cups-1"),
        query("hq-cupc"),
        query("alice@acme.com"),
    );
    let query_ptr = |q: &CString| if flags & NULL_QUERY != 0 { null() } else { q.as_ptr() };

    imports(format, flags, text, &client);

    let name = if flags & EMPTY_NAME != 0 { c"" } else { c"fuzz.toml" };
    let name_ptr = if flags & NULL_NAME != 0 { null() } else { name.as_ptr() };
    let text_ptr = if flags & NULL_TEXT != 0 {
        null()
    } else {
        text.as_ptr().cast::<c_char>()
    };
    let len = if flags & SHORT_LENGTH != 0 {
        text.len() / 2
    } else {
        text.len()
    };
    let mut deployment = null_mut();
    // SAFETY: `text_ptr` is NULL or readable for `len` bytes, `name_ptr` NULL or NUL-terminated.
    let status = no_panic(
        unsafe { uclint_deployment_from_text(text_ptr, len, format as UclintFormat, name_ptr, &mut deployment) },
        "uclint_deployment_from_text",
    );
    failed_with_message(status, "uclint_deployment_from_text");
    assert_eq!(
        status == UclintStatus::Ok,
        !deployment.is_null(),
        "{status:?} with handle {deployment:?}"
    );
    if flags & (NULL_TEXT | NULL_NAME) != 0 {
        assert_eq!(status, UclintStatus::NullArgument);
    }
    if format > 2 && flags & (NULL_TEXT | NULL_NAME | EMPTY_NAME) == 0 {
        assert_eq!(status, UclintStatus::InvalidArgument);
    }
    if deployment.is_null() {
        return false;
    }

    report(deployment);
    route(deployment, query_ptr(&uri), u64::from(flags));
    presence(deployment, query_ptr(&node), query_ptr(&address));
    resolve(deployment, query_ptr(&node), query_ptr(&client));
    jabber(deployment, query_ptr(&client), query_ptr(&address));
    let (mut json, mut errors) = (null_mut(), 0usize);
    // SAFETY: live handles and writable out pointers.
    let status = unsafe { uclint_diff(deployment, deployment, &mut json, &mut errors) };
    json_and_free(status, json, "uclint_diff");
    // SAFETY: a handle from uclint_deployment_from_text, freed once.
    unsafe { uclint_deployment_free(deployment) };
    true
}

/// The same bytes as every kind of export, with any kind number.
fn imports(kind: u8, client_kind: u8, bytes: &[u8], client: &CString) {
    let (mut json, mut line) = (null_mut(), 0usize);
    // SAFETY: `bytes` is readable for its length; the strings are NUL-terminated.
    let status = unsafe {
        uclint_import(
            UclintImportKind::from(kind % 8),
            bytes.as_ptr().cast(),
            bytes.len(),
            c"fuzz.txt".as_ptr(),
            client.as_ptr(),
            UclintClientKind::from(client_kind % 12),
            &mut json,
            &mut line,
        )
    };
    failed_with_message(status, "uclint_import");
    json_and_free(status, json, "uclint_import");
}

fn report(deployment: *const UclintDeployment) {
    let mut report = null_mut();
    // SAFETY: a live handle and a writable out pointer.
    let status = no_panic(unsafe { uclint_check(deployment, &mut report) }, "uclint_check");
    assert_eq!(
        status,
        UclintStatus::Ok,
        "a loaded deployment always checks: {:?}",
        last_error()
    );
    let findings = count!(uclint_report_finding_count, report);
    get_each!(uclint_report_finding_code, report, findings, *const c_char);
    get_each!(uclint_report_finding_severity, report, findings, UclintSeverity);
    get_each!(uclint_report_finding_severity_name, report, findings, *const c_char);
    get_each!(uclint_report_finding_message, report, findings, *const c_char);
    get_each!(uclint_report_finding_subject, report, findings, *const c_char);
    get_each!(uclint_report_finding_file, report, findings, *const c_char);
    get_each!(uclint_report_finding_line, report, findings, u32);
    get_each!(uclint_report_finding_column, report, findings, u32);
    let mut text = null_mut();
    // SAFETY: a live handle and a writable out pointer.
    json_and_free(
        unsafe { uclint_report_to_json(report, &mut text) },
        text,
        "uclint_report_to_json",
    );
    // SAFETY: as above.
    json_and_free(
        unsafe { uclint_report_to_sarif(report, &mut text) },
        text,
        "uclint_report_to_sarif",
    );
    // SAFETY: a handle from uclint_check, freed once.
    unsafe { uclint_report_free(report) };
}

fn route(deployment: *const UclintDeployment, uri: *const c_char, seed: u64) {
    let mut routing = null_mut();
    // SAFETY: a live handle, `uri` NULL or NUL-terminated, a readable seed, a writable out.
    let status = no_panic(
        unsafe { uclint_route(deployment, uri, &seed, &mut routing) },
        "uclint_route",
    );
    failed_with_message(status, "uclint_route");
    if routing.is_null() {
        return;
    }
    get!(uclint_routing_uri, routing, *const c_char);
    get!(uclint_routing_decision, routing, UclintDecision);
    let targets = count!(uclint_routing_target_count, routing);
    get_each!(uclint_routing_target_host, routing, targets, *const c_char);
    get_each!(uclint_routing_target_address, routing, targets, *const c_char);
    get_each!(uclint_routing_target_port, routing, targets, u16);
    get_each!(uclint_routing_target_transport, routing, targets, UclintTransport);
    get_each!(uclint_routing_target_priority, routing, targets, u16);
    get_each!(uclint_routing_target_weight, routing, targets, u16);
    get_each!(uclint_routing_target_share, routing, targets, f64);
    get_each!(uclint_routing_target_fallback, routing, targets, bool);
    let steps = count!(uclint_routing_step_count, routing);
    get_each!(uclint_routing_step, routing, steps, *const c_char);
    let codes = count!(uclint_routing_code_count, routing);
    get_each!(uclint_routing_code, routing, codes, *const c_char);
    let mut json = null_mut();
    // SAFETY: a live handle and a writable out pointer.
    json_and_free(
        unsafe { uclint_routing_to_json(routing, &mut json) },
        json,
        "uclint_routing_to_json",
    );
    // SAFETY: a handle from uclint_route, freed once.
    unsafe { uclint_routing_free(routing) };
}

fn presence(deployment: *const UclintDeployment, node: *const c_char, user: *const c_char) {
    let mut presence = null_mut();
    // SAFETY: a live handle, strings NULL or NUL-terminated, a writable out pointer.
    let status = no_panic(
        unsafe { uclint_presence_address_resolved(deployment, node, null(), user, &mut presence) },
        "uclint_presence_address_resolved",
    );
    failed_with_message(status, "uclint_presence_address_resolved");
    if presence.is_null() {
        return;
    }
    get!(uclint_presence_address_str, presence, *const c_char);
    get!(uclint_presence_uri, presence, *const c_char);
    get!(uclint_presence_method, presence, UclintPresenceMethod);
    get!(uclint_presence_verdict, presence, UclintVerdict);
    let codes = count!(uclint_presence_code_count, presence);
    get_each!(uclint_presence_code, presence, codes, *const c_char);
    let steps = count!(uclint_presence_step_count, presence);
    get_each!(uclint_presence_step, presence, steps, *const c_char);
    let mut json = null_mut();
    // SAFETY: a live handle and a writable out pointer.
    json_and_free(
        unsafe { uclint_presence_to_json(presence, &mut json) },
        json,
        "uclint_presence_to_json",
    );
    // SAFETY: a handle from uclint_presence_address_resolved, freed once.
    unsafe { uclint_presence_free(presence) };
}

fn resolve(deployment: *const UclintDeployment, name: *const c_char, client: *const c_char) {
    let mut resolution = null_mut();
    // SAFETY: a live handle, strings NULL or NUL-terminated, a writable out pointer.
    let status = no_panic(
        unsafe { uclint_resolve(deployment, name, client, &mut resolution) },
        "uclint_resolve",
    );
    failed_with_message(status, "uclint_resolve");
    if resolution.is_null() {
        return;
    }
    get!(uclint_resolution_name, resolution, *const c_char);
    get!(uclint_resolution_client, resolution, *const c_char);
    get!(uclint_resolution_address, resolution, *const c_char);
    let attempts = count!(uclint_resolution_attempt_count, resolution);
    get_each!(uclint_resolution_attempt_query, resolution, attempts, *const c_char);
    get_each!(uclint_resolution_attempt_source, resolution, attempts, *const c_char);
    get_each!(uclint_resolution_attempt_result, resolution, attempts, *const c_char);
    let mut json = null_mut();
    // SAFETY: a live handle and a writable out pointer.
    json_and_free(
        unsafe { uclint_resolution_to_json(resolution, &mut json) },
        json,
        "uclint_resolution_to_json",
    );
    // SAFETY: a handle from uclint_resolve, freed once.
    unsafe { uclint_resolution_free(resolution) };
}

fn jabber(deployment: *const UclintDeployment, client: *const c_char, address: *const c_char) {
    let mut jabber = null_mut();
    // SAFETY: a live handle, strings NULL or NUL-terminated, a writable out pointer.
    let status = no_panic(
        unsafe { uclint_jabber_discovery(deployment, client, address, &mut jabber) },
        "uclint_jabber_discovery",
    );
    failed_with_message(status, "uclint_jabber_discovery");
    if jabber.is_null() {
        return;
    }
    get!(uclint_jabber_path, jabber, UclintJabberPath);
    get!(uclint_jabber_signs_in, jabber, bool);
    get!(uclint_jabber_message, jabber, *const c_char);
    get!(uclint_jabber_id, jabber, *const c_char);
    let connections = count!(uclint_jabber_connection_count, jabber);
    get_each!(uclint_jabber_connection_host, jabber, connections, *const c_char);
    get_each!(uclint_jabber_connection_port, jabber, connections, u16);
    get_each!(uclint_jabber_connection_url, jabber, connections, *const c_char);
    get_each!(uclint_jabber_connection_address, jabber, connections, *const c_char);
    get_each!(
        uclint_jabber_connection_outcome,
        jabber,
        connections,
        UclintConnectionOutcome
    );
    let codes = count!(uclint_jabber_code_count, jabber);
    get_each!(uclint_jabber_code, jabber, codes, *const c_char);
    let steps = count!(uclint_jabber_step_count, jabber);
    get_each!(uclint_jabber_step, jabber, steps, *const c_char);
    let mut json = null_mut();
    // SAFETY: a live handle and a writable out pointer.
    json_and_free(
        unsafe { uclint_jabber_to_json(jabber, &mut json) },
        json,
        "uclint_jabber_to_json",
    );
    // SAFETY: a handle from uclint_jabber_discovery, freed once.
    unsafe { uclint_jabber_free(jabber) };
}
