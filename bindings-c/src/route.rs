//! SIP routing: where the deployment's SIP proxy sends a request URI, the next hops in order and the
//! trace of every step.

use std::ffi::{CString, c_char};

use uclint_core::dns::Resolver;
use uclint_core::model::Transport;
use uclint_core::route::{Decision, Router, Routing};

use crate::boundary::{
    Error, Out, UclintStatus, at, c_string, free_handle, get, handle_arg, json_text, opt_ptr, owned_string, run,
    str_arg,
};
use crate::deployment::UclintDeployment;

/// What the SIP proxy does with a request (docs/derivations/sip-routing.md).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UclintDecision {
    /// The host is the proxy's own SIP domain: handled locally ("local").
    Local = 0,
    /// A static route sends it on ("static").
    Static = 1,
    /// DNS (RFC 3263) names the next hops ("dns").
    Dns = 2,
    /// A block route rejects it ("blocked").
    Blocked = 3,
    /// Nothing routes it: the proxy treats it as foreign and drops it ("unroutable", SIP002).
    Unroutable = 4,
}

impl From<Decision> for UclintDecision {
    fn from(decision: Decision) -> Self {
        match decision {
            Decision::Local => Self::Local,
            Decision::Static => Self::Static,
            Decision::Dns => Self::Dns,
            Decision::Blocked => Self::Blocked,
            Decision::Unroutable => Self::Unroutable,
        }
    }
}

/// The SIP transport of a next hop.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UclintTransport {
    /// UDP ("udp").
    Udp = 0,
    /// TCP ("tcp").
    Tcp = 1,
    /// TLS over TCP ("tls").
    Tls = 2,
}

impl From<Transport> for UclintTransport {
    fn from(transport: Transport) -> Self {
        match transport {
            Transport::Udp => Self::Udp,
            Transport::Tcp => Self::Tcp,
            Transport::Tls => Self::Tls,
        }
    }
}

/// One next hop as C values.
struct Target {
    host: CString,
    address: Option<CString>,
    port: u16,
    transport: UclintTransport,
    priority: u16,
    weight: u16,
    share: f64,
    fallback: bool,
}

/// Where a request URI is routed (opaque). Immutable once created: one handle may be read from
/// several threads at once. Strings its accessors return belong to it and stay valid until
/// `uclint_routing_free`. It does not borrow from the deployment it came from.
pub struct UclintRouting {
    routing: Routing,
    uri: CString,
    targets: Vec<Target>,
    steps: Vec<CString>,
    codes: Vec<CString>,
}

impl UclintRouting {
    fn new(routing: Routing) -> Self {
        Self {
            uri: c_string(&routing.uri),
            targets: routing
                .targets
                .iter()
                .map(|t| Target {
                    host: c_string(&t.host),
                    address: t.address.map(|a| c_string(&a.to_string())),
                    port: t.port,
                    transport: t.transport.into(),
                    priority: t.priority,
                    weight: t.weight,
                    share: t.share,
                    fallback: t.fallback,
                })
                .collect(),
            steps: routing.trace.iter().map(|s| c_string(&s.to_string())).collect(),
            codes: routing.codes.iter().map(|c| c_string(c.as_str())).collect(),
            routing,
        }
    }
}

