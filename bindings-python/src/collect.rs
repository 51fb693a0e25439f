//! The deployment file from the real sources, like `uclint collect`: text importers (pure: any
//! text a script holds), live collectors (LDAP, AXFR, AXL; the GIL released while they read),
//! and `collect`, which merges what they gave into a new or existing file and writes it.

use std::path::PathBuf;
use std::time::Duration;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::collect::{Collected as CoreCollected, SourceKind, import};
use uclint_core::model::ClientKind;
use uclint_probe::collect::{AxlTarget, CollectError as CoreCollectError, LdapSource, Save, SaveError, now};
use uclint_probe::{SecretKind, Secrets};

use crate::deployment::Deployment;
use crate::errors::collect_error;
use crate::model::{Client, Server, User};
use crate::value::{class_tuple, hash_by_value, pretty_json, repr_str};

/// What one source said: its servers, users, DNS records, client profiles, and where it came
/// from. Pass a list of them to `collect`.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq)]
pub struct Collected(pub CoreCollected);

impl Eq for Collected {}
hash_by_value!(Collected);

#[pymethods]
impl Collected {
    /// The kind of source: ipconfig, resolv, scutil, hosts, ldif, bat, ldap, axfr or axl.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.source.kind.as_str()
    }

    /// What was read: a file name, a URL or ZONE@SERVER (never a credential).
    #[getter]
    fn origin(&self) -> &str {
        &self.0.source.origin
    }

    /// The corporate domain, when the source knows it (AXL).
    #[getter]
    fn domain(&self) -> Option<&str> {
        self.0.domain.as_deref()
    }

    /// Servers (AXL's process nodes, directory hosts).
    #[getter]
    fn servers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.servers.iter().cloned().map(Server))
    }

    /// Users.
    #[getter]
    fn users<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.users.iter().cloned().map(User))
    }

    /// Client profiles.
    #[getter]
    fn clients<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.clients.iter().cloned().map(Client))
    }

    /// DNS records as `(name, type, value)`.
    #[getter]
    fn records(&self) -> Vec<(String, String, String)> {
        self.0
            .records
            .iter()
            .map(|r| (r.name.clone(), r.rtype.clone(), r.value.clone()))
            .collect()
    }

    /// This source alone as a deployment file (TOML), as `collect` would write it now.
    fn to_toml(&self) -> PyResult<String> {
        uclint_probe::collect::document(None, std::slice::from_ref(&self.0), &now())
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// Everything it holds, as JSON.
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "<uclint.Collected {} {}: {} servers, {} users, {} records, {} clients>",
            self.0.source.kind,
            repr_str(py, &self.0.source.origin),
            self.0.servers.len(),
            self.0.users.len(),
            self.0.records.len(),
            self.0.clients.len()
        )
    }
}

fn client_kind(kind: &str) -> PyResult<ClientKind> {
    serde_json::from_value(serde_json::Value::String(kind.to_owned())).map_err(|_| {
        PyValueError::new_err(format!(
            "kind `{kind}` is not a client kind; expected one of: cupc, ip-phone, attendant-console, moc, jabber-windows, jabber-mac, jabber-mobile, webex-app, other"
        ))
    })
}

/// An importer's refusal as `CollectError`, naming the origin and the line.
fn import_error(py: Python<'_>, kind: SourceKind, origin: &str, error: import::ImportError) -> PyErr {
    collect_error(
        py,
        kind.as_str(),
        origin,
        format!("{kind} {origin}: {error}"),
        Some(error.line),
        Some(&error.expected),
    )
}

type ClientImporter = fn(&str, &str, &str, ClientKind) -> Result<CoreCollected, import::ImportError>;

fn import_client(
    py: Python<'_>,
    kind: SourceKind,
    read: ClientImporter,
    text: &str,
    client: &str,
    client_kind_name: &str,
    origin: &str,
) -> PyResult<Collected> {
    let ck = client_kind(client_kind_name)?;
    read(text, origin, client, ck)
        .map(Collected)
        .map_err(|e| import_error(py, kind, origin, e))
}

/// Read a Windows client's `ipconfig /all` (English) into the client profile `client` of `kind`:
/// its DNS suffixes as Windows searches them, DNS servers and addresses. A text in another
/// language or cut short is a `CollectError` naming the line.
#[pyfunction]
#[pyo3(signature = (text, *, client, kind = "cupc", origin = "<string>"))]
pub fn import_ipconfig(py: Python<'_>, text: &str, client: &str, kind: &str, origin: &str) -> PyResult<Collected> {
    import_client(py, SourceKind::Ipconfig, import::ipconfig, text, client, kind, origin)
}

/// Read a Unix client's `/etc/resolv.conf` into the client profile `client` (see `import_ipconfig`).
#[pyfunction]
#[pyo3(signature = (text, *, client, kind = "cupc", origin = "<string>"))]
pub fn import_resolv(py: Python<'_>, text: &str, client: &str, kind: &str, origin: &str) -> PyResult<Collected> {
    import_client(py, SourceKind::Resolv, import::resolv, text, client, kind, origin)
}

/// Read a Mac's `scutil --dns` into the client profile `client` (see `import_ipconfig`).
#[pyfunction]
#[pyo3(signature = (text, *, client, kind = "cupc", origin = "<string>"))]
pub fn import_scutil(py: Python<'_>, text: &str, client: &str, kind: &str, origin: &str) -> PyResult<Collected> {
    import_client(py, SourceKind::Scutil, import::scutil, text, client, kind, origin)
}

/// Read a hosts file (Windows or Unix) into the hosts lines of the client profile `client`.
#[pyfunction]
#[pyo3(signature = (text, *, client, kind = "cupc", origin = "<string>"))]
pub fn import_hosts(py: Python<'_>, text: &str, client: &str, kind: &str, origin: &str) -> PyResult<Collected> {
    import_client(py, SourceKind::Hosts, import::hosts, text, client, kind, origin)
}

