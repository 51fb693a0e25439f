//! What the host gives a plugin of contract 0.1.0: the deployment, typed and paged, and the
//! core's derivations. Later versions answer what they share with 0.1.0 through this code.

use uclint_core::derive::presence::{presence_address, presence_address_resolved};
use uclint_core::derive::resolve::resolve;
use uclint_core::dns::Resolver;
use uclint_core::model::{Client, Server, StaticRoute, User};
use uclint_core::route::route;
use wasmtime::Result;

use crate::bindings::v0_1_0::{deployment as wit, derive, types};
use crate::state::State;

/// The most users one `users` call returns.
const PAGE: u32 = 10_000;

/// The most placements one `placements` call returns (8 bytes each, no names).
const PLACEMENT_PAGE: u32 = 100_000;

impl types::Host for State {}

impl wit::Host for State {
    fn name(&mut self) -> Result<String> {
        self.charge(1)?;
        Ok(self.deployment.name.clone().unwrap_or_default())
    }

    fn domain(&mut self) -> Result<Option<String>> {
        self.charge(1)?;
        Ok(self.deployment.domain.clone())
    }

    fn servers(&mut self) -> Result<Vec<wit::Server>> {
        self.charge(self.deployment.servers.len().max(1))?;
        Ok(self.deployment.servers.iter().map(server).collect())
    }

    fn clients(&mut self) -> Result<Vec<wit::Client>> {
        self.charge(self.deployment.clients.len().max(1))?;
        Ok(self.deployment.clients.iter().map(client).collect())
    }

    fn proxy(&mut self) -> Result<wit::SipProxy> {
        let proxy = &self.deployment.sip_proxy;
        self.charge(proxy.static_routes.len().max(1))?;
        let proxy = &self.deployment.sip_proxy;
        Ok(wit::SipProxy {
            proxy_domain: proxy.proxy_domain.clone(),
            authentication_module: proxy.authentication_module,
            incoming_acl: proxy.incoming_acl.clone(),
            static_routes: proxy.static_routes.iter().map(static_route).collect(),
        })
    }

    fn user_count(&mut self) -> Result<u32> {
        self.charge(1)?;
        Ok(u32::try_from(self.deployment.users.len()).unwrap_or(u32::MAX))
    }

    fn users(&mut self, start: u32, count: u32) -> Result<Vec<wit::User>> {
        let page = self.user_page(start, count, PAGE)?;
        Ok(self.deployment.users[page].iter().map(user).collect())
    }

    fn placements(&mut self, start: u32, count: u32) -> Result<Vec<wit::Placement>> {
        let page = self.user_page(start, count, PLACEMENT_PAGE)?;
        let d = &self.deployment;
        // Servers are few: index their names once per call.
        let index: std::collections::HashMap<&str, u32> = d
            .servers
            .iter()
            .zip(0u32..)
            .map(|(s, i)| (s.node_name.as_str(), i))
            .collect();
        let at = |node: Option<&str>| node.and_then(|n| index.get(n).copied());
        Ok(d.users[page]
            .iter()
            .map(|u| wit::Placement {
                home_node: at(u.home_node.as_deref()),
                presence_node: at(u.presence_node()),
            })
            .collect())
    }
}

impl State {
    /// Users `start .. start + count`, at most `max` of them, clamped to the users there are,
    /// and charged one unit each.
    fn user_page(&mut self, start: u32, count: u32, max: u32) -> Result<std::ops::Range<usize>> {
        let total = self.deployment.users.len();
        let start = (start as usize).min(total);
        let end = start.saturating_add(count.min(max) as usize).min(total);
        self.charge((end - start).max(1))?;
        Ok(start..end)
    }
}