/// Routes `uri` (a SIP request URI: `sip:`, `sips:` or `tel:`) as the deployment's SIP proxy
/// would (docs/derivations/sip-routing.md): its own domain, then static routes, then RFC 3263 DNS over the deployment's
/// DNS data (no DNS data: no DNS step), else unroutable. The same answer as
/// `uclint route URI -c DEPLOYMENT` (offline, without `--live-dns`). `seed` is NULL for the
/// canonical order of equally preferred targets (by weight), or points to a number that draws
/// one concrete weighted order, as `--seed` does. An unroutable or blocked URI is a success:
/// the decision says so and the rule codes say why.
///
/// On success `*out` receives a new handle owned by the caller (free with
/// `uclint_routing_free`); on failure `*out` is set to NULL. Errors: NULL_ARGUMENT
/// (`deployment`, `uri` or `out`), INVALID_UTF8, TOO_LARGE, PARSE_ERROR (not a request URI; the
/// message is the command line's: "cannot parse the request URI `...`: at character N (...):
/// expected ..."). `seed` is only read during the call. Thread safety: `deployment` is only
/// read, so several threads may route against one deployment at once.
///
/// # Safety
/// `deployment` is NULL or a live deployment handle; `uri` is NULL or a NUL-terminated string;
/// `seed` is NULL or readable; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_route(
    deployment: *const UclintDeployment,
    uri: *const c_char,
    seed: *const u64,
    out: *mut *mut UclintRouting,
) -> UclintStatus {
    run(|| {
        // SAFETY: `out` is NULL or writable, per this function's contract.
        let out = unsafe { Out::new(out, std::ptr::null_mut()) }?;
        // SAFETY: `deployment` is NULL or a live handle, per this function's contract.
        let deployment = &unsafe { handle_arg(deployment, "deployment") }?.deployment;
        // SAFETY: `uri` is NULL or NUL-terminated, per this function's contract.
        let uri = unsafe { str_arg(uri, "uri") }?;
        // SAFETY: `seed` is NULL or readable, per this function's contract; `as_ref` maps NULL
        // to None.
        let seed = unsafe { seed.as_ref() }.copied();
        let dns = deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver);
        let routing = Router::new(&deployment.sip_proxy).route(uri, dns, seed).map_err(|e| {
            Error::new(
                UclintStatus::ParseError,
                format!("cannot parse the request URI `{uri}`: {e}"),
            )
        })?;
        out.set(Box::into_raw(Box::new(UclintRouting::new(routing))));
        Ok(())
    })
}

/// Sets `*out` to the request URI as given, owned by `routing`. Errors: NULL_ARGUMENT.
/// Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_uri(routing: *const UclintRouting, out: *mut *const c_char) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(routing, "routing", out, std::ptr::null(), |r| Ok(r.uri.as_ptr())) }
}

/// Sets `*out` to what the proxy does with the request. Errors: NULL_ARGUMENT (then `*out` is
/// `UCLINT_DECISION_LOCAL`, which means nothing). Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_decision(
    routing: *const UclintRouting,
    out: *mut UclintDecision,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, UclintDecision::Local, |r| {
            Ok(r.routing.decision.into())
        })
    }
}

/// Sets `*out` to the number of next hops, in the order the proxy tries them (0 unless the
/// decision is static or DNS). Errors: NULL_ARGUMENT (then `*out` is 0). Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_target_count(routing: *const UclintRouting, out: *mut usize) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(routing, "routing", out, 0, |r| Ok(r.targets.len())) }
}

/// Sets `*out` to next hop `index`'s host as named (an FQHN or an IP address), owned by
/// `routing`. Errors: NULL_ARGUMENT, NOT_FOUND (`index` not below the count; `*out` is then
/// NULL). Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_target_host(
    routing: *const UclintRouting,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, std::ptr::null(), |r| {
            Ok(at(&r.targets, index, "targets")?.host.as_ptr())
        })
    }
}

/// Sets `*out` to the first address next hop `index` resolves to (e.g. "192.0.2.11"), owned by
/// `routing`, or to NULL (with status OK) when it does not resolve (SIP003).
/// Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_target_address(
    routing: *const UclintRouting,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, std::ptr::null(), |r| {
            Ok(opt_ptr(at(&r.targets, index, "targets")?.address.as_ref()))
        })
    }
}

/// Sets `*out` to next hop `index`'s port. Errors: NULL_ARGUMENT, NOT_FOUND (then `*out` is 0).
/// Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_target_port(
    routing: *const UclintRouting,
    index: usize,
    out: *mut u16,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, 0, |r| {
            Ok(at(&r.targets, index, "targets")?.port)
        })
    }
}

/// Sets `*out` to next hop `index`'s transport. Errors: NULL_ARGUMENT, NOT_FOUND (then `*out` is
/// `UCLINT_TRANSPORT_UDP`, which means nothing). Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_target_transport(
    routing: *const UclintRouting,
    index: usize,
    out: *mut UclintTransport,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, UclintTransport::Udp, |r| {
            Ok(at(&r.targets, index, "targets")?.transport)
        })
    }
}

