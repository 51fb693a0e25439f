//! The text importers of `uclint collect`: what an `ipconfig /all`, a resolv.conf, a
//! `scutil --dns`, a hosts file, an LDIF export or a CUCM BAT export says, as the core's
//! `Collected` in JSON.

use std::ffi::{c_char, c_void};

use uclint_core::collect::import::{self, ImportError};
use uclint_core::collect::{Collected, SourceKind};
use uclint_core::model::ClientKind;

use crate::boundary::{Error, Out, UCLINT_MAX_INPUT_BYTES, UclintStatus, json_text, owned_string, run, str_arg};

/// What an exported text is, one of the `UCLINT_IMPORT_*` values. A plain integer, as
/// `UclintFormat` is, so that an unknown value from C is `UCLINT_STATUS_INVALID_ARGUMENT`.
pub type UclintImportKind = u32;

/// Windows `ipconfig /all` output (English): one client profile.
pub const UCLINT_IMPORT_IPCONFIG: UclintImportKind = 0;
/// A Unix `/etc/resolv.conf`: one client profile.
pub const UCLINT_IMPORT_RESOLV: UclintImportKind = 1;
/// macOS `scutil --dns` output: one client profile.
pub const UCLINT_IMPORT_SCUTIL: UclintImportKind = 2;
/// A Windows or Unix hosts file: one client profile with its hosts entries.
pub const UCLINT_IMPORT_HOSTS: UclintImportKind = 3;
/// An LDIF export of the directory: users.
pub const UCLINT_IMPORT_LDIF: UclintImportKind = 4;
/// A CUCM Bulk Administration Tool user export (CSV): users.
pub const UCLINT_IMPORT_BAT: UclintImportKind = 5;

/// The kind of endpoint a client profile describes, one of the `UCLINT_CLIENT_KIND_*` values
/// (the deployment file's `kind` of a client). A plain integer: unknown values are
/// `UCLINT_STATUS_INVALID_ARGUMENT`.
pub type UclintClientKind = u32;

/// Cisco Unified Personal Communicator (`cupc`).
pub const UCLINT_CLIENT_KIND_CUPC: UclintClientKind = 0;
/// A Cisco IP phone (`ip-phone`).
pub const UCLINT_CLIENT_KIND_IP_PHONE: UclintClientKind = 1;
/// Attendant Console (`attendant-console`).
pub const UCLINT_CLIENT_KIND_ATTENDANT_CONSOLE: UclintClientKind = 2;
/// Microsoft Office Communicator with remote call control (`moc`).
pub const UCLINT_CLIENT_KIND_MOC: UclintClientKind = 3;
/// Anything else (`other`).
pub const UCLINT_CLIENT_KIND_OTHER: UclintClientKind = 4;
/// Cisco Jabber for Windows (`jabber-windows`).
pub const UCLINT_CLIENT_KIND_JABBER_WINDOWS: UclintClientKind = 5;
/// Cisco Jabber for Mac (`jabber-mac`).
pub const UCLINT_CLIENT_KIND_JABBER_MAC: UclintClientKind = 6;
/// Cisco Jabber for iPhone, iPad or Android (`jabber-mobile`).
pub const UCLINT_CLIENT_KIND_JABBER_MOBILE: UclintClientKind = 7;
/// Webex App in Unified CM mode (`webex-app`).
pub const UCLINT_CLIENT_KIND_WEBEX_APP: UclintClientKind = 8;

/// Why an import failed, and the line of the text it names (0 when the text was not read).
struct Failure {
    error: Error,
    line: usize,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Self { error, line: 0 }
    }
}