impl derive::Host for State {
    fn presence_address(
        &mut self,
        node: String,
        domain: Option<String>,
        user: Option<String>,
    ) -> Result<derive::Presence> {
        self.charge(1)?;
        let d = &self.deployment;
        let p = if d.has_dns() {
            presence_address_resolved(&node, domain.as_deref(), user.as_deref(), &d.dns_view)
        } else {
            presence_address(&node, domain.as_deref(), user.as_deref())
        };
        Ok(derive::Presence {
            address: p.address().to_owned(),
            uri: p.uri(),
            method: p.method().as_str().to_owned(),
            verdict: p.verdict().as_str().to_owned(),
            codes: p.codes().iter().map(ToString::to_string).collect(),
            steps: p.steps(),
        })
    }

    fn resolve(&mut self, name: String, client: String) -> Result<Result<derive::Resolution, String>> {
        self.charge(1)?;
        let d = &self.deployment;
        let Some(profile) = d.client(&client) else {
            return Ok(Err(format!("no client profile `{client}` in the deployment")));
        };
        let dns = d.has_dns().then_some(&d.dns_view as &dyn Resolver);
        let r = resolve(&name, profile, dns);
        Ok(Ok(derive::Resolution {
            name: r.name,
            address: r.address.map(|a| a.to_string()),
            attempts: r
                .attempts
                .into_iter()
                .map(|a| derive::Attempt {
                    query: a.query,
                    source: a.source.to_string(),
                    outcome: a.result.to_string(),
                })
                .collect(),
        }))
    }

    fn route(&mut self, uri: String) -> Result<Result<derive::Routing, String>> {
        // Routing indexes the static routes first: charge for the table.
        self.charge(self.deployment.sip_proxy.static_routes.len().max(1))?;
        let d = &self.deployment;
        let dns = d.has_dns().then_some(&d.dns_view as &dyn Resolver);
        Ok(match route(&d.sip_proxy, &uri, dns, None) {
            Ok(r) => Ok(derive::Routing {
                decision: r.decision.as_str().to_owned(),
                targets: r
                    .targets
                    .into_iter()
                    .map(|t| derive::Target {
                        host: t.host,
                        address: t.address.map(|a| a.to_string()),
                        port: t.port,
                        transport: t.transport.as_str().to_owned(),
                        priority: t.priority,
                        weight: t.weight,
                    })
                    .collect(),
                trace: r.trace.iter().map(ToString::to_string).collect(),
            }),
            Err(e) => Err(format!("cannot parse the request URI `{uri}`: {e}")),
        })
    }
}

fn server(s: &Server) -> wit::Server {
    wit::Server {
        node_name: s.node_name.clone(),
        hostname: s.hostname.clone(),
        domain: s.domain.clone(),
        addresses: s.addresses.iter().map(ToString::to_string).collect(),
        roles: s.roles.iter().map(|r| r.as_str().to_owned()).collect(),
        version: s.version.clone(),
    }
}

fn client(c: &Client) -> wit::Client {
    wit::Client {
        id: c.id.clone(),
        kind: c.kind.as_str().to_owned(),
        version: c.version.clone(),
        dns_suffixes: c.dns_suffixes.clone(),
        addresses: c.addresses.clone(),
        on_corporate_network: c.on_corporate_network,
    }
}

fn user(u: &User) -> wit::User {
    wit::User {
        cucm_id: u.cucm_id.to_string(),
        ldap_id: u.ldap_id.as_deref().map(str::to_owned),
        first_name: u.first_name.clone(),
        last_name: u.last_name.clone(),
        home_node: u.home_node.as_deref().map(str::to_owned),
        presence_node: u.presence_node.as_deref().map(str::to_owned),
        digest_credential: u.digest_credential,
        desk_phone_control: u.desk_phone_control,
        clients: u.clients.iter().map(|c| c.to_string()).collect(),
    }
}

fn static_route(r: &StaticRoute) -> wit::StaticRoute {
    wit::StaticRoute {
        pattern: r.pattern.clone(),
        route_type: r.route_type.as_str().to_owned(),
        next_hop: r.next_hop.clone(),
        port: r.port,
        transport: r.transport.as_str().to_owned(),
        priority: r.priority,
        weight: r.weight,
        in_service: r.in_service,
        block: r.block,
    }
}
