//! Jabber and Webex App service discovery (D8): what the client connects to when a user signs
//! in, and why it fails, every step listed.

mod connection;
mod srv;

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::derive::jabber::{
    Issue as CoreIssue, IssueSubject, JabberDiscovery as CoreDiscovery, jabber_discovery as derive,
};

use crate::deployment::Deployment;
use crate::errors::address_error;
use crate::value::{class_tuple, hash_by_value, pretty_json, repr_opt, repr_str, serde_name, str_tuple};
pub use connection::Connection;
pub use srv::{SrvQuery, SrvTarget};

/// The service discovery answer: the SRV queries, the path chosen, each connection in order,
/// whether sign-in succeeds, what the user sees, and the rules behind a failure.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JabberDiscovery(pub CoreDiscovery);

/// A rule discovery names, with what it found and what it is about.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue(pub CoreIssue);

hash_by_value!(JabberDiscovery, Issue);

#[pymethods]
impl JabberDiscovery {
    /// The client profile's id.
    #[getter]
    fn client(&self) -> &str {
        &self.0.client
    }

    /// Its kind: jabber-windows, jabber-mac, jabber-mobile, webex-app...
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The sign-in address, as the client uses it (`user@domain`).
    #[getter]
    fn address(&self) -> &str {
        &self.0.address
    }

    /// inside (the deployment's DNS) or outside (public DNS, `dns.public`).
    #[getter]
    fn place(&self) -> String {
        serde_name(&self.0.place)
    }

    /// The services domain; `None` when cached manual server settings win over discovery.
    #[getter]
    fn services_domain(&self) -> Option<&str> {
        self.0.services_domain.as_deref()
    }

    /// Where the services domain came from: services-domain, windows-upn or sign-in.
    #[getter]
    fn domain_from(&self) -> Option<String> {
        self.0.domain_from.as_ref().map(serde_name)
    }

    /// The domain the SRV lookups use (`VOICE_SERVICES_DOMAIN` when set).
    #[getter]
    fn lookup_domain(&self) -> Option<&str> {
        self.0.lookup_domain.as_deref()
    }

    /// The SRV queries, sent at once.
    #[getter]
    fn queries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.queries.iter().cloned().map(SrvQuery))
    }

    /// The path chosen: on-premises, im-and-presence, mra, manual or webex.
    #[getter]
    fn path(&self) -> &'static str {
        self.0.path.as_str()
    }

    /// The connections the client makes, in order.
    #[getter]
    fn connections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.connections.iter().cloned().map(Connection))
    }

    /// The first connection tried; `None` when there is none (manual entry).
    #[getter]
    fn first_connection(&self) -> Option<Connection> {
        self.0.first_connection().cloned().map(Connection)
    }

    /// The Jabber ID IM and Presence gives the user (UserID@DefaultDomain), when known.
    #[getter]
    fn jabber_id(&self) -> Option<&str> {
        self.0.jabber_id.as_deref()
    }

    /// Whether sign-in succeeds (perhaps after a certificate prompt).
    #[getter]
    fn signs_in(&self) -> bool {
        self.0.signs_in
    }

    /// Whether the user had to accept an untrusted certificate on the way.
    #[getter]
    fn prompted(&self) -> bool {
        self.0.prompted()
    }

    /// What the user sees ("Signed in", "Cannot find your services automatically"...).
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// The rules behind a failure or a risk, each with what it is about.
    #[getter]
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.issues.iter().cloned().map(Issue))
    }

    /// The rule codes (JAB001-JAB008), each once, in the order found.
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.codes().iter().map(|c| c.as_str()))
    }

    /// Every step, in order.
    #[getter]
    fn steps<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.0.steps)
    }

    /// The answer as JSON, the core's serialization printed pretty (without a final newline).
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let d = &self.0;
        format!(
            "JabberDiscovery(client={}, address={}, path={}, signs_in={}, message={})",
            repr_str(py, &d.client),
            repr_str(py, &d.address),
            repr_str(py, d.path.as_str()),
            if d.signs_in { "True" } else { "False" },
            repr_str(py, &d.message)
        )
    }
}

#[pymethods]
impl Issue {
    /// The rule code (JAB001-JAB008).
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// What it is about: client (the profile itself), server or domain.
    #[getter]
    fn subject(&self) -> &'static str {
        match self.0.subject {
            IssueSubject::Client => "client",
            IssueSubject::Server(_) => "server",
            IssueSubject::Domain(_) => "domain",
        }
    }

    /// The server's node name or the domain; `None` when the subject is the client profile.
    #[getter]
    fn name(&self) -> Option<&str> {
        match &self.0.subject {
            IssueSubject::Client => None,
            IssueSubject::Server(name) | IssueSubject::Domain(name) => Some(name),
        }
    }

    /// What was found.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Issue(code={}, subject={}, name={}, message={})",
            repr_str(py, self.code()),
            repr_str(py, self.subject()),
            repr_opt(py, self.name()),
            repr_str(py, &self.0.message)
        )
    }
}

/// What Jabber or Webex App on the client profile `client` connects to when `address`
/// (user@domain) signs in: the services domain, the SRV records as that client's DNS answers
/// them, the path, each connection with its certificate, and the rules behind a failure. An
/// unknown client is a `NotFoundError`; an address that is not user@domain an `AddressError`.
#[pyfunction]
pub fn jabber_discovery(
    py: Python<'_>,
    deployment: &Bound<'_, Deployment>,
    client: String,
    address: String,
) -> PyResult<JabberDiscovery> {
    let d = deployment.get();
    let client = d.client(&client)?;
    py.detach(|| derive(&d.deployment, client, &address))
        .map(JabberDiscovery)
        .map_err(|e| address_error(py, &address, &e))
}