/// Reads `len` bytes of exported text (not NUL-terminated; UTF-8 with or without a byte order
/// mark, or UTF-16 with one, as Windows PowerShell writes `ipconfig /all > file`) as `kind`
/// says, the same as `uclint collect --from KIND=FILE`, and gives what it found as JSON: the
/// core's `Collected` (`source` with `kind` and `origin`, then the sections found: `clients`
/// for the client kinds, `users` for LDIF and BAT).
///
/// `origin` names the text (a file name, e.g. "pc-jdoe.txt"): it becomes `source.origin`, the
/// users' locations, and the start of error messages. For `UCLINT_IMPORT_IPCONFIG`, `_RESOLV`,
/// `_SCUTIL` and `_HOSTS` the text describes one client profile: `client_id` is its id and
/// `client_kind` its kind. For `UCLINT_IMPORT_LDIF` and `_BAT` both are ignored (`client_id` may
/// be NULL); the LDIF entries without a user id are left out (their count is not given yet).
///
/// On success `*out_json` receives the JSON, owned by the caller (free it with
/// `uclint_string_free`). On failure `*out_json` is set to NULL, and the message
/// (`uclint_last_error`) is the command line's, naming the line, what was expected, what was
/// found and a likely cause, e.g. "ipconfig fr.txt: line 2: expected \"Windows IP
/// Configuration\", found \"Configuration IP de Windows\" (is this `ipconfig /all` in
/// English?)". `error_line` may be NULL; otherwise `*error_line` is set to that line (from 1)
/// when the text itself is at fault (PARSE_ERROR, and INVALID_UTF8 for the text), else to 0.
///
/// Errors: NULL_ARGUMENT (`bytes` or `origin`, `client_id` for a client kind, or `out_json`),
/// INVALID_ARGUMENT (unknown `kind` or `client_kind`, empty `origin` or `client_id`), TOO_LARGE
/// (`len` above `UCLINT_MAX_INPUT_BYTES`, checked before anything is read), INVALID_UTF8
/// (`origin` or `client_id`; or the text is neither UTF-8 nor UTF-16 with a byte order mark),
/// PARSE_ERROR (the text is not what `kind` reads: another language, truncated, empty, binary).
/// The arguments are only read during the call. Thread safety: may be called from any thread.
///
/// # Safety
/// `bytes` is NULL or readable for `len` bytes; `origin` and `client_id` are NULL or
/// NUL-terminated strings; `out_json` and `error_line` are NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_import(
    kind: UclintImportKind,
    bytes: *const c_void,
    len: usize,
    origin: *const c_char,
    client_id: *const c_char,
    client_kind: UclintClientKind,
    out_json: *mut *mut c_char,
    error_line: *mut usize,
) -> UclintStatus {
    run(|| {
        // SAFETY: `error_line` is NULL or writable, per this function's contract.
        let line_out = unsafe { Out::optional(error_line, 0) };
        // SAFETY: `out_json` is NULL or writable, per this function's contract.
        let out = unsafe { Out::named(out_json, std::ptr::null_mut(), "out_json") }?;
        // SAFETY: forwarded from this function's contract.
        match unsafe { import_json(kind, bytes, len, origin, client_id, client_kind) } {
            Ok(json) => {
                out.set(owned_string(&json));
                Ok(())
            }
            Err(failure) => {
                if let Some(line_out) = line_out {
                    line_out.set(failure.line);
                }
                Err(failure.error)
            }
        }
    })
}

/// Check the arguments, decode the bytes and import them: the JSON, or why not.
///
/// # Safety
/// As [`uclint_import`].
unsafe fn import_json(
    kind: UclintImportKind,
    bytes: *const c_void,
    len: usize,
    origin: *const c_char,
    client_id: *const c_char,
    client_kind: UclintClientKind,
) -> Result<String, Failure> {
    let kind = kind_arg(kind)?;
    if bytes.is_null() {
        return Err(Error::null("bytes").into());
    }
    // SAFETY: `origin` is NULL or NUL-terminated, per the caller's contract.
    let origin = non_empty(
        unsafe { str_arg(origin, "origin") }?,
        "origin",
        "a file name for messages",
    )?;
    let client = if kind.describes_a_client() {
        // SAFETY: `client_id` is NULL or NUL-terminated, per the caller's contract.
        let id = unsafe { str_arg(client_id, "client_id") }?;
        Some((
            non_empty(id, "client_id", "the id of the client profile")?,
            client_kind_arg(client_kind)?,
        ))
    } else {
        None
    };
    if len > UCLINT_MAX_INPUT_BYTES {
        return Err(Error::too_large("the text to import", len).into());
    }
    // SAFETY: `bytes` is non-null and readable for `len` bytes (the caller's contract); `len` is
    // at most UCLINT_MAX_INPUT_BYTES, far below isize::MAX.
    let bytes = unsafe { std::slice::from_raw_parts(bytes.cast::<u8>(), len) };
    let failed = |status: UclintStatus, e: ImportError| Failure {
        error: Error::new(status, format!("{} {origin}: {e}", kind.source_kind())),
        line: e.line,
    };
    let text = import::decode(bytes).map_err(|e| failed(UclintStatus::InvalidUtf8, e))?;
    let collected = kind
        .read(&text, origin, client)
        .map_err(|e| failed(UclintStatus::ParseError, e))?;
    Ok(json_text(serde_json::to_string_pretty(&collected))?)
}

/// The importers, one per `UCLINT_IMPORT_*` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Importer {
    Ipconfig,
    Resolv,
    Scutil,
    Hosts,
    Ldif,
    Bat,
}

