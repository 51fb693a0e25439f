//! D8 for contract 0.2.0's `jabber-discovery`: who signs in, what the walk costs, and the core's
//! answer in the contract's records. A bad question (an unknown or non-Jabber profile, an
//! address that is not `user@domain`) is an error string for the plugin, never a trap.

use std::sync::Arc;

use uclint_core::derive::jabber::{
    AddressError, Connection, IssueSubject, JabberDiscovery, Outcome, Purpose, SrvQuery, Trust, discover,
    jabber_discovery, profile_sign_in,
};
use uclint_core::model::{Client, Deployment};
use wasmtime::Result;

use crate::bindings::v0_2_0::derive;
use crate::state::State;

/// D8 on profile `client`, signing in as `address`, else as `check` does.
pub fn discovery(state: &mut State, client: &str, address: Option<&str>) -> Result<Result<derive::SignIn, String>> {
    let deployment = Arc::clone(&state.deployment);
    // The walk resolves names and matches them against the servers: charge for the servers,
    // as `route` charges for its table.
    state.charge(deployment.servers.len().max(1))?;
    let Some(profile) = deployment.client(client) else {
        return Ok(Err(format!("no client profile `{client}` in the deployment")));
    };
    let answer = match address {
        Some(address) => {
            // A named user is looked up among all the users.
            state.charge(deployment.users.len())?;
            jabber_discovery(&deployment, profile, address).map_err(|e| e.to_string())
        }
        None => as_check_does(state, &deployment, profile)?,
    };
    Ok(answer.map(record))
}

/// D8 as the JAB rules run it: with the profile's `jabber.sign_in`, else anyone at the
/// deployment's domain.
fn as_check_does(
    state: &mut State,
    deployment: &Deployment,
    profile: &Client,
) -> Result<Result<JabberDiscovery, String>> {
    if !profile.kind.discovers_services() {
        let not_jabber = AddressError::NotJabber {
            client: profile.id.clone(),
            kind: profile.kind.as_str(),
        };
        return Ok(Err(not_jabber.to_string()));
    }
    let Some(sign_in) = profile_sign_in(deployment, profile, None) else {
        return Ok(Err(format!(
            "client profile `{}` has no `jabber.sign_in` and the deployment no `domain`: name the address (user@domain)",
            profile.id
        )));
    };
    if sign_in.user.is_some() {
        state.charge(deployment.users.len())?;
    }
    Ok(Ok(discover(deployment, profile, &sign_in)))
}

fn record(d: JabberDiscovery) -> derive::SignIn {
    let codes = d.codes().iter().map(ToString::to_string).collect();
    let client = d.client;
    derive::SignIn {
        kind: d.kind.as_str().to_owned(),
        address: d.address,
        place: d.place.as_str().to_owned(),
        services_domain: d.services_domain,
        lookup_domain: d.lookup_domain,
        queries: d.queries.into_iter().map(query).collect(),
        path: d.path.as_str().to_owned(),
        connections: d.connections.into_iter().map(connection).collect(),
        jabber_id: d.jabber_id,
        signs_in: d.signs_in,
        message: d.message,
        codes,
        issues: d
            .issues
            .into_iter()
            .map(|issue| {
                let (kind, name) = match issue.subject {
                    IssueSubject::Client => ("client", client.clone()),
                    IssueSubject::Server(node) => ("server", node),
                    IssueSubject::Domain(domain) => ("domain", domain),
                };
                derive::Issue {
                    code: issue.code.to_string(),
                    subject: derive::Subject {
                        kind: kind.to_owned(),
                        name,
                    },
                    message: issue.message,
                }
            })
            .collect(),
        steps: d.steps,
        client,
    }
}

fn query(q: SrvQuery) -> derive::SrvQuery {
    let (status, answer) = (q.status(), q.answer());
    derive::SrvQuery {
        service: q.service.label().to_owned(),
        name: q.name,
        status: status.to_owned(),
        answer,
    }
}

