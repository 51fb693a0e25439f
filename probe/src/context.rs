//! What every probe of one run shares: the deployment, the request, the live resolver, and the
//! answers to "which client, which user, which address".

use std::net::IpAddr;
use std::sync::Arc;

use uclint_core::model::{Client, Deployment, Server, User};

use crate::dns::LiveDns;
use crate::net::Fault;
use crate::{EvidenceKind, Observation, Outcome, ProbeRequest, RequestError};

/// One run's shared state.
pub struct Context {
    /// The deployment probed.
    pub deployment: Arc<Deployment>,
    /// What the run asks.
    pub request: ProbeRequest,
    /// Real DNS: the request's server, or the system's resolvers.
    pub dns: Arc<LiveDns>,
    /// The certificates TLS chains must lead to: `--ca`, or the system's roots.
    pub roots: Arc<rustls::RootCertStore>,
}

impl Context {
    /// Check the request against the deployment and start the live resolver (inside a Tokio
    /// runtime).
    pub fn new(deployment: Arc<Deployment>, request: ProbeRequest) -> Result<Self, RequestError> {
        if let Some(id) = &request.client {
            if deployment.client(id).is_none() {
                let known: Vec<&str> = deployment.clients.iter().map(|c| c.id.as_str()).collect();
                return Err(RequestError::UnknownClient {
                    id: id.clone(),
                    known: known.join(", "),
                });
            }
        }
        if let Some(id) = &request.user {
            if deployment.user(id).is_none() {
                return Err(RequestError::UnknownUser(id.clone()));
            }
        }
        let dns = LiveDns::in_runtime(request.dns_server, request.timeout).map_err(RequestError::Start)?;
        let roots = crate::tls::roots(request.ca.as_deref())?;
        Ok(Self {
            deployment,
            request,
            dns: Arc::new(dns),
            roots: Arc::new(roots),
        })
    }

    /// The client profiles whose view is taken: the request's, or every one.
    pub fn clients(&self) -> Vec<&Client> {
        match &self.request.client {
            Some(id) => self.deployment.client(id).into_iter().collect(),
            None => self.deployment.clients.iter().collect(),
        }
    }

    /// The user the request names.
    pub fn user(&self) -> Option<&User> {
        self.request.user.as_deref().and_then(|id| self.deployment.user(id))
    }

    /// Where to reach `server`: the first address the deployment gives it, else what real DNS
    /// says for its node name (noted in `observation`'s evidence: a DNS answer decides where
    /// the probe goes).
    pub async fn address_of(&self, server: &Server, observation: &mut Observation) -> Result<IpAddr, Fault> {
        if let Some(address) = server.addresses.first() {
            return Ok(*address);
        }
        let name = &server.node_name;
        match self.dns.lookup_ip(name).await {
            Ok(address) => {
                observation.evidence(
                    EvidenceKind::Note,
                    format!(
                        "the deployment gives `{name}` no address; {} says {address}",
                        self.dns.label()
                    ),
                );
                Ok(address)
            }
            Err(why) => Err(Fault::new(
                Outcome::Unreachable,
                format!(
                    "the deployment gives `{name}` no address and {} cannot resolve it: {why}",
                    self.dns.label()
                ),
            )),
        }
    }
}
