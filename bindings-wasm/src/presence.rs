//! The presence address: the presence address CUPC registers to (`uclint derive presence-address`).

use serde::Serialize;
use tsify::{Ts, Tsify};
use uclint_core::derive::presence::{self as core_presence, presence_address_resolved};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::deployment::DeploymentSource;
use crate::error::to_ts;

/// The presence address answer, as `uclint derive presence-address --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct PresenceAddress {
    /// Presence.Primary.Address as given.
    pub node: String,
    /// The domain CUPC used: the proxy domain, or `PROXY_DOMAIN_NOT_SET`.
    pub domain: String,
    /// The presence address.
    pub address: String,
    /// `user@address`, when a user was given.
    pub uri: Option<String>,
    /// How the address was formed.
    #[tsify(type = "\"ip\" | \"as-configured\" | \"appended\"")]
    pub method: &'static str,
    /// Whether CUPC can register to it.
    #[tsify(type = "\"usable\" | \"unusable\" | \"unresolved\"")]
    pub verdict: &'static str,
    /// The rule codes behind the verdict and warnings about the inputs.
    pub codes: Vec<String>,
    /// One sentence per step taken.
    pub steps: Vec<String>,
}

impl From<&core_presence::PresenceAddress> for PresenceAddress {
    fn from(p: &core_presence::PresenceAddress) -> Self {
        Self {
            node: p.node().to_owned(),
            domain: p.effective_domain().to_owned(),
            address: p.address().to_owned(),
            uri: p.uri(),
            method: p.method().as_str(),
            verdict: p.verdict().as_str(),
            codes: p.codes().iter().map(ToString::to_string).collect(),
            steps: p.steps(),
        }
    }
}

/// The presence address: the address CUPC registers to, from the node name (Presence.Primary.Address) and the
/// proxy domain (`None`: not set). With a deployment, its DNS data decides whether the address
/// resolves (verdict `unresolved` when it does not), as `-c DEPLOYMENT` does on the CLI.
#[wasm_bindgen(js_name = presenceAddress)]
pub fn presence_address(
    node: &str,
    domain: Option<String>,
    user: Option<String>,
    deployment: Option<Ts<DeploymentSource>>,
) -> Result<Ts<PresenceAddress>, JsValue> {
    let (domain, user) = (domain.as_deref(), user.as_deref());
    let result = match deployment {
        Some(source) => {
            let deployment = DeploymentSource::from_ts(source)?.load()?;
            presence_address_resolved(node, domain, user, &deployment.dns_view)
        }
        None => core_presence::presence_address(node, domain, user),
    };
    to_ts(&PresenceAddress::from(&result))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_core_does() {
        for (node, domain, user) in [
            ("cup1", Some("cisco.com"), Some("jdoe")),
            ("10.11.12.13", Some("10.11.12.13"), None),
            ("cup1.cisco.com", None, None),
            ("cup1.cisco.com", Some("CISCO.COM"), None),
        ] {
            let core = core_presence::presence_address(node, domain, user);
            assert_eq!(
                serde_json::to_value(PresenceAddress::from(&core)).ok(),
                serde_json::to_value(&core).ok(),
                "{node} {domain:?}"
            );
        }
    }
}
