//! The rule catalogue: every rule's code, title, severity, what it checks, why, fixes and page.

use std::hash::{Hash, Hasher};
use std::str::FromStr;

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::catalogue::{self, Code, RuleInfo};

use crate::errors::not_found;
use crate::report::Fix;
use crate::value::{class_tuple, repr_str, serde_name};

/// One rule, as `uclint rules` lists it and `uclint explain` shows it.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, Copy)]
pub struct Rule(pub &'static RuleInfo);

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
    }
}

impl Eq for Rule {}

impl Hash for Rule {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.code.hash(state);
    }
}

#[pymethods]
impl Rule {
    /// Its stable code, e.g. "AUTH001".
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// One line.
    #[getter]
    fn title(&self) -> &'static str {
        self.0.title
    }

    /// Default severity: error, warning, security or info.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// What it checks.
    #[getter]
    fn checks(&self) -> &'static str {
        self.0.checks
    }

    /// Why it matters: the scenario from the field notes.
    #[getter]
    fn why(&self) -> &'static str {
        self.0.why
    }

    /// Fixes, best first, each with its trade-off.
    #[getter]
    fn fixes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.fixes.iter().cloned().map(Fix))
    }

    /// The service its findings break (login, presence, desk-phone, voicemail, directory,
    /// calendar), if any.
    #[getter]
    fn service(&self) -> Option<String> {
        self.0.service.map(|s| serde_name(&s))
    }

    /// The rule's page in Markdown, as `uclint explain CODE` prints it.
    #[getter]
    fn page(&self) -> String {
        catalogue::page(self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Rule(code={}, severity={}, title={})",
            repr_str(py, self.0.code.as_str()),
            repr_str(py, self.0.severity.as_str()),
            repr_str(py, self.0.title)
        )
    }
}

/// Every rule, in the catalogue's order (as `uclint rules`).
#[pyfunction]
pub fn rules() -> Vec<Rule> {
    catalogue::all().map(Rule).collect()
}

/// One rule's page in Markdown, the same text as `uclint explain CODE`. The code is matched
/// ignoring case; an unknown one is a `NotFoundError`.
#[pyfunction]
pub fn explain(code: String) -> PyResult<String> {
    let code = Code::from_str(&code).map_err(|e| not_found(e.to_string()))?;
    Ok(catalogue::page(catalogue::info(code)))
}
