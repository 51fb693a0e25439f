//! Every rule over a deployment: `check` (the one check pipeline the command line runs), its
//! `Report` of findings, and the JSON and SARIF the command line writes for it.

use std::hash::{Hash, Hasher};
use std::str::FromStr;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyTuple};
use uclint_core::catalogue::RuleId;
use uclint_core::pipeline::{self, CheckRequest, Checked};
use uclint_core::report::{
    Finding as CoreFinding, Fix as CoreFix, PluginOutput as CorePluginOutput, Severity, Skipped as CoreSkipped,
    Subject as CoreSubject, Summary as CoreSummary,
};

use crate::deployment::Deployment;
use crate::errors::not_found;
use crate::location::{Location, location};
use crate::value::{class_tuple, hash_by_value, hash_serialized, repr_str, serde_name};

/// Implement `Hash` through the serialized form (for values without a derived `Hash`).
/// One way to fix a finding, with what it costs.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix(pub CoreFix);

#[pymethods]
impl Fix {
    /// What to do.
    #[getter]
    fn action(&self) -> &str {
        &self.0.action
    }

    /// What it costs, in security, effort or features.
    #[getter]
    fn tradeoff(&self) -> &str {
        &self.0.tradeoff
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Fix(action={}, tradeoff={})",
            repr_str(py, &self.0.action),
            repr_str(py, &self.0.tradeoff)
        )
    }
}

/// What a finding is about: a kind (server, user, client, ...) and a name.
#[pyclass(module = "uclint", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Subject(pub CoreSubject);

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl Subject {
    /// The kind of thing, as JSON writes it: deployment, server, user, client, sip-proxy, route,
    /// domain, ldap, voicemail or calendar.
    #[getter]
    fn kind(&self) -> String {
        serde_name(&self.0.kind)
    }

    /// Its name: node name, user id, client id, route pattern...
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Subject(kind={}, name={})",
            repr_str(py, &self.kind()),
            repr_str(py, &self.0.name)
        )
    }
}

/// One finding: a rule's code, severity, message, subject, location and fixes.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding(pub CoreFinding);

#[pymethods]
impl Finding {
    /// The rule's code, e.g. "PRS001".
    #[getter]
    fn code(&self) -> &str {
        self.0.code.as_str()
    }

    /// error, warning, security or info.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// What is wrong, specifically.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// What it is about.
    #[getter]
    fn subject(&self) -> Subject {
        Subject(self.0.subject.clone())
    }

    /// Where the item at fault was written, when known.
    #[getter]
    fn location(&self) -> Option<Location> {
        location(self.0.location.as_ref())
    }

    /// Fixes, best first.
    #[getter]
    fn fixes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.fixes.iter().cloned().map(Fix))
    }

    /// The finding as the JSON report writes it.
    fn to_json(&self) -> PyResult<String> {
        crate::value::pretty_json(&self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Finding(code={}, severity={}, subject={}, message={})",
            repr_str(py, self.0.code.as_str()),
            repr_str(py, self.0.severity.as_str()),
            repr_str(py, &self.0.subject.to_string()),
            repr_str(py, &self.0.message)
        )
    }
}

/// A rule that stayed silent because the deployment does not give what it needs.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped(pub CoreSkipped);

#[pymethods]
impl Skipped {
    /// The rule's code.
    #[getter]
    fn code(&self) -> &str {
        self.0.code.as_str()
    }

    /// What data it lacked.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Skipped(code={}, reason={})",
            repr_str(py, self.0.code.as_str()),
            repr_str(py, &self.0.reason)
        )
    }
}

/// Counts of findings by severity.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary(pub CoreSummary);

#[pymethods]
impl Summary {
    /// Errors.
    #[getter]
    fn error(&self) -> usize {
        self.0.error
    }

    /// Warnings.
    #[getter]
    fn warning(&self) -> usize {
        self.0.warning
    }

    /// Security findings.
    #[getter]
    fn security(&self) -> usize {
        self.0.security
    }

    /// Advice.
    #[getter]
    fn info(&self) -> usize {
        self.0.info
    }

    fn __repr__(&self) -> String {
        let s = &self.0;
        format!(
            "Summary(error={}, warning={}, security={}, info={})",
            s.error, s.warning, s.security, s.info
        )
    }
}

/// Everything one check found: findings in a stable order, and the rules that stayed silent.
#[pyclass(module = "uclint", frozen, eq, hash, sequence)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report(pub Checked);

/// What a plugin printed to stdout and stderr while it ran (captured by the sandbox, capped).
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginOutput(pub CorePluginOutput);

hash_by_value!(Fix, Finding, Skipped, Summary, PluginOutput);

