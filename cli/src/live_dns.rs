//! Live DNS behind core's `Resolver`: hickory's resolver asked for absolute names only, so the
//! search-list logic stays in core where every attempt is explained.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig, ResolverOpts};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::{Resolver as Hickory, TokioResolver};
use uclint_core::dns::{Answer, Name, RecordType, Resolver};

/// A DNS server asked over the network.
pub struct LiveDns {
    runtime: tokio::runtime::Runtime,
    resolver: TokioResolver,
    server: String,
}

impl LiveDns {
    /// Ask `server` (or the system's resolvers from /etc/resolv.conf when `None`), waiting at most
    /// `timeout` per attempt. UDP first; a truncated answer is asked again over TCP.
    pub fn new(server: Option<SocketAddr>, timeout: Duration) -> Result<Self, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the DNS client: {e}"))?;
        let mut options = ResolverOpts::default();
        options.timeout = timeout;
        options.attempts = 1;
        // Every query goes to the server: a cached answer would hide what it says now.
        options.cache_size = 0;
        options.ndots = 0;
        let provider = TokioRuntimeProvider::default();
        let (builder, label) = match server {
            Some(address) => {
                let connection = |mut c: ConnectionConfig| {
                    c.port = address.port();
                    c
                };
                let name_server = NameServerConfig::new(
                    address.ip(),
                    true,
                    vec![connection(ConnectionConfig::udp()), connection(ConnectionConfig::tcp())],
                );
                (
                    Hickory::builder_with_config(ResolverConfig::from_name_servers(vec![name_server]), provider),
                    format!("DNS {address}"),
                )
            }
            None => (
                Hickory::builder(provider).map_err(|e| format!("cannot read the system's DNS configuration: {e}"))?,
                "system DNS".to_owned(),
            ),
        };
        let resolver = {
            let _guard = runtime.enter();
            builder
                .with_options(options)
                .build()
                .map_err(|e| format!("cannot set up the DNS client: {e}"))?
        };
        Ok(Self {
            runtime,
            resolver,
            server: label,
        })
    }
}

impl Resolver for LiveDns {
    fn query(&self, name: &Name, rtype: RecordType) -> Answer {
        let mut name = name.clone();
        name.set_fqdn(true);
        match self.runtime.block_on(self.resolver.lookup(name, rtype)) {
            Ok(lookup) if lookup.answers().is_empty() => Answer::NoData,
            Ok(lookup) => Answer::Records(lookup.answers().to_vec()),
            Err(error) => answer_for(&error),
        }
    }

    fn source(&self) -> String {
        self.server.clone()
    }
}

/// Each failure its own outcome: NXDOMAIN, no data, timeout and refused are told apart.
fn answer_for(error: &NetError) -> Answer {
    match error {
        NetError::Dns(DnsError::NoRecordsFound(none)) if none.response_code == ResponseCode::NXDomain => {
            Answer::NxDomain
        }
        NetError::Dns(DnsError::NoRecordsFound(_)) => Answer::NoData,
        NetError::Dns(DnsError::ResponseCode(ResponseCode::Refused)) => Answer::Refused,
        NetError::Dns(DnsError::ResponseCode(ResponseCode::NXDomain)) => Answer::NxDomain,
        NetError::Timeout => Answer::Timeout,
        other => Answer::Failed(other.to_string()),
    }
}
