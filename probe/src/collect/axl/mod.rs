//! CUCM and IM&P through AXL, the SOAP API every CUCM admin script uses: process nodes, end
//! users (and whether each has a digest credential, never its value), the LDAP directory
//! settings, and IM&P's SIP proxy (proxy domain, static routes, incoming ACL). Read-only: only
//! `list*`, `get*` and `SELECT`s are sent. Every request must succeed, or nothing is returned.

mod answer;
mod body;
mod client;
mod directory;
mod endpoint;
mod nodes;
mod presence;
mod request;
mod service;
mod sql;
mod target;
mod users;
mod xml;

use std::collections::HashSet;
use std::sync::Arc;

use rustls::ClientConfig;
use uclint_core::collect::{Collected, SourceKind};
use uclint_core::model::{Ldap, Role, Server, SipProxy, User};

use self::endpoint::Endpoint;
use self::nodes::Node;
use self::service::Service;
use super::CollectError;
use crate::{SecretKind, Secrets};

pub use self::request::VERSION as AXL_VERSION;
pub use self::target::AxlTarget;

/// Read everything AXL tells of the cluster at `target`, with the AXL password from `secrets`
/// ([`SecretKind::Axl`], `UCLINT_AXL_PASSWORD`). Blocks the calling thread on a runtime of its
/// own.
pub fn collect_axl(target: &AxlTarget, secrets: &Secrets) -> Result<Collected, CollectError> {
    let origin = Endpoint::parse(&target.url).map_or_else(|_| target.url.clone(), |e| e.url());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CollectError::new(SourceKind::Axl, &origin, format!("cannot start the I/O runtime: {e}")))?;
    runtime.block_on(collect(target, secrets))
}

/// The most users read: a server that never ends its pages is stopped there.
const MAX_USERS: usize = 2_000_000;

async fn collect(target: &AxlTarget, secrets: &Secrets) -> Result<Collected, CollectError> {
    let origin = Endpoint::parse(&target.url).map_or_else(|_| target.url.clone(), |e| e.url());
    let fail = |why: String| CollectError::new(SourceKind::Axl, &origin, why);
    let password = secrets
        .value(SecretKind::Axl)
        .ok_or_else(|| fail(format!("no AXL password: set {}", SecretKind::Axl.variable())))?;
    if target.page_size == 0 {
        return Err(fail("the listUser page size must be at least 1".to_owned()));
    }
    let roots = crate::tls::roots(target.ca.as_deref()).map_err(|e| fail(e.to_string()))?;
    let tls = ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| fail(format!("cannot set up TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let tls = Arc::new(tls);
    let cucm = Service::open(&target.url, target, password, &tls, secrets)?;

    let nodes = cucm.ask(request::list_process_node(), nodes::read).await?;
    let users = read_users(&cucm, target.page_size).await?;
    let (ldap, directory_servers) = read_ldap(&cucm).await?;
    let sip_proxy = match presence_node(&nodes) {
        Some(node) => {
            let url = target.presence_url.as_deref().unwrap_or(&target.url);
            let imp = Service::open(url, target, password, &tls, secrets)?;
            Some(read_sip_proxy(&imp, node).await?)
        }
        None => None,
    };

    let mut collected = Collected::from(SourceKind::Axl, &cucm.origin);
    collected.domain = nodes::common_domain(&nodes);
    collected.servers = nodes.into_iter().map(|n| n.server).collect();
    collected.servers.extend(directory_servers);
    collected.sip_proxy = sip_proxy;
    collected.ldap = ldap;
    collected.users = users;
    Ok(collected)
}

/// Every end user, page by page, each with whether a digest credential is set.
async fn read_users(cucm: &Service<'_>, page_size: u64) -> Result<Vec<User>, CollectError> {
    let mut users: Vec<User> = Vec::new();
    let mut seen = HashSet::new();
    loop {
        let call = request::list_user(users.len() as u64, page_size);
        let page = cucm.ask(call.clone(), users::read_page).await?;
        let last = (page.len() as u64) < page_size;
        if page.len() as u64 > page_size {
            let why = format!(
                "{} users in a page of {page_size}: the server ignored `first`",
                page.len()
            );
            return Err(cucm.fail(&call, why));
        }
        for user in page {
            if !seen.insert(user.cucm_id.clone()) {
                let why = format!("user `{}` came twice: the server ignored `skip`", user.cucm_id);
                return Err(cucm.fail(&call, why));
            }
            users.push(user);
        }
        if users.len() > MAX_USERS {
            return Err(cucm.fail(&call, format!("more than {MAX_USERS} users: reading stopped")));
        }
        if last {
            break;
        }
    }
    let digest = cucm
        .ask(request::execute_sql(sql::DIGEST_USERS), users::digest_users)
        .await?;
    for user in &mut users {
        user.digest_credential = digest.contains(user.cucm_id.as_str());
    }
    Ok(users)
}

/// The LDAP section and the directory servers it names.
async fn read_ldap(cucm: &Service<'_>) -> Result<(Option<Ldap>, Vec<Server>), CollectError> {
    let names = cucm
        .ask(request::list_ldap_directory(), directory::agreement_names)
        .await?;
    let agreement = match names.first() {
        Some(name) => Some(
            cucm.ask(request::get_ldap_directory(name), directory::agreement)
                .await?,
        ),
        None => None,
    };
    let synchronization = cucm.ask(request::get_ldap_system(), directory::synchronization).await?;
    let authentication = cucm
        .ask(request::get_ldap_authentication(), directory::authentication)
        .await?;
    Ok(directory::ldap(agreement.as_ref(), synchronization, &authentication))
}

/// The IM&P publisher's node name, else the first IM&P node's; none without IM&P.
fn presence_node(nodes: &[Node]) -> Option<&str> {
    nodes
        .iter()
        .filter(|n| n.server.has_role(Role::Cups))
        .min_by_key(|n| !n.publisher)
        .map(|n| n.server.node_name.as_str())
}

/// IM&P's SIP proxy: the proxy domain on `node`, the static routes, the incoming ACL.
async fn read_sip_proxy(imp: &Service<'_>, node: &str) -> Result<SipProxy, CollectError> {
    let call = request::list_service_parameter(node, presence::SIP_PROXY_SERVICE);
    let proxy_domain = imp.ask(call, presence::proxy_domain).await?;
    let static_routes = imp
        .ask(request::execute_sql(sql::STATIC_ROUTES), presence::static_routes)
        .await?;
    let incoming_acl = imp
        .ask(request::execute_sql(sql::INCOMING_ACL), presence::incoming_acl)
        .await?;
    Ok(SipProxy {
        proxy_domain,
        incoming_acl,
        static_routes,
        ..SipProxy::default()
    })
}
