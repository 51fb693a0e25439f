//! Live DNS behind core's `Resolver`: hickory's resolver asked for absolute names only, so the
//! search-list logic stays in core where every attempt is explained.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::{Resolver as Hickory, TokioResolver};
use tokio::runtime::{Handle, Runtime};
use uclint_core::dns::{Answer, Name, RecordType, Resolver};

/// A DNS server asked over the network.
pub struct LiveDns {
    driver: Driver,
    resolver: TokioResolver,
    server: String,
}

/// What runs the resolver's futures for the blocking [`Resolver`] calls.
enum Driver {
    /// A runtime of its own, for callers without one (`uclint route --live-dns`).
    Own(Runtime),
    /// The caller's runtime; blocking calls must then come from its blocking pool
    /// (`spawn_blocking`), never from one of its async tasks.
    Borrowed(Handle),
}

impl LiveDns {
    /// Ask `server` (or the system's resolvers from /etc/resolv.conf when `None`), waiting at most
    /// `timeout` per attempt, on a runtime of its own. UDP first; a truncated answer is asked
    /// again over TCP.
    pub fn new(server: Option<SocketAddr>, timeout: Duration) -> Result<Self, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the DNS client: {e}"))?;
        let (resolver, server) = {
            let _guard = runtime.enter();
            build(server, timeout)?
        };
        Ok(Self {
            driver: Driver::Own(runtime),
            resolver,
            server,
        })
    }

    /// The same, on the Tokio runtime the caller is in (probes).
    pub fn in_runtime(server: Option<SocketAddr>, timeout: Duration) -> Result<Self, String> {
        let handle = Handle::try_current().map_err(|e| format!("the DNS client needs a runtime: {e}"))?;
        let (resolver, server) = build(server, timeout)?;
        Ok(Self {
            driver: Driver::Borrowed(handle),
            resolver,
            server,
        })
    }

    /// Who answers: `DNS 127.0.0.1:53` or `system DNS`.
    pub fn label(&self) -> &str {
        &self.server
    }

    /// The first address of the absolute name `name` (A first, then AAAA), asked asynchronously.
    pub async fn lookup_ip(&self, name: &str) -> Result<IpAddr, String> {
        let absolute = if name.ends_with('.') {
            name.to_owned()
        } else {
            format!("{name}.")
        };
        let lookup = self.resolver.lookup_ip(absolute).await.map_err(|e| explain(&e))?;
        lookup.iter().next().ok_or_else(|| "no address records".to_owned())
    }
}

fn build(server: Option<SocketAddr>, timeout: Duration) -> Result<(TokioResolver, String), String> {
    let mut options = ResolverOpts::default();
    options.timeout = timeout;
    // Hickory's `attempts` counts retries after the first try: none, so a silent server costs one
    // timeout per question, as every probe step promises.
    options.attempts = 0;
    // Every query goes to the server: a cached answer would hide what it says now.
    options.cache_size = 0;
    options.ndots = 0;
    // The machine's own hosts file is not DNS: clients' hosts files are the core's business.
    options.use_hosts_file = ResolveHosts::Never;
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
    let resolver = builder
        .with_options(options)
        .build()
        .map_err(|e| format!("cannot set up the DNS client: {e}"))?;
    Ok((resolver, label))
}

impl LiveDns {
    /// The records of `rtype` at the absolute name `name`, asked asynchronously (several
    /// questions at once, as Jabber sends its SRV queries).
    pub async fn ask(&self, name: &Name, rtype: RecordType) -> Answer {
        let mut name = name.clone();
        name.set_fqdn(true);
        match self.resolver.lookup(name, rtype).await {
            Ok(lookup) if lookup.answers().is_empty() => Answer::NoData,
            Ok(lookup) => Answer::Records(lookup.answers().to_vec()),
            Err(error) => answer_for(&error),
        }
    }
}

impl Resolver for LiveDns {
    fn query(&self, name: &Name, rtype: RecordType) -> Answer {
        let ask = self.ask(name, rtype);
        match &self.driver {
            Driver::Own(runtime) => runtime.block_on(ask),
            Driver::Borrowed(handle) => handle.block_on(ask),
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

/// An error in the words of [`Answer`]'s explanations.
fn explain(error: &NetError) -> String {
    match answer_for(error) {
        Answer::NxDomain => "no such name (NXDOMAIN)".to_owned(),
        Answer::NoData => "no address records".to_owned(),
        Answer::Timeout => "timed out".to_owned(),
        Answer::Refused => "refused".to_owned(),
        Answer::Failed(why) => why,
        Answer::Records(_) => error.to_string(),
    }
}
