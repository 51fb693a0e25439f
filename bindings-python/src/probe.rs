//! The real deployment observed: `probe` asks its servers (DNS as a client sees it, TLS, SIP)
//! what the core predicts, like `uclint probe`; typed observations and the findings they raise.

use std::hash::{Hash, Hasher};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use uclint_core::report::Severity;
use uclint_probe::{
    Evidence as CoreEvidence, NoProgress, Observation as CoreObservation, Probe, ProbeReport as CoreProbeReport,
    ProbeRequest, RequestError, Setting as CoreSetting, Target as CoreTarget,
};

use crate::deployment::Deployment;
use crate::errors::{Error, IoError, not_found};
use crate::location::{Location, location};
use crate::report::{Finding, Subject, Summary};
use crate::value::{class_tuple, hash_by_value, hash_serialized, repr_opt, repr_str, serde_name, str_tuple};

/// Where a question went: the host as the deployment names it, the address and port contacted,
/// the transport.
#[pyclass(module = "uclint", name = "ProbeTarget", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target(pub CoreTarget);

/// One line of an exchange: sent, received or a note, secrets already replaced by `********`.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence(pub CoreEvidence);

/// A setting of the deployment file an observation bears on (what a disagreement contradicts).
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting(pub CoreSetting);

/// What one probe saw when it asked one server one question.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation(pub CoreObservation);

/// What one probe run saw, and the findings it raises.
#[pyclass(module = "uclint", frozen, eq, hash, sequence)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeReport(pub CoreProbeReport);

hash_by_value!(Target, Evidence, Setting, Observation);

impl Hash for ProbeReport {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_serialized(&self.0.observations).hash(state);
    }
}

#[pymethods]
impl Target {
    /// The name the deployment (or the request) gives it.
    #[getter]
    fn host(&self) -> &str {
        &self.0.host
    }

    /// The address contacted, when one was.
    #[getter]
    fn address(&self) -> Option<String> {
        self.0.address.map(|a| a.to_string())
    }

    /// The port contacted.
    #[getter]
    fn port(&self) -> Option<u16> {
        self.0.port
    }

    /// `udp`, `tcp` or `tls`.
    #[getter]
    fn transport(&self) -> Option<&'static str> {
        self.0.transport
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "ProbeTarget(host={}, address={}, port={}, transport={})",
            repr_str(py, &self.0.host),
            repr_opt(py, self.address().as_deref()),
            self.0.port.map_or_else(|| "None".to_owned(), |p| p.to_string()),
            repr_opt(py, self.0.transport)
        )
    }
}

#[pymethods]
impl Evidence {
    /// `sent`, `received` or `note`.
    #[getter]
    fn kind(&self) -> String {
        serde_name(&self.0.kind)
    }

    /// The line.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Evidence(kind={}, text={})",
            repr_str(py, &self.kind()),
            repr_str(py, &self.0.text)
        )
    }
}

#[pymethods]
impl Setting {
    /// The setting, as the file writes it.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// What the file says.
    #[getter]
    fn says(&self) -> &str {
        &self.0.says
    }

    /// Where it is written, when known.
    #[getter]
    fn location(&self) -> Option<Location> {
        location(self.0.location.as_ref())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Setting(name={}, says={})",
            repr_str(py, &self.0.name),
            repr_str(py, &self.0.says)
        )
    }
}

#[pymethods]
impl Observation {
    /// The probe that asked: dns, tls or sip.
    #[getter]
    fn probe(&self) -> &'static str {
        self.0.probe.as_str()
    }

    /// Where the question went.
    #[getter]
    fn target(&self) -> Target {
        Target(self.0.target.clone())
    }

    /// What it is about: a server, a client profile, a user, a route.
    #[getter]
    fn subject(&self) -> Subject {
        Subject(self.0.subject.clone())
    }

    /// The CUPC service it bears on (`login`, `presence`...), if one.
    #[getter]
    fn service(&self) -> Option<String> {
        self.0.service.as_ref().map(serde_name)
    }

    /// One line saying what was asked and what came back.
    #[getter]
    fn summary(&self) -> &str {
        &self.0.summary
    }

    /// ok, failed, refused, timeout, unreachable, tls-error or protocol-error.
    #[getter]
    fn outcome(&self) -> &'static str {
        self.0.outcome.as_str()
    }

    /// How long it took, in milliseconds.
    #[getter]
    fn elapsed_ms(&self) -> u64 {
        u64::try_from(self.0.elapsed.as_millis()).unwrap_or(u64::MAX)
    }

    /// The rule codes it confirms or raises.
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.codes())
    }

    /// The setting of the deployment file it bears on, when there is one.
    #[getter]
    fn setting(&self) -> Option<Setting> {
        self.0.setting.clone().map(Setting)
    }

    /// The exchange, line by line.
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.evidence.iter().cloned().map(Evidence))
    }

    /// The observation as `uclint probe --format json` writes it.
    fn to_json(&self) -> PyResult<String> {
        crate::value::pretty_json(&self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Observation(probe={}, target={}, outcome={}, codes={}, summary={})",
            repr_str(py, self.0.probe.as_str()),
            repr_str(py, &self.0.target.to_string()),
            repr_str(py, self.0.outcome.as_str()),
            crate::value::repr_tuple(py, &self.0.codes()),
            repr_str(py, &self.0.summary)
        )
    }
}

