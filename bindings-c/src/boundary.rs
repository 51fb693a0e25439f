//! The boundary itself: status codes, the thread-local last error, panics caught, pointers and
//! strings checked on the way in and converted on the way out.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The largest input the library accepts, in bytes (64 MiB): deployment text, a deployment file,
/// each file it refers to, and every string argument. Larger inputs fail with
/// `UCLINT_STATUS_TOO_LARGE` before they are read.
pub const UCLINT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// What a call did. Every function that can fail returns one; `UCLINT_STATUS_OK` is 0, and
/// `uclint_last_error()` describes any other.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UclintStatus {
    /// Success.
    Ok = 0,
    /// A pointer argument that must not be NULL was NULL.
    NullArgument = 1,
    /// A string argument, or the deployment text or file, is not valid UTF-8; or the text given to
    /// `uclint_import` is neither UTF-8 nor UTF-16 with a byte order mark (the message names the line).
    InvalidUtf8 = 2,
    /// The deployment text or file is not a valid deployment (the message names file:line:column),
    /// the request URI given to `uclint_route` is not one (the message names the character), the
    /// sign-in address given to `uclint_jabber_discovery` is not user@domain, or the text given to
    /// `uclint_import` is not what its kind reads (the message names the line).
    ParseError = 3,
    /// Nothing by that name or index: an unknown client, or an index past the end.
    NotFound = 4,
    /// A file could not be read: the deployment file, or a file it refers to.
    IoError = 5,
    /// An input is larger than `UCLINT_MAX_INPUT_BYTES`.
    TooLarge = 6,
    /// A bug in uclint: Rust code panicked and the panic was caught at the boundary.
    Panic = 7,
    /// An argument is out of range, or empty where a value is required.
    InvalidArgument = 8,
}

/// Why a call failed: the status it returns and the message `uclint_last_error()` gives.
#[derive(Debug)]
pub(crate) struct Error {
    status: UclintStatus,
    message: String,
}

impl Error {
    /// A failure with `status` and `message`.
    pub(crate) fn new(status: UclintStatus, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    /// The status the call returns.
    #[cfg(test)]
    pub(crate) fn status(&self) -> UclintStatus {
        self.status
    }

    /// A NULL where a pointer was required.
    pub(crate) fn null(argument: &str) -> Self {
        Self::new(UclintStatus::NullArgument, format!("argument `{argument}` is NULL"))
    }

    /// An input above [`UCLINT_MAX_INPUT_BYTES`].
    pub(crate) fn too_large(what: &str, len: usize) -> Self {
        Self::new(
            UclintStatus::TooLarge,
            format!("{what} is {len} bytes, more than the {UCLINT_MAX_INPUT_BYTES} bytes (64 MiB) uclint accepts"),
        )
    }

    /// An index past the end of a list of `len` items.
    pub(crate) fn index(index: usize, len: usize, items: &str) -> Self {
        Self::new(
            UclintStatus::NotFound,
            format!("index {index} is out of range: there are {len} {items}"),
        )
    }
}

thread_local! {
    /// The message of the last failing call on this thread.
    static LAST_ERROR: RefCell<Option<CString>> = const { RefCell::new(None) };
}

/// Replace this thread's last error (after a call's body ran, so arguments that point into the
/// old message stay valid for the whole call).
fn set_last_error(message: Option<String>) {
    let message = message.map(|m| c_string(&m));
    // try_with/try_borrow_mut: never panic here, even while the thread is being torn down.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = message;
        }
    });
}

/// This thread's last error message, or NULL.
pub(crate) fn last_error_ptr() -> *const c_char {
    LAST_ERROR
        .try_with(|slot| {
            slot.try_borrow()
                .ok()
                .and_then(|message| message.as_ref().map(|m| m.as_ptr()))
                .unwrap_or(std::ptr::null())
        })
        .unwrap_or(std::ptr::null())
}

