//! The presence address: the presence address CUPC registers to, with its verdict, rule codes and steps.

use std::ffi::{CString, c_char};

use uclint_core::derive::presence::{Method, PresenceAddress, Verdict, presence_address, presence_address_resolved};

use crate::boundary::{
    Error, Out, UclintStatus, at, c_string, free_handle, get, handle_arg, json_text, opt_ptr, opt_str_arg,
    owned_string, run, str_arg,
};
use crate::deployment::UclintDeployment;

/// How the presence address was formed (docs/derivations/presence-address.md).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UclintPresenceMethod {
    /// The node name is an IP address and is used unchanged ("ip").
    Ip = 0,
    /// The node name already ends with the domain, byte for byte ("as-configured").
    AsConfigured = 1,
    /// The domain was appended to the node name ("appended").
    Appended = 2,
}

/// Whether CUPC can register to the presence address (docs/derivations/presence-address.md).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UclintVerdict {
    /// An IP address or a well-formed DNS name (that resolves, when DNS data was consulted).
    Usable = 0,
    /// Neither an IP address nor a possible DNS name.
    Unusable = 1,
    /// A well-formed name that the deployment's DNS data does not resolve.
    Unresolved = 2,
}

/// A derived presence address (opaque). Immutable once created: one handle may be read from
/// several threads at once. Strings its accessors return belong to it and stay valid until
/// `uclint_presence_free`. Free it with `uclint_presence_free`.
pub struct UclintPresence {
    result: PresenceAddress,
    address: CString,
    uri: Option<CString>,
    codes: Vec<CString>,
    steps: Vec<CString>,
}

impl UclintPresence {
    fn new(result: PresenceAddress) -> Self {
        Self {
            address: c_string(result.address()),
            uri: result.uri().as_deref().map(c_string),
            codes: result.codes().iter().map(|c| c_string(c.as_str())).collect(),
            steps: result.steps().iter().map(|s| c_string(s)).collect(),
            result,
        }
    }
}

/// The checked inputs of the presence address.
struct Inputs<'a> {
    node: &'a str,
    domain: Option<&'a str>,
    user: Option<&'a str>,
}

/// Check the presence address arguments.
///
/// # Safety
/// Each pointer is NULL or a NUL-terminated string.
unsafe fn inputs<'a>(node: *const c_char, domain: *const c_char, user: *const c_char) -> Result<Inputs<'a>, Error> {
    // SAFETY: forwarded from this function's contract.
    let node = unsafe { str_arg(node, "node") }?;
    // SAFETY: forwarded from this function's contract.
    let domain = unsafe { opt_str_arg(domain, "domain") }?;
    // SAFETY: forwarded from this function's contract.
    let user = unsafe { opt_str_arg(user, "user") }?;
    if node.is_empty() {
        return Err(Error::new(
            UclintStatus::InvalidArgument,
            "argument `node` is empty: expected the presence node's node name",
        ));
    }
    if user.is_some_and(str::is_empty) {
        return Err(Error::new(
            UclintStatus::InvalidArgument,
            "argument `user` is empty: pass NULL for no user",
        ));
    }
    Ok(Inputs { node, domain, user })
}

/// Derives the presence address (docs/derivations/presence-address.md) from `node` (Presence.Primary.Address, the presence
/// node's node name), `domain` (the SIP proxy domain; NULL or "" means unset, and CUPC then uses
/// `PROXY_DOMAIN_NOT_SET`) and `user` (NULL for no registration URI), without DNS: the verdict is
/// usable or unusable. The same answer as `uclint derive presence-address`.
///
/// On success `*out` receives a new handle owned by the caller (free with
/// `uclint_presence_free`); on failure `*out` is set to NULL. Errors: NULL_ARGUMENT (`node` or
/// `out`), INVALID_UTF8, TOO_LARGE, INVALID_ARGUMENT (empty `node` or `user`).
/// Thread safety: may be called from any thread.
///
/// # Safety
/// `node`, `domain` and `user` are NULL or NUL-terminated strings; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_address(
    node: *const c_char,
    domain: *const c_char,
    user: *const c_char,
    out: *mut *mut UclintPresence,
) -> UclintStatus {
    run(|| {
        // SAFETY: `out` is NULL or writable, per this function's contract.
        let out = unsafe { Out::new(out, std::ptr::null_mut()) }?;
        // SAFETY: the strings are NULL or NUL-terminated, per this function's contract.
        let i = unsafe { inputs(node, domain, user) }?;
        let handle = UclintPresence::new(presence_address(i.node, i.domain, i.user));
        out.set(Box::into_raw(Box::new(handle)));
        Ok(())
    })
}

