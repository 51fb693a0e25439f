//! SIP routing: where the CUPS SIP proxy sends a request URI (`uclint route URI`).

use serde::Serialize;
use tsify::{Ts, Tsify};
use uclint_core::dns::Resolver;
use uclint_core::route::{self as core_route, Router};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::deployment::DeploymentSource;
use crate::error::{ErrorCode, Failure, to_ts};

/// Where a next hop came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Origin {
    /// A static route, by its index in `sip_proxy.static_routes` and its pattern.
    StaticRoute {
        /// Index in the deployment's static routes.
        index: usize,
        /// The route's destination pattern.
        pattern: String,
    },
    /// An SRV record at this name.
    Srv {
        /// The SRV owner name (`_sip._tcp.example.com.`).
        name: String,
    },
    /// The A/AAAA records of the domain itself.
    Address,
    /// The request URI's host is an IP address.
    Literal,
}

/// One next hop, in the order the proxy tries them.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Target {
    /// The next hop as named: FQHN or IP.
    pub host: String,
    /// The first address it resolves to (`null`: it does not resolve).
    pub address: Option<String>,
    /// Every address it resolves to, A before AAAA.
    pub addresses: Vec<String>,
    /// Port.
    pub port: u16,
    /// Transport.
    #[tsify(type = "\"udp\" | \"tcp\" | \"tls\"")]
    pub transport: &'static str,
    /// Priority: lower first.
    pub priority: u16,
    /// Weight among targets of the same priority.
    pub weight: u16,
    /// This target's share of the load within its priority (0 to 1, RFC 2782).
    pub share: f64,
    /// Where it came from.
    pub origin: Origin,
    /// Set on targets that only take over when the more specific routes fail.
    pub fallback: bool,
}

/// One step of the trace: what was tried and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Step {
    /// What was tried.
    pub tried: String,
    /// What it found.
    pub found: String,
}

/// The SIP routing answer, as `uclint route --format json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Routing {
    /// The request URI as given.
    pub uri: String,
    /// The decision.
    #[tsify(type = "\"local\" | \"static\" | \"dns\" | \"blocked\" | \"unroutable\"")]
    pub decision: &'static str,
    /// The next hops in order (empty unless `static` or `dns`).
    pub targets: Vec<Target>,
    /// Every step, in order.
    pub trace: Vec<Step>,
    /// Rule codes behind the answer (SIP002, SIP003, SIP005).
    pub codes: Vec<String>,
}

impl From<&core_route::Origin> for Origin {
    fn from(origin: &core_route::Origin) -> Self {
        match origin {
            core_route::Origin::StaticRoute { index, pattern } => Self::StaticRoute {
                index: *index,
                pattern: pattern.clone(),
            },
            core_route::Origin::Srv { name } => Self::Srv { name: name.clone() },
            core_route::Origin::Address => Self::Address,
            core_route::Origin::Literal => Self::Literal,
        }
    }
}

impl From<&core_route::Target> for Target {
    fn from(target: &core_route::Target) -> Self {
        let core_route::Target {
            host,
            address,
            addresses,
            port,
            transport: via,
            priority,
            weight,
            share,
            origin,
            fallback,
        } = target;
        Self {
            host: host.clone(),
            address: address.map(|a| a.to_string()),
            addresses: addresses.iter().map(ToString::to_string).collect(),
            port: *port,
            transport: via.as_str(),
            priority: *priority,
            weight: *weight,
            share: *share,
            origin: origin.into(),
            fallback: *fallback,
        }
    }
}

impl From<&core_route::Routing> for Routing {
    fn from(routing: &core_route::Routing) -> Self {
        let core_route::Routing {
            uri,
            decision,
            targets,
            trace,
            codes,
        } = routing;
        Self {
            uri: uri.clone(),
            decision: decision.as_str(),
            targets: targets.iter().map(Target::from).collect(),
            trace: trace
                .iter()
                .map(|core_route::Step { tried, found }| Step {
                    tried: tried.clone(),
                    found: found.clone(),
                })
                .collect(),
            codes: codes.iter().map(ToString::to_string).collect(),
        }
    }
}

/// The seed as core takes it: a whole number from 0 to 2^53 (JS numbers are exact up to there).
fn seed_arg(seed: Option<f64>) -> Result<Option<u64>, Failure> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    match seed {
        None => Ok(None),
        Some(n) if n.fract() == 0.0 && (0.0..=MAX_SAFE).contains(&n) => {
            // Whole and within range: the cast is exact.
            Ok(Some(n as u64))
        }
        Some(n) => Err(Failure::usage(format!(
            "invalid seed {n}: expected a whole number from 0 to 9007199254740991"
        ))),
    }
}

/// SIP routing: where the deployment's SIP proxy sends `uri` (offline, from the deployment's DNS data),
/// with the ordered next hops and the trace. `seed` draws one weighted order (RFC 2782).
#[wasm_bindgen]
pub fn route(deployment: Ts<DeploymentSource>, uri: &str, seed: Option<f64>) -> Result<Ts<Routing>, JsValue> {
    let seed = seed_arg(seed)?;
    let deployment = DeploymentSource::from_ts(deployment)?.load()?;
    let dns = deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver);
    let routing = Router::new(&deployment.sip_proxy)
        .route(uri, dns, seed)
        .map_err(|e| Failure::new(ErrorCode::Uri, format!("cannot parse the request URI `{uri}`: {e}")))?;
    to_ts(&Routing::from(&routing))
}

#[cfg(test)]
mod tests {
    use super::*;
    use uclint_core::model::{Deployment, Format};
    use uclint_core::source::NoFiles;

    #[test]
    fn serializes_as_core_does() {
        let text = r#"
            [sip_proxy]
            proxy_domain = "acme.com"
            static_routes = [
              { pattern = ".com.partner.*", next_hop = "sip.partner.com", priority = 1, weight = 30 },
              { pattern = ".com.partner.*", next_hop = "10.5.5.5", priority = 1, weight = 10, transport = "tcp" },
              { pattern = ".com.blocked.*", block = true },
            ]
            [dns]
            records = [
              { name = "sip.partner.com.", type = "A", value = "10.5.5.6" },
              { name = "_sip._tcp.other.com.", type = "SRV", value = "10 60 5060 sip.other.com." },
            ]
        "#;
        let deployment = Deployment::load(text, Format::Toml, "d.toml", &NoFiles);
        assert!(deployment.is_ok(), "{deployment:?}");
        if let Ok(deployment) = deployment {
            for uri in [
                "sip:bob@partner.com",
                "sip:bob@acme.com",
                "sip:x@blocked.com",
                "sip:x@other.com",
                "sip:x@nowhere.org",
                "sip:x@10.1.1.1",
            ] {
                let routing = Router::new(&deployment.sip_proxy).route(uri, Some(&deployment.dns_view), Some(7));
                assert!(routing.is_ok(), "{uri}");
                if let Ok(core) = routing {
                    assert_eq!(
                        serde_json::to_value(Routing::from(&core)).ok(),
                        serde_json::to_value(&core).ok(),
                        "{uri}"
                    );
                }
            }
        }
    }

    #[test]
    fn seeds_are_whole_numbers() {
        assert_eq!(seed_arg(None), Ok(None));
        assert_eq!(seed_arg(Some(42.0)), Ok(Some(42)));
        assert!(seed_arg(Some(-1.0)).is_err());
        assert!(seed_arg(Some(1.5)).is_err());
        assert!(seed_arg(Some(f64::NAN)).is_err());
    }
}