/// Sets `*out` to next hop `index`'s priority (lower is tried first). Errors: NULL_ARGUMENT,
/// NOT_FOUND (then `*out` is 0). Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_target_priority(
    routing: *const UclintRouting,
    index: usize,
    out: *mut u16,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, 0, |r| {
            Ok(at(&r.targets, index, "targets")?.priority)
        })
    }
}

/// Sets `*out` to next hop `index`'s weight among the targets of its priority. Errors:
/// NULL_ARGUMENT, NOT_FOUND (then `*out` is 0). Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_target_weight(
    routing: *const UclintRouting,
    index: usize,
    out: *mut u16,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, 0, |r| {
            Ok(at(&r.targets, index, "targets")?.weight)
        })
    }
}

/// Sets `*out` to next hop `index`'s share of the load within its priority, from 0 to 1
/// (RFC 2782; `uclint route` shows it as a percentage). Errors: NULL_ARGUMENT, NOT_FOUND (then
/// `*out` is 0). Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_target_share(
    routing: *const UclintRouting,
    index: usize,
    out: *mut f64,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, 0.0, |r| {
            Ok(at(&r.targets, index, "targets")?.share)
        })
    }
}

/// Sets `*out` to whether next hop `index` only takes over when the more specific routes fail
/// (a less specific static route reached through "allow less specific"). Errors: NULL_ARGUMENT,
/// NOT_FOUND (then `*out` is false). Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_target_fallback(
    routing: *const UclintRouting,
    index: usize,
    out: *mut bool,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, false, |r| {
            Ok(at(&r.targets, index, "targets")?.fallback)
        })
    }
}

/// Sets `*out` to the number of trace steps. Errors: NULL_ARGUMENT (then `*out` is 0).
/// Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_step_count(routing: *const UclintRouting, out: *mut usize) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(routing, "routing", out, 0, |r| Ok(r.steps.len())) }
}

/// Sets `*out` to trace step number `index` as "what was tried: what it found" (e.g. "compare
/// `partner.com` with the proxy domain `acme.com`: different: not local"), owned by `routing`.
/// Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_step(
    routing: *const UclintRouting,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, std::ptr::null(), |r| {
            Ok(at(&r.steps, index, "steps")?.as_ptr())
        })
    }
}

/// Sets `*out` to the number of rule codes behind the answer (SIP002 unroutable, SIP003 a next
/// hop that does not resolve, SIP005 a static route shadowing the proxy domain).
/// Errors: NULL_ARGUMENT (then `*out` is 0). Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_code_count(routing: *const UclintRouting, out: *mut usize) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(routing, "routing", out, 0, |r| Ok(r.codes.len())) }
}

/// Sets `*out` to rule code number `index` (e.g. "SIP002"), owned by `routing`.
/// Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_code(
    routing: *const UclintRouting,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, std::ptr::null(), |r| {
            Ok(at(&r.codes, index, "rule codes")?.as_ptr())
        })
    }
}

/// Sets `*out` to the routing as JSON (decision, targets with every address and their origin,
/// trace, codes), the same text `uclint route --format json` prints (without the final
/// newline). The string belongs to the caller: free it with `uclint_string_free`.
/// Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `routing` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_to_json(routing: *const UclintRouting, out: *mut *mut c_char) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(routing, "routing", out, std::ptr::null_mut(), |r| {
            Ok(owned_string(&json_text(serde_json::to_string_pretty(&r.routing))?))
        })
    }
}

/// Frees a routing handle and the strings it owns. NULL does nothing; freeing twice is
/// undefined behaviour.
///
/// # Safety
/// `routing` is NULL or a handle from `uclint_route` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_routing_free(routing: *mut UclintRouting) {
    // SAFETY: forwarded from this function's contract.
    unsafe { free_handle(routing) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_follow_the_core() {
        assert_eq!(UclintDecision::from(Decision::Unroutable) as u32, 4);
        assert_eq!(UclintTransport::from(Transport::Tls), UclintTransport::Tls);
    }
}