#[pymethods]
impl ProbeReport {
    /// Every observation, in a stable order (probe, target, subject).
    #[getter]
    fn observations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.observations.iter().cloned().map(Observation))
    }

    /// The findings the observations raise, sorted like `check`'s.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.report.findings.iter().cloned().map(Finding))
    }

    /// Counts of the findings by severity.
    #[getter]
    fn summary(&self) -> Summary {
        Summary(self.0.report.summary())
    }

    /// Whether any finding is at or above `severity`, as `uclint probe --fail-on` decides.
    fn fails_at(&self, severity: &str) -> PyResult<bool> {
        let severity = Severity::from_str(severity).map_err(PyValueError::new_err)?;
        Ok(self.0.report.fails_at(severity))
    }

    /// The JSON `uclint probe --format json` prints (without the final newline).
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The findings as SARIF 2.1.0, as `uclint probe --format sarif` prints them.
    fn to_sarif(&self) -> String {
        self.0.to_sarif()
    }

    fn __len__(&self) -> usize {
        self.0.observations.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        self.observations(py)?.try_iter()
    }

    fn __repr__(&self) -> String {
        let s = self.0.report.summary();
        format!(
            "<uclint.ProbeReport: {} observations, {} findings (error={}, warning={}, security={}, info={})>",
            self.0.observations.len(),
            self.0.report.findings.len(),
            s.error,
            s.warning,
            s.security,
            s.info
        )
    }
}

/// The request `probe` and `health(live=True)` make, from their keyword arguments.
pub fn request(
    only: &[String],
    dns_server: Option<&str>,
    public_dns_server: Option<&str>,
    timeout: f64,
    ca: Option<PathBuf>,
    concurrency: usize,
) -> PyResult<ProbeRequest> {
    let only = only
        .iter()
        .map(|p| Probe::from_str(p).map_err(PyValueError::new_err))
        .collect::<PyResult<Vec<_>>>()?;
    let address = |name: &str, value: Option<&str>| {
        value
            .map(|s| SocketAddr::from_str(s).map_err(|_| PyValueError::new_err(format!("{name} `{s}` is not IP:PORT"))))
            .transpose()
    };
    let dns_server = address("dns_server", dns_server)?;
    let public_dns_server = address("public_dns_server", public_dns_server)?;
    if !(timeout > 0.0 && timeout <= 3600.0) {
        return Err(PyValueError::new_err(format!(
            "timeout {timeout} is not a number of seconds between 0 and 3600"
        )));
    }
    Ok(ProbeRequest {
        only,
        dns_server,
        public_dns_server,
        timeout: Duration::from_secs_f64(timeout),
        ca,
        concurrency: concurrency.max(1),
        ..ProbeRequest::default()
    })
}

/// A request that cannot run, as the exception the command line's message deserves.
pub fn request_error(error: RequestError) -> PyErr {
    match error {
        RequestError::UnknownClient { .. } | RequestError::UnknownUser(_) => not_found(error.to_string()),
        RequestError::Ca { .. } => IoError::new_err(error.to_string()),
        RequestError::Start(_) => Error::new_err(error.to_string()),
    }
}

/// Ask the real servers of `deployment` what the core predicts, like `uclint probe`: DNS as each
/// client profile (or `client`) sees it, TLS certificates, SIP (a REGISTER for `user`), LDAP,
/// IMAP, HTTP/WebDAV and Jabber discovery. `only` names probes (`dns`, `tls`, `sip`, `ldap`,
/// `imap`, `http`, `jabber`); `dns_server` is `IP:PORT` (else the system's resolvers), and
/// `public_dns_server` the one Jabber profiles outside the corporate network ask; `timeout` is the longest wait for one
/// step, in seconds; `ca` a PEM bundle to trust instead of the system's roots. Passwords come
/// from `UCLINT_LDAP_PASSWORD`, `UCLINT_USER_PASSWORD` and `UCLINT_CALENDAR_PASSWORD` (a login
/// without one says it was not tried) and never appear in the report; `imap_login` logs in to
/// IMAP as `user`, `allow_plaintext_password` lets a password cross an unencrypted connection.
/// Contacts only the hosts the deployment names. The GIL is released while probing.
#[pyfunction]
#[pyo3(signature = (deployment, *, only = Vec::new(), client = None, user = None, dns_server = None, public_dns_server = None, timeout = 3.0, ca = None, concurrency = 64, imap_login = false, allow_plaintext_password = false))]
#[pyo3(
    text_signature = "(deployment, *, only=(), client=None, user=None, dns_server=None, public_dns_server=None, timeout=3.0, ca=None, concurrency=64, imap_login=False, allow_plaintext_password=False)"
)]
#[allow(clippy::too_many_arguments)]
pub fn probe(
    py: Python<'_>,
    deployment: &Bound<'_, Deployment>,
    only: Vec<String>,
    client: Option<String>,
    user: Option<String>,
    dns_server: Option<String>,
    public_dns_server: Option<String>,
    timeout: f64,
    ca: Option<PathBuf>,
    concurrency: usize,
    imap_login: bool,
    allow_plaintext_password: bool,
) -> PyResult<ProbeReport> {
    let mut request = request(
        &only,
        dns_server.as_deref(),
        public_dns_server.as_deref(),
        timeout,
        ca,
        concurrency,
    )?;
    request.client = client;
    request.user = user;
    request.imap_login = imap_login;
    request.allow_plaintext_password = allow_plaintext_password;
    let loaded = deployment.get();
    request.secrets = uclint_probe::Secrets::gather(&request, &loaded.deployment, None);
    py.detach(|| uclint_probe::probe(&loaded.deployment, &request, &NoProgress))
        .map(ProbeReport)
        .map_err(request_error)
}
