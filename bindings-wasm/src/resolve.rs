//! Name resolution: how one client profile resolves a name (`uclint resolve NAME --client C`).

use serde::Serialize;
use tsify::{Ts, Tsify};
use uclint_core::derive::resolve::{self as core_resolve, resolve as core_resolve_name};
use uclint_core::dns::Resolver;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::deployment::{DeploymentSource, client as find_client};
use crate::error::to_ts;

/// Where one attempt was looked up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The name was an address already.
    Literal,
    /// The client's hosts file.
    HostsFile,
    /// DNS, as the named resolver answers it.
    Dns(String),
    /// No DNS is in use in this deployment.
    NoDns,
}

/// What one attempt found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Outcome {
    /// Addresses found.
    Found {
        /// The addresses, A before AAAA.
        addresses: Vec<String>,
    },
    /// No entry in the hosts file.
    NotInHostsFile,
    /// The name does not exist (NXDOMAIN).
    NxDomain,
    /// The name exists without A or AAAA records.
    NoData,
    /// No answer in time.
    Timeout,
    /// The server refused.
    Refused,
    /// Another failure, with its reason.
    Failed {
        /// Why.
        reason: String,
    },
    /// The query is not a valid DNS name.
    InvalidName {
        /// Why.
        reason: String,
    },
}

/// One query the client makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Attempt {
    /// The name asked for (absolute names end in a dot).
    pub query: String,
    /// Where it was looked up.
    pub source: Source,
    /// What came back.
    pub result: Outcome,
}

/// The name resolution answer, as `uclint resolve --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Resolution {
    /// The name as the client used it.
    pub name: String,
    /// The client profile's id.
    pub client: String,
    /// The first address found, if any.
    pub address: Option<String>,
    /// Every attempt, in order, up to the first that found an address.
    pub attempts: Vec<Attempt>,
}

impl From<&core_resolve::Source> for Source {
    fn from(source: &core_resolve::Source) -> Self {
        match source {
            core_resolve::Source::Literal => Self::Literal,
            core_resolve::Source::HostsFile => Self::HostsFile,
            core_resolve::Source::Dns(name) => Self::Dns(name.clone()),
            core_resolve::Source::NoDns => Self::NoDns,
        }
    }
}

impl From<&core_resolve::Outcome> for Outcome {
    fn from(outcome: &core_resolve::Outcome) -> Self {
        use core_resolve::Outcome as O;
        match outcome {
            O::Found { addresses } => Self::Found {
                addresses: addresses.iter().map(ToString::to_string).collect(),
            },
            O::NotInHostsFile => Self::NotInHostsFile,
            O::NxDomain => Self::NxDomain,
            O::NoData => Self::NoData,
            O::Timeout => Self::Timeout,
            O::Refused => Self::Refused,
            O::Failed { reason } => Self::Failed { reason: reason.clone() },
            O::InvalidName { reason } => Self::InvalidName { reason: reason.clone() },
        }
    }
}

impl From<&core_resolve::Resolution> for Resolution {
    fn from(resolution: &core_resolve::Resolution) -> Self {
        let core_resolve::Resolution {
            name,
            client,
            address,
            attempts,
        } = resolution;
        Self {
            name: name.clone(),
            client: client.clone(),
            address: address.map(|a| a.to_string()),
            attempts: attempts
                .iter()
                .map(|core_resolve::Attempt { query, source, result }| Attempt {
                    query: query.clone(),
                    source: source.into(),
                    result: result.into(),
                })
                .collect(),
        }
    }
}

/// Name resolution: what the client profile `client` of the deployment gets for `name`: its hosts file, each
/// DNS suffix, then the deployment's DNS data (none: no DNS in use).
#[wasm_bindgen]
pub fn resolve(deployment: Ts<DeploymentSource>, name: &str, client: &str) -> Result<Ts<Resolution>, JsValue> {
    let deployment = DeploymentSource::from_ts(deployment)?.load()?;
    let client = find_client(&deployment, client)?;
    let dns = deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver);
    to_ts(&Resolution::from(&core_resolve_name(name, client, dns)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use uclint_core::model::{Deployment, Format};

    #[test]
    fn serializes_as_core_does() {
        let text = r#"
            domain = "acme.com"
            [[clients]]
            id = "c"
            kind = "cupc"
            dns_suffixes = ["isp.com", "acme.com"]
            hosts_file = "hosts"
            [dns]
            records = [{ name = "cups-1", type = "A", value = "10.1.1.20" }]
        "#;
        let files = BTreeMap::from([("hosts".to_owned(), "10.9.9.9 tftp\n".to_owned())]);
        let deployment = Deployment::load(text, Format::Toml, "d.toml", &files).ok();
        let deployment = deployment.as_ref();
        let client = deployment.and_then(|d| d.client("c"));
        assert!(client.is_some());
        for name in ["cups-1", "tftp", "nowhere", "10.1.1.1", "bad..name"] {
            if let (Some(d), Some(c)) = (deployment, client) {
                let core = core_resolve_name(name, c, Some(&d.dns_view));
                assert_eq!(
                    serde_json::to_value(Resolution::from(&core)).ok(),
                    serde_json::to_value(&core).ok(),
                    "{name}"
                );
            }
        }
    }
}
