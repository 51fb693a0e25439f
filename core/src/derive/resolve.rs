//! Name resolution: how a given client resolves a name (hosts file, DNS suffix search list, DNS).

use std::net::IpAddr;

use serde::Serialize;

use crate::dns::{AddressLookup, Name, Resolver, lookup_addresses};
use crate::model::Client;

/// Where one attempt was looked up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The name was an address already.
    Literal,
    /// The client's hosts file.
    HostsFile,
    /// DNS, as the named resolver answers it.
    Dns(String),
    /// No DNS is in use in this deployment.
    NoDns,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Literal => f.write_str("literal address"),
            Self::HostsFile => f.write_str("hosts file"),
            Self::Dns(source) => write!(f, "DNS ({source})"),
            Self::NoDns => f.write_str("DNS (none in use)"),
        }
    }
}

/// What one attempt found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Outcome {
    /// Addresses found.
    Found {
        /// The addresses, A before AAAA.
        addresses: Vec<IpAddr>,
    },
    /// No entry in the hosts file.
    NotInHostsFile,
    /// The name does not exist (NXDOMAIN).
    NxDomain,
    /// The name exists without A or AAAA records.
    NoData,
    /// No answer in time.
    Timeout,
    /// The server refused.
    Refused,
    /// Another failure, with its reason.
    Failed {
        /// Why.
        reason: String,
    },
    /// The query is not a valid DNS name.
    InvalidName {
        /// Why.
        reason: String,
    },
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Found { addresses } => {
                let list: Vec<String> = addresses.iter().map(ToString::to_string).collect();
                write!(f, "found {}", list.join(", "))
            }
            Self::NotInHostsFile => f.write_str("no entry"),
            Self::NxDomain => f.write_str("no such name (NXDOMAIN)"),
            Self::NoData => f.write_str("name exists, no address records"),
            Self::Timeout => f.write_str("timed out"),
            Self::Refused => f.write_str("refused"),
            Self::Failed { reason } => write!(f, "failed: {reason}"),
            Self::InvalidName { reason } => write!(f, "not a valid name: {reason}"),
        }
    }
}

/// One query the client makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attempt {
    /// The name asked for (absolute names end in a dot).
    pub query: String,
    /// Where it was looked up.
    pub source: Source,
    /// What came back.
    pub result: Outcome,
}

/// The answer to "what does this client get for this name?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolution {
    /// The name as the client used it.
    pub name: String,
    /// The client profile's id.
    pub client: String,
    /// The first address found, if any.
    pub address: Option<IpAddr>,
    /// Every attempt, in order, up to the first that found an address.
    pub attempts: Vec<Attempt>,
}

impl Resolution {
    /// Whether the name resolved.
    pub fn resolved(&self) -> bool {
        self.address.is_some()
    }
}

/// Resolve `name` as `client` does, asking `dns` (none when the deployment uses no DNS).
///
/// Order: the hosts file; then, for a name without a dot, the name with each DNS suffix in order
/// and then the name itself; a dotted name is tried as given first, then with each suffix; a name
/// ending in a dot only as given. The hosts file is consulted again for each candidate, as the
/// Windows resolver cache holds hosts entries under their full names.
pub fn resolve(name: &str, client: &Client, dns: Option<&dyn Resolver>) -> Resolution {
    let mut resolution = Resolution {
        name: name.to_owned(),
        client: client.id.clone(),
        address: None,
        attempts: Vec::new(),
    };
    if let Ok(address) = name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
        resolution.address = Some(address);
        resolution.attempts.push(Attempt {
            query: name.to_owned(),
            source: Source::Literal,
            result: Outcome::Found {
                addresses: vec![address],
            },
        });
        return resolution;
    }

    let try_hosts = |query: &str, attempts: &mut Vec<Attempt>, record_miss: bool| -> Option<IpAddr> {
        match client.hosts_table.lookup(query) {
            Some(entry) => {
                attempts.push(Attempt {
                    query: query.to_owned(),
                    source: Source::HostsFile,
                    result: Outcome::Found {
                        addresses: vec![entry.address],
                    },
                });
                Some(entry.address)
            }
            None => {
                if record_miss {
                    attempts.push(Attempt {
                        query: query.to_owned(),
                        source: Source::HostsFile,
                        result: Outcome::NotInHostsFile,
                    });
                }
                None
            }
        }
    };
    if let Some(address) = try_hosts(name, &mut resolution.attempts, true) {
        resolution.address = Some(address);
        return resolution;
    }

    for candidate in candidates(name, &client.dns_suffixes) {
        if candidate != name.trim_end_matches('.') {
            if let Some(address) = try_hosts(&candidate, &mut resolution.attempts, false) {
                resolution.address = Some(address);
                return resolution;
            }
        }
        let query = format!("{candidate}.");
        let Some(dns) = dns else {
            resolution.attempts.push(Attempt {
                query,
                source: Source::NoDns,
                result: Outcome::NxDomain,
            });
            continue;
        };
        let result = match Name::from_ascii(&query) {
            Err(e) => Outcome::InvalidName { reason: e.to_string() },
            Ok(absolute) => outcome(lookup_addresses(dns, &absolute)),
        };
        let found = match &result {
            Outcome::Found { addresses } => addresses.first().copied(),
            _ => None,
        };
        resolution.attempts.push(Attempt {
            query,
            source: Source::Dns(dns.source()),
            result,
        });
        if found.is_some() {
            resolution.address = found;
            return resolution;
        }
    }
    resolution
}

/// The names the client queries, in order, without the trailing dot.
fn candidates(name: &str, suffixes: &[String]) -> Vec<String> {
    if let Some(absolute) = name.strip_suffix('.') {
        return vec![absolute.to_owned()];
    }
    let with_suffixes = suffixes
        .iter()
        .map(|suffix| format!("{name}.{}", suffix.trim_matches('.')));
    if name.contains('.') {
        std::iter::once(name.to_owned()).chain(with_suffixes).collect()
    } else {
        with_suffixes.chain(std::iter::once(name.to_owned())).collect()
    }
}

fn outcome(lookup: AddressLookup) -> Outcome {
    match lookup {
        AddressLookup::Found(addresses) => Outcome::Found { addresses },
        AddressLookup::NxDomain => Outcome::NxDomain,
        AddressLookup::NoData => Outcome::NoData,
        AddressLookup::Timeout => Outcome::Timeout,
        AddressLookup::Refused => Outcome::Refused,
        AddressLookup::Failed(reason) => Outcome::Failed { reason },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_order_follows_the_dots() {
        let suffixes = vec!["acme.com".to_owned(), "isp.com.".to_owned()];
        assert_eq!(
            candidates("cups1", &suffixes),
            ["cups1.acme.com", "cups1.isp.com", "cups1"]
        );
        assert_eq!(
            candidates("cups1.acme.com", &suffixes),
            ["cups1.acme.com", "cups1.acme.com.acme.com", "cups1.acme.com.isp.com"]
        );
        assert_eq!(candidates("cups1.acme.com.", &suffixes), ["cups1.acme.com"]);
    }
}
