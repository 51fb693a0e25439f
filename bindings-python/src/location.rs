//! Where something was written in a deployment file: what load errors, items and findings carry.

use pyo3::prelude::*;
use uclint_core::source::Location as CoreLocation;

use crate::value::repr_str;

/// Where something was written: file, line and column (1-based).
#[pyclass(module = "uclint", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location(pub CoreLocation);

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl Location {
    /// The file name as given.
    #[getter]
    fn file(&self) -> &str {
        &self.0.file
    }

    /// Line number, from 1.
    #[getter]
    fn line(&self) -> u32 {
        self.0.line
    }

    /// Column number in characters, from 1.
    #[getter]
    fn column(&self) -> u32 {
        self.0.column
    }

    pub(crate) fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Location(file={}, line={}, column={})",
            repr_str(py, &self.0.file),
            self.0.line,
            self.0.column
        )
    }
}

/// A location as an optional Python object.
pub fn location(location: Option<&CoreLocation>) -> Option<Location> {
    location.cloned().map(Location)
}
