//! One problem that stopped a deployment from loading, as load errors carry it.

use pyo3::prelude::*;
use uclint_core::model::Problem as CoreProblem;

use crate::location::{Location, location};
use crate::value::{hash_by_value, repr_str, serde_name};

/// One problem that stopped a deployment from loading.
#[pyclass(module = "uclint", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub CoreProblem);

impl From<CoreProblem> for Problem {
    fn from(problem: CoreProblem) -> Self {
        Self(problem)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl Problem {
    /// What kind of problem: syntax, type, unknown-key, missing-key, dangling-reference,
    /// duplicate, file, dns or empty.
    #[getter]
    fn kind(&self) -> String {
        serde_name(&self.0.kind)
    }

    /// What went wrong, naming what was expected (the command line's `error:` line).
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// A suggestion such as "did you mean `home_node`?".
    #[getter]
    fn help(&self) -> Option<&str> {
        self.0.help.as_deref()
    }

    /// Where, when known.
    #[getter]
    fn location(&self) -> Option<Location> {
        location(self.0.location.as_ref())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Problem(kind={}, message={}, location={})",
            repr_str(py, &self.kind()),
            repr_str(py, &self.0.message),
            self.0
                .location
                .as_ref()
                .map_or_else(|| "None".to_owned(), |l| Location(l.clone()).__repr__(py))
        )
    }
}

hash_by_value!(Problem);
