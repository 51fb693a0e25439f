//! What changed between two deployments and which findings came and went, like `uclint diff`.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::catalogue::Severity;
use uclint_core::diff::{Change as CoreChange, DeploymentDiff, diff as core_diff};
use uclint_core::pipeline::{self, CheckRequest};

use crate::deployment::Deployment;
use crate::report::Finding;
use crate::value::{class_tuple, pretty_json, repr_str};

/// Everything that differs between an old and a new deployment.
#[pyclass(module = "uclint", frozen)]
pub struct Diff(pub DeploymentDiff);

/// One item added, removed or changed.
#[pyclass(module = "uclint", frozen)]
pub struct Change(pub CoreChange);

/// A JSON value as the Python object `json.loads` gives.
fn python_value<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (value.to_string(),))
}

#[pymethods]
impl Change {
    /// The section, as the deployment file names it: servers, users, dns.records,
    /// sip_proxy.static_routes, clients...
    #[getter]
    fn section(&self) -> &'static str {
        self.0.section.as_str()
    }

    /// Which item (`cups-1`, `alice`, `cups-1.acme.com A`); empty for a one-table section.
    #[getter]
    fn key(&self) -> &str {
        &self.0.key
    }

    /// `added`, `removed` or `changed`.
    #[getter]
    fn kind(&self) -> &'static str {
        match self.0.kind {
            uclint_core::diff::ChangeKind::Added => "added",
            uclint_core::diff::ChangeKind::Removed => "removed",
            uclint_core::diff::ChangeKind::Changed => "changed",
        }
    }

    /// For a changed item, each field that differs as `(field, old, new)` (`None` when absent).
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = self
            .0
            .fields
            .iter()
            .map(|f| {
                let tuple = (f.field.as_str(), python_value(py, &f.old)?, python_value(py, &f.new)?);
                tuple.into_pyobject(py).map(Bound::into_any)
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, items)
    }

    /// For an added or removed item, the item as the file writes it (a dict), else `None`.
    #[getter]
    fn item<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0.item.as_ref().map(|v| python_value(py, v)).transpose()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<uclint.Change {} {} {}>",
            self.kind(),
            self.0.section.as_str(),
            repr_str(py, &self.0.key)
        )
    }
}

#[pymethods]
impl Diff {
    /// Items added, removed or changed, section by section.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.changes.iter().cloned().map(Change))
    }

    /// Findings only the new deployment has.
    #[getter]
    fn appeared<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.findings.appeared.iter().cloned().map(Finding))
    }

    /// Findings only the old deployment had.
    #[getter]
    fn disappeared<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.findings.disappeared.iter().cloned().map(Finding))
    }

    /// How many errors appeared: what a nightly job alerts on.
    #[getter]
    fn new_errors(&self) -> usize {
        self.0.appeared_at_or_above(Severity::Error)
    }

    /// The same JSON as `uclint diff --format json`.
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }

    /// The same text as `uclint diff`, without colour.
    fn to_text(&self) -> String {
        anstream::adapter::strip_str(&self.0.to_text()).to_string()
    }

    /// Whether anything differs.
    fn __bool__(&self) -> bool {
        !self.0.is_empty()
    }

    fn __repr__(&self) -> String {
        format!(
            "<uclint.Diff: {} changes, {} findings appeared ({} errors), {} went away>",
            self.0.changes.len(),
            self.0.findings.appeared.len(),
            self.new_errors(),
            self.0.findings.disappeared.len()
        )
    }
}

/// Compare `old` with `new`, like `uclint diff OLD NEW`: each is checked with its own plugins,
/// then items are matched by key and findings by code, subject and message. The GIL is
/// released meanwhile.
#[pyfunction]
pub fn diff(py: Python<'_>, old: &Bound<'_, Deployment>, new: &Bound<'_, Deployment>) -> PyResult<Diff> {
    let (old, new) = (old.get(), new.get());
    let sandbox = crate::plugins::sandbox();
    let check = |d: &Deployment| {
        let request = CheckRequest {
            plugin_dir: d.plugin_dir.clone(),
            ..CheckRequest::default()
        };
        pipeline::check(&d.deployment, &d.references, &request, Some(&sandbox)).map(|c| c.report)
    };
    let result = py.detach(|| -> Result<DeploymentDiff, String> {
        let old_report = check(old).map_err(|e| e.to_string())?;
        let new_report = check(new).map_err(|e| e.to_string())?;
        Ok(core_diff(&old.deployment, &old_report, &new.deployment, &new_report))
    });
    result.map(Diff).map_err(crate::errors::not_found)
}