/// Read users from an LDIF export of the directory (sAMAccountName or uid, sn, givenName,
/// telephoneNumber). Entries without a user id (groups, OUs) are left out.
#[pyfunction]
#[pyo3(signature = (text, *, origin = "<string>"))]
pub fn import_ldif(py: Python<'_>, text: &str, origin: &str) -> PyResult<Collected> {
    py.detach(|| import::ldif(text, origin))
        .map(|l| Collected(l.collected))
        .map_err(|e| import_error(py, SourceKind::Ldif, origin, e))
}

/// Read users from a CUCM Bulk Administration Tool user export (CSV): whether a digest
/// credential is set, never its value.
#[pyfunction]
#[pyo3(signature = (text, *, origin = "<string>"))]
pub fn import_bat(py: Python<'_>, text: &str, origin: &str) -> PyResult<Collected> {
    import::bat(text, origin)
        .map(Collected)
        .map_err(|e| import_error(py, SourceKind::Bat, origin, e))
}

fn live_error(py: Python<'_>, error: CoreCollectError) -> PyErr {
    collect_error(
        py,
        error.kind.as_str(),
        &error.origin.clone(),
        error.to_string(),
        None,
        None,
    )
}

fn secret(kind: SecretKind) -> Secrets {
    let mut secrets = Secrets::default();
    secrets.set(kind, std::env::var(kind.variable()).unwrap_or_default());
    secrets
}

fn seconds(timeout: f64) -> PyResult<Duration> {
    if timeout > 0.0 && timeout <= 3600.0 {
        Ok(Duration::from_secs_f64(timeout))
    } else {
        Err(PyValueError::new_err(format!(
            "timeout {timeout} is not a number of seconds between 0 and 3600"
        )))
    }
}

/// Read users from the directory at `url` under `base` by paged search, like `--from
/// ldap=...`. With `bind`, binds as that DN with the password in `UCLINT_LDAP_PASSWORD`.
#[pyfunction]
#[pyo3(signature = (url, base, *, bind = None, filter = None, starttls = false, timeout = 10.0, ca = None, allow_plaintext_password = false))]
#[allow(clippy::too_many_arguments)]
pub fn collect_ldap(
    py: Python<'_>,
    url: String,
    base: String,
    bind: Option<String>,
    filter: Option<String>,
    starttls: bool,
    timeout: f64,
    ca: Option<PathBuf>,
    allow_plaintext_password: bool,
) -> PyResult<Collected> {
    let mut source = LdapSource::new(url, base);
    source.bind_dn = bind;
    if let Some(filter) = filter {
        source.filter = filter;
    }
    source.starttls = starttls;
    source.timeout = seconds(timeout)?;
    source.ca = ca;
    source.allow_plaintext_password = allow_plaintext_password;
    let secrets = secret(SecretKind::LdapAccount);
    py.detach(|| uclint_probe::collect::collect_ldap(&source, &secrets))
        .map(|read| Collected(read.collected))
        .map_err(|e| live_error(py, e))
}

/// Read the records of `zone` from `server` (`IP:PORT`) by zone transfer, like `--from axfr=...`.
#[pyfunction]
#[pyo3(signature = (zone, server, *, timeout = 10.0))]
pub fn collect_axfr(py: Python<'_>, zone: String, server: String, timeout: f64) -> PyResult<Collected> {
    let server = server
        .parse()
        .map_err(|_| PyValueError::new_err(format!("server `{server}` is not IP:PORT")))?;
    let timeout = seconds(timeout)?;
    py.detach(|| uclint_probe::collect::collect_axfr(&zone, server, timeout))
        .map(|read| Collected(read.collected))
        .map_err(|e| live_error(py, e))
}

/// Read CUCM (and IM&P at `presence`) through AXL as `user`, with the password in
/// `UCLINT_AXL_PASSWORD`, like `--from axl=...`.
#[pyfunction]
#[pyo3(signature = (url, user, *, presence = None, timeout = 30.0, ca = None))]
pub fn collect_axl(
    py: Python<'_>,
    url: String,
    user: String,
    presence: Option<String>,
    timeout: f64,
    ca: Option<PathBuf>,
) -> PyResult<Collected> {
    let mut target = AxlTarget::new(url, user);
    target.presence_url = presence;
    target.timeout = seconds(timeout)?;
    target.ca = ca;
    let secrets = secret(SecretKind::Axl);
    py.detach(|| uclint_probe::collect::collect_axl(&target, &secrets))
        .map(Collected)
        .map_err(|e| live_error(py, e))
}

/// Write what `sources` said (in order: a later source's field wins) to `out`, or merge it into
/// the deployment file `into` keeping its comments and hand-written sections, like `uclint
/// collect`. Nothing is written unless the result loads; an existing `out` that is not `into`
/// is only replaced with `force`. Returns the deployment written.
#[pyfunction]
#[pyo3(signature = (sources, *, out = None, into = None, force = false))]
pub fn collect(
    py: Python<'_>,
    sources: Vec<Bound<'_, Collected>>,
    out: Option<PathBuf>,
    into: Option<PathBuf>,
    force: bool,
) -> PyResult<Deployment> {
    let collected: Vec<CoreCollected> = sources.iter().map(|c| c.get().0.clone()).collect();
    let save = Save { out, into, force };
    let (path, _) = py.detach(|| save.save(&collected, &now())).map_err(|e| match e {
        SaveError::Read { .. } | SaveError::Write(_) => crate::errors::IoError::new_err(e.to_string()),
        _ => PyValueError::new_err(e.to_string()),
    })?;
    Deployment::from_path(py, path)
}
