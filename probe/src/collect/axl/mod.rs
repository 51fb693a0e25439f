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
mod sql;
mod target;
mod users;
mod xml;

use std::sync::Arc;

use rustls::ClientConfig;
use uclint_core::collect::{Collected, SourceKind};
use uclint_core::model::{Role, SipProxy};

use self::client::{CallError, Client};
use self::endpoint::Endpoint;
use self::request::Call;
use self::xml::Element;
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

/// One AXL service and the name the errors give it.
struct Service {
    client: Client,
    origin: String,
}

impl Service {
    fn open(url: &str, target: &AxlTarget, password: &str, tls: &Arc<ClientConfig>) -> Result<Self, CollectError> {
        let endpoint = Endpoint::parse(url).map_err(|why| CollectError::new(SourceKind::Axl, url, why))?;
        let origin = endpoint.url();
        let client = Client::new(
            endpoint,
            &target.user,
            password,
            tls.clone(),
            target.timeout,
            target.throttle_retries,
            target.throttle_pause,
        );
        Ok(Self { client, origin })
    }

    /// Send `call` and read its answer with `read`; an error names the operation.
    async fn ask<T>(
        &self,
        secrets: &Secrets,
        call: Call,
        read: impl FnOnce(&Element) -> Result<T, String>,
    ) -> Result<T, CollectError> {
        let fail = |reason: String| {
            let reason = secrets.redact(&self.client.redact(&reason));
            CollectError::new(SourceKind::Axl, &self.origin, format!("{}: {reason}", call.operation))
        };
        let response = self
            .client
            .call(&call)
            .await
            .map_err(|e: CallError| fail(e.to_string()))?;
        read(&response).map_err(|why| {
            fail(format!(
                "the answer does not read as AXL {AXL_VERSION} defines it: {why}"
            ))
        })
    }
}

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
    let cucm = Service::open(&target.url, target, password, &tls)?;

    let nodes = cucm.ask(secrets, request::list_process_node(), nodes::read).await?;
    let mut collected = Collected::from(SourceKind::Axl, &cucm.origin);
    collected.domain = nodes::common_domain(&nodes);

    let mut users = Vec::new();
    loop {
        let call = request::list_user(users.len() as u64, target.page_size);
        let page = cucm.ask(secrets, call, users::read_page).await?;
        let last = (page.len() as u64) < target.page_size;
        users.extend(page);
        if last {
            break;
        }
    }
    let digest = cucm
        .ask(secrets, request::execute_sql(sql::DIGEST_USERS), users::digest_users)
        .await?;
    for user in &mut users {
        user.digest_credential = digest.contains(user.cucm_id.as_str());
    }

    let names = cucm
        .ask(secrets, request::list_ldap_directory(), directory::agreement_names)
        .await?;
    let agreement = match names.first() {
        Some(name) => Some(
            cucm.ask(secrets, request::get_ldap_directory(name), directory::agreement)
                .await?,
        ),
        None => None,
    };
    let synchronization = cucm
        .ask(secrets, request::get_ldap_system(), directory::synchronization)
        .await?;
    let authentication = cucm
        .ask(secrets, request::get_ldap_authentication(), directory::authentication)
        .await?;
    let (ldap, directory_servers) = directory::ldap(agreement.as_ref(), synchronization, &authentication);

    // The IM&P publisher, else the first IM&P node.
    let presence_node = nodes
        .iter()
        .filter(|n| n.server.has_role(Role::Cups))
        .min_by_key(|n| !n.publisher)
        .map(|n| n.server.node_name.clone());
    if let Some(node) = presence_node {
        let imp = match &target.presence_url {
            Some(url) => Service::open(url, target, password, &tls)?,
            None => Service::open(&target.url, target, password, &tls)?,
        };
        let call = request::list_service_parameter(&node, presence::SIP_PROXY_SERVICE);
        let proxy_domain = imp.ask(secrets, call, presence::proxy_domain).await?;
        let static_routes = imp
            .ask(
                secrets,
                request::execute_sql(sql::STATIC_ROUTES),
                presence::static_routes,
            )
            .await?;
        let incoming_acl = imp
            .ask(secrets, request::execute_sql(sql::INCOMING_ACL), presence::incoming_acl)
            .await?;
        collected.sip_proxy = Some(SipProxy {
            proxy_domain,
            incoming_acl,
            static_routes,
            ..SipProxy::default()
        });
    }

    collected.servers = nodes.into_iter().map(|n| n.server).collect();
    collected.servers.extend(directory_servers);
    collected.users = users;
    collected.ldap = ldap;
    Ok(collected)
}