/// Run one entry point's body: catch any panic, set the last error, return the status.
pub(crate) fn run(body: impl FnOnce() -> Result<(), Error>) -> UclintStatus {
    let (status, message) = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => (UclintStatus::Ok, None),
        Ok(Err(error)) => (error.status, Some(error.message)),
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            (
                UclintStatus::Panic,
                Some(format!("internal error (a bug in uclint, please report it): {what}")),
            )
        }
    };
    set_last_error(message);
    status
}

/// Run a body that cannot fail (free functions, version): catch any panic, touch no last error.
pub(crate) fn run_infallible<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// A checked out pointer, already set to its "nothing" value (NULL or 0).
pub(crate) struct Out<T>(*mut T);

impl<T> Out<T> {
    /// Check `ptr` and write `empty` through it.
    ///
    /// # Safety
    /// `ptr` is NULL or valid for writes of a `T` for the duration of the call.
    pub(crate) unsafe fn new(ptr: *mut T, empty: T) -> Result<Self, Error> {
        // SAFETY: forwarded from this function's contract.
        unsafe { Self::named(ptr, empty, "out") }
    }

    /// As [`Out::new`], for a function with several out pointers: a NULL one is named `argument`.
    ///
    /// # Safety
    /// As [`Out::new`].
    pub(crate) unsafe fn named(ptr: *mut T, empty: T, argument: &str) -> Result<Self, Error> {
        if ptr.is_null() {
            return Err(Error::null(argument));
        }
        // SAFETY: non-null, and the caller guarantees it is valid for writes of a T.
        unsafe { ptr.write(empty) };
        Ok(Self(ptr))
    }

    /// An out pointer the caller may leave NULL: none then, else checked and emptied as by
    /// [`Out::new`].
    ///
    /// # Safety
    /// As [`Out::new`].
    pub(crate) unsafe fn optional(ptr: *mut T, empty: T) -> Option<Self> {
        // SAFETY: forwarded from this function's contract.
        unsafe { Self::new(ptr, empty) }.ok()
    }

    /// Write the answer.
    pub(crate) fn set(self, value: T) {
        // SAFETY: `new` checked the pointer is non-null; its caller guaranteed it writable.
        unsafe { self.0.write(value) };
    }
}

/// Run an accessor: check `out` and `handle`, then write what `read` answers.
///
/// # Safety
/// `handle` is NULL or a live handle of type `H`; `out` is NULL or writable.
pub(crate) unsafe fn get<H, T>(
    handle: *const H,
    argument: &str,
    out: *mut T,
    empty: T,
    read: impl FnOnce(&H) -> Result<T, Error>,
) -> UclintStatus {
    run(|| {
        // SAFETY: forwarded from this function's contract.
        let out = unsafe { Out::new(out, empty) }?;
        // SAFETY: forwarded from this function's contract.
        let handle = unsafe { handle_arg(handle, argument) }?;
        out.set(read(handle)?);
        Ok(())
    })
}

/// The pointer of an optional owned string, NULL for none.
pub(crate) fn opt_ptr(s: Option<&CString>) -> *const c_char {
    s.map_or(std::ptr::null(), |s| s.as_ptr())
}

/// A required string argument: non-NULL, at most [`UCLINT_MAX_INPUT_BYTES`], UTF-8.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid and unchanged during the call.
pub(crate) unsafe fn str_arg<'a>(ptr: *const c_char, argument: &str) -> Result<&'a str, Error> {
    if ptr.is_null() {
        return Err(Error::null(argument));
    }
    // SAFETY: non-null, and the caller guarantees a NUL-terminated string valid for the call.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    if bytes.len() > UCLINT_MAX_INPUT_BYTES {
        return Err(Error::too_large(&format!("argument `{argument}`"), bytes.len()));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            UclintStatus::InvalidUtf8,
            format!(
                "argument `{argument}` is not valid UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

/// An optional string argument: NULL means none; otherwise as [`str_arg`].
///
/// # Safety
/// As [`str_arg`].
pub(crate) unsafe fn opt_str_arg<'a>(ptr: *const c_char, argument: &str) -> Result<Option<&'a str>, Error> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded from the caller.
    unsafe { str_arg(ptr, argument) }.map(Some)
}

/// A required handle argument.
///
/// # Safety
/// `ptr` is NULL or a live handle of type `T` returned by this library and not yet freed.
pub(crate) unsafe fn handle_arg<'a, T>(ptr: *const T, argument: &str) -> Result<&'a T, Error> {
    // SAFETY: the caller guarantees a live handle when non-null; `as_ref` maps NULL to None.
    unsafe { ptr.as_ref() }.ok_or_else(|| Error::null(argument))
}

/// `s` as a C string; a NUL inside (possible only from input text) becomes U+FFFD.
pub(crate) fn c_string(s: &str) -> CString {
    let bytes = if s.contains('\0') {
        s.replace('\0', "\u{FFFD}").into_bytes()
    } else {
        s.as_bytes().to_vec()
    };
    CString::new(bytes).unwrap_or_default()
}

/// The item at `index`, or NOT_FOUND naming how many `items` there are.
pub(crate) fn at<'a, T>(list: &'a [T], index: usize, items: &str) -> Result<&'a T, Error> {
    list.get(index).ok_or_else(|| Error::index(index, list.len(), items))
}