impl Importer {
    /// The source kind, as `uclint collect --from` names it in messages.
    fn source_kind(self) -> SourceKind {
        match self {
            Self::Ipconfig => SourceKind::Ipconfig,
            Self::Resolv => SourceKind::Resolv,
            Self::Scutil => SourceKind::Scutil,
            Self::Hosts => SourceKind::Hosts,
            Self::Ldif => SourceKind::Ldif,
            Self::Bat => SourceKind::Bat,
        }
    }

    /// Whether its text describes one client profile (and needs the profile's id and kind).
    fn describes_a_client(self) -> bool {
        matches!(self, Self::Ipconfig | Self::Resolv | Self::Scutil | Self::Hosts)
    }

    /// Read `text`, with the client profile's id and kind for the client kinds.
    fn read(self, text: &str, origin: &str, client: Option<(&str, ClientKind)>) -> Result<Collected, ImportError> {
        let (id, client_kind) = client.unwrap_or(("", ClientKind::Cupc));
        match self {
            Self::Ipconfig => import::ipconfig(text, origin, id, client_kind),
            Self::Resolv => import::resolv(text, origin, id, client_kind),
            Self::Scutil => import::scutil(text, origin, id, client_kind),
            Self::Hosts => import::hosts(text, origin, id, client_kind),
            Self::Ldif => import::ldif(text, origin).map(|ldif| ldif.collected),
            Self::Bat => import::bat(text, origin),
        }
    }
}

/// The importer for a C import kind.
fn kind_arg(kind: UclintImportKind) -> Result<Importer, Error> {
    match kind {
        UCLINT_IMPORT_IPCONFIG => Ok(Importer::Ipconfig),
        UCLINT_IMPORT_RESOLV => Ok(Importer::Resolv),
        UCLINT_IMPORT_SCUTIL => Ok(Importer::Scutil),
        UCLINT_IMPORT_HOSTS => Ok(Importer::Hosts),
        UCLINT_IMPORT_LDIF => Ok(Importer::Ldif),
        UCLINT_IMPORT_BAT => Ok(Importer::Bat),
        other => Err(Error::new(
            UclintStatus::InvalidArgument,
            format!(
                "unknown import kind {other}: expected UCLINT_IMPORT_IPCONFIG (0), UCLINT_IMPORT_RESOLV (1), \
                 UCLINT_IMPORT_SCUTIL (2), UCLINT_IMPORT_HOSTS (3), UCLINT_IMPORT_LDIF (4) or UCLINT_IMPORT_BAT (5)"
            ),
        )),
    }
}

/// The core's client kind for a C client kind.
fn client_kind_arg(kind: UclintClientKind) -> Result<ClientKind, Error> {
    match kind {
        UCLINT_CLIENT_KIND_CUPC => Ok(ClientKind::Cupc),
        UCLINT_CLIENT_KIND_IP_PHONE => Ok(ClientKind::IpPhone),
        UCLINT_CLIENT_KIND_ATTENDANT_CONSOLE => Ok(ClientKind::AttendantConsole),
        UCLINT_CLIENT_KIND_MOC => Ok(ClientKind::Moc),
        UCLINT_CLIENT_KIND_OTHER => Ok(ClientKind::Other),
        UCLINT_CLIENT_KIND_JABBER_WINDOWS => Ok(ClientKind::JabberWindows),
        UCLINT_CLIENT_KIND_JABBER_MAC => Ok(ClientKind::JabberMac),
        UCLINT_CLIENT_KIND_JABBER_MOBILE => Ok(ClientKind::JabberMobile),
        UCLINT_CLIENT_KIND_WEBEX_APP => Ok(ClientKind::WebexApp),
        other => Err(Error::new(
            UclintStatus::InvalidArgument,
            format!(
                "unknown client kind {other}: expected UCLINT_CLIENT_KIND_CUPC (0), UCLINT_CLIENT_KIND_IP_PHONE (1), \
                 UCLINT_CLIENT_KIND_ATTENDANT_CONSOLE (2), UCLINT_CLIENT_KIND_MOC (3), UCLINT_CLIENT_KIND_OTHER (4), \
                 UCLINT_CLIENT_KIND_JABBER_WINDOWS (5), UCLINT_CLIENT_KIND_JABBER_MAC (6), \
                 UCLINT_CLIENT_KIND_JABBER_MOBILE (7) or UCLINT_CLIENT_KIND_WEBEX_APP (8)"
            ),
        )),
    }
}

/// `value` unless it is empty: then INVALID_ARGUMENT saying what `argument` should hold.
fn non_empty<'a>(value: &'a str, argument: &str, expected: &str) -> Result<&'a str, Error> {
    if value.is_empty() {
        return Err(Error::new(
            UclintStatus::InvalidArgument,
            format!("argument `{argument}` is empty: expected {expected}"),
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests;
