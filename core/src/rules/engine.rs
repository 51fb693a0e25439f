//! Runs every enabled rule over one deployment and collects the findings.

use std::collections::HashSet;

use rustc_hash::FxHashMap as HashMap;

use super::users::{self, UserFacts};
use crate::catalogue::{self, Code};
use crate::derive::implicit::ClientNodes;
use crate::derive::presence::{PresenceAddress, presence_address, presence_address_resolved};
use crate::dns::Resolver;
use crate::model::{Client, Deployment, Path, Problem, Role, Server, User};
use crate::report::{Finding, Report, Skipped, Subject};
use crate::source::Location;

/// Which rules run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only these codes (all when empty).
    pub select: Vec<Code>,
    /// Never these codes.
    pub ignore: Vec<Code>,
}

impl Options {
    /// Whether `code` runs.
    pub fn enabled(&self, code: Code) -> bool {
        (self.select.is_empty() || self.select.contains(&code)) && !self.ignore.contains(&code)
    }
}

/// What rules read: the deployment and what is worth computing once for all of them.
pub struct Context<'a> {
    /// The deployment.
    pub deployment: &'a Deployment,
    /// The deployment's DNS data, when it describes any.
    pub dns: Option<&'a dyn Resolver>,
    /// Reference problems found while loading (reported as TOPO003).
    pub reference_problems: &'a [Problem],
    servers: HashMap<&'a str, &'a Server>,
    clients: HashMap<&'a str, &'a Client>,
    presence: HashMap<&'a str, PresenceAddress>,
    /// Tallies of the one walk over the users; empty until [`check`] has walked them.
    users: UserFacts<'a>,
}

impl<'a> Context<'a> {
    /// Prepare to check `deployment`. The users are walked later, once, by [`check`].
    pub fn new(deployment: &'a Deployment, reference_problems: &'a [Problem]) -> Self {
        let dns = deployment.has_dns().then_some(&deployment.dns_view as &dyn Resolver);
        let servers = deployment.servers.iter().map(|s| (s.node_name.as_str(), s)).collect();
        let clients = deployment.clients.iter().map(|c| (c.id.as_str(), c)).collect();
        let domain = deployment.sip_proxy.proxy_domain.as_deref();
        let presence = deployment
            .servers_with(Role::Cups)
            .map(|s| {
                let derived = match dns {
                    Some(dns) => presence_address_resolved(&s.node_name, domain, None, dns),
                    None => presence_address(&s.node_name, domain, None),
                };
                (s.node_name.as_str(), derived)
            })
            .collect();
        Self {
            deployment,
            dns,
            reference_problems,
            servers,
            clients,
            presence,
            users: UserFacts::default(),
        }
    }

    /// The nodes the users of client profile `id` use.
    pub fn client_nodes(&self, id: &str) -> ClientNodes<'a> {
        self.users.client_nodes.get(id).cloned().unwrap_or_default()
    }

    /// How many users register presence with `node`.
    pub fn presence_users(&self, node: &str) -> usize {
        self.users.presence_users.get(node).copied().unwrap_or(0)
    }

    /// How many users control a desk phone from CUPC.
    pub fn desk_phone_users(&self) -> usize {
        self.users.desk_phone_users
    }

    /// The server with this node name.
    pub fn server(&self, node_name: &str) -> Option<&'a Server> {
        self.servers.get(node_name).copied()
    }

    /// The client profile with this id.
    pub fn client(&self, id: &str) -> Option<&'a Client> {
        self.clients.get(id).copied()
    }

    /// The presence address for a CUPS node (computed once per node).
    pub fn presence(&self, node_name: &str) -> Option<&PresenceAddress> {
        self.presence.get(node_name)
    }

    /// The presence address for every CUPS node.
    pub fn presence_nodes(&self) -> impl Iterator<Item = (&'a str, &PresenceAddress)> {
        self.presence.iter().map(|(k, v)| (*k, v))
    }

    /// Where `path` was written in the deployment file.
    pub fn locate(&self, path: &Path) -> Option<Location> {
        self.deployment.source_map.locate(path)
    }

    /// Where a user was written (a deployment item or a CSV row).
    pub fn user_location(&self, user: &User) -> Option<Location> {
        user.location.clone()
    }
}

/// Where rules put what they find.
pub struct Sink<'o> {
    options: &'o Options,
    report: Report,
    skipped: HashSet<Code>,
}

impl<'o> Sink<'o> {
    fn new(options: &'o Options) -> Self {
        Self {
            options,
            report: Report::default(),
            skipped: HashSet::new(),
        }
    }

    /// Whether `code` is enabled (rules skip their work when it is not).
    pub fn enabled(&self, code: Code) -> bool {
        self.options.enabled(code)
    }

    /// Record a finding of `code` with the rule's default severity and fixes.
    pub fn emit(&mut self, code: Code, subject: Subject, location: Option<Location>, message: impl Into<String>) {
        if !self.options.enabled(code) {
            return;
        }
        let info = catalogue::info(code);
        self.report.findings.push(Finding {
            code: code.into(),
            severity: info.severity,
            message: message.into(),
            subject,
            location,
            fixes: info.fixes.to_vec(),
        });
    }

    /// Say that `code` stayed silent because the deployment lacks what it needs.
    pub fn skip(&mut self, code: Code, reason: impl Into<String>) {
        if self.options.enabled(code) && self.skipped.insert(code) {
            self.report.skipped.push(Skipped {
                code,
                reason: reason.into(),
            });
        }
    }

    /// The findings so far; what was skipped in code order, whichever rule ran first.
    pub fn into_report(mut self) -> Report {
        self.report.sort();
        self.report.skipped.sort_by(|a, b| a.code.as_str().cmp(b.code.as_str()));
        self.report
    }
}

/// Run every enabled built-in rule over `deployment`.
pub fn check(deployment: &Deployment, reference_problems: &[Problem], options: &Options) -> Report {
    let mut cx = Context::new(deployment, reference_problems);
    let mut sink = Sink::new(options);
    cx.users = users::walk(&cx, &super::USER_RULES, &mut sink);
    for family in super::FAMILY_CHECKS {
        family(&cx, &mut sink);
    }
    sink.into_report()
}
