//! SPEC §3 over a deployment: `check`, its `Report` of findings, and the JSON and SARIF the
//! command line writes for it.

use std::hash::{Hash, Hasher};
use std::str::FromStr;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyTuple};
use uclint_core::model::Problem as CoreProblem;
use uclint_core::report::sarif::RuleDescription;
use uclint_core::report::{
    Finding as CoreFinding, Fix as CoreFix, Report as CoreReport, Severity, Skipped as CoreSkipped,
    Subject as CoreSubject, Summary as CoreSummary, json, sarif,
};
use uclint_core::rules::{Code, Options, registry};
use uclint_core::source::Location as CoreLocation;

use crate::deployment::Deployment;
use crate::errors::not_found;
use crate::value::{class_tuple, hash_serialized, repr_str, serde_name};

/// Implement `Hash` through the serialized form (for values without a derived `Hash`).
macro_rules! hash_by_value {
    ($($t:ty),*) => {$(
        impl Hash for $t {
            fn hash<H: Hasher>(&self, state: &mut H) {
                hash_serialized(&self.0).hash(state);
            }
        }
    )*};
}

/// Where something was written: file, line and column (1-based).
#[pyclass(module = "uclint", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location(pub CoreLocation);

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl Location {
    /// The file name as given.
    #[getter]
    fn file(&self) -> &str {
        &self.0.file
    }

    /// Line number, from 1.
    #[getter]
    fn line(&self) -> u32 {
        self.0.line
    }

    /// Column number in characters, from 1.
    #[getter]
    fn column(&self) -> u32 {
        self.0.column
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Location(file={}, line={}, column={})",
            repr_str(py, &self.0.file),
            self.0.line,
            self.0.column
        )
    }
}

/// A location as an optional Python object.
pub fn location(location: Option<&CoreLocation>) -> Option<Location> {
    location.cloned().map(Location)
}

/// One problem that stopped a deployment from loading.
#[pyclass(module = "uclint", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub CoreProblem);

impl From<CoreProblem> for Problem {
    fn from(problem: CoreProblem) -> Self {
        Self(problem)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl Problem {
    /// What kind of problem: syntax, type, unknown-key, missing-key, dangling-reference,
    /// duplicate, file, dns or empty.
    #[getter]
    fn kind(&self) -> String {
        serde_name(&self.0.kind)
    }

    /// What went wrong, naming what was expected (the command line's `error:` line).
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// A suggestion such as "did you mean `home_node`?".
    #[getter]
    fn help(&self) -> Option<&str> {
        self.0.help.as_deref()
    }

    /// Where, when known.
    #[getter]
    fn location(&self) -> Option<Location> {
        location(self.0.location.as_ref())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Problem(kind={}, message={}, location={})",
            repr_str(py, &self.kind()),
            repr_str(py, &self.0.message),
            self.0
                .location
                .as_ref()
                .map_or_else(|| "None".to_owned(), |l| Location(l.clone()).__repr__(py))
        )
    }
}

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
        &self.0.code
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
            repr_str(py, &self.0.code),
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
        &self.0.code
    }

    /// What data it lacked.
    #[getter]
    fn reason(&self) -> &str {
        &self.0.reason
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Skipped(code={}, reason={})",
            repr_str(py, &self.0.code),
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
pub struct Report(pub CoreReport, pub Vec<RuleDescription>);

hash_by_value!(Problem, Fix, Finding, Skipped, Summary, Report);

#[pymethods]
impl Report {
    /// The findings, by file, line, column, then code.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.findings.iter().cloned().map(Finding))
    }

    /// Rules that could not run for lack of data.
    #[getter]
    fn skipped<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.0.skipped.iter().cloned().map(Skipped))
    }

    /// Counts by severity.
    #[getter]
    fn summary(&self) -> Summary {
        Summary(self.0.summary())
    }

    /// Whether any finding is at or above `severity` (error, warning, security or info), as
    /// `uclint check --fail-on` decides the exit status.
    fn fails_at(&self, severity: &Bound<'_, PyAny>) -> PyResult<bool> {
        let text: String = severity.extract()?;
        let severity = Severity::from_str(&text).map_err(PyValueError::new_err)?;
        Ok(self.0.fails_at(severity))
    }

    /// The JSON report, the same text as `uclint check --format json` (without the final newline).
    fn to_json(&self) -> String {
        json::render(&self.0)
    }

    /// The SARIF 2.1.0 log, the same text as `uclint check --format sarif` (without the final
    /// newline).
    fn to_sarif(&self) -> String {
        let mut rules = registry::sarif_rules();
        rules.extend(self.1.iter().cloned());
        sarif::render(&self.0, &rules, env!("CARGO_PKG_VERSION"))
    }

    fn __len__(&self) -> usize {
        self.0.findings.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.findings(py)?.try_iter()
    }

    fn __repr__(&self) -> String {
        let s = self.0.summary();
        format!(
            "<uclint.Report: {} findings (error={}, warning={}, security={}, info={}), {} rules skipped>",
            self.0.findings.len(),
            s.error,
            s.warning,
            s.security,
            s.info,
            self.0.skipped.len()
        )
    }
}

/// Rule codes from Python strings; an unknown one is a `NotFoundError` ("unknown rule code `X`").
pub fn codes(texts: Vec<String>) -> PyResult<Vec<Code>> {
    texts
        .iter()
        .map(|t| Code::from_str(t).map_err(|e| not_found(e.to_string())))
        .collect()
}

/// Run every rule of SPEC §3 over `deployment`, then each plugin in `plugins` (a path, or a
/// `(path, {setting: value})` pair), like `uclint check --plugin` (dangling references found
/// while loading become TOPO003 findings; a plugin that fails or misbehaves becomes a PLUGIN
/// finding). `select` keeps only these codes, `ignore` drops these; both take plugin codes.
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
    let specs = crate::plugins::specs(&plugins)?;
    let (select_builtin, select_plugin) = split_codes(select.clone())?;
    let (ignore_builtin, _) = split_codes(ignore.clone())?;
    let options = Options {
        select: select_builtin,
        ignore: ignore_builtin,
    };
    // Only plugin codes selected: no built-in rule runs.
    let plugins_only = !select_plugin.is_empty() && options.select.is_empty();
    let loaded = deployment.get();
    let host = if specs.is_empty() {
        None
    } else {
        Some(crate::plugins::host()?)
    };
    let checked = py.detach(|| {
        let mut report = if plugins_only {
            CoreReport::default()
        } else {
            uclint_core::rules::check(&loaded.deployment, &loaded.references, &options)
        };
        let mut run = match &host {
            Some(host) => host.run_all(&std::sync::Arc::new(loaded.deployment.clone()), &specs),
            None => uclint_plugin_host::PluginRun::default(),
        };
        run.select(&select, &ignore)?;
        report.findings.append(&mut run.findings);
        report.sort();
        Ok::<_, String>(Report(report, run.rules))
    });
    checked.map_err(not_found)
}

/// Built-in codes and plugin codes (`X-VENDOR-...`), each checked.
fn split_codes(texts: Vec<String>) -> PyResult<(Vec<Code>, Vec<String>)> {
    let (plugin, builtin): (Vec<String>, Vec<String>) = texts.into_iter().partition(|t| t.starts_with("X-"));
    Ok((codes(builtin)?, plugin))
}
