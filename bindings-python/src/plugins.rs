//! Third-party rule plugins from Python: which plugins a check runs, and `load_plugin` to
//! inspect one (what `uclint plugin info` shows). Running them is the plugin host's job.

use std::collections::BTreeMap;
use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyTuple};
use uclint_core::pipeline::PluginSpec;
use uclint_plugin_host::{Cache, Limits, PluginHost, PluginRule as HostRule, Sandbox};

use crate::errors::PluginError;
use crate::value::{class_tuple, repr_str};

/// The sandbox a check runs plugins in: default limits, compiled code cached like the CLI's.
pub fn sandbox() -> Sandbox {
    Sandbox {
        limits: Limits::default(),
        cache: Cache::default_dir().map(Cache::new),
    }
}

/// The host `load_plugin` inspects a plugin in, the same as a check's.
fn host() -> PyResult<PluginHost> {
    let sandbox = sandbox();
    PluginHost::new(sandbox.limits, sandbox.cache).map_err(|failure| PluginError::new_err(failure.reason))
}

/// `plugins=` items: a path, or a `(path, {setting: value})` pair.
pub fn specs(items: &[Bound<'_, PyAny>]) -> PyResult<Vec<PluginSpec>> {
    items
        .iter()
        .map(|item| {
            if let Ok(pair) = item.cast::<PyTuple>() {
                if pair.len() != 2 {
                    return Err(PyTypeError::new_err("a plugin is a path or a (path, config) pair"));
                }
                let path: PathBuf = pair.get_item(0)?.extract()?;
                let mapping = pair.get_item(1)?;
                let mapping = mapping
                    .cast::<PyMapping>()
                    .map_err(|_| PyTypeError::new_err("a plugin's config is a mapping of str to str"))?;
                let mut config = BTreeMap::new();
                for entry in mapping.items()?.iter() {
                    let (key, value): (String, String) = entry
                        .extract()
                        .map_err(|_| PyTypeError::new_err("a plugin's config is a mapping of str to str"))?;
                    config.insert(key, value);
                }
                Ok(PluginSpec {
                    path,
                    config,
                    origin: None,
                })
            } else {
                let path: PathBuf = item.extract().map_err(|_| {
                    PyTypeError::new_err("a plugin is a path (str or os.PathLike) or a (path, config) pair")
                })?;
                Ok(PluginSpec::path(path))
            }
        })
        .collect()
}

/// One rule a plugin declares.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PluginRule {
    /// `X-VENDOR-NAME`.
    #[pyo3(get)]
    code: String,
    /// Default severity.
    #[pyo3(get)]
    severity: &'static str,
    /// One line.
    #[pyo3(get)]
    title: String,
    /// What it checks.
    #[pyo3(get)]
    summary: String,
    /// The rule's page in Markdown.
    #[pyo3(get)]
    page: String,
}

#[pymethods]
impl PluginRule {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "PluginRule(code={}, severity={}, title={})",
            repr_str(py, &self.code),
            repr_str(py, self.severity),
            repr_str(py, &self.title)
        )
    }
}

impl From<&HostRule> for PluginRule {
    fn from(rule: &HostRule) -> Self {
        Self {
            code: rule.code.clone(),
            severity: rule.severity.as_str(),
            title: rule.title.clone(),
            summary: rule.summary.clone(),
            page: rule.page(),
        }
    }
}

/// A plugin loaded in the sandbox: its name, namespace and rules.
#[pyclass(module = "uclint", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Plugin {
    /// The file name.
    #[pyo3(get)]
    name: String,
    /// `X-VENDOR`.
    #[pyo3(get)]
    namespace: String,
    /// The contract it was built for, `uclint:rule@0.2.0` (older ones still load).
    #[pyo3(get)]
    contract: &'static str,
    rules: Vec<PluginRule>,
}

#[pymethods]
impl Plugin {
    /// Its rules.
    #[getter]
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.rules.iter().cloned())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Plugin(name={}, namespace={}, rules={})",
            repr_str(py, &self.name),
            repr_str(py, &self.namespace),
            self.rules.len()
        )
    }
}

/// Load a plugin in the sandbox and describe it, like `uclint plugin info`. Raises
/// `PluginError` when it cannot be loaded (not a component, an unknown contract version,
/// invalid rules...), with the command line's message.
#[pyfunction]
pub fn load_plugin(py: Python<'_>, path: PathBuf) -> PyResult<Plugin> {
    let host = host()?;
    let plugin = py
        .detach(|| host.load(&path))
        .map_err(|failure| PluginError::new_err(format!("plugin `{}`: {}", path.display(), failure.reason)))?;
    Ok(Plugin {
        name: plugin.name.clone(),
        namespace: plugin.namespace.clone(),
        contract: plugin.contract(),
        rules: plugin.rules.iter().map(PluginRule::from).collect(),
    })
}
