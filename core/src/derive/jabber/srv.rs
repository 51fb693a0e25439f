//! D8 step 2: the SRV records Jabber asks for, as the DNS of where it is answers them.

use serde::Serialize;

use super::DiscoveryPath;
use crate::dns::{Answer, Name, RData, RecordType, Resolver};
use crate::model::{ClientKind, ExcludedService, JabberSettings};

/// A discovery record Jabber asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Service {
    /// `_cisco-uds._tcp`: Unified CM's User Data Service (on-premises).
    #[serde(rename = "_cisco-uds")]
    CiscoUds,
    /// `_cuplogin._tcp`: legacy IM and Presence sign-in.
    #[serde(rename = "_cuplogin")]
    CupLogin,
    /// `_collab-edge._tls`: the Expressway-E (Mobile and Remote Access).
    #[serde(rename = "_collab-edge")]
    CollabEdge,
}

impl Service {
    /// Every service, in the order the answers are weighed.
    pub const ALL: [Service; 3] = [Self::CiscoUds, Self::CupLogin, Self::CollabEdge];

    /// The owner name's prefix (`_cisco-uds._tcp`).
    pub const fn prefix(self) -> &'static str {
        match self {
            Self::CiscoUds => "_cisco-uds._tcp",
            Self::CupLogin => "_cuplogin._tcp",
            Self::CollabEdge => "_collab-edge._tls",
        }
    }

    /// The record's label (`_cisco-uds`).
    pub const fn label(self) -> &'static str {
        match self {
            Self::CiscoUds => "_cisco-uds",
            Self::CupLogin => "_cuplogin",
            Self::CollabEdge => "_collab-edge",
        }
    }

    /// Whether Jabber asks for this record at all: `EXCLUDED_SERVICES` stops `_cisco-uds`
    /// (CUCM) and `_cuplogin` (CUP), never `_collab-edge`.
    pub fn asked(self, settings: &JabberSettings) -> bool {
        let excluded_by = match self {
            Self::CiscoUds => Some(ExcludedService::Cucm),
            Self::CupLogin => Some(ExcludedService::Cup),
            Self::CollabEdge => None,
        };
        !excluded_by.is_some_and(|s| settings.excludes(s))
    }
}

/// One SRV target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SrvTarget {
    /// The target host, without the trailing dot.
    pub target: String,
    /// The port.
    pub port: u16,
    /// Lower is tried first.
    pub priority: u16,
    /// Within a priority, heavier is tried first.
    pub weight: u16,
}

/// What one SRV query found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum SrvResult {
    /// Targets, in the order Jabber tries them (priority, then weight, heaviest first).
    Found {
        /// The targets.
        targets: Vec<SrvTarget>,
    },
    /// The name does not exist, or has no SRV records.
    NotFound {
        /// What the DNS said.
        answer: String,
    },
    /// Not asked: `EXCLUDED_SERVICES` names it.
    Excluded,
    /// Not asked: nothing describes the DNS of this place.
    NoDns,
}

/// One SRV query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SrvQuery {
    /// The service asked for.
    pub service: Service,
    /// The absolute name asked (`_cisco-uds._tcp.ex.com.`).
    pub name: String,
    /// What came back.
    pub result: SrvResult,
}

impl SrvQuery {
    /// What came back, in one line: `1 10 8443 cucm1.ex.com, ...` or why there is none.
    pub fn answer(&self) -> String {
        match &self.result {
            SrvResult::Found { targets } => targets
                .iter()
                .map(|t| format!("{} {} {} {}", t.priority, t.weight, t.port, t.target))
                .collect::<Vec<_>>()
                .join(", "),
            SrvResult::NotFound { answer } => answer.clone(),
            SrvResult::Excluded => "not asked (EXCLUDED_SERVICES)".to_owned(),
            SrvResult::NoDns => "not asked (no DNS described here)".to_owned(),
        }
    }

    /// The result's status as JSON names it: `found`, `not-found`, `excluded` or `no-dns`.
    pub const fn status(&self) -> &'static str {
        match self.result {
            SrvResult::Found { .. } => "found",
            SrvResult::NotFound { .. } => "not-found",
            SrvResult::Excluded => "excluded",
            SrvResult::NoDns => "no-dns",
        }
    }

    /// The targets, when records were found.
    pub fn targets(&self) -> &[SrvTarget] {
        match &self.result {
            SrvResult::Found { targets } => targets,
            _ => &[],
        }
    }
}