/// Derives the presence address like `uclint_presence_address`, then asks the deployment's DNS
/// data whether a usable name resolves: the verdict may then be unresolved. The same answer as
/// `uclint derive presence-address -c DEPLOYMENT`.
///
/// Ownership, errors and thread safety as `uclint_presence_address`; `deployment` is only read,
/// and NULL gives NULL_ARGUMENT.
///
/// # Safety
/// `deployment` is NULL or a live deployment handle; the strings are NULL or NUL-terminated;
/// `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_address_resolved(
    deployment: *const UclintDeployment,
    node: *const c_char,
    domain: *const c_char,
    user: *const c_char,
    out: *mut *mut UclintPresence,
) -> UclintStatus {
    run(|| {
        // SAFETY: `out` is NULL or writable, per this function's contract.
        let out = unsafe { Out::new(out, std::ptr::null_mut()) }?;
        // SAFETY: `deployment` is NULL or a live handle, per this function's contract.
        let deployment = unsafe { handle_arg(deployment, "deployment") }?;
        // SAFETY: the strings are NULL or NUL-terminated, per this function's contract.
        let i = unsafe { inputs(node, domain, user) }?;
        let result = presence_address_resolved(i.node, i.domain, i.user, &deployment.deployment.dns_view);
        out.set(Box::into_raw(Box::new(UclintPresence::new(result))));
        Ok(())
    })
}

/// Sets `*out` to the presence address (e.g. "cup1.cisco.com"), a string owned by `presence`.
/// Errors: NULL_ARGUMENT (then `*out` is NULL when `out` is not). Thread safety: read-only.
///
/// # Safety
/// `presence` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_address_str(
    presence: *const UclintPresence,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(presence, "presence", out, std::ptr::null(), |p| Ok(p.address.as_ptr())) }
}

/// Sets `*out` to the registration URI "user@address", owned by `presence`, or to NULL (with
/// status OK) when no user was given. Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `presence` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_uri(presence: *const UclintPresence, out: *mut *const c_char) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(presence, "presence", out, std::ptr::null(), |p| {
            Ok(opt_ptr(p.uri.as_ref()))
        })
    }
}

/// Sets `*out` to how the address was formed. Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `presence` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_method(
    presence: *const UclintPresence,
    out: *mut UclintPresenceMethod,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(presence, "presence", out, UclintPresenceMethod::Ip, |p| {
            Ok(match p.result.method() {
                Method::Ip => UclintPresenceMethod::Ip,
                Method::AsConfigured => UclintPresenceMethod::AsConfigured,
                Method::Appended => UclintPresenceMethod::Appended,
            })
        })
    }
}

/// Sets `*out` to whether CUPC can register to the address. Errors: NULL_ARGUMENT.
/// Thread safety: read-only.
///
/// # Safety
/// `presence` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_verdict(
    presence: *const UclintPresence,
    out: *mut UclintVerdict,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(presence, "presence", out, UclintVerdict::Usable, |p| {
            Ok(match p.result.verdict() {
                Verdict::Usable => UclintVerdict::Usable,
                Verdict::Unusable => UclintVerdict::Unusable,
                Verdict::Unresolved => UclintVerdict::Unresolved,
            })
        })
    }
}

/// Sets `*out` to the number of rule codes behind the verdict (PRS001-PRS005).
/// Errors: NULL_ARGUMENT (then `*out` is 0). Thread safety: read-only.
///
/// # Safety
/// `presence` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_code_count(presence: *const UclintPresence, out: *mut usize) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(presence, "presence", out, 0, |p| Ok(p.codes.len())) }
}

/// Sets `*out` to rule code number `index` (e.g. "PRS001"), owned by `presence`.
/// Errors: NULL_ARGUMENT, NOT_FOUND (`index` not below the count; `*out` is then NULL).
/// Thread safety: read-only.
///
/// # Safety
/// `presence` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_code(
    presence: *const UclintPresence,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(presence, "presence", out, std::ptr::null(), |p| {
            Ok(at(&p.codes, index, "rule codes")?.as_ptr())
        })
    }
}

/// Sets `*out` to the number of explanation steps. Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `presence` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_step_count(presence: *const UclintPresence, out: *mut usize) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(presence, "presence", out, 0, |p| Ok(p.steps.len())) }
}

/// Sets `*out` to explanation step number `index` (one sentence), owned by `presence`.
/// Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `presence` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_step(
    presence: *const UclintPresence,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(presence, "presence", out, std::ptr::null(), |p| {
            Ok(at(&p.steps, index, "steps")?.as_ptr())
        })
    }
}

/// Sets `*out` to the derivation as JSON, the same text `uclint derive presence-address --format
/// json` prints (without the final newline). The string belongs to the caller: free it with
/// `uclint_string_free`. Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `presence` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_to_json(
    presence: *const UclintPresence,
    out: *mut *mut c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(presence, "presence", out, std::ptr::null_mut(), |p| {
            Ok(owned_string(&json_text(serde_json::to_string_pretty(&p.result))?))
        })
    }
}

/// Frees a presence handle and the strings it owns. NULL does nothing; freeing twice is
/// undefined behaviour.
///
/// # Safety
/// `presence` is NULL or a handle from `uclint_presence_address*` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_presence_free(presence: *mut UclintPresence) {
    // SAFETY: forwarded from this function's contract.
    unsafe { free_handle(presence) };
}
