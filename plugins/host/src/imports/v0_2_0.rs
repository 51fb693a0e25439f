//! What the host gives a plugin of contract 0.2.0: everything of 0.1.0, answered (and charged)
//! by 0.1.0's code and copied into 0.2.0's records, which have the same fields; and D8,
//! `jabber-discovery` (see `jabber.rs`).

use wasmtime::Result;

use super::jabber;
use crate::bindings::v0_1_0::{deployment as old, derive as old_derive};
use crate::bindings::v0_2_0::{deployment as wit, derive, types};
use crate::state::State;

impl types::Host for State {}

impl wit::Host for State {
    fn name(&mut self) -> Result<String> {
        <Self as old::Host>::name(self)
    }

    fn domain(&mut self) -> Result<Option<String>> {
        <Self as old::Host>::domain(self)
    }

    fn servers(&mut self) -> Result<Vec<wit::Server>> {
        Ok(<Self as old::Host>::servers(self)?.into_iter().map(server).collect())
    }

    fn clients(&mut self) -> Result<Vec<wit::Client>> {
        Ok(<Self as old::Host>::clients(self)?.into_iter().map(client).collect())
    }

    fn proxy(&mut self) -> Result<wit::SipProxy> {
        let p = <Self as old::Host>::proxy(self)?;
        Ok(wit::SipProxy {
            proxy_domain: p.proxy_domain,
            authentication_module: p.authentication_module,
            incoming_acl: p.incoming_acl,
            static_routes: p.static_routes.into_iter().map(static_route).collect(),
        })
    }

    fn user_count(&mut self) -> Result<u32> {
        <Self as old::Host>::user_count(self)
    }

    fn users(&mut self, start: u32, count: u32) -> Result<Vec<wit::User>> {
        Ok(<Self as old::Host>::users(self, start, count)?
            .into_iter()
            .map(user)
            .collect())
    }

    fn placements(&mut self, start: u32, count: u32) -> Result<Vec<wit::Placement>> {
        Ok(<Self as old::Host>::placements(self, start, count)?
            .into_iter()
            .map(|p| wit::Placement {
                home_node: p.home_node,
                presence_node: p.presence_node,
            })
            .collect())
    }
}

impl derive::Host for State {
    fn presence_address(
        &mut self,
        node: String,
        domain: Option<String>,
        user: Option<String>,
    ) -> Result<derive::Presence> {
        let p = <Self as old_derive::Host>::presence_address(self, node, domain, user)?;
        Ok(derive::Presence {
            address: p.address,
            uri: p.uri,
            method: p.method,
            verdict: p.verdict,
            codes: p.codes,
            steps: p.steps,
        })
    }

    fn resolve(&mut self, name: String, client: String) -> Result<Result<derive::Resolution, String>> {
        let answer = <Self as old_derive::Host>::resolve(self, name, client)?;
        Ok(answer.map(|r| derive::Resolution {
            name: r.name,
            address: r.address,
            attempts: r
                .attempts
                .into_iter()
                .map(|a| derive::Attempt {
                    query: a.query,
                    source: a.source,
                    outcome: a.outcome,
                })
                .collect(),
        }))
    }

    fn route(&mut self, uri: String) -> Result<Result<derive::Routing, String>> {
        let answer = <Self as old_derive::Host>::route(self, uri)?;
        Ok(answer.map(|r| derive::Routing {
            decision: r.decision,
            targets: r
                .targets
                .into_iter()
                .map(|t| derive::Target {
                    host: t.host,
                    address: t.address,
                    port: t.port,
                    transport: t.transport,
                    priority: t.priority,
                    weight: t.weight,
                })
                .collect(),
            trace: r.trace,
        }))
    }

    fn jabber_discovery(&mut self, client: String, address: Option<String>) -> Result<Result<derive::SignIn, String>> {
        jabber::discovery(self, &client, address.as_deref())
    }
}

fn server(s: old::Server) -> wit::Server {
    wit::Server {
        node_name: s.node_name,
        hostname: s.hostname,
        domain: s.domain,
        addresses: s.addresses,
        roles: s.roles,
        version: s.version,
    }
}

fn client(c: old::Client) -> wit::Client {
    wit::Client {
        id: c.id,
        kind: c.kind,
        version: c.version,
        dns_suffixes: c.dns_suffixes,
        addresses: c.addresses,
        on_corporate_network: c.on_corporate_network,
    }
}

fn user(u: old::User) -> wit::User {
    wit::User {
        cucm_id: u.cucm_id,
        ldap_id: u.ldap_id,
        first_name: u.first_name,
        last_name: u.last_name,
        home_node: u.home_node,
        presence_node: u.presence_node,
        digest_credential: u.digest_credential,
        desk_phone_control: u.desk_phone_control,
        clients: u.clients,
    }
}

fn static_route(r: old::StaticRoute) -> wit::StaticRoute {
    wit::StaticRoute {
        pattern: r.pattern,
        route_type: r.route_type,
        next_hop: r.next_hop,
        port: r.port,
        transport: r.transport,
        priority: r.priority,
        weight: r.weight,
        in_service: r.in_service,
        block: r.block,
    }
}
