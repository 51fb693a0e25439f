//! What every client of a deployment will do: the presence address of each
//! presence node, and the implicit names each client resolves.

use serde::Serialize;

use super::implicit::{ImplicitName, implicit_names};
use super::presence::{PresenceAddress, presence_address, presence_address_resolved};
use super::resolve::{Resolution, resolve};
use crate::dns::Resolver;
use crate::model::{Client, ClientKind, Deployment, Role};

/// The presence address of every CUPS node, and every implicit name of every client resolved.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// The deployment's name, if it has one.
    pub name: Option<String>,
    /// The proxy domain, if set.
    pub proxy_domain: Option<String>,
    /// Counts of what the deployment holds.
    pub counts: Counts,
    /// The presence address for each CUPS node, as CUPC derives it.
    pub presence_nodes: Vec<PresenceAddress>,
    /// Each client profile and the names it resolves on its own.
    pub clients: Vec<ClientView>,
}

/// How much the deployment holds.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Counts {
    /// Servers.
    pub servers: usize,
    /// Client profiles.
    pub clients: usize,
    /// Users (inline and CSV).
    pub users: usize,
    /// Static routes.
    pub static_routes: usize,
    /// DNS records in the deployment's own data.
    pub dns_records: usize,
}

/// One client profile's view.
#[derive(Debug, Clone, Serialize)]
pub struct ClientView {
    /// The profile id.
    pub id: String,
    /// Its kind.
    pub kind: ClientKind,
    /// Its version.
    pub version: Option<String>,
    /// On the corporate network or not.
    pub on_corporate_network: bool,
    /// Its DNS suffix search list.
    pub dns_suffixes: Vec<String>,
    /// Each implicit name and what the client gets for it.
    pub names: Vec<ResolvedName>,
}

/// An implicit name with its resolution.
#[derive(Debug, Clone, Serialize)]
pub struct ResolvedName {
    /// The name and why it is used.
    #[serde(flatten)]
    pub name: ImplicitName,
    /// What the client gets.
    pub resolution: Resolution,
}

/// Build the overview of `deployment`.
pub fn overview(deployment: &Deployment) -> Overview {
    let dns: Option<&dyn Resolver> = deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver);
    let domain = deployment.sip_proxy.proxy_domain.as_deref();
    let presence_nodes = deployment
        .servers_with(Role::Cups)
        .map(|server| match dns {
            Some(dns) => presence_address_resolved(&server.node_name, domain, None, dns),
            None => presence_address(&server.node_name, domain, None),
        })
        .collect();
    let clients = deployment
        .clients
        .iter()
        .map(|client| client_view(deployment, client, dns))
        .collect();
    Overview {
        name: deployment.name.clone(),
        proxy_domain: domain.map(str::to_owned),
        counts: Counts {
            servers: deployment.servers.len(),
            clients: deployment.clients.len(),
            users: deployment.users.len(),
            static_routes: deployment.sip_proxy.static_routes.len(),
            dns_records: deployment.dns_view.len(),
        },
        presence_nodes,
        clients,
    }
}

fn client_view(deployment: &Deployment, client: &Client, dns: Option<&dyn Resolver>) -> ClientView {
    let names = implicit_names(deployment, client, None)
        .into_iter()
        .map(|name| {
            let resolution = resolve(&name.name, client, dns);
            ResolvedName { name, resolution }
        })
        .collect();
    ClientView {
        id: client.id.clone(),
        kind: client.kind,
        version: client.version.clone(),
        on_corporate_network: client.on_corporate_network,
        dns_suffixes: client.dns_suffixes.clone(),
        names,
    }
}
