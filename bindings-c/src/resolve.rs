//! Name resolution: how one client profile resolves a name, every attempt listed.

use std::ffi::{CString, c_char};

use uclint_core::derive::resolve::{Resolution, resolve};
use uclint_core::dns::Resolver;

use crate::boundary::{
    Error, Out, UclintStatus, at, c_string, free_handle, get, handle_arg, json_text, opt_ptr, owned_string, run,
    str_arg,
};
use crate::deployment::UclintDeployment;

/// One attempt as C strings.
struct Attempt {
    query: CString,
    source: CString,
    result: CString,
}

/// How a client resolved a name (opaque). Immutable once created: one handle may be read from
/// several threads at once. Strings its accessors return belong to it and stay valid until
/// `uclint_resolution_free`. It does not borrow from the deployment it came from.
pub struct UclintResolution {
    resolution: Resolution,
    name: CString,
    client: CString,
    address: Option<CString>,
    attempts: Vec<Attempt>,
}

impl UclintResolution {
    fn new(resolution: Resolution) -> Self {
        Self {
            name: c_string(&resolution.name),
            client: c_string(&resolution.client),
            address: resolution.address.map(|a| c_string(&a.to_string())),
            attempts: resolution
                .attempts
                .iter()
                .map(|a| Attempt {
                    query: c_string(&a.query),
                    source: c_string(&a.source.to_string()),
                    result: c_string(&a.result.to_string()),
                })
                .collect(),
            resolution,
        }
    }
}

/// Resolves `name` as the client profile `client` of `deployment` does (docs/derivations/name-resolution.md): hosts file,
/// DNS suffix search list, then the deployment's DNS data. The same answer as
/// `uclint resolve NAME --client CLIENT -c DEPLOYMENT`. A name that does not resolve is a
/// success: its address is NULL and the attempts say why.
///
/// On success `*out` receives a new handle owned by the caller (free with
/// `uclint_resolution_free`); on failure `*out` is set to NULL. Errors: NULL_ARGUMENT,
/// INVALID_UTF8, TOO_LARGE, INVALID_ARGUMENT (empty `name`), NOT_FOUND (no client profile with
/// that id; the message lists those that exist). Thread safety: `deployment` is only read, so
/// several threads may resolve against one deployment at once.
///
/// # Safety
/// `deployment` is NULL or a live deployment handle; `name` and `client` are NULL or
/// NUL-terminated strings; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolve(
    deployment: *const UclintDeployment,
    name: *const c_char,
    client: *const c_char,
    out: *mut *mut UclintResolution,
) -> UclintStatus {
    run(|| {
        // SAFETY: `out` is NULL or writable, per this function's contract.
        let out = unsafe { Out::new(out, std::ptr::null_mut()) }?;
        // SAFETY: `deployment` is NULL or a live handle, per this function's contract.
        let loaded = unsafe { handle_arg(deployment, "deployment") }?;
        // SAFETY: `name` is NULL or NUL-terminated, per this function's contract.
        let name = unsafe { str_arg(name, "name") }?;
        // SAFETY: `client` is NULL or NUL-terminated, per this function's contract.
        let client_id = unsafe { str_arg(client, "client") }?;
        if name.is_empty() {
            return Err(Error::new(
                UclintStatus::InvalidArgument,
                "argument `name` is empty: expected a host name or address",
            ));
        }
        let client = loaded.client(client_id)?;
        let deployment = &loaded.deployment;
        let dns = deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver);
        let handle = UclintResolution::new(resolve(name, client, dns));
        out.set(Box::into_raw(Box::new(handle)));
        Ok(())
    })
}

/// Sets `*out` to the name as the client used it, owned by `resolution`.
/// Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `resolution` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolution_name(
    resolution: *const UclintResolution,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(resolution, "resolution", out, std::ptr::null(), |r| Ok(r.name.as_ptr())) }
}

/// Sets `*out` to the client profile's id, owned by `resolution`.
/// Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `resolution` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolution_client(
    resolution: *const UclintResolution,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(resolution, "resolution", out, std::ptr::null(), |r| {
            Ok(r.client.as_ptr())
        })
    }
}

/// Sets `*out` to the first address found (e.g. "10.1.1.20"), owned by `resolution`, or to NULL
/// (with status OK) when the name is not resolvable. Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `resolution` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolution_address(
    resolution: *const UclintResolution,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(resolution, "resolution", out, std::ptr::null(), |r| {
            Ok(opt_ptr(r.address.as_ref()))
        })
    }
}

/// Sets `*out` to the number of attempts, in order, up to the first that found an address.
/// Errors: NULL_ARGUMENT (then `*out` is 0). Thread safety: read-only.
///
/// # Safety
/// `resolution` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolution_attempt_count(
    resolution: *const UclintResolution,
    out: *mut usize,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(resolution, "resolution", out, 0, |r| Ok(r.attempts.len())) }
}

/// Sets `*out` to the name attempt `index` asked for (absolute names end in a dot, e.g.
/// "cups-1.isp.com."), owned by `resolution`. Errors: NULL_ARGUMENT, NOT_FOUND (`index` not
/// below the count). Thread safety: read-only.
///
/// # Safety
/// `resolution` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolution_attempt_query(
    resolution: *const UclintResolution,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(resolution, "resolution", out, std::ptr::null(), |r| {
            Ok(at(&r.attempts, index, "attempts")?.query.as_ptr())
        })
    }
}

/// Sets `*out` to where attempt `index` was looked up, as `uclint resolve` shows it ("hosts
/// file", "DNS (deployment DNS data)", ...), owned by `resolution`. Errors: NULL_ARGUMENT,
/// NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `resolution` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolution_attempt_source(
    resolution: *const UclintResolution,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(resolution, "resolution", out, std::ptr::null(), |r| {
            Ok(at(&r.attempts, index, "attempts")?.source.as_ptr())
        })
    }
}

/// Sets `*out` to what attempt `index` found, as `uclint resolve` shows it ("no entry",
/// "found 10.1.1.20", "no such name (NXDOMAIN)", ...), owned by `resolution`.
/// Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `resolution` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolution_attempt_result(
    resolution: *const UclintResolution,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(resolution, "resolution", out, std::ptr::null(), |r| {
            Ok(at(&r.attempts, index, "attempts")?.result.as_ptr())
        })
    }
}

/// Sets `*out` to the resolution as JSON, the same text `uclint resolve --format json` prints
/// (without the final newline). The string belongs to the caller: free it with
/// `uclint_string_free`. Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `resolution` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolution_to_json(
    resolution: *const UclintResolution,
    out: *mut *mut c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(resolution, "resolution", out, std::ptr::null_mut(), |r| {
            Ok(owned_string(&json_text(serde_json::to_string_pretty(&r.resolution))?))
        })
    }
}

/// Frees a resolution and the strings it owns. NULL does nothing; freeing twice is undefined
/// behaviour.
///
/// # Safety
/// `resolution` is NULL or a handle from `uclint_resolve` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_resolution_free(resolution: *mut UclintResolution) {
    // SAFETY: forwarded from this function's contract.
    unsafe { free_handle(resolution) };
}
