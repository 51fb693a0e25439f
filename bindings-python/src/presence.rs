//! The presence address: the presence address CUPC registers to, one at a time or in batches.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};
use uclint_core::derive::presence::{
    PresenceAddress as CorePresence, Verdict, presence_address as derive, presence_address_resolved as derive_resolved,
};

use uclint_core::dns::DnsView;

use crate::deployment::Deployment;
use crate::value::{new_leaf, pretty_json, repr_opt, repr_str, repr_tuple, str_tuple};

/// The presence address answer: the address, registration URI, method, verdict, rule codes and the steps taken.
///
/// Holds the core's compact result; `codes` and `steps` are made when read.
#[pyclass(module = "uclint", frozen, eq, hash, str)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceAddress(pub CorePresence);

impl Hash for PresenceAddress {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let p = &self.0;
        (p.node(), p.domain(), p.address(), p.uri(), p.method(), p.verdict()).hash(state);
        p.codes().hash(state);
    }
}

impl std::fmt::Display for PresenceAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.address())
    }
}

#[pymethods]
impl PresenceAddress {
    /// The node name (Presence.Primary.Address) as given.
    #[getter]
    fn node(&self) -> &str {
        self.0.node()
    }

    /// The proxy domain as given; `None` when unset.
    #[getter]
    fn domain(&self) -> Option<&str> {
        self.0.domain()
    }

    /// The domain CUPC used: the proxy domain, or `PROXY_DOMAIN_NOT_SET`.
    #[getter]
    fn effective_domain(&self) -> &str {
        self.0.effective_domain()
    }

    /// The presence address.
    #[getter]
    fn address(&self) -> &str {
        self.0.address()
    }

    /// The registration URI `user@address`, when a user was given.
    #[getter]
    fn uri(&self) -> Option<String> {
        self.0.uri()
    }

    /// How the address was formed: ip, as-configured or appended.
    #[getter]
    fn method(&self) -> &'static str {
        self.0.method().as_str()
    }

    /// Whether CUPC can register to it: usable, unusable or unresolved.
    #[getter]
    fn verdict(&self) -> &'static str {
        self.0.verdict().as_str()
    }

    /// Whether the verdict is usable.
    #[getter]
    fn usable(&self) -> bool {
        self.0.verdict() == Verdict::Usable
    }

    /// The rule codes behind the verdict and warnings about the inputs (PRS001-PRS005).
    #[getter]
    fn codes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.codes().iter().map(|c| c.as_str()))
    }

    /// The explanation: one sentence per step taken.
    #[getter]
    fn steps<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.steps())
    }

    /// The addresses the deployment's DNS data gave, when it was asked and answered.
    #[getter]
    fn resolved_addresses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        str_tuple(py, self.0.resolved_addresses().iter().map(ToString::to_string))
    }

    /// The derivation as JSON, the same text as `uclint derive presence-address --format json`
    /// (without the final newline).
    fn to_json(&self) -> PyResult<String> {
        pretty_json(&self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let p = &self.0;
        let codes: Vec<&str> = p.codes().iter().map(|c| c.as_str()).collect();
        format!(
            "PresenceAddress(node={}, domain={}, address={}, uri={}, method={}, verdict={}, codes={})",
            repr_str(py, p.node()),
            repr_opt(py, p.domain()),
            repr_str(py, p.address()),
            repr_opt(py, p.uri().as_deref()),
            repr_str(py, p.method().as_str()),
            repr_str(py, p.verdict().as_str()),
            repr_tuple(py, &codes)
        )
    }
}

/// Derive the presence address (docs/derivations/presence-address.md) from `node` (Presence.Primary.Address), `domain` (the
/// proxy domain; `None` or "" is unset: CUPC then uses `PROXY_DOMAIN_NOT_SET`) and `user` (for
/// the registration URI). With `deployment`, a usable name is also looked up in the deployment's
/// DNS data (the verdict may then be `unresolved`), as `uclint derive presence-address -c`.
#[pyfunction]
#[pyo3(signature = (node, domain = None, user = None, *, deployment = None))]
pub fn presence_address<'py>(
    py: Python<'py>,
    node: String,
    domain: Option<String>,
    user: Option<String>,
    deployment: Option<&Bound<'py, Deployment>>,
) -> PyResult<Bound<'py, PresenceAddress>> {
    let (domain, user) = (domain.as_deref(), user.as_deref());
    let result = match deployment {
        Some(d) => derive_resolved(&node, domain, user, &d.get().deployment.dns_view),
        None => derive(&node, domain, user),
    };
    new_leaf(py, PresenceAddress(result))
}

/// How many inputs are gathered, then derived with the GIL released, at a time.
const CHUNK: usize = 1024;

/// The inputs of one derivation, as ranges of the chunk's text buffer.
struct Inputs {
    node: Range<usize>,
    domain: Option<Range<usize>>,
    user: Option<Range<usize>>,
}

