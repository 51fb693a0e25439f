//! SIP routing: where the deployment's SIP proxy sends a request URI, offline from the deployment's
//! DNS data (as `uclint route URI -c DEPLOYMENT` without `--live-dns`).

use std::hash::{Hash, Hasher};

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::route::{Origin, Router, Routing as CoreRouting, Step as CoreStep, Target as CoreTarget};

use crate::deployment::Deployment;
use crate::errors::uri_error;
use crate::value::{class_tuple, hash_by_value, pretty_json, repr_opt, repr_str, repr_tuple, serde_name, str_tuple};

/// The SIP routing answer: the decision, the next hops in order, the trace and the rule codes behind it.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq)]
pub struct Routing(pub CoreRouting);

/// One next hop, in the order the proxy tries them.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq)]
pub struct Target(pub CoreTarget);

/// One step of the trace: what was tried and what it found.
#[pyclass(module = "uclint", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step(pub CoreStep);

// Shares are RFC 2782 fractions, never NaN: equality is an equivalence, and equal values
// serialize alike.
impl Eq for Routing {}
impl Eq for Target {}

hash_by_value!(Routing, Target);

impl Hash for Step {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (&self.0.tried, &self.0.found).hash(state);
    }
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl Routing {
    /// The request URI as given.
    #[getter]
    fn uri(&self) -> &str {
        &self.0.uri
    }

    /// local, static, dns, blocked or unroutable.
    #[getter]
    fn decision(&self) -> &'static str {
        self.0.decision.as_str()
    }

    /// The next hops in order (empty unless the decision is static or dns).
    #[getter]
    fn targets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.targets.iter().cloned().map(Target))
    }

    /// Every step, in order.
    #[getter]
    fn trace<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.trace.iter().cloned().map(Step))
    }

    /// Rule codes behind the answer (SIP002, SIP003, SIP005).
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.codes.iter().map(|c| c.as_str()))
    }

    /// The answer as JSON, the same text as `uclint route --format json` (without the final
    /// newline).
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let hosts: Vec<&str> = self.0.targets.iter().map(|t| t.host.as_str()).collect();
        format!(
            "Routing(uri={}, decision={}, targets={})",
            repr_str(py, &self.0.uri),
            repr_str(py, self.0.decision.as_str()),
            repr_tuple(py, &hosts)
        )
    }
}

#[pymethods]
impl Target {
    /// The next hop as named: FQHN or IP.
    #[getter]
    fn host(&self) -> &str {
        &self.0.host
    }

    /// The first address it resolves to; `None`: it does not resolve.
    #[getter]
    fn address(&self) -> Option<String> {
        self.0.address.map(|a| a.to_string())
    }

    /// Every address it resolves to, A before AAAA.
    #[getter]
    fn addresses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.addresses.iter().map(ToString::to_string))
    }

    /// Port.
    #[getter]
    fn port(&self) -> u16 {
        self.0.port
    }

    /// udp, tcp or tls.
    #[getter]
    fn transport(&self) -> String {
        serde_name(&self.0.transport)
    }

    /// Priority: lower first.
    #[getter]
    fn priority(&self) -> u16 {
        self.0.priority
    }

    /// Weight among targets of the same priority.
    #[getter]
    fn weight(&self) -> u16 {
        self.0.weight
    }

    /// This target's share of the load within its priority, from 0 to 1 (RFC 2782).
    #[getter]
    fn share(&self) -> f64 {
        self.0.share
    }

    /// Where it came from: static-route, srv, address or literal.
    #[getter]
    fn origin(&self) -> &'static str {
        match self.0.origin {
            Origin::StaticRoute { .. } => "static-route",
            Origin::Srv { .. } => "srv",
            Origin::Address => "address",
            Origin::Literal => "literal",
        }
    }

    /// The static route's pattern (origin static-route) or the SRV owner name (origin srv).
    #[getter]
    fn origin_name(&self) -> Option<&str> {
        match &self.0.origin {
            Origin::StaticRoute { pattern, .. } => Some(pattern),
            Origin::Srv { name } => Some(name),
            Origin::Address | Origin::Literal => None,
        }
    }

    /// The static route's index in `sip_proxy.static_routes` (origin static-route).
    #[getter]
    fn route_index(&self) -> Option<usize> {
        match &self.0.origin {
            Origin::StaticRoute { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// Whether it only takes over when the more specific routes fail.
    #[getter]
    fn fallback(&self) -> bool {
        self.0.fallback
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let t = &self.0;
        format!(
            "Target(host={}, address={}, port={}, transport={}, priority={}, weight={})",
            repr_str(py, &t.host),
            repr_opt(py, self.address().as_deref()),
            t.port,
            repr_str(py, &self.transport()),
            t.priority,
            t.weight
        )
    }
}

#[pymethods]
impl Step {
    /// What was tried.
    #[getter]
    fn tried(&self) -> &str {
        &self.0.tried
    }

    /// What it found.
    #[getter]
    fn found(&self) -> &str {
        &self.0.found
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Step(tried={}, found={})",
            repr_str(py, &self.0.tried),
            repr_str(py, &self.0.found)
        )
    }
}

/// Route the request URI `uri` (sip:, sips: or tel:) as the deployment's SIP proxy would: local
/// domain, static routes, then RFC 3263 over the deployment's DNS data. `seed` draws one concrete
/// weighted order among targets of equal priority. A URI that does not parse is a `UriError`.
#[pyfunction]
#[pyo3(signature = (deployment, uri, seed = None))]
pub fn route(py: Python<'_>, deployment: &Bound<'_, Deployment>, uri: String, seed: Option<u64>) -> PyResult<Routing> {
    let d = deployment.get();
    py.detach(|| Router::new(&d.deployment.sip_proxy).route(&uri, d.dns(), seed))
        .map(Routing)
        .map_err(|e| uri_error(py, &uri, &e))
}
