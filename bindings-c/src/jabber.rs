//! Jabber and Webex App service discovery (D8): what the client connects to when a user signs
//! in, whether sign-in succeeds, what the user sees, and the rules behind a failure.

use std::ffi::{CString, c_char};

use uclint_core::derive::jabber::{DiscoveryPath, JabberDiscovery, Outcome, jabber_discovery};

use crate::boundary::{
    Error, Out, UclintStatus, at, c_string, free_handle, get, handle_arg, json_text, opt_ptr, owned_string, run,
    str_arg,
};
use crate::deployment::UclintDeployment;

/// The path sign-in takes.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UclintJabberPath {
    /// `_cisco-uds` answered: Unified CM's UDS on premises ("on-premises").
    OnPremises = 0,
    /// `_cuplogin` answered: legacy IM and Presence sign-in ("im-and-presence").
    ImAndPresence = 1,
    /// Only `_collab-edge` answered: Mobile and Remote Access through the Expressway-E ("mra").
    Mra = 2,
    /// Manual server settings: cached ones, or none found and the user must type one ("manual").
    Manual = 3,
    /// The domain belongs to Webex in the cloud ("webex").
    Webex = 4,
}

impl From<DiscoveryPath> for UclintJabberPath {
    fn from(path: DiscoveryPath) -> Self {
        match path {
            DiscoveryPath::OnPremises => Self::OnPremises,
            DiscoveryPath::ImAndPresence => Self::ImAndPresence,
            DiscoveryPath::Mra => Self::Mra,
            DiscoveryPath::Manual => Self::Manual,
            DiscoveryPath::Webex => Self::Webex,
        }
    }
}

/// What came of one connection the client makes.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UclintConnectionOutcome {
    /// It works ("connects").
    Connects = 0,
    /// It works once the user accepts an untrusted certificate ("prompts").
    Prompts = 1,
    /// It fails ("fails"); `uclint_jabber_message` says what the user sees.
    Fails = 2,
}

impl From<&Outcome> for UclintConnectionOutcome {
    fn from(outcome: &Outcome) -> Self {
        match outcome {
            Outcome::Connects => Self::Connects,
            Outcome::Prompts => Self::Prompts,
            Outcome::Fails { .. } => Self::Fails,
        }
    }
}

/// One connection as C values.
struct Connection {
    host: CString,
    port: u16,
    url: Option<CString>,
    address: Option<CString>,
    outcome: UclintConnectionOutcome,
}

/// What Jabber or Webex App does when a user signs in (opaque). Immutable once created: one
/// handle may be read from several threads at once. Strings its accessors return belong to it
/// and stay valid until `uclint_jabber_free`. It does not borrow from the deployment it came from.
pub struct UclintJabber {
    discovery: JabberDiscovery,
    message: CString,
    jabber_id: Option<CString>,
    connections: Vec<Connection>,
    codes: Vec<CString>,
    steps: Vec<CString>,
}

impl UclintJabber {
    fn new(discovery: JabberDiscovery) -> Self {
        Self {
            message: c_string(&discovery.message),
            jabber_id: discovery.jabber_id.as_deref().map(c_string),
            connections: discovery
                .connections
                .iter()
                .map(|c| Connection {
                    host: c_string(&c.host),
                    port: c.port,
                    url: c.url.as_deref().map(c_string),
                    address: c.address.map(|a| c_string(&a.to_string())),
                    outcome: (&c.outcome).into(),
                })
                .collect(),
            codes: discovery.codes().iter().map(|c| c_string(c.as_str())).collect(),
            steps: discovery.steps.iter().map(|s| c_string(s)).collect(),
            discovery,
        }
    }
}

