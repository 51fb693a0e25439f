//! Read-only views of what a deployment holds: servers, client profiles and users.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::model::{Client as CoreClient, Server as CoreServer, User as CoreUser};

use crate::location::{Location, location};
use crate::value::{hash_by_value, repr_opt, repr_str, repr_tuple, str_tuple};

/// One server of the deployment.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq)]
pub struct Server(pub CoreServer);

/// One client profile of the deployment (CUPC, IP phones, Attendant Console, Jabber...).
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq)]
pub struct Client(pub CoreClient);

/// One end user of the deployment (written inline or a row of the users CSV).
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq)]
pub struct User(pub CoreUser);

// The model's values hold no floating point: `PartialEq` is an equivalence.
impl Eq for Server {}
impl Eq for Client {}
impl Eq for User {}
hash_by_value!(Server, Client, User);

#[pymethods]
impl Server {
    /// The node name (CUCM/CUPS System > Servers).
    #[getter]
    fn node_name(&self) -> &str {
        &self.0.node_name
    }

    /// The hostname given at install (the node name when not given).
    #[getter]
    fn hostname(&self) -> &str {
        self.0.hostname()
    }

    /// The server's DNS domain, if given.
    #[getter]
    fn domain(&self) -> Option<&str> {
        self.0.domain.as_deref()
    }

    /// Its IP addresses.
    #[getter]
    fn addresses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.addresses.iter().map(ToString::to_string))
    }

    /// Its roles: cucm, cups, unity, unity-connection, exchange, ldap, dns, tftp, expressway-c,
    /// expressway-e.
    #[getter]
    fn roles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.roles.iter().map(|r| r.as_str()))
    }

    /// Its software version, if given.
    #[getter]
    fn version(&self) -> Option<&str> {
        self.0.version.as_deref()
    }

    /// Where it was written.
    #[getter]
    fn location(&self) -> Option<Location> {
        location(self.0.location.as_ref())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let roles: Vec<&str> = self.0.roles.iter().map(|r| r.as_str()).collect();
        format!(
            "Server(node_name={}, roles={})",
            repr_str(py, &self.0.node_name),
            repr_tuple(py, &roles)
        )
    }
}

#[pymethods]
impl Client {
    /// The profile's id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// Its kind: cupc, ip-phone, attendant-console, moc, jabber-windows, jabber-mac,
    /// jabber-mobile, webex-app or other.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// Its software version, if given.
    #[getter]
    fn version(&self) -> Option<&str> {
        self.0.version.as_deref()
    }

    /// Its DNS suffix search list, in order.
    #[getter]
    fn dns_suffixes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.0.dns_suffixes)
    }

    /// The DNS servers it asks, in order (from `ipconfig /all` or resolv.conf).
    #[getter]
    fn dns_servers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.dns_servers.iter().map(ToString::to_string))
    }

    /// The addresses or subnets its clients use.
    #[getter]
    fn addresses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, &self.0.addresses)
    }

    /// Whether it is on the corporate network (not VPN or off-site).
    #[getter]
    fn on_corporate_network(&self) -> bool {
        self.0.on_corporate_network
    }

    /// Where it was written.
    #[getter]
    fn location(&self) -> Option<Location> {
        location(self.0.location.as_ref())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Client(id={}, kind={}, version={})",
            repr_str(py, &self.0.id),
            repr_str(py, self.0.kind.as_str()),
            repr_opt(py, self.0.version.as_deref())
        )
    }
}

#[pymethods]
impl User {
    /// The CUCM user id.
    #[getter]
    fn cucm_id(&self) -> &str {
        &self.0.cucm_id
    }

    /// The user's LDAP id; `None` when the user is not in the directory.
    #[getter]
    fn ldap_id(&self) -> Option<&str> {
        self.0.ldap_id.as_deref()
    }

    /// First name.
    #[getter]
    fn first_name(&self) -> Option<&str> {
        self.0.first_name.as_deref()
    }

    /// Last name (LDAP `sn`).
    #[getter]
    fn last_name(&self) -> Option<&str> {
        self.0.last_name.as_deref()
    }

    /// Telephone number (extension).
    #[getter]
    fn telephone_number(&self) -> Option<&str> {
        self.0.telephone_number.as_deref()
    }

    /// Whether a digest credential is set on CUCM End User (never its value).
    #[getter]
    fn digest_credential(&self) -> bool {
        self.0.digest_credential
    }

    /// The CUPS node (node name) the user is assigned to.
    #[getter]
    fn home_node(&self) -> Option<&str> {
        self.0.home_node.as_deref()
    }

    /// The CUPS node that serves the user's presence (the home node unless set apart).
    #[getter]
    fn presence_node(&self) -> Option<&str> {
        self.0.presence_node()
    }

    /// Whether the user controls a desk phone from CUPC.
    #[getter]
    fn desk_phone_control(&self) -> bool {
        self.0.desk_phone_control
    }

    /// The client profiles (ids) the user logs in from.
    #[getter]
    fn clients<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.clients.iter().map(|c| &**c))
    }

    /// Where the user was written (an inline item or a CSV row).
    #[getter]
    fn location(&self) -> Option<Location> {
        location(self.0.location.as_ref())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let clients: Vec<&str> = self.0.clients.iter().map(|c| &**c).collect();
        format!(
            "User(cucm_id={}, home_node={}, clients={})",
            repr_str(py, &self.0.cucm_id),
            repr_opt(py, self.0.home_node.as_deref()),
            repr_tuple(py, &clients)
        )
    }
}
