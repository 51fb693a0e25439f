//! Loading a deployment: from a file (with the files it refers to beside it, as the command line
//! reads them), from TOML, JSON or YAML text, or from a Python mapping.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use uclint_core::dns::Resolver;
use uclint_core::model::{Deployment as CoreDeployment, Format, LoadError, Problem as CoreProblem};
use uclint_core::source::NoFiles;

use crate::errors::{load_error, not_found};
use crate::model::{Client, Server, User};
use crate::problem::Problem;
use crate::value::{class_tuple, repr_opt};

/// A loaded deployment. Immutable: share one between threads freely.
#[pyclass(module = "uclint", frozen)]
pub struct Deployment {
    /// The deployment, shared with the plugins a check runs (never copied for them).
    pub deployment: Arc<CoreDeployment>,
    /// Dangling references found while loading; `check` reports them as TOPO003 findings.
    pub references: Vec<CoreProblem>,
    /// The name locations carry for the main file.
    file: String,
    /// The folder the deployment's own plugin paths are relative to (the file's; the current
    /// folder for text).
    pub plugin_dir: PathBuf,
}

impl Deployment {
    /// The deployment's DNS data as a resolver, when it describes any (as the command line does).
    pub fn dns(&self) -> Option<&dyn Resolver> {
        self.deployment
            .has_dns()
            .then_some(&self.deployment.dns_view as &dyn Resolver)
    }

    /// The client profile `id`, or the command line's message listing those that exist.
    pub fn client(&self, id: &str) -> PyResult<&uclint_core::model::Client> {
        self.deployment.client(id).ok_or_else(|| {
            let known: Vec<&str> = self.deployment.clients.iter().map(|c| c.id.as_str()).collect();
            not_found(format!(
                "no client profile `{id}` in the deployment; expected one of: {}",
                known.join(", ")
            ))
        })
    }

    /// The user `id`, or the command line's message.
    pub fn user(&self, id: &str) -> PyResult<&uclint_core::model::User> {
        self.deployment
            .user(id)
            .ok_or_else(|| not_found(format!("no user `{id}` in the deployment")))
    }
}

impl Deployment {
    /// Load the file at `path` (format from its extension), as `Deployment.load` does.
    pub fn from_path(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let name = path.display().to_string();
        let loaded = py.detach(|| CoreDeployment::load_file_with_references(&path, None, "format="));
        finish(py, loaded, name, false)
    }
}

/// Text in, a deployment or a Python exception out.
fn finish(
    py: Python<'_>,
    loaded: Result<(CoreDeployment, Vec<CoreProblem>), LoadError>,
    file: String,
    strict: bool,
) -> PyResult<Deployment> {
    let (deployment, references) = loaded.map_err(|e| load_error(py, e))?;
    if strict && !references.is_empty() {
        return Err(load_error(py, LoadError { problems: references }));
    }
    let plugin_dir = Path::new(&file).parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Deployment {
        deployment: Arc::new(deployment),
        references,
        file,
        plugin_dir,
    })
}

/// Load `text` with the GIL released.
fn from_text(
    py: Python<'_>,
    text: String,
    format: Format,
    name: String,
    files: Option<BTreeMap<String, String>>,
    strict: bool,
) -> PyResult<Deployment> {
    let loaded = py.detach(|| match &files {
        Some(files) => CoreDeployment::load_with_references(&text, format, &name, files),
        None => CoreDeployment::load_with_references(&text, format, &name, &NoFiles),
    });
    finish(py, loaded, name, strict)
}

#[pymethods]
impl Deployment {
    /// Load the deployment file at `path` (format from the extension, or `format`), reading the
    /// files it refers to (users CSV, zone files, hosts files) relative to its folder, as
    /// `uclint check PATH` does. With `strict`, dangling references raise
    /// `DanglingReferenceError` (as `uclint route` and `uclint resolve` do); without, `check`
    /// reports them as TOPO003 findings.
    #[staticmethod]
    #[pyo3(signature = (path, *, format = None, strict = false))]
    fn load(py: Python<'_>, path: PathBuf, format: Option<String>, strict: bool) -> PyResult<Self> {
        let name = path.display().to_string();
        let format = format
            .map(|f| Format::from_str(&f).map_err(|e| PyValueError::new_err(e.to_string())))
            .transpose()?;
        let loaded = py.detach(|| CoreDeployment::load_file_with_references(&path, format, "format="));
        finish(py, loaded, name, strict)
    }

