//! RFC 3263 next-hop selection from DNS: NAPTR when present, then SRV (`_sips._tcp`, `_sip._tcp`,
//! `_sip._udp`), then the A/AAAA records of the domain itself on the default port.

use hickory_proto::rr::RData;

use super::outcome::{Origin, Target, Trace};
use crate::dns::{AddressLookup, Answer, Name, RecordType, Resolver, absolute, lookup_addresses};
use crate::model::Transport;

/// What of the request URI the DNS procedure depends on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Request<'a> {
    /// The domain (never an IP: literals need no DNS).
    pub domain: &'a str,
    /// `sips:`: only TLS will do.
    pub secure: bool,
    /// An explicit port: no NAPTR or SRV (RFC 3263 §4.2).
    pub port: Option<u16>,
    /// An explicit `transport=` parameter: SRV of that transport only (§4.1).
    pub transport: Option<Transport>,
}

/// The default port of a transport.
pub(crate) const fn default_port(transport: Transport) -> u16 {
    match transport {
        Transport::Tls => 5061,
        Transport::Udp | Transport::Tcp => 5060,
    }
}

/// The SRV service label of a transport.
const fn srv_prefix(transport: Transport) -> &'static str {
    match transport {
        Transport::Tls => "_sips._tcp",
        Transport::Tcp => "_sip._tcp",
        Transport::Udp => "_sip._udp",
    }
}

/// NAPTR service field for a transport.
const fn naptr_service(transport: Transport) -> &'static str {
    match transport {
        Transport::Tls => "SIPS+D2T",
        Transport::Tcp => "SIP+D2T",
        Transport::Udp => "SIP+D2U",
    }
}

/// The next hops DNS gives for `request` (empty: DNS has nothing).
pub(crate) fn targets(request: &Request<'_>, dns: &dyn Resolver, trace: &mut Trace) -> Vec<Target> {
    let Ok(domain) = absolute(request.domain) else {
        trace.step(
            format!("DNS for `{}`", request.domain),
            "not a valid DNS name: nothing to look up",
        );
        return Vec::new();
    };
    let source = dns.source();
    let transports: &[Transport] = match (request.transport, request.secure) {
        (Some(t), _) => std::slice::from_ref(match t {
            Transport::Udp => &Transport::Udp,
            Transport::Tcp => &Transport::Tcp,
            Transport::Tls => &Transport::Tls,
        }),
        (None, true) => &[Transport::Tls],
        (None, false) => &[Transport::Tls, Transport::Tcp, Transport::Udp],
    };

    if let Some(port) = request.port {
        trace.step(
            format!("port {port} in the request URI"),
            "RFC 3263 §4.2: no NAPTR or SRV lookup, the domain's own addresses are used",
        );
        let transport = request
            .transport
            .unwrap_or(if request.secure { Transport::Tls } else { Transport::Udp });
        return address_targets(&domain, port, transport, dns, &source, trace);
    }

    if request.transport.is_none() {
        let found = naptr(&domain, transports, dns, &source, trace);
        if !found.is_empty() {
            return found;
        }
    }

    for &transport in transports {
        let found = srv(&domain, transport, dns, &source, trace);
        if !found.is_empty() {
            return found;
        }
    }

    let transport = request
        .transport
        .unwrap_or(if request.secure { Transport::Tls } else { Transport::Udp });
    address_targets(&domain, default_port(transport), transport, dns, &source, trace)
}