/// Derives what Jabber or Webex App on the client profile `client` of `deployment` does when
/// `address` (user@domain, e.g. "jdoe@ex.com") signs in: the services domain, the SRV queries as
/// that client's DNS answers them (the deployment's DNS inside, `dns.public` outside), the path,
/// each connection with its certificate, and the rule codes (JAB001-JAB008) behind a failure. A
/// sign-in that fails is a success of this call: `uclint_jabber_signs_in` is false and the
/// message and codes say why.
///
/// On success `*out` receives a new handle owned by the caller (free with `uclint_jabber_free`);
/// on failure `*out` is set to NULL. Errors: NULL_ARGUMENT (`deployment`, `client`, `address` or
/// `out`), INVALID_UTF8, TOO_LARGE, INVALID_ARGUMENT (empty `address`), PARSE_ERROR (`address` is
/// not user@domain; the message names what is wrong, e.g. "`jdoe` is not a sign-in address:
/// expected user@domain, such as jdoe@ex.com"), NOT_FOUND (no client profile with that id; the
/// message lists those that exist). Thread safety: `deployment` is only read, so several threads
/// may derive against one deployment at once.
///
/// # Safety
/// `deployment` is NULL or a live deployment handle; `client` and `address` are NULL or
/// NUL-terminated strings; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_discovery(
    deployment: *const UclintDeployment,
    client: *const c_char,
    address: *const c_char,
    out: *mut *mut UclintJabber,
) -> UclintStatus {
    run(|| {
        // SAFETY: `out` is NULL or writable, per this function's contract.
        let out = unsafe { Out::new(out, std::ptr::null_mut()) }?;
        // SAFETY: `deployment` is NULL or a live handle, per this function's contract.
        let deployment = unsafe { handle_arg(deployment, "deployment") }?;
        // SAFETY: `client` is NULL or NUL-terminated, per this function's contract.
        let client = unsafe { str_arg(client, "client") }?;
        // SAFETY: `address` is NULL or NUL-terminated, per this function's contract.
        let address = unsafe { str_arg(address, "address") }?;
        if address.is_empty() {
            return Err(Error::new(
                UclintStatus::InvalidArgument,
                "argument `address` is empty: expected a sign-in address such as jdoe@ex.com",
            ));
        }
        let client = deployment.client(client)?;
        let discovery = jabber_discovery(&deployment.deployment, client, address)
            .map_err(|e| Error::new(UclintStatus::ParseError, e.to_string()))?;
        out.set(Box::into_raw(Box::new(UclintJabber::new(discovery))));
        Ok(())
    })
}

/// Sets `*out` to the path sign-in takes. Errors: NULL_ARGUMENT (then `*out` is
/// `UCLINT_JABBER_PATH_ON_PREMISES`, which means nothing). Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_path(jabber: *const UclintJabber, out: *mut UclintJabberPath) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, UclintJabberPath::OnPremises, |j| {
            Ok(j.discovery.path.into())
        })
    }
}

/// Sets `*out` to whether sign-in succeeds (perhaps after the user accepts a certificate).
/// Errors: NULL_ARGUMENT (then `*out` is false). Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_signs_in(jabber: *const UclintJabber, out: *mut bool) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(jabber, "jabber", out, false, |j| Ok(j.discovery.signs_in)) }
}

/// Sets `*out` to what the user sees ("Signed in", "Cannot find your services automatically",
/// "Cannot communicate with the server", ...), owned by `jabber`. Errors: NULL_ARGUMENT.
/// Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_message(jabber: *const UclintJabber, out: *mut *const c_char) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(jabber, "jabber", out, std::ptr::null(), |j| Ok(j.message.as_ptr())) }
}

/// Sets `*out` to the Jabber ID IM and Presence gives the user (UserID@DefaultDomain, e.g.
/// "jdoe@ex.com"), owned by `jabber`, or to NULL (with status OK) when sign-in does not get that
/// far. Errors: NULL_ARGUMENT. Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_id(jabber: *const UclintJabber, out: *mut *const c_char) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, std::ptr::null(), |j| {
            Ok(opt_ptr(j.jabber_id.as_ref()))
        })
    }
}

/// Sets `*out` to the number of connections the client makes, in order (0 when it finds no
/// server). Errors: NULL_ARGUMENT (then `*out` is 0). Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_connection_count(jabber: *const UclintJabber, out: *mut usize) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(jabber, "jabber", out, 0, |j| Ok(j.connections.len())) }
}

/// Sets `*out` to the host connection `index` goes to, as the client names it (e.g.
/// "cucm1.ex.com"), owned by `jabber`. Errors: NULL_ARGUMENT, NOT_FOUND (`index` not below the
/// count; `*out` is then NULL). Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_connection_host(
    jabber: *const UclintJabber,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, std::ptr::null(), |j| {
            Ok(at(&j.connections, index, "connections")?.host.as_ptr())
        })
    }
}

/// Sets `*out` to connection `index`'s port. Errors: NULL_ARGUMENT, NOT_FOUND (then `*out` is 0).
/// Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_connection_port(
    jabber: *const UclintJabber,
    index: usize,
    out: *mut u16,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, 0, |j| {
            Ok(at(&j.connections, index, "connections")?.port)
        })
    }
}