/// The path these answers choose (D8 step 3), with the query that chose it: `_cisco-uds` wins,
/// then `_cuplogin`, then `_collab-edge`; with none, manual entry.
pub fn chosen(queries: &[SrvQuery]) -> (DiscoveryPath, Option<&SrvQuery>) {
    let found = |service: Service| queries.iter().find(|q| q.service == service && !q.targets().is_empty());
    [
        (Service::CiscoUds, DiscoveryPath::OnPremises),
        (Service::CupLogin, DiscoveryPath::ImAndPresence),
        (Service::CollabEdge, DiscoveryPath::Mra),
    ]
    .into_iter()
    .find_map(|(service, path)| found(service).map(|q| (path, Some(q))))
    .unwrap_or((DiscoveryPath::Manual, None))
}

/// ` (`_cisco-uds` excluded by EXCLUDED_SERVICES)` when some queries were not asked, else
/// nothing: why no record was found, as JAB002 says it.
pub fn excluded_note(queries: &[SrvQuery]) -> String {
    let excluded: Vec<&str> = queries
        .iter()
        .filter(|q| q.result == SrvResult::Excluded)
        .map(|q| q.service.label())
        .collect();
    if excluded.is_empty() {
        String::new()
    } else {
        format!(" (`{}` excluded by EXCLUDED_SERVICES)", excluded.join("`, `"))
    }
}

/// Ask for every discovery record under `domain` at once, as Jabber does; Jabber for Windows
/// 9.6.x also asks under `cisco-internal.` when the first two have no answer.
pub fn discovery_queries(
    domain: &str,
    kind: ClientKind,
    version: Option<&str>,
    settings: &JabberSettings,
    dns: Option<&dyn Resolver>,
) -> Vec<SrvQuery> {
    let mut queries: Vec<SrvQuery> = Service::ALL
        .into_iter()
        .map(|service| ask(service, domain, settings, dns))
        .collect();
    let windows_9_6 = kind == ClientKind::JabberWindows && version.is_some_and(|v| v.starts_with("9.6"));
    if windows_9_6 && queries[..2].iter().all(|q| q.targets().is_empty()) {
        let internal = format!("cisco-internal.{domain}");
        for service in [Service::CiscoUds, Service::CupLogin] {
            queries.push(ask(service, &internal, settings, dns));
        }
    }
    queries
}

/// Ask for `service` under `domain`, as a client with `settings` asks it.
pub fn ask(service: Service, domain: &str, settings: &JabberSettings, dns: Option<&dyn Resolver>) -> SrvQuery {
    let name = format!("{}.{}.", service.prefix(), domain.trim_end_matches('.'));
    let result = if !service.asked(settings) {
        SrvResult::Excluded
    } else if let Some(dns) = dns {
        lookup(dns, &name)
    } else {
        SrvResult::NoDns
    };
    SrvQuery { service, name, result }
}

fn lookup(dns: &dyn Resolver, name: &str) -> SrvResult {
    let absolute = match Name::from_ascii(name) {
        Ok(absolute) => absolute,
        Err(e) => {
            return SrvResult::NotFound {
                answer: format!("not a valid name: {e}"),
            };
        }
    };
    let not_found = |answer: &str| SrvResult::NotFound {
        answer: answer.to_owned(),
    };
    match dns.query(&absolute, RecordType::SRV) {
        Answer::Records(records) => {
            let mut targets: Vec<SrvTarget> = records
                .iter()
                .filter_map(|r| match &r.data {
                    // A lone `.` target says: decidedly no service here (RFC 2782).
                    RData::SRV(srv) if !srv.target.is_root() => Some(SrvTarget {
                        target: srv.target.to_ascii().trim_end_matches('.').to_owned(),
                        port: srv.port,
                        priority: srv.priority,
                        weight: srv.weight,
                    }),
                    _ => None,
                })
                .collect();
            targets.sort_by_key(|t| (t.priority, std::cmp::Reverse(t.weight)));
            if targets.is_empty() {
                not_found("no SRV records")
            } else {
                SrvResult::Found { targets }
            }
        }
        Answer::NxDomain => not_found("no such name (NXDOMAIN)"),
        Answer::NoData => not_found("no SRV records"),
        Answer::Timeout => not_found("timed out"),
        Answer::Refused => not_found("refused"),
        Answer::Failed(why) => SrvResult::NotFound {
            answer: format!("failed: {why}"),
        },
    }
}
