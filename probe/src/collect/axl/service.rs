//! One AXL service as the collector asks it: a client, the URL errors name, and the secrets kept
//! out of every error.

use std::sync::Arc;

use rustls::ClientConfig;
use uclint_core::collect::SourceKind;

use super::client::Client;
use super::endpoint::Endpoint;
use super::request::{Call, VERSION};
use super::target::AxlTarget;
use super::xml::Element;
use crate::Secrets;
use crate::collect::CollectError;

/// A service to ask.
pub struct Service<'a> {
    client: Client,
    /// The URL errors name (`https://cucm:8443/axl/`).
    pub origin: String,
    secrets: &'a Secrets,
}

impl<'a> Service<'a> {
    /// The service at `url`, as `target`'s user with `password`.
    pub fn open(
        url: &str,
        target: &AxlTarget,
        password: &str,
        tls: &Arc<ClientConfig>,
        secrets: &'a Secrets,
    ) -> Result<Self, CollectError> {
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
        Ok(Self {
            client,
            origin,
            secrets,
        })
    }

    /// Send `call` and read its answer with `read`; an error names the operation.
    pub async fn ask<T>(
        &self,
        call: Call,
        read: impl FnOnce(&Element) -> Result<T, String>,
    ) -> Result<T, CollectError> {
        let response = self
            .client
            .call(&call)
            .await
            .map_err(|e| self.fail(&call, e.to_string()))?;
        read(&response).map_err(|why| {
            self.fail(
                &call,
                format!("the answer does not read as AXL {VERSION} defines it: {why}"),
            )
        })
    }

    /// `reason` about `call`, without any secret.
    pub fn fail(&self, call: &Call, reason: String) -> CollectError {
        let reason = self.secrets.redact(&self.client.redact(&reason));
        CollectError::new(SourceKind::Axl, &self.origin, format!("{}: {reason}", call.operation))
    }
}