impl Hash for Report {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_serialized(&self.0.report).hash(state);
    }
}

#[pymethods]
impl PluginOutput {
    /// The plugin's file name.
    #[getter]
    fn plugin(&self) -> &str {
        &self.0.plugin
    }

    /// What it wrote to stdout.
    #[getter]
    fn stdout(&self) -> &str {
        &self.0.stdout
    }

    /// What it wrote to stderr (a panic's message lands here).
    #[getter]
    fn stderr(&self) -> &str {
        &self.0.stderr
    }

    /// Bytes written past the cap, dropped.
    #[getter]
    fn dropped_bytes(&self) -> u64 {
        self.0.dropped_bytes
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "PluginOutput(plugin={}, stdout={}, stderr={}, dropped_bytes={})",
            repr_str(py, &self.0.plugin),
            repr_str(py, &self.0.stdout),
            repr_str(py, &self.0.stderr),
            self.0.dropped_bytes
        )
    }
}

#[pymethods]
impl Report {
    /// The findings, by file, line, column, then code.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.report.findings.iter().cloned().map(Finding))
    }

    /// Rules that could not run for lack of data.
    #[getter]
    fn skipped<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.report.skipped.iter().cloned().map(Skipped))
    }

    /// What each plugin that printed anything printed.
    #[getter]
    fn plugin_output<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.report.plugin_output.iter().cloned().map(PluginOutput))
    }

    /// Counts by severity.
    #[getter]
    fn summary(&self) -> Summary {
        Summary(self.0.report.summary())
    }

    /// Whether any finding is at or above `severity` (error, warning, security or info), as
    /// `uclint check --fail-on` decides the exit status.
    fn fails_at(&self, severity: &Bound<'_, PyAny>) -> PyResult<bool> {
        let text: String = severity.extract()?;
        let severity = Severity::from_str(&text).map_err(PyValueError::new_err)?;
        Ok(self.0.report.fails_at(severity))
    }

    /// The JSON report, the same text as `uclint check --format json` (without the final newline).
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The SARIF 2.1.0 log, the same text as `uclint check --format sarif` (without the final
    /// newline).
    fn to_sarif(&self) -> String {
        self.0.to_sarif()
    }

    fn __len__(&self) -> usize {
        self.0.report.findings.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.findings(py)?.try_iter()
    }

    fn __repr__(&self) -> String {
        let report = &self.0.report;
        let s = report.summary();
        format!(
            "<uclint.Report: {} findings (error={}, warning={}, security={}, info={}), {} rules skipped>",
            report.findings.len(),
            s.error,
            s.warning,
            s.security,
            s.info,
            report.skipped.len()
        )
    }
}

/// Rule codes from Python strings, built-in or a plugin's (`X-VENDOR-...`); an unknown built-in
/// one is a `NotFoundError` ("unknown rule code `X`").
pub fn rule_ids(texts: &[String]) -> PyResult<Vec<RuleId>> {
    texts
        .iter()
        .map(|t| {
            t.parse()
                .map_err(|e: uclint_core::catalogue::UnknownCode| not_found(e.to_string()))
        })
        .collect()
}

/// Run every rule over `deployment`, then each plugin in `plugins` (a path, or a
/// `(path, {setting: value})` pair) and each plugin the deployment lists, like `uclint check
/// --plugin` (dangling references found while loading become TOPO003 findings; a plugin that
/// fails or misbehaves becomes a PLUGIN finding). `select` keeps only these codes, `ignore`
/// drops these; both take plugin codes. A plugin's failure is kept whenever one of its rules is
/// selected.
#[pyfunction]
#[pyo3(signature = (deployment, plugins = Vec::new(), select = Vec::new(), ignore = Vec::new()))]
#[pyo3(text_signature = "(deployment, plugins=(), select=(), ignore=())")]
pub fn check(
    py: Python<'_>,
    deployment: &Bound<'_, Deployment>,
    plugins: Vec<Bound<'_, PyAny>>,
    select: Vec<String>,
    ignore: Vec<String>,
) -> PyResult<Report> {
    let loaded = deployment.get();
    let request = CheckRequest {
        select: rule_ids(&select)?,
        ignore: rule_ids(&ignore)?,
        plugins: crate::plugins::specs(&plugins)?,
        plugin_dir: loaded.plugin_dir.clone(),
        ..CheckRequest::default()
    };
    let sandbox = crate::plugins::sandbox();
    py.detach(|| pipeline::check(&loaded.deployment, &loaded.references, &request, Some(&sandbox)))
        .map(Report)
        .map_err(|e| not_found(e.to_string()))
}
