//! Show Server Health: CUPC's Help > Show Server Health, predicted (`uclint health --user U --client C`).

use serde::Serialize;
use tsify::{Ts, Tsify};
use uclint_core::health::{self as core_health, health as core_health_of};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::deployment::{DeploymentSource, client as find_client, user as find_user};
use crate::error::to_ts;
use crate::rules::{ServiceName, service_name};

/// One line of Show Server Health.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ServiceHealth {
    /// The service.
    pub service: ServiceName,
    /// Its name as CUPC shows it.
    pub label: String,
    /// Its state.
    #[tsify(type = "\"ok\" | \"warning\" | \"failing\" | \"not-configured\"")]
    pub status: &'static str,
    /// The rule codes behind a warning or failure.
    pub codes: Vec<String>,
    /// One line saying why.
    pub reason: String,
}

/// Show Server Health for one user on one client, as `uclint health --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Health {
    /// The user's CUCM id.
    pub user: String,
    /// The client profile's id.
    pub client: String,
    /// Each service, in CUPC's order.
    pub services: Vec<ServiceHealth>,
}

impl From<&core_health::Health> for Health {
    fn from(health: &core_health::Health) -> Self {
        let core_health::Health { user, client, services } = health;
        Self {
            user: user.clone(),
            client: client.clone(),
            services: services
                .iter()
                .map(
                    |core_health::ServiceHealth {
                         service,
                         label,
                         status,
                         codes,
                         reason,
                     }| ServiceHealth {
                        service: service_name(*service),
                        label: (*label).to_owned(),
                        status: status.as_str(),
                        codes: codes.iter().map(ToString::to_string).collect(),
                        reason: reason.clone(),
                    },
                )
                .collect(),
        }
    }
}

/// Show Server Health: what Show Server Health shows for the user `user` (CUCM id) logged in from the client
/// profile `client`, service by service, with the rule codes behind each failure.
#[wasm_bindgen]
pub fn health(deployment: Ts<DeploymentSource>, user: &str, client: &str) -> Result<Ts<Health>, JsValue> {
    let loaded = DeploymentSource::from_ts(deployment)?.load_with_references()?;
    let deployment = &loaded.deployment;
    let client = find_client(deployment, client)?;
    let user = find_user(deployment, user)?;
    to_ts(&Health::from(&core_health_of(
        deployment,
        &loaded.references,
        user,
        client,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use uclint_core::model::{Deployment, Format};

    #[test]
    fn serializes_as_core_does() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/");
        let read = |name: &str| std::fs::read_to_string(format!("{dir}{name}")).unwrap();
        let files = BTreeMap::from([
            ("acme-users.csv".to_owned(), read("acme-users.csv")),
            ("acme.zone".to_owned(), read("acme.zone")),
        ]);
        let (deployment, references) =
            Deployment::load_with_references(&read("acme.toml"), Format::Toml, "acme.toml", &files).unwrap();
        for user in deployment.users.iter().take(8) {
            for client in &deployment.clients {
                let core = core_health_of(&deployment, &references, user, client);
                assert_eq!(
                    serde_json::to_value(Health::from(&core)).unwrap(),
                    serde_json::to_value(&core).unwrap()
                );
            }
        }
    }
}
