//! Every name a deployment refers to must exist, and every key must be unique.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::error::{Problem, ProblemKind, did_you_mean};
use crate::catalogue::Code;
use crate::model::deployment::Deployment;
use crate::model::source_map::Path;
use crate::source::Location;

/// Find dangling references (TOPO003) and duplicate keys, in file order.
pub fn check(deployment: &Deployment, inline_users: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    let servers = unique(
        deployment.servers.iter().enumerate().map(|(i, s)| {
            (
                s.node_name.as_str(),
                Path::default().key("servers").index(i).key("node_name"),
            )
        }),
        "server node name",
        deployment,
        &mut problems,
    );
    let clients = unique(
        deployment
            .clients
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), Path::default().key("clients").index(i).key("id"))),
        "client id",
        deployment,
        &mut problems,
    );
    let user_path = |i: usize| Path::default().key("users").index(i);
    // Users from CSV are not in the source map: they carry their row's location.
    let user_location = |i: usize, field: &str| -> Option<Location> {
        if i < inline_users {
            deployment.source_map.locate(&user_path(i).key(field))
        } else {
            deployment.users.get(i).and_then(|u| u.location.clone())
        }
    };
    let mut seen_users: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(deployment.users.len(), Default::default());
    for (i, user) in deployment.users.iter().enumerate() {
        if let Some(first) = seen_users.insert(&user.cucm_id, i) {
            problems.push(Problem::new(
                ProblemKind::Duplicate,
                user_location(i, "cucm_id"),
                format!("user `{}` is defined twice (first as users[{first}])", user.cucm_id),
            ));
        }
        let mut refer = |field: &str, name: &str, known: &HashSet<&str>, noun: &str| {
            if !known.contains(name) {
                problems.push(dangling(
                    user_location(i, field),
                    &format!("users[{i}].{field}"),
                    noun,
                    name,
                    known,
                ));
            }
        };
        if let Some(node) = &user.home_node {
            refer("home_node", node, &servers, "server");
        }
        if let Some(node) = &user.presence_node {
            refer("presence_node", node, &servers, "server");
        }
        for client in &user.clients {
            refer("clients", client, &clients, "client");
        }
    }

    let mut server_ref = |path: Path, name: &str| {
        if !servers.contains(name) {
            let location = deployment.source_map.locate(&path);
            problems.push(dangling(location, &path.to_string(), "server", name, &servers));
        }
    };
    if let Some(ldap) = &deployment.ldap {
        server_ref(Path::default().key("ldap").key("server"), &ldap.server);
        for (i, cert) in ldap.certificates.iter().enumerate() {
            server_ref(
                Path::default().key("ldap").key("certificates").index(i).key("server"),
                &cert.server,
            );
        }
    }
    if let Some(voicemail) = &deployment.voicemail {
        for (i, profile) in voicemail.profiles.iter().enumerate() {
            server_ref(
                Path::default().key("voicemail").key("profiles").index(i).key("server"),
                &profile.server,
            );
        }
        if let Some(captured) = &voicemail.captured_capability {
            server_ref(
                Path::default()
                    .key("voicemail")
                    .key("captured_capability")
                    .key("server"),
                &captured.server,
            );
        }
    }
    if let Some(calendar) = &deployment.calendar {
        server_ref(Path::default().key("calendar").key("exchange"), &calendar.exchange);
    }
    for (i, fact) in deployment.reachability.iter().enumerate() {
        server_ref(Path::default().key("reachability").index(i).key("from"), &fact.from);
        server_ref(Path::default().key("reachability").index(i).key("to"), &fact.to);
    }
    problems.sort_by(|a, b| a.location.cmp(&b.location));
    problems
}

fn unique<'a>(
    keys: impl Iterator<Item = (&'a str, Path)>,
    noun: &str,
    deployment: &Deployment,
    problems: &mut Vec<Problem>,
) -> HashSet<&'a str> {
    let mut set = HashSet::default();
    for (key, path) in keys {
        if !set.insert(key) {
            problems.push(Problem::new(
                ProblemKind::Duplicate,
                deployment.source_map.locate(&path),
                format!("{path}: {noun} `{key}` is defined twice"),
            ));
        }
    }
    set
}

fn dangling(location: Option<Location>, path: &str, noun: &str, name: &str, known: &HashSet<&str>) -> Problem {
    let mut names: Vec<&str> = known.iter().copied().collect();
    names.sort_unstable();
    let expected = if names.is_empty() {
        format!("no {noun}s are defined")
    } else {
        format!("expected one of: {}", names.join(", "))
    };
    let problem = Problem::new(
        ProblemKind::DanglingReference,
        location,
        format!(
            "{path}: no {noun} `{name}` in the deployment ({}), {expected}",
            Code::TOPO003
        ),
    );
    match did_you_mean(name, names) {
        Some(help) => problem.with_help(help),
        None => problem,
    }
}
