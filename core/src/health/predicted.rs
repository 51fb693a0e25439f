//! What CUPC's Help > Show Server Health would say for one user on one client, predicted from
//! the deployment file: the findings of every rule, sorted into the services they break.

use serde::Serialize;

use crate::catalogue::{self, Code, Service};
use crate::derive::jabber::{discover_as, profile_sign_in};
use crate::derive::resolve::resolve;
use crate::model::{Client, Deployment, Problem, User};
use crate::report::{Finding, Report, Severity, SubjectKind};
use crate::rules::{Options, check};

/// A service's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Works.
    Ok,
    /// Works in some conditions, or with a risk.
    Warning,
    /// Fails.
    Failing,
    /// Not set up for this user.
    NotConfigured,
}

impl Status {
    /// The status as shown.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Warning => "warning",
            Self::Failing => "failing",
            Self::NotConfigured => "not-configured",
        }
    }
}

/// One line of Show Server Health.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceHealth {
    /// The service.
    pub service: Service,
    /// Its name as CUPC shows it.
    pub label: &'static str,
    /// Its state.
    pub status: Status,
    /// The rule codes behind a warning or failure.
    pub codes: Vec<Code>,
    /// One line saying why.
    pub reason: String,
}

impl ServiceHealth {
    fn new(service: Service, status: Status, codes: Vec<Code>, reason: String) -> Self {
        Self {
            service,
            label: service.label(),
            status,
            codes,
            reason,
        }
    }

    fn not_configured(service: Service, reason: &str) -> Self {
        Self::new(service, Status::NotConfigured, Vec::new(), reason.to_owned())
    }
}

/// Show Server Health for one user on one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Health {
    /// The user's CUCM id.
    pub user: String,
    /// The client profile's id.
    pub client: String,
    /// Each service, in CUPC's order.
    pub services: Vec<ServiceHealth>,
}

/// Predict Show Server Health for `user` on `client`.
pub fn health(deployment: &Deployment, references: &[Problem], user: &User, client: &Client) -> Health {
    let report = check(deployment, references, &Options::default());
    health_from_report(deployment, &report, user, client)
}

/// The same, from a report already made.
pub fn health_from_report(deployment: &Deployment, report: &Report, user: &User, client: &Client) -> Health {
    let nodes: Vec<&str> = [user.home_node.as_deref(), user.presence_node()]
        .into_iter()
        .flatten()
        .collect();
    let relevant = |f: &&Finding| match f.subject.kind {
        SubjectKind::User => f.subject.name == user.cucm_id,
        SubjectKind::Client => f.subject.name == client.id && f.code != Code::NAME001,
        SubjectKind::Server => {
            nodes.contains(&f.subject.name.as_str())
                || service_of(f).is_some_and(|s| matches!(s, Service::Voicemail | Service::Calendar))
        }
        SubjectKind::SipProxy
        | SubjectKind::Ldap
        | SubjectKind::Voicemail
        | SubjectKind::Calendar
        | SubjectKind::Deployment => true,
        SubjectKind::Route | SubjectKind::Domain | SubjectKind::Plugin => false,
    };
    let findings: Vec<&Finding> = report.findings.iter().filter(relevant).collect();
    let configured = |service: Service| match service {
        Service::Login | Service::Presence => true,
        Service::DeskPhone => user.desk_phone_control,
        Service::Voicemail => deployment.voicemail.is_some(),
        Service::Directory => deployment
            .ldap
            .as_ref()
            .and_then(|l| l.cupc_profile.as_ref())
            .is_some_and(|p| p.enabled),
        Service::Calendar => deployment.calendar.is_some(),
        Service::JabberSignIn => true,
    };
    // CUPC's screen has no Jabber line: it is shown for Jabber and Webex App profiles only.
    let services = Service::ALL
        .into_iter()
        .filter(|&service| service != Service::JabberSignIn || client.kind.discovers_services())
        .map(|service| {
            if !configured(service) {
                return ServiceHealth::not_configured(service, "not configured for this user");
            }
            if service == Service::JabberSignIn {
                return jabber_sign_in(deployment, user, client);
            }
            let mut matching: Vec<&Finding> = findings
                .iter()
                .copied()
                .filter(|f| service_of(f) == Some(service) && f.severity > Severity::Info)
                .collect();
            matching.sort_by_key(|f| std::cmp::Reverse(f.severity));
            let mut codes: Vec<Code> = matching.iter().filter_map(|f| f.code.builtin()).collect();
            let mut reason = matching.first().map(|f| f.message.clone());
            let mut status = match matching.first().map(|f| f.severity) {
                Some(Severity::Error) => Status::Failing,
                Some(_) => Status::Warning,
                None => Status::Ok,
            };
            if service == Service::Login {
                if let Some(why) = home_node_unresolvable(user, client, deployment) {
                    codes.insert(0, Code::NAME001);
                    reason = Some(why);
                    status = Status::Failing;
                }
            }
            codes.dedup();
            ServiceHealth::new(service, status, codes, reason.unwrap_or_else(|| "ok".to_owned()))
        })
        .collect();
    Health {
        user: user.cucm_id.to_string(),
        client: client.id.clone(),
        services,
    }
}

/// Jabber sign-in, from D8 for this user's own address: what discovery finds and connects to.
fn jabber_sign_in(deployment: &Deployment, user: &User, client: &Client) -> ServiceHealth {
    let service = Service::JabberSignIn;
    let Some(sign_in) = profile_sign_in(deployment, client, Some(&user.cucm_id)) else {
        return ServiceHealth::not_configured(
            service,
            "no sign-in domain: set `jabber.sign_in` on the profile or the deployment's `domain`",
        );
    };
    let discovery = discover_as(deployment, client, &sign_in, Some(user));
    let status = if !discovery.signs_in {
        Status::Failing
    } else if discovery.prompted() || !discovery.issues.is_empty() {
        Status::Warning
    } else {
        Status::Ok
    };
    // Most severe first, as on every other line; the reason is the first most severe issue's.
    let severity = |code: Code| std::cmp::Reverse(catalogue::info(code).severity);
    let mut codes = discovery.codes();
    codes.sort_by_key(|&code| severity(code));
    let worst = discovery.issues.iter().min_by_key(|i| severity(i.code));
    let reason = match worst {
        Some(issue) if discovery.signs_in => format!("{}: {}", discovery.message, issue.message),
        Some(issue) => format!("\"{}\": {}", discovery.message, issue.message),
        None if discovery.signs_in => format!("{} ({})", discovery.message, discovery.path.as_str()),
        None => format!("\"{}\"", discovery.message),
    };
    ServiceHealth::new(service, status, codes, reason)
}

fn service_of(finding: &Finding) -> Option<Service> {
    finding.code.builtin().and_then(|code| catalogue::info(code).service)
}

/// CUPC 7.x logs in to the home node's node name after the first login: can this client resolve it?
fn home_node_unresolvable(user: &User, client: &Client, deployment: &Deployment) -> Option<String> {
    if !client.is_cupc7() {
        return None;
    }
    let home = user.home_node.as_deref()?;
    let dns = deployment
        .has_dns()
        .then_some(&deployment.dns_view as &dyn crate::dns::Resolver);
    let resolution = resolve(home, client, dns);
    (!resolution.resolved()).then(|| {
        format!(
            "after the first login CUPC {} logs in to home node `{home}`, which `{}` cannot resolve",
            client.version.as_deref().unwrap_or("7"),
            client.id
        )
    })
}