/// One chunk's inputs: every string copied into one buffer (no allocation per string), reusing
/// the range of the domain object seen just before (batches usually repeat one domain object).
/// Reused from chunk to chunk, so a batch of any size needs no large temporary buffers.
struct Chunk<'py> {
    text: String,
    inputs: Vec<Inputs>,
    last_domain: Option<(Bound<'py, PyAny>, Option<Range<usize>>)>,
    results: Vec<CorePresence>,
}

impl<'py> Chunk<'py> {
    fn new() -> Self {
        Self {
            text: String::with_capacity(CHUNK * 32),
            inputs: Vec::with_capacity(CHUNK),
            last_domain: None,
            results: Vec::with_capacity(CHUNK),
        }
    }

    fn push_str(&mut self, value: &Bound<'py, PyAny>, index: usize, what: &str) -> PyResult<Range<usize>> {
        let s = value.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "presence_addresses: item {index}: the {what} must be a str, not {}",
                value
                    .get_type()
                    .name()
                    .map_or_else(|_| "?".to_owned(), |n| n.to_string())
            ))
        })?;
        let start = self.text.len();
        self.text.push_str(&s.to_cow()?);
        Ok(start..self.text.len())
    }

    fn push_opt(&mut self, value: &Bound<'py, PyAny>, index: usize, what: &str) -> PyResult<Option<Range<usize>>> {
        if value.is_none() {
            Ok(None)
        } else {
            self.push_str(value, index, what).map(Some)
        }
    }

    /// Gather item number `index`.
    fn push(&mut self, item: &Bound<'py, PyAny>, index: usize) -> PyResult<()> {
        let tuple = item
            .cast::<PyTuple>()
            .ok()
            .filter(|t| matches!(t.len(), 2 | 3))
            .ok_or_else(|| {
                PyTypeError::new_err(format!(
                    "presence_addresses: item {index} must be a (node, domain) or (node, domain, user) tuple"
                ))
            })?;
        let node = self.push_str(&tuple.get_item(0)?, index, "node")?;
        let domain_obj = tuple.get_item(1)?;
        let domain = match &self.last_domain {
            Some((last, range)) if last.is(&domain_obj) => range.clone(),
            _ => {
                let range = self.push_opt(&domain_obj, index, "domain")?;
                self.last_domain = Some((domain_obj, range.clone()));
                range
            }
        };
        let user = match tuple.len() {
            3 => self.push_opt(&tuple.get_item(2)?, index, "user")?,
            _ => None,
        };
        self.inputs.push(Inputs { node, domain, user });
        Ok(())
    }

    /// Derive the gathered inputs with the GIL released, append one object per answer to
    /// `objects`, and empty the chunk for the next one.
    fn flush(
        &mut self,
        py: Python<'py>,
        dns: Option<&DnsView>,
        objects: &mut Vec<Bound<'py, PresenceAddress>>,
    ) -> PyResult<()> {
        let (text, inputs, results) = (&self.text, &self.inputs, &mut self.results);
        py.detach(|| {
            let at = |range: &Range<usize>| &text[range.clone()];
            results.extend(inputs.iter().map(|i| {
                let (node, domain, user) = (at(&i.node), i.domain.as_ref().map(at), i.user.as_ref().map(at));
                match dns {
                    Some(dns) => derive_resolved(node, domain, user, dns),
                    None => derive(node, domain, user),
                }
            }));
        });
        for result in self.results.drain(..) {
            objects.push(new_leaf(py, PresenceAddress(result))?);
        }
        self.text.clear();
        self.inputs.clear();
        self.last_domain = None;
        Ok(())
    }
}

/// The presence address for many inputs at once: `pairs` is a sequence of `(node, domain)` or
/// `(node, domain, user)` tuples (domain and user may be `None`); the answers come back in order.
/// The derivations run with the GIL released.
#[pyfunction]
#[pyo3(signature = (pairs, *, deployment = None))]
pub fn presence_addresses<'py>(
    py: Python<'py>,
    pairs: &Bound<'py, PyAny>,
    deployment: Option<&Bound<'py, Deployment>>,
) -> PyResult<Bound<'py, PyList>> {
    let dns = deployment.map(|d| &d.get().deployment.dns_view);
    let mut objects = Vec::with_capacity(pairs.len().unwrap_or(0));
    let mut chunk = Chunk::new();
    let mut push = |item: &Bound<'py, PyAny>, index: usize| -> PyResult<()> {
        chunk.push(item, index)?;
        if chunk.inputs.len() == CHUNK {
            chunk.flush(py, dns, &mut objects)?;
        }
        Ok(())
    };
    if let Ok(list) = pairs.cast::<PyList>() {
        for (index, item) in list.iter().enumerate() {
            push(&item, index)?;
        }
    } else {
        for (index, item) in pairs.try_iter()?.enumerate() {
            push(&item?, index)?;
        }
    }
    chunk.flush(py, dns, &mut objects)?;
    PyList::new(py, objects)
}
