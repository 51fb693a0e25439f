//! Each name a client profile uses on its own (directory URL node, JTAPI node, home node,
//! presence address), resolved as that client resolves it (hosts file, DNS suffixes) against
//! real DNS, beside the deployment's own DNS data; and each static route's next hop, resolved as
//! the SIP proxy resolves it.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;

use uclint_core::catalogue::{Code, Service};
use uclint_core::derive::implicit::{ImplicitName, Purpose, implicit_names};
use uclint_core::derive::resolve::{self, Resolution, Source};
use uclint_core::dns::{AddressLookup, Resolver, absolute, lookup_addresses};
use uclint_core::model::{Client, Deployment, Path};
use uclint_core::report::{Subject, SubjectKind};

use crate::runner::{Task, blocking};
use crate::{Context, EvidenceKind, Observation, Outcome, Probe, Setting, Target};

/// The questions of the DNS probe.
pub fn tasks(cx: &Arc<Context>) -> Vec<Task> {
    if !cx.request.runs(Probe::Dns) {
        return Vec::new();
    }
    let mut tasks = Vec::new();
    let user = cx.user();
    for client in cx.clients() {
        for name in implicit_names(&cx.deployment, client, user) {
            let template = Observation::new(Probe::Dns, target(cx), Subject::new(SubjectKind::Client, &client.id));
            // The suffixes are tried one after another, each within the timeout.
            let steps = attempts(client);
            let cx = Arc::clone(cx);
            let client = client.id.clone();
            tasks.push(Task {
                template,
                steps,
                work: Box::pin(async move {
                    let started = Instant::now();
                    let mut observation = blocking(move || implicit(&cx, &client, &name)).await;
                    observation.elapsed = started.elapsed();
                    vec![observation]
                }),
            });
        }
    }
    for hop in next_hops(&cx.deployment) {
        let template = Observation::new(Probe::Dns, target(cx), Subject::new(SubjectKind::Route, &hop.pattern));
        let cx = Arc::clone(cx);
        tasks.push(Task {
            template,
            steps: 2,
            work: Box::pin(async move {
                let started = Instant::now();
                let mut observation = blocking(move || next_hop(&cx, &hop)).await;
                observation.elapsed = started.elapsed();
                vec![observation]
            }),
        });
    }
    tasks
}

/// Who is asked: the request's DNS server, or the system's resolvers.
fn target(cx: &Context) -> Target {
    match cx.request.dns_server {
        Some(server) => Target {
            host: server.ip().to_string(),
            address: Some(server.ip()),
            port: Some(server.port()),
            transport: Some("udp"),
        },
        None => Target::named(cx.dns.label()),
    }
}

/// A client asks the name with each suffix, then as given (plus AAAA after A): that many steps.
fn attempts(client: &Client) -> u32 {
    let suffixes = client.dns_suffixes.len();
    u32::try_from(2 * (suffixes + 1)).unwrap_or(u32::MAX)
}

/// What the deployment's own DNS data answers, when it has any.
fn predicted(deployment: &Deployment) -> Option<&dyn Resolver> {
    deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver)
}

fn implicit(cx: &Context, client_id: &str, name: &ImplicitName) -> Observation {
    let deployment = &cx.deployment;
    let mut observation = Observation::new(Probe::Dns, target(cx), Subject::new(SubjectKind::Client, client_id));
    let Some(client) = deployment.client(client_id) else {
        return observation;
    };
    let live = resolve::resolve(&name.name, client, Some(cx.dns.as_ref()));
    let file = resolve::resolve(&name.name, client, predicted(deployment));
    for attempt in &live.attempts {
        let (kind, source) = match &attempt.source {
            Source::Dns(server) => (EvidenceKind::Received, server.clone()),
            other => (EvidenceKind::Note, other.to_string()),
        };
        observation.evidence(kind, format!("{} ({source}): {}", attempt.query, attempt.result));
    }
    let why = name.purpose.explain();
    let purpose = short(name.purpose);
    observation.service = Some(match name.purpose {
        Purpose::PresenceAddress => Service::Presence,
        // The phone's directory, JTAPI and CUPC's login all start at a node name.
        Purpose::DirectoryUrl | Purpose::JtapiConnection | Purpose::HomeNodeLogin => Service::Login,
    });
    observation.outcome = outcome(&live);
    match live.address {
        Some(address) => {
            observation.summary = format!("`{}` -> {address} for client `{client_id}` ({purpose})", name.name);
            if let Some(own) = own_addresses(deployment, &name.server).filter(|own| !own.contains(&address)) {
                let listed: Vec<String> = own.iter().map(ToString::to_string).collect();
                observation.raise(
                    Code::NAME004,
                    format!(
                        "`{}` resolves to {address} for `{client_id}`, but node `{}` has {}",
                        name.name,
                        name.server,
                        listed.join(", ")
                    ),
                );
            }
        }
        None => {
            observation.summary = format!("`{}` -> no address for client `{client_id}` ({purpose})", name.name);
            let code = match name.purpose {
                Purpose::PresenceAddress => Code::PRS006,
                _ => Code::NAME001,
            };
            observation.raise(
                code,
                format!(
                    "`{client_id}` cannot resolve `{}` against {}: {why}",
                    name.name,
                    cx.dns.label()
                ),
            );
        }
    }
    drift(&mut observation, deployment, &file, &live);
    observation
}

/// Why a client uses a name, in a few words.
fn short(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::DirectoryUrl => "Directory URL",
        Purpose::JtapiConnection => "JTAPI",
        Purpose::HomeNodeLogin => "home node login",
        Purpose::PresenceAddress => "presence address",
    }
}