fn connection(c: Connection) -> derive::Connection {
    let (outcome, user_sees) = match c.outcome {
        Outcome::Connects => ("connects", None),
        Outcome::Prompts => ("prompts", None),
        Outcome::Fails { message } => ("fails", Some(message)),
    };
    derive::Connection {
        purpose: match c.purpose {
            Purpose::HomeCluster => "home-cluster",
            Purpose::CucmNode => "cucm-node",
            Purpose::ImpLogin => "imp-login",
            Purpose::Xmpp => "xmpp",
            Purpose::EdgeConfig => "edge-config",
            Purpose::Webex => "webex",
        }
        .to_owned(),
        host: c.host,
        port: c.port,
        url: c.url,
        address: c.address.map(|a| a.to_string()),
        server: c.server,
        certificate_names: c.certificate_names,
        trust: match c.trust {
            Trust::Unknown => "unknown",
            Trust::Trusted { .. } => "trusted",
            Trust::Untrusted { .. } => "untrusted",
        }
        .to_owned(),
        outcome: outcome.to_owned(),
        user_sees,
        why: c.why,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeMap;

    use uclint_core::model::Format;

    use super::*;
    use crate::Limits;

    /// Inside, `_cisco-uds` finds CUCM; outside, public DNS has only `_collab-edge`, to an
    /// Expressway-E whose certificate lacks the domain (JAB004). `eu` signs in at `acme.eu`,
    /// which public DNS does not know.
    const JABBER: &str = r#"
name = "ACME Jabber"
domain = "acme.com"

[[servers]]
node_name = "cucm-1.acme.com"
addresses = ["10.1.1.10"]
roles = ["cucm"]
certificate = { san_dns = ["cucm-1.acme.com"] }

[[servers]]
node_name = "expe.acme.com"
addresses = ["192.0.2.10"]
roles = ["expressway-e"]
certificate = { san_dns = ["expe.acme.com"] }

[dns]
records = [
  { name = "cucm-1.acme.com.", type = "A", value = "10.1.1.10" },
  { name = "_cisco-uds._tcp.acme.com.", type = "SRV", value = "1 10 8443 cucm-1.acme.com." },
]

[dns.public]
records = [
  { name = "_collab-edge._tls.acme.com.", type = "SRV", value = "10 10 8443 expe.acme.com." },
  { name = "expe.acme.com.", type = "A", value = "192.0.2.10" },
]

[[clients]]
id = "office"
kind = "jabber-windows"
dns_suffixes = ["acme.com"]

[[clients]]
id = "road"
kind = "jabber-mac"
on_corporate_network = false

[[clients]]
id = "eu"
kind = "jabber-mobile"
on_corporate_network = false
[clients.jabber]
sign_in = "acme.eu"

[[clients]]
id = "desk"
kind = "cupc"

[[users]]
cucm_id = "jdoe"
home_node = "cucm-1.acme.com"
clients = ["office", "road"]
"#;

    fn deployment(text: &str) -> Arc<Deployment> {
        let files: BTreeMap<String, String> = BTreeMap::new();
        Arc::new(Deployment::load(text, Format::Toml, "jabber.toml", &files).unwrap())
    }

    fn ask(state: &mut State, client: &str, address: Option<&str>) -> Result<derive::SignIn, String> {
        discovery(state, client, address).unwrap()
    }

    #[test]
    fn the_answer_is_the_core_s_in_the_contract_s_records() {
        let d = deployment(JABBER);
        let mut state = State::new(Arc::clone(&d), &Limits::default());
        let road = ask(&mut state, "road", Some("jdoe@acme.com")).unwrap();
        let core = jabber_discovery(&d, d.client("road").unwrap(), "jdoe@acme.com").unwrap();
        assert!(!core.signs_in && !core.connections.is_empty(), "{core:#?}");
        assert_eq!(
            (
                road.client.as_str(),
                road.kind.as_str(),
                road.place.as_str(),
                road.path.as_str()
            ),
            ("road", "jabber-mac", "outside", "mra")
        );
        assert_eq!((road.signs_in, road.message.as_str()), (false, core.message.as_str()));
        assert_eq!(road.codes, ["JAB004"]);
        assert_eq!(road.steps, core.steps);
        assert_eq!(road.lookup_domain.as_deref(), Some("acme.com"));
        let queries: Vec<(&str, &str, &str)> = road
            .queries
            .iter()
            .map(|q| (q.service.as_str(), q.status.as_str(), q.answer.as_str()))
            .collect();
        assert_eq!(
            queries,
            [
                ("_cisco-uds", "not-found", "no such name (NXDOMAIN)"),
                ("_cuplogin", "not-found", "no such name (NXDOMAIN)"),
                ("_collab-edge", "found", "10 10 8443 expe.acme.com"),
            ]
        );
        let edge = &road.connections[0];
        assert_eq!(
            (
                edge.purpose.as_str(),
                edge.host.as_str(),
                edge.port,
                edge.outcome.as_str()
            ),
            ("edge-config", "expe.acme.com", 8443, "fails")
        );
        assert_eq!(edge.user_sees.as_deref(), Some(core.message.as_str()));
        assert_eq!(edge.address.as_deref(), Some("192.0.2.10"));
        assert_eq!(edge.trust, "trusted");
        assert!(edge.url.as_deref().is_some_and(|u| u.contains("get_edge_config")));
        assert_eq!(road.issues.len(), 1);
        assert_eq!(
            (
                road.issues[0].subject.kind.as_str(),
                road.issues[0].subject.name.as_str()
            ),
            ("server", "expe.acme.com")
        );

        let office = ask(&mut state, "office", Some("jdoe@acme.com")).unwrap();
        assert_eq!((office.place.as_str(), office.path.as_str()), ("inside", "on-premises"));
        assert!(office.signs_in, "{:#?}", office.steps);
        assert!(office.connections.iter().all(|c| c.user_sees.is_none()));
    }

    #[test]
    fn without_an_address_it_signs_in_as_check_does() {
        let d = deployment(JABBER);
        let mut state = State::new(d, &Limits::default());
        let road = ask(&mut state, "road", None).unwrap();
        assert_eq!(road.address, "USER@acme.com");
        let eu = ask(&mut state, "eu", None).unwrap();
        assert_eq!(eu.address, "USER@acme.eu");
        assert_eq!(
            (eu.path.as_str(), eu.message.as_str()),
            ("manual", "Cannot find your services automatically")
        );
        assert_eq!(eu.issues[0].subject.kind, "client");
        assert_eq!(eu.issues[0].subject.name, "eu");
    }

    #[test]
    fn a_bad_question_is_an_error_the_plugin_reads() {
        let mut state = State::new(deployment(JABBER), &Limits::default());
        let errors = [
            (
                "nobody",
                Some("jdoe@acme.com"),
                "no client profile `nobody` in the deployment",
            ),
            ("desk", Some("jdoe@acme.com"), "client profile `desk` is `cupc`"),
            ("desk", None, "client profile `desk` is `cupc`"),
            ("road", Some("jdoe"), "`jdoe` is not a sign-in address"),
            ("road", Some("@acme.com"), "has no user before the `@`"),
            ("road", Some("jdoe@acme..com"), "`jdoe@acme..com`: "),
        ];
        for (client, address, error) in errors {
            let answer = ask(&mut state, client, address);
            assert!(
                answer.as_ref().is_err_and(|e| e.contains(error)),
                "{client} {address:?}: {answer:?}"
            );
        }
        let no_domain = JABBER.replace("domain = \"acme.com\"\n", "");
        let mut state = State::new(deployment(&no_domain), &Limits::default());
        let answer = ask(&mut state, "road", None);
        assert!(answer.is_err_and(|e| e.contains("has no `jabber.sign_in` and the deployment no `domain`")));
    }

    #[test]
    fn naming_a_user_costs_a_walk_over_the_users() {
        let d = deployment(JABBER);
        let (servers, users) = (d.servers.len() as u64, d.users.len() as u64);
        let limits = Limits {
            max_host_work: 2 * servers + users,
            ..Limits::default()
        };
        let mut state = State::new(Arc::clone(&d), &limits);
        assert!(discovery(&mut state, "road", None).is_ok());
        assert_eq!(state.host_work, servers, "anyone at the domain: no user looked up");
        assert!(discovery(&mut state, "road", Some("jdoe@acme.com")).is_ok());
        assert_eq!(state.host_work, 2 * servers + users);
        let spent = discovery(&mut state, "road", None).unwrap_err();
        assert!(spent.is::<crate::state::HostWorkExhausted>(), "{spent}");
    }
}
