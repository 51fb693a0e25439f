//! Show Server Health: what CUPC's Help > Show Server Health would show for one user on one client
//! (and, with `live=True`, what the real servers show).

use std::hash::{Hash, Hasher};

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::health::{Health as CoreHealth, ServiceHealth as CoreServiceHealth, health_from_report};

use crate::deployment::Deployment;
use crate::report::Report;
use crate::value::{class_tuple, hash_serialized, pretty_json, repr_str, serde_name, str_tuple};

/// Show Server Health for one user on one client: each service in CUPC's order.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health(pub CoreHealth);

/// One line of Show Server Health: a service, its status, and why.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceHealth(pub CoreServiceHealth);

impl Hash for Health {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_serialized(&self.0).hash(state);
    }
}

impl Hash for ServiceHealth {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_serialized(&self.0).hash(state);
    }
}

#[pymethods]
impl Health {
    /// The user's CUCM id.
    #[getter]
    fn user(&self) -> &str {
        &self.0.user
    }

    /// The client profile's id.
    #[getter]
    fn client(&self) -> &str {
        &self.0.client
    }

    /// Each service, in CUPC's order: login, presence, desk-phone, voicemail, directory, calendar.
    #[getter]
    fn services<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.services.iter().cloned().map(ServiceHealth))
    }

    /// The answer as JSON, the same text as `uclint health --format json` (without the final
    /// newline).
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let services: Vec<String> = self
            .0
            .services
            .iter()
            .map(|s| format!("{}={}", serde_name(&s.service), s.status.as_str()))
            .collect();
        format!(
            "Health(user={}, client={}, {})",
            repr_str(py, &self.0.user),
            repr_str(py, &self.0.client),
            services.join(", ")
        )
    }
}

#[pymethods]
impl ServiceHealth {
    /// The service: login, presence, desk-phone, voicemail, directory or calendar.
    #[getter]
    fn service(&self) -> String {
        serde_name(&self.0.service)
    }

    /// Its name as CUPC shows it ("Configuration Repository", "Presence", "Desk Phone"...).
    #[getter]
    fn label(&self) -> &'static str {
        self.0.label
    }

    /// ok, warning, failing or not-configured.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }

    /// The rule codes behind a warning or failure.
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.0.codes)
    }

    /// One line saying why.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "ServiceHealth(service={}, status={}, codes={}, reason={})",
            repr_str(py, &self.service()),
            repr_str(py, self.0.status.as_str()),
            crate::value::repr_tuple(py, &self.0.codes),
            repr_str(py, &self.0.reason)
        )
    }
}

/// Predict Show Server Health for the user `user` (CUCM id) on the client profile `client`, like
/// `uclint health --user USER --client CLIENT`. Pass the `report` of an earlier
/// `check(deployment)` to reuse it (much faster when asking for many users); without it the
/// rules run again. An unknown user or client is a `NotFoundError`.
///
/// With `live=True`, also ask the real servers as that user on that client (like `uclint health
/// --live`; `dns_server`, `timeout` and `ca` as for `probe`) and return a `LiveHealth`: each
/// service predicted and observed, and the setting a disagreement contradicts. The GIL is
/// released meanwhile.
#[pyfunction]
#[pyo3(signature = (deployment, user, client, *, report = None, live = false, dns_server = None, timeout = 3.0, ca = None))]
#[allow(clippy::too_many_arguments)]
pub fn health<'py>(
    py: Python<'py>,
    deployment: &Bound<'py, Deployment>,
    user: String,
    client: String,
    report: Option<&Bound<'py, Report>>,
    live: bool,
    dns_server: Option<String>,
    timeout: f64,
    ca: Option<std::path::PathBuf>,
) -> PyResult<Bound<'py, PyAny>> {
    let d = deployment.get();
    if live {
        let request = crate::probe::request(&[], dns_server.as_deref(), timeout, ca, 64)?;
        let live = py
            .detach(|| {
                uclint_probe::live_health(
                    &d.deployment,
                    &d.references,
                    &user,
                    &client,
                    &request,
                    &uclint_probe::NoProgress,
                )
            })
            .map_err(crate::probe::request_error)?;
        return Ok(Bound::new(py, crate::live_health::LiveHealth(live))?.into_any());
    }
    let client = d.client(&client)?;
    let user = d.user(&user)?;
    let report = report.map(|r| &r.get().0.report);
    let health = py.detach(|| match report {
        Some(report) => health_from_report(&d.deployment, report, user, client),
        None => uclint_core::health::health(&d.deployment, &d.references, user, client),
    });
    Ok(Bound::new(py, Health(health))?.into_any())
}
