//! One connection the client makes while signing in: where, for what, the certificate, and
//! what came of it.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::derive::jabber::{Connection as CoreConnection, Outcome, Trust};

use crate::value::{hash_by_value, repr_opt, repr_str, serde_name, str_tuple};

/// One connection, in the order the client makes them.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection(pub CoreConnection);

hash_by_value!(Connection);

#[pymethods]
impl Connection {
    /// What it is for: home-cluster, cucm-node, imp-login, xmpp, edge-config or webex.
    #[getter]
    fn purpose(&self) -> String {
        serde_name(&self.0.purpose)
    }

    /// The host connected to, as the client names it.
    #[getter]
    fn host(&self) -> &str {
        &self.0.host
    }

    /// Port.
    #[getter]
    fn port(&self) -> u16 {
        self.0.port
    }

    /// The URL asked, for HTTPS.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.0.url.as_deref()
    }

    /// The address the client resolved the host to; `None`: it did not resolve.
    #[getter]
    fn address(&self) -> Option<String> {
        self.0.address.map(|a| a.to_string())
    }

    /// The node name of the deployment's server the host is, when it is one.
    #[getter]
    fn server(&self) -> Option<&str> {
        self.0.server.as_deref()
    }

    /// The names the server's certificate must carry.
    #[getter]
    fn certificate_names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.0.certificate_names)
    }

    /// Whether the client trusts the certificate: trusted, untrusted, or unknown (the deployment
    /// does not say what the certificate carries).
    #[getter]
    fn trust(&self) -> &'static str {
        match self.0.trust {
            Trust::Unknown => "unknown",
            Trust::Trusted { .. } => "trusted",
            Trust::Untrusted { .. } => "untrusted",
        }
    }

    /// The certificate name that matched, when trusted.
    #[getter]
    fn matched(&self) -> Option<&str> {
        match &self.0.trust {
            Trust::Trusted { matched } => Some(matched),
            _ => None,
        }
    }

    /// Why the certificate is untrusted, when it is.
    #[getter]
    fn untrusted_reason(&self) -> Option<&str> {
        match &self.0.trust {
            Trust::Untrusted { reason } => Some(reason),
            _ => None,
        }
    }

    /// What came of it: connects, prompts (works once the user accepts the certificate) or fails.
    #[getter]
    fn outcome(&self) -> &'static str {
        match self.0.outcome {
            Outcome::Connects => "connects",
            Outcome::Prompts => "prompts",
            Outcome::Fails { .. } => "fails",
        }
    }

    /// What the user sees when it fails.
    #[getter]
    fn failure(&self) -> Option<&str> {
        match &self.0.outcome {
            Outcome::Fails { message } => Some(message),
            _ => None,
        }
    }

    /// Why, in a sentence.
    #[getter]
    fn why(&self) -> &str {
        &self.0.why
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let c = &self.0;
        format!(
            "Connection(purpose={}, host={}, port={}, url={}, outcome={})",
            repr_str(py, &self.purpose()),
            repr_str(py, &c.host),
            c.port,
            repr_opt(py, c.url.as_deref()),
            repr_str(py, self.outcome())
        )
    }
}
