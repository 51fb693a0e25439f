//! The exception hierarchy: `uclint.Error` and one subclass per kind of failure, with messages
//! the same as the command line's.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::derive::jabber::AddressError as CoreAddressError;
use uclint_core::model::{LoadError, ProblemKind};
use uclint_core::route::uri::UriError as CoreUriError;

use crate::problem::Problem;
use crate::value::class_tuple;

create_exception!(uclint, Error, PyException, "Base class of every error uclint raises.");
create_exception!(
    uclint,
    ParseError,
    Error,
    "A deployment that does not parse: syntax, unknown keys, invalid values, duplicates."
);
create_exception!(
    uclint,
    DanglingReferenceError,
    Error,
    "A deployment that refers to a server, client or user it does not hold (strict loading)."
);
create_exception!(uclint, UriError, Error, "A SIP, SIPS or tel URI that does not parse.");
create_exception!(
    uclint,
    AddressError,
    Error,
    "A sign-in address that is not user@domain: no `@`, no user, or a domain that is not a DNS domain."
);
create_exception!(
    uclint,
    NotFoundError,
    Error,
    "A client profile, user, node or rule code the deployment or the registry does not hold."
);
create_exception!(
    uclint,
    PluginError,
    Error,
    "A rule plugin that cannot be loaded for inspection (`load_plugin`); during `check`, plugin failures are PLUGIN findings instead."
);
create_exception!(
    uclint,
    IoError,
    Error,
    "A deployment file, or a file it refers to, that cannot be read."
);

create_exception!(
    uclint,
    CollectError,
    Error,
    "A source `collect` could not read: a text not in the form its importer reads (with `line` and `expected`), or a live source that failed (`line` None); `kind` and `origin` name it. Never carries a password."
);

/// Add the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("Error", py.get_type::<Error>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("DanglingReferenceError", py.get_type::<DanglingReferenceError>())?;
    m.add("UriError", py.get_type::<UriError>())?;
    m.add("AddressError", py.get_type::<AddressError>())?;
    m.add("NotFoundError", py.get_type::<NotFoundError>())?;
    m.add("IoError", py.get_type::<IoError>())?;
    m.add("PluginError", py.get_type::<PluginError>())?;
    m.add("CollectError", py.get_type::<CollectError>())?;
    Ok(())
}

/// A load error as an exception: `IoError` when every problem is an unreadable file,
/// `DanglingReferenceError` when every problem is a dangling reference, else `ParseError`.
///
/// The message is every problem as `FILE:LINE:COLUMN: MESSAGE (HELP)`, one per line: the text the
/// command line prints after `error: `, prefixed with where it is. The exception also carries
/// `problems` (a tuple of `uclint.Problem`) and the first located problem's `file`, `line` and
/// `column` (`None` when no problem has a location).
pub fn load_error(py: Python<'_>, error: LoadError) -> PyErr {
    let all = |kind: ProblemKind| !error.problems.is_empty() && error.problems.iter().all(|p| p.kind == kind);
    let err = if all(ProblemKind::File) {
        IoError::new_err(error.to_string())
    } else if all(ProblemKind::DanglingReference) {
        DanglingReferenceError::new_err(error.to_string())
    } else {
        ParseError::new_err(error.to_string())
    };
    match annotate_load_error(py, &err, error) {
        Ok(()) => err,
        Err(failure) => failure,
    }
}

/// Set `problems`, `file`, `line` and `column` on a load error's exception.
fn annotate_load_error(py: Python<'_>, err: &PyErr, error: LoadError) -> PyResult<()> {
    let value = err.value(py);
    let location = error.problems.iter().find_map(|p| p.location.clone());
    match &location {
        Some(l) => {
            value.setattr("file", &*l.file)?;
            value.setattr("line", l.line)?;
            value.setattr("column", l.column)?;
        }
        None => {
            for name in ["file", "line", "column"] {
                value.setattr(name, py.None())?;
            }
        }
    }
    let problems: Bound<'_, PyTuple> = class_tuple(py, error.problems.into_iter().map(Problem::from))?;
    value.setattr("problems", problems)?;
    Ok(())
}

/// A request URI that does not parse, with the command line's message and `uri`, `offset`
/// (0-based), `found` (the offending character, `None` at the end) and `expected`.
pub fn uri_error(py: Python<'_>, uri: &str, error: &CoreUriError) -> PyErr {
    let err = UriError::new_err(format!("cannot parse the request URI `{uri}`: {error}"));
    let annotate = || -> PyResult<()> {
        let value = err.value(py);
        value.setattr("uri", uri)?;
        value.setattr("offset", error.offset)?;
        value.setattr("found", error.found.map(String::from))?;
        value.setattr("expected", &error.expected)?;
        Ok(())
    };
    match annotate() {
        Ok(()) => err,
        Err(failure) => failure,
    }
}

/// A sign-in address that is not user@domain, with the core's message and `address` as given.
pub fn address_error(py: Python<'_>, address: &str, error: &CoreAddressError) -> PyErr {
    let err = AddressError::new_err(error.to_string());
    match err.value(py).setattr("address", address) {
        Ok(()) => err,
        Err(failure) => failure,
    }
}

/// A `NotFoundError` with `message`.
pub fn not_found(message: String) -> PyErr {
    NotFoundError::new_err(message)
}

/// A source that could not be read, as `CollectError` with `kind`, `origin`, `line` and
/// `expected` (the last two `None` for a live source).
pub fn collect_error(
    py: Python<'_>,
    kind: &str,
    origin: &str,
    message: String,
    line: Option<usize>,
    expected: Option<&str>,
) -> PyErr {
    let err = CollectError::new_err(message);
    let annotate = || -> PyResult<()> {
        let value = err.value(py);
        value.setattr("kind", kind)?;
        value.setattr("origin", origin)?;
        value.setattr("line", line)?;
        value.setattr("expected", expected)?;
        Ok(())
    };
    match annotate() {
        Ok(()) => err,
        Err(failure) => failure,
    }
}
