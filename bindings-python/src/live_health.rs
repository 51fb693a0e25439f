//! Show Server Health, live: `health(..., live=True)` sets each service's prediction beside
//! what the real servers showed, like `uclint health --live`.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_probe::{LiveHealth as CoreLiveHealth, LiveService as CoreLiveService};

use crate::probe::{Observation, Setting};
use crate::service_health::ServiceHealth;
use crate::value::{class_tuple, hash_by_value, pretty_json, repr_str, serde_name, str_tuple};

/// Show Server Health for one user on one client, predicted and observed.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveHealth(pub CoreLiveHealth);

/// One service, predicted and observed.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveService(pub CoreLiveService);

hash_by_value!(LiveHealth, LiveService);

#[pymethods]
impl LiveHealth {
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

    /// Each service, in CUPC's order.
    #[getter]
    fn services<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.services.iter().cloned().map(LiveService))
    }

    /// Every observation made for it.
    #[getter]
    fn observations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.observations.iter().cloned().map(Observation))
    }

    /// The answer as JSON, the same text as `uclint health --live --format json` (without the
    /// final newline).
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let services: Vec<String> = self
            .0
            .services
            .iter()
            .map(|s| {
                format!(
                    "{}={}/{}",
                    serde_name(&s.service),
                    s.predicted.status.as_str(),
                    s.observed.as_str()
                )
            })
            .collect();
        format!(
            "LiveHealth(user={}, client={}, {})",
            repr_str(py, &self.0.user),
            repr_str(py, &self.0.client),
            services.join(", ")
        )
    }
}

#[pymethods]
impl LiveService {
    /// The service: login, presence, desk-phone, voicemail, directory or calendar.
    #[getter]
    fn service(&self) -> String {
        serde_name(&self.0.service)
    }

    /// Its name as CUPC shows it.
    #[getter]
    fn label(&self) -> &'static str {
        self.0.label
    }

    /// What the deployment file predicts.
    #[getter]
    fn predicted(&self) -> ServiceHealth {
        ServiceHealth(self.0.predicted.clone())
    }

    /// What the real servers showed: ok, warning, failing or not-observed.
    #[getter]
    fn observed(&self) -> &'static str {
        self.0.observed.as_str()
    }

    /// The codes the observations raised.
    #[getter]
    fn observed_codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.0.observed_codes)
    }

    /// One line saying what was seen.
    #[getter]
    fn observed_reason(&self) -> &str {
        &self.0.observed_reason
    }

    /// Whether prediction and observation agree.
    #[getter]
    fn agrees(&self) -> bool {
        self.0.agrees
    }

    /// Where they disagree, the setting of the deployment file the observation contradicts.
    #[getter]
    fn contradicts(&self) -> Option<Setting> {
        self.0.contradicts.clone().map(Setting)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "LiveService(service={}, predicted={}, observed={}, agrees={})",
            repr_str(py, &self.service()),
            repr_str(py, self.0.predicted.status.as_str()),
            repr_str(py, self.0.observed.as_str()),
            if self.0.agrees { "True" } else { "False" }
        )
    }
}
