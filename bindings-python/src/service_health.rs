//! Show Server Health's answer: each service of one user on one client, its status and why.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::health::{Health as CoreHealth, ServiceHealth as CoreServiceHealth};

use crate::value::{class_tuple, hash_by_value, pretty_json, repr_str, serde_name, str_tuple};

/// Show Server Health for one user on one client: each service in CUPC's order.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health(pub CoreHealth);

/// One line of Show Server Health: a service, its status, and why.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceHealth(pub CoreServiceHealth);

hash_by_value!(Health, ServiceHealth);

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

    /// Each service, in CUPC's order: login, presence, desk-phone, voicemail, directory, calendar;
    /// then jabber-sign-in for a Jabber or Webex App profile.
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
    /// The service: login, presence, desk-phone, voicemail, directory, calendar or jabber-sign-in.
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
