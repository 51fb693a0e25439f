//! The SRV queries of service discovery: what was asked and what the client's DNS answered.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::derive::jabber::{SrvQuery as CoreQuery, SrvResult, SrvTarget as CoreTarget};

use crate::value::{class_tuple, hash_by_value, repr_opt, repr_str, serde_name};

/// One SRV query (`_cisco-uds`, `_cuplogin`, `_collab-edge`): the name asked and what came back.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrvQuery(pub CoreQuery);

/// One SRV target, in the order the client tries them.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrvTarget(pub CoreTarget);

hash_by_value!(SrvQuery, SrvTarget);

#[pymethods]
impl SrvQuery {
    /// The service asked for: _cisco-uds, _cuplogin or _collab-edge.
    #[getter]
    fn service(&self) -> String {
        serde_name(&self.0.service)
    }

    /// The absolute name asked (`_cisco-uds._tcp.ex.com.`).
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// What came back: found, not-found, excluded (`EXCLUDED_SERVICES` names it) or no-dns
    /// (nothing describes the DNS of this place).
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status()
    }

    /// The targets, in the order the client tries them (empty unless the status is found).
    #[getter]
    fn targets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.targets().iter().cloned().map(SrvTarget))
    }

    /// What the DNS said when nothing was found ("no such name (NXDOMAIN)"...).
    #[getter]
    fn answer(&self) -> Option<&str> {
        match &self.0.result {
            SrvResult::NotFound { answer } => Some(answer),
            _ => None,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "SrvQuery(name={}, status={}, targets={}, answer={})",
            repr_str(py, &self.0.name),
            repr_str(py, self.status()),
            self.0.targets().len(),
            repr_opt(py, self.answer())
        )
    }
}

#[pymethods]
impl SrvTarget {
    /// The target host, without the trailing dot.
    #[getter]
    fn target(&self) -> &str {
        &self.0.target
    }

    /// Port.
    #[getter]
    fn port(&self) -> u16 {
        self.0.port
    }

    /// Priority: lower first.
    #[getter]
    fn priority(&self) -> u16 {
        self.0.priority
    }

    /// Weight: within a priority, heavier first.
    #[getter]
    fn weight(&self) -> u16 {
        self.0.weight
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let t = &self.0;
        format!(
            "SrvTarget(target={}, port={}, priority={}, weight={})",
            repr_str(py, &t.target),
            t.port,
            t.priority,
            t.weight
        )
    }
}