/// DRIFT001 when the deployment's DNS data answers otherwise than real DNS.
fn drift(observation: &mut Observation, deployment: &Deployment, file: &Resolution, live: &Resolution) {
    if !deployment.has_dns() || file.address == live.address || from_hosts_file(live) {
        return;
    }
    let says = |r: &Resolution| r.address.map_or_else(|| "no address".to_owned(), |a| a.to_string());
    // The record the file answered with is the last name it tried.
    let record = file
        .attempts
        .last()
        .map_or(file.name.as_str(), |a| a.query.trim_end_matches('.'));
    observation.setting = Some(Setting {
        name: format!("dns: {record}"),
        says: says(file),
        location: record_location(deployment, file),
    });
    observation.raise(
        Code::DRIFT001,
        format!(
            "the deployment's DNS data gives `{}` {}, real DNS {}",
            file.name,
            says(file),
            says(live)
        ),
    );
}

/// Where the deployment writes the record that answered (an inline record of that name), else its
/// zone files, else its `dns` section.
fn record_location(deployment: &Deployment, file: &Resolution) -> Option<uclint_core::source::Location> {
    let dns = Path::default().key("dns");
    let asked: Vec<&str> = file.attempts.iter().map(|a| a.query.trim_end_matches('.')).collect();
    let data = deployment.dns.as_ref()?;
    let inline = data.records.iter().position(|r| {
        matches!(r.rtype.to_ascii_uppercase().as_str(), "A" | "AAAA")
            && asked
                .iter()
                .any(|q| q.eq_ignore_ascii_case(r.name.trim_end_matches('.')))
    });
    let path = match inline {
        Some(i) => dns.key("records").index(i),
        None if !data.zone_files.is_empty() => dns.key("zone_files").index(0),
        None => dns,
    };
    deployment.source_map.locate(&path)
}

fn from_hosts_file(resolution: &Resolution) -> bool {
    resolution
        .attempts
        .last()
        .is_some_and(|a| a.source == Source::HostsFile && resolution.resolved())
}

/// Resolved: ok; every DNS attempt timed out or was refused: that; else a failure.
fn outcome(resolution: &Resolution) -> Outcome {
    use resolve::Outcome as Result;
    if resolution.resolved() {
        return Outcome::Ok;
    }
    let dns: Vec<&Result> = resolution
        .attempts
        .iter()
        .filter(|a| matches!(a.source, Source::Dns(_)))
        .map(|a| &a.result)
        .collect();
    if !dns.is_empty() && dns.iter().all(|r| matches!(r, Result::Timeout)) {
        Outcome::Timeout
    } else if !dns.is_empty() && dns.iter().all(|r| matches!(r, Result::Refused)) {
        Outcome::Refused
    } else {
        Outcome::Failed
    }
}

/// The addresses the deployment gives node `server`, when it gives any.
fn own_addresses<'a>(deployment: &'a Deployment, server: &str) -> Option<&'a [IpAddr]> {
    deployment
        .server(server)
        .map(|s| s.addresses.as_slice())
        .filter(|a| !a.is_empty())
}

/// A static route's next hop that is a name, not an address.
struct NextHop {
    pattern: String,
    name: String,
}

fn next_hops(deployment: &Deployment) -> Vec<NextHop> {
    let mut hops: Vec<NextHop> = Vec::new();
    for route in &deployment.sip_proxy.static_routes {
        let Some(name) = route.next_hop.as_deref() else {
            continue;
        };
        if name.parse::<IpAddr>().is_ok() || hops.iter().any(|h| h.name == name) {
            continue;
        }
        hops.push(NextHop {
            pattern: route.pattern.clone(),
            name: name.to_owned(),
        });
    }
    hops
}

/// The proxy resolves a next hop as an absolute name: SIP003 when real DNS has no address.
fn next_hop(cx: &Context, hop: &NextHop) -> Observation {
    let mut observation = Observation::new(Probe::Dns, target(cx), Subject::new(SubjectKind::Route, &hop.pattern));
    let Ok(name) = absolute(&hop.name) else {
        observation.outcome = Outcome::Failed;
        observation.summary = format!("next hop `{}` is not a DNS name", hop.name);
        return observation;
    };
    let live = lookup_addresses(cx.dns.as_ref(), &name);
    observation.evidence(EvidenceKind::Received, format!("{name} A/AAAA: {}", describe(&live)));
    match live {
        AddressLookup::Found(addresses) => {
            let list: Vec<String> = addresses.iter().map(ToString::to_string).collect();
            observation.summary = format!("next hop `{}` -> {}", hop.name, list.join(", "));
        }
        other => {
            observation.outcome = match other {
                AddressLookup::Timeout => Outcome::Timeout,
                AddressLookup::Refused => Outcome::Refused,
                _ => Outcome::Failed,
            };
            observation.summary = format!("next hop `{}` -> no address", hop.name);
            observation.raise(
                Code::SIP003,
                format!(
                    "static route `{}` sends to `{}`, which {} does not resolve: {}",
                    hop.pattern,
                    hop.name,
                    cx.dns.label(),
                    describe(&other)
                ),
            );
        }
    }
    observation
}

fn describe(lookup: &AddressLookup) -> String {
    match lookup {
        AddressLookup::Found(addresses) => {
            let list: Vec<String> = addresses.iter().map(ToString::to_string).collect();
            format!("found {}", list.join(", "))
        }
        AddressLookup::NxDomain => "no such name (NXDOMAIN)".to_owned(),
        AddressLookup::NoData => "name exists, no address records".to_owned(),
        AddressLookup::Timeout => "timed out".to_owned(),
        AddressLookup::Refused => "refused".to_owned(),
        AddressLookup::Failed(why) => format!("failed: {why}"),
    }
}