/// NAPTR records of the domain, SIP services only, each followed to its SRV name in order.
fn naptr(domain: &Name, transports: &[Transport], dns: &dyn Resolver, source: &str, trace: &mut Trace) -> Vec<Target> {
    let answer = dns.query(domain, RecordType::NAPTR);
    let records = match answer {
        Answer::Records(records) => records,
        other => {
            trace.step(format!("NAPTR {domain} ({source})"), describe(&other));
            return Vec::new();
        }
    };
    let mut naptrs: Vec<_> = records
        .iter()
        .filter_map(|r| match &r.data {
            RData::NAPTR(n) => Some(n),
            _ => None,
        })
        .collect();
    naptrs.sort_by_key(|n| (n.order, n.preference));
    let usable: Vec<_> = naptrs
        .iter()
        .filter_map(|n| {
            let service = String::from_utf8_lossy(&n.services).to_ascii_uppercase();
            let transport = transports.iter().copied().find(|t| naptr_service(*t) == service)?;
            n.flags
                .eq_ignore_ascii_case(b"s")
                .then_some((transport, &n.replacement))
        })
        .collect();
    trace.step(
        format!("NAPTR {domain} ({source})"),
        format!(
            "{} records, {} for SIP services this request can use",
            naptrs.len(),
            usable.len()
        ),
    );
    for (transport, replacement) in usable {
        let found = srv_at(replacement, transport, dns, source, trace);
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// SRV records of `_sip._udp.domain` (or the transport's label).
fn srv(domain: &Name, transport: Transport, dns: &dyn Resolver, source: &str, trace: &mut Trace) -> Vec<Target> {
    let Ok(name) = Name::from_ascii(format!("{}.{domain}", srv_prefix(transport))) else {
        return Vec::new();
    };
    srv_at(&name, transport, dns, source, trace)
}

fn srv_at(name: &Name, transport: Transport, dns: &dyn Resolver, source: &str, trace: &mut Trace) -> Vec<Target> {
    let records = match dns.query(name, RecordType::SRV) {
        Answer::Records(records) => records,
        other => {
            trace.step(format!("SRV {name} ({source})"), describe(&other));
            return Vec::new();
        }
    };
    let srvs: Vec<_> = records
        .iter()
        .filter_map(|r| match &r.data {
            RData::SRV(s) => Some(s),
            _ => None,
        })
        .collect();
    // A single SRV whose target is `.` says: decidedly no service here (RFC 2782).
    if srvs.len() == 1 && srvs[0].target.is_root() {
        trace.step(
            format!("SRV {name} ({source})"),
            "target `.`: the service is decidedly not available",
        );
        return Vec::new();
    }
    trace.step(
        format!("SRV {name} ({source})"),
        srvs.iter()
            .map(|s| format!("{} {} {} {}", s.priority, s.weight, s.port, s.target))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let mut targets = Vec::with_capacity(srvs.len());
    for s in srvs.into_iter().filter(|s| !s.target.is_root()) {
        let addresses = addresses_of(&s.target, dns, source, trace);
        targets.push(Target {
            host: s.target.to_string(),
            address: addresses.first().copied(),
            addresses,
            port: s.port,
            transport,
            priority: s.priority,
            weight: s.weight,
            share: 0.0,
            origin: Origin::Srv { name: name.to_string() },
            fallback: false,
        });
    }
    targets
}

fn address_targets(
    domain: &Name,
    port: u16,
    transport: Transport,
    dns: &dyn Resolver,
    source: &str,
    trace: &mut Trace,
) -> Vec<Target> {
    let addresses = addresses_of(domain, dns, source, trace);
    if addresses.is_empty() {
        return Vec::new();
    }
    vec![Target {
        host: domain.to_string(),
        address: addresses.first().copied(),
        addresses,
        port,
        transport,
        priority: 0,
        weight: 0,
        share: 0.0,
        origin: Origin::Address,
        fallback: false,
    }]
}

/// A and AAAA of `name`, traced.
pub(crate) fn addresses_of(name: &Name, dns: &dyn Resolver, source: &str, trace: &mut Trace) -> Vec<std::net::IpAddr> {
    match lookup_addresses(dns, name) {
        AddressLookup::Found(addresses) => {
            trace.step(
                format!("A/AAAA {name} ({source})"),
                addresses.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
            );
            addresses
        }
        other => {
            let found = match other {
                AddressLookup::NxDomain => "no such name (NXDOMAIN)".to_owned(),
                AddressLookup::Timeout => "no answer in time".to_owned(),
                AddressLookup::Refused => "the server refused".to_owned(),
                AddressLookup::Failed(why) => format!("failed: {why}"),
                AddressLookup::NoData | AddressLookup::Found(_) => "no A or AAAA records".to_owned(),
            };
            trace.step(format!("A/AAAA {name} ({source})"), found);
            Vec::new()
        }
    }
}

/// An answer without records, in words.
fn describe(answer: &Answer) -> String {
    match answer {
        Answer::Records(r) => format!("{} records", r.len()),
        Answer::NxDomain => "no such name (NXDOMAIN)".to_owned(),
        Answer::NoData => "no records of this type".to_owned(),
        Answer::Timeout => "no answer in time".to_owned(),
        Answer::Refused => "the server refused".to_owned(),
        Answer::Failed(why) => format!("failed: {why}"),
    }
}