/// Sets `*out` to the URL connection `index` asks (e.g.
/// "https://cucm1.ex.com:8443/cucm-uds/clusterUser?username=jdoe"), owned by `jabber`, or to
/// NULL (with status OK) for a connection that is not HTTPS (XMPP). Errors: NULL_ARGUMENT,
/// NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_connection_url(
    jabber: *const UclintJabber,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, std::ptr::null(), |j| {
            Ok(opt_ptr(at(&j.connections, index, "connections")?.url.as_ref()))
        })
    }
}

/// Sets `*out` to the address connection `index`'s host resolved to for this client (e.g.
/// "10.0.0.11"), owned by `jabber`, or to NULL (with status OK) when it did not resolve (JAB005).
/// Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_connection_address(
    jabber: *const UclintJabber,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, std::ptr::null(), |j| {
            Ok(opt_ptr(at(&j.connections, index, "connections")?.address.as_ref()))
        })
    }
}

/// Sets `*out` to what came of connection `index`. Errors: NULL_ARGUMENT, NOT_FOUND (then `*out`
/// is `UCLINT_CONNECTION_OUTCOME_CONNECTS`, which means nothing). Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_connection_outcome(
    jabber: *const UclintJabber,
    index: usize,
    out: *mut UclintConnectionOutcome,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, UclintConnectionOutcome::Connects, |j| {
            Ok(at(&j.connections, index, "connections")?.outcome)
        })
    }
}

/// Sets `*out` to the number of rule codes behind a failure or a risk (JAB001-JAB008), each
/// once. Errors: NULL_ARGUMENT (then `*out` is 0). Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_code_count(jabber: *const UclintJabber, out: *mut usize) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(jabber, "jabber", out, 0, |j| Ok(j.codes.len())) }
}

/// Sets `*out` to rule code number `index` (e.g. "JAB002"), owned by `jabber`.
/// Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_code(
    jabber: *const UclintJabber,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, std::ptr::null(), |j| {
            Ok(at(&j.codes, index, "rule codes")?.as_ptr())
        })
    }
}

/// Sets `*out` to the number of steps of the explanation. Errors: NULL_ARGUMENT (then `*out` is
/// 0). Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_step_count(jabber: *const UclintJabber, out: *mut usize) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe { get(jabber, "jabber", out, 0, |j| Ok(j.steps.len())) }
}

/// Sets `*out` to step number `index`, one sentence (the last says what the user sees), owned by
/// `jabber`. Errors: NULL_ARGUMENT, NOT_FOUND. Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_step(
    jabber: *const UclintJabber,
    index: usize,
    out: *mut *const c_char,
) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, std::ptr::null(), |j| {
            Ok(at(&j.steps, index, "steps")?.as_ptr())
        })
    }
}

/// Sets `*out` to the whole answer as JSON (the place, services and lookup domains, every SRV
/// query and target, each connection with its certificate names and trust, the issues with
/// what they are about, the steps): the core's serialization, printed pretty. The string
/// belongs to the caller: free it with `uclint_string_free`. Errors: NULL_ARGUMENT.
/// Thread safety: read-only.
///
/// # Safety
/// `jabber` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_to_json(jabber: *const UclintJabber, out: *mut *mut c_char) -> UclintStatus {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        get(jabber, "jabber", out, std::ptr::null_mut(), |j| {
            Ok(owned_string(&json_text(serde_json::to_string_pretty(&j.discovery))?))
        })
    }
}

/// Frees a discovery handle and the strings it owns. NULL does nothing; freeing twice is
/// undefined behaviour.
///
/// # Safety
/// `jabber` is NULL or a handle from `uclint_jabber_discovery` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_jabber_free(jabber: *mut UclintJabber) {
    // SAFETY: forwarded from this function's contract.
    unsafe { free_handle(jabber) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_follow_the_core() {
        assert_eq!(UclintJabberPath::from(DiscoveryPath::Webex) as u32, 4);
        assert_eq!(UclintJabberPath::from(DiscoveryPath::Mra), UclintJabberPath::Mra);
        let fails = Outcome::Fails {
            message: "x".to_owned(),
        };
        assert_eq!(UclintConnectionOutcome::from(&fails) as u32, 2);
    }
}