    /// Load a deployment from TOML text. `name` is the file name messages and locations carry;
    /// `files` maps the paths the deployment refers to (users CSV, zone files, hosts files) to
    /// their text.
    #[staticmethod]
    #[pyo3(signature = (text, *, name = "<string>".to_owned(), files = None, strict = false))]
    #[pyo3(text_signature = "(text, *, name='<string>', files=None, strict=False)")]
    fn from_toml(
        py: Python<'_>,
        text: String,
        name: String,
        files: Option<BTreeMap<String, String>>,
        strict: bool,
    ) -> PyResult<Self> {
        from_text(py, text, Format::Toml, name, files, strict)
    }

    /// Load a deployment from JSON text (the same schema); arguments as `from_toml`.
    #[staticmethod]
    #[pyo3(signature = (text, *, name = "<string>".to_owned(), files = None, strict = false))]
    #[pyo3(text_signature = "(text, *, name='<string>', files=None, strict=False)")]
    fn from_json(
        py: Python<'_>,
        text: String,
        name: String,
        files: Option<BTreeMap<String, String>>,
        strict: bool,
    ) -> PyResult<Self> {
        from_text(py, text, Format::Json, name, files, strict)
    }

    /// Load a deployment from YAML text (the same schema); arguments as `from_toml`.
    #[staticmethod]
    #[pyo3(signature = (text, *, name = "<string>".to_owned(), files = None, strict = false))]
    #[pyo3(text_signature = "(text, *, name='<string>', files=None, strict=False)")]
    fn from_yaml(
        py: Python<'_>,
        text: String,
        name: String,
        files: Option<BTreeMap<String, String>>,
        strict: bool,
    ) -> PyResult<Self> {
        from_text(py, text, Format::Yaml, name, files, strict)
    }

    /// Load a deployment from a mapping of the same schema (as `json.loads` of a JSON deployment
    /// gives). It is written out as indented JSON with Python's `json` module and loaded as JSON
    /// named `name`: locations point into that text, and each message names the key path.
    #[staticmethod]
    #[pyo3(signature = (mapping, *, name = "<dict>".to_owned(), files = None, strict = false))]
    #[pyo3(text_signature = "(mapping, *, name='<dict>', files=None, strict=False)")]
    fn from_dict(
        py: Python<'_>,
        mapping: &Bound<'_, PyAny>,
        name: String,
        files: Option<BTreeMap<String, String>>,
        strict: bool,
    ) -> PyResult<Self> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("indent", 2)?;
        let text: String = py
            .import("json")?
            .call_method("dumps", (mapping,), Some(&kwargs))?
            .extract()?;
        from_text(py, text, Format::Json, name, files, strict)
    }

    /// The file name locations in the main file carry.
    #[getter]
    fn file(&self) -> &str {
        &self.file
    }

    /// The deployment's name, if it has one.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.deployment.name.as_deref()
    }

    /// The corporate DNS domain, if given.
    #[getter]
    fn domain(&self) -> Option<&str> {
        self.deployment.domain.as_deref()
    }

    /// The SIP proxy domain (Proxy Domain service parameter), `None` when unset.
    #[getter]
    fn proxy_domain(&self) -> Option<&str> {
        self.deployment.sip_proxy.proxy_domain.as_deref()
    }

    /// Whether the deployment describes DNS data (zone files or inline records).
    #[getter]
    fn has_dns(&self) -> bool {
        self.deployment.has_dns()
    }

    /// Every server, in file order.
    #[getter]
    fn servers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.deployment.servers.iter().cloned().map(Server))
    }

    /// Every client profile, in file order.
    #[getter]
    fn clients<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.deployment.clients.iter().cloned().map(Client))
    }

    /// Every user: those written inline, then those of the users CSV.
    #[getter]
    fn users<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.deployment.users.iter().cloned().map(User))
    }

    /// Dangling references found while loading (reported by `check` as TOPO003).
    #[getter]
    fn references<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        class_tuple(py, self.references.iter().cloned().map(Problem))
    }

    /// The server with this node name; `NotFoundError` when there is none.
    fn server(&self, node_name: &str) -> PyResult<Server> {
        self.deployment
            .server(node_name)
            .cloned()
            .map(Server)
            .ok_or_else(|| not_found(format!("no server with node name `{node_name}` in the deployment")))
    }

    /// The user with this CUCM id; `NotFoundError` when there is none.
    #[pyo3(name = "user")]
    fn py_user(&self, cucm_id: &str) -> PyResult<User> {
        self.user(cucm_id).cloned().map(User)
    }

    /// The client profile with this id; `NotFoundError` when there is none.
    #[pyo3(name = "client")]
    fn py_client(&self, id: &str) -> PyResult<Client> {
        self.client(id).cloned().map(Client)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let d = &self.deployment;
        format!(
            "<uclint.Deployment {} from {}: {} servers, {} client profiles, {} users>",
            repr_opt(py, d.name.as_deref()),
            crate::value::repr_str(py, &self.file),
            d.servers.len(),
            d.clients.len(),
            d.users.len()
        )
    }
}
