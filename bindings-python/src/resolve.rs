//! Name resolution: what one client profile gets for a name, every attempt listed.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::derive::resolve::{Attempt as CoreAttempt, Outcome, Resolution as CoreResolution};

use crate::deployment::Deployment;
use crate::value::{class_tuple, hash_by_value, pretty_json, repr_opt, repr_str, serde_name, str_tuple};

/// The name resolution answer: the first address found (or none), and every attempt in order.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution(pub CoreResolution);

/// One query the client makes: the name asked for, where, and what came back.
#[pyclass(module = "uclint", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt(pub CoreAttempt);

hash_by_value!(Resolution, Attempt);

impl std::fmt::Display for Attempt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}  {}  {}", self.0.query, self.0.source, self.0.result)
    }
}

#[pymethods]
impl Resolution {
    /// The name as the client used it.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The client profile's id.
    #[getter]
    fn client(&self) -> &str {
        &self.0.client
    }

    /// The first address found, or `None`: not resolvable.
    #[getter]
    fn address(&self) -> Option<String> {
        self.0.address.map(|a| a.to_string())
    }

    /// Whether the name resolved.
    #[getter]
    fn resolved(&self) -> bool {
        self.0.resolved()
    }

    /// Every attempt, in order, up to the first that found an address.
    #[getter]
    fn attempts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.attempts.iter().cloned().map(Attempt))
    }

    /// The answer as JSON, the same text as `uclint resolve --format json` (without the final
    /// newline).
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Resolution(name={}, client={}, address={}, attempts={})",
            repr_str(py, &self.0.name),
            repr_str(py, &self.0.client),
            repr_opt(py, self.address().as_deref()),
            self.0.attempts.len()
        )
    }
}

#[pymethods]
impl Attempt {
    /// The name asked for (absolute names end in a dot).
    #[getter]
    fn query(&self) -> &str {
        &self.0.query
    }

    /// Where it was looked up, as the command line shows it: "hosts file", "DNS (...)",
    /// "literal address", "DNS (none in use)".
    #[getter]
    fn source(&self) -> String {
        self.0.source.to_string()
    }

    /// What came back, as the command line shows it ("found 10.1.1.20", "no such name
    /// (NXDOMAIN)", ...).
    #[getter]
    fn result(&self) -> String {
        self.0.result.to_string()
    }

    /// What came back, as JSON names it: found, not-in-hosts-file, nx-domain, no-data, timeout,
    /// refused, failed or invalid-name.
    #[getter]
    fn status(&self) -> String {
        serde_json::to_value(&self.0.result)
            .ok()
            .and_then(|v| v.get("status").map(serde_name))
            .unwrap_or_default()
    }

    /// The addresses found (empty unless the status is found).
    #[getter]
    fn addresses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let addresses = match &self.0.result {
            Outcome::Found { addresses } => addresses.iter().map(ToString::to_string).collect(),
            _ => Vec::new(),
        };
        str_tuple(py, addresses)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Attempt(query={}, source={}, result={})",
            repr_str(py, &self.0.query),
            repr_str(py, &self.0.source.to_string()),
            repr_str(py, &self.0.result.to_string())
        )
    }
}

/// Resolve `name` as the client profile `client` does (name resolution: hosts file, DNS suffixes, the
/// deployment's DNS data), like `uclint resolve NAME --client CLIENT`. An unknown client is a
/// `NotFoundError`.
#[pyfunction]
pub fn resolve(
    py: Python<'_>,
    deployment: &Bound<'_, Deployment>,
    name: String,
    client: String,
) -> PyResult<Resolution> {
    let d = deployment.get();
    let client = d.client(&client)?;
    Ok(Resolution(py.detach(|| {
        uclint_core::derive::resolve::resolve(&name, client, d.dns())
    })))
}