/// JSON text the library produced, or an internal error (serializing uclint's own values does
/// not fail in practice).
pub(crate) fn json_text(json: serde_json::Result<String>) -> Result<String, Error> {
    json.map_err(|e| Error::new(UclintStatus::Panic, format!("internal error: cannot write JSON: {e}")))
}

/// A string the library hands over and `uclint_string_free` takes back.
pub(crate) fn owned_string(s: &str) -> *mut c_char {
    c_string(s).into_raw()
}

/// Frees a string returned by a `uclint_*_to_json` or `uclint_report_to_sarif` function.
///
/// NULL is allowed and does nothing. Freeing any other pointer, or the same string twice, is
/// undefined behaviour. Strings returned by accessors (`const char *`) belong to their handle
/// and must not be passed here.
///
/// # Safety
/// `string` is NULL or a string returned through a `char **` out-parameter of this library and
/// not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_string_free(string: *mut c_char) {
    if string.is_null() {
        return;
    }
    run_infallible((), || {
        // SAFETY: non-null, and the caller guarantees it came from `CString::into_raw` here.
        drop(unsafe { CString::from_raw(string) });
    });
}

/// Frees a handle allocated by [`Box::into_raw`]; NULL does nothing.
///
/// # Safety
/// `ptr` is NULL or came from `Box::into_raw` of a `T` and was not freed yet.
pub(crate) unsafe fn free_handle<T>(ptr: *mut T) {
    if ptr.is_null() {
        return;
    }
    run_infallible((), || {
        // SAFETY: non-null, and the caller guarantees it is a live boxed T from this library.
        drop(unsafe { Box::from_raw(ptr) });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last_error() -> Option<String> {
        let ptr = last_error_ptr();
        // SAFETY: non-null pointers from last_error_ptr are live NUL-terminated strings.
        (!ptr.is_null()).then(|| unsafe { CStr::from_ptr(ptr) }.to_string_lossy().into_owned())
    }

    #[test]
    fn a_panic_becomes_a_status_and_a_message() {
        let status = run(|| panic!("boom"));
        assert_eq!(status, UclintStatus::Panic);
        let message = last_error().unwrap();
        assert!(message.contains("boom"), "{message}");
        assert!(message.contains("bug in uclint"), "{message}");
    }

    #[test]
    fn success_clears_the_last_error() {
        assert_eq!(
            run(|| Err(Error::new(UclintStatus::NotFound, "gone"))),
            UclintStatus::NotFound
        );
        assert_eq!(last_error().as_deref(), Some("gone"));
        assert_eq!(run(|| Ok(())), UclintStatus::Ok);
        assert_eq!(last_error(), None);
    }

    #[test]
    fn infallible_bodies_survive_panics() {
        assert_eq!(run_infallible(7, || panic!("boom")), 7);
    }

    #[test]
    fn nul_inside_a_string_is_replaced() {
        assert_eq!(c_string("a\0b").to_str().unwrap(), "a\u{FFFD}b");
        assert_eq!(c_string("plain").to_str().unwrap(), "plain");
    }
}
