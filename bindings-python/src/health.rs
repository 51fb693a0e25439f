//! Show Server Health: what CUPC's Help > Show Server Health would show for one user on one client
//! (and, with `live=True`, what the real servers show), like `uclint health [--live]`.

use pyo3::prelude::*;
use uclint_core::health::health_from_report;

use crate::deployment::Deployment;
use crate::report::Report;
use crate::service_health::Health;

/// Predict Show Server Health for the user `user` (CUCM id) on the client profile `client`, like
/// `uclint health --user USER --client CLIENT`. Pass the `report` of an earlier
/// `check(deployment)` to reuse it (much faster when asking for many users); without it the
/// rules run again. An unknown user or client is a `NotFoundError`.
///
/// With `live=True`, also ask the real servers as that user on that client (like `uclint health
/// --live`; `dns_server`, `public_dns_server`, `timeout` and `ca` as for `probe`) and return a `LiveHealth`: each
/// service predicted and observed, and the setting a disagreement contradicts. The GIL is
/// released meanwhile.
#[pyfunction]
#[pyo3(signature = (deployment, user, client, *, report = None, live = false, dns_server = None, public_dns_server = None, timeout = 3.0, ca = None))]
#[allow(clippy::too_many_arguments)]
pub fn health<'py>(
    py: Python<'py>,
    deployment: &Bound<'py, Deployment>,
    user: String,
    client: String,
    report: Option<&Bound<'py, Report>>,
    live: bool,
    dns_server: Option<String>,
    public_dns_server: Option<String>,
    timeout: f64,
    ca: Option<std::path::PathBuf>,
) -> PyResult<Bound<'py, PyAny>> {
    let d = deployment.get();
    if live {
        let mut request = crate::probe::request(
            &[],
            dns_server.as_deref(),
            public_dns_server.as_deref(),
            timeout,
            ca,
            64,
        )?;
        request.client = Some(client.clone());
        request.user = Some(user.clone());
        request.secrets = uclint_probe::Secrets::gather(&request, &d.deployment, None);
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
