//! Small conversions shared by every result class: tuples, reprs and value hashing.

use std::hash::{DefaultHasher, Hash, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use serde::Serialize;

/// A tuple of Python strings from Rust strings.
pub fn str_tuple<'py, S: AsRef<str>>(
    py: Python<'py>,
    items: impl IntoIterator<Item = S>,
) -> PyResult<Bound<'py, PyTuple>> {
    let strings: Vec<Bound<'py, PyString>> = items.into_iter().map(|s| PyString::new(py, s.as_ref())).collect();
    PyTuple::new(py, strings)
}

/// A tuple of new instances of a result class.
pub fn class_tuple<'py, T: pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>>(
    py: Python<'py>,
    items: impl IntoIterator<Item = T>,
) -> PyResult<Bound<'py, PyTuple>> {
    let objects = items
        .into_iter()
        .map(|item| Bound::new(py, item))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, objects)
}

/// `text` as Python's `repr` writes a string (quotes and escapes).
pub fn repr_str(py: Python<'_>, text: &str) -> String {
    PyString::new(py, text)
        .repr()
        .map_or_else(|_| format!("{text:?}"), |r| r.to_string())
}

/// `text` as Python's `repr` writes an optional string (`None` when absent).
pub fn repr_opt(py: Python<'_>, text: Option<&str>) -> String {
    text.map_or_else(|| "None".to_owned(), |t| repr_str(py, t))
}

/// A tuple of strings as Python's `repr` writes it: `('a', 'b')`, `('a',)` or `()`.
pub fn repr_tuple<S: AsRef<str>>(py: Python<'_>, items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| repr_str(py, s.as_ref())).collect();
    match parts.len() {
        1 => format!("({},)", parts[0]),
        _ => format!("({})", parts.join(", ")),
    }
}

/// `Hash` for result classes that wrap a core value (`self.0`), from its serialized form, so
/// that hashing agrees with the value's `PartialEq`.
macro_rules! hash_by_value {
    ($($t:ty),* $(,)?) => {$(
        impl std::hash::Hash for $t {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                std::hash::Hash::hash(&$crate::value::hash_serialized(&self.0), state);
            }
        }
    )*};
}
pub(crate) use hash_by_value;

/// A hash of a value by its serialized form: values equal by `PartialEq` serialize alike.
pub fn hash_serialized(value: &impl Serialize) -> u64 {
    let mut hasher = DefaultHasher::new();
    match serde_json::to_vec(value) {
        Ok(bytes) => bytes.hash(&mut hasher),
        Err(_) => 0u8.hash(&mut hasher),
    }
    hasher.finish()
}

/// A value as pretty JSON, the way the command line prints it (without the final newline).
pub fn pretty_json(value: &impl Serialize) -> PyResult<String> {
    serde_json::to_string_pretty(value).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
}

/// The name serde writes for a unit enum variant (`"tcp"`, `"dangling-reference"`...).
pub fn serde_name(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// A new instance of a result class that holds no Python objects, left out of the cycle
/// collector.
///
/// Every `#[pyclass]` is a GC type, so each instance is tracked when created; a batch of a
/// million results then sets off collections that traverse them all again and again (measured:
/// more than half the cost of `presence_addresses`). An object that refers to no Python object
/// can never be part of a reference cycle, so there is nothing for the collector to find in it:
/// CPython itself untracks tuples and dicts that hold only atomic values for the same reason.
/// Only call this for classes whose fields are plain Rust data.
#[allow(unsafe_code)]
pub fn new_leaf<T: pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>>(
    py: Python<'_>,
    value: T,
) -> PyResult<Bound<'_, T>> {
    let object = Bound::new(py, value)?;
    // SAFETY: `object` is a live instance of a GC type (pyo3 gives every pyclass
    // Py_TPFLAGS_HAVE_GC) and we are attached to the interpreter. PyObject_GC_UnTrack only
    // unlinks it from the collector's lists, and is a no-op on an untracked object; the type's
    // deallocator untracks again, which is allowed. The object holds no Python references (the
    // caller's contract), so no cycle can go unnoticed.
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(object.as_ptr().cast()) };
    Ok(object)
}
