//! Observations become findings of the same report as `uclint check`: text, JSON and SARIF.

use serde::Serialize;
use uclint_core::catalogue::{self, Code};
use uclint_core::model::Deployment;
use uclint_core::report::{Finding, Report, Subject, SubjectKind, Summary, sarif};
use uclint_core::source::Location;

use crate::Observation;

/// What one probe run saw, and the findings it makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeReport {
    /// Every observation, in a stable order (probe, target, subject).
    pub observations: Vec<Observation>,
    /// The findings the observations raise, sorted like `uclint check`'s.
    pub report: Report,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    observations: &'a [Observation],
    findings: &'a [Finding],
    summary: Summary,
}

impl ProbeReport {
    /// The report of `observations` made over `deployment` (which places the findings).
    pub fn new(deployment: &Deployment, observations: Vec<Observation>) -> Self {
        let mut report = Report::default();
        for observation in &observations {
            let about = place(deployment, &observation.subject);
            // A disagreement points at the stale setting; anything else at what it is about.
            let stale = observation.setting.as_ref().and_then(|s| s.location.clone());
            for raised in &observation.raised {
                let location = match raised.code {
                    Code::DRIFT001 => stale.clone().or_else(|| about.clone()),
                    _ => about.clone(),
                };
                report.findings.push(Finding {
                    code: raised.code.into(),
                    severity: raised.severity,
                    message: raised.message.clone(),
                    subject: observation.subject.clone(),
                    location,
                    fixes: catalogue::info(raised.code).fixes.to_vec(),
                });
            }
        }
        report.sort();
        report.findings.dedup();
        Self { observations, report }
    }

    /// The JSON report: `version`, `observations`, `findings` and `summary`.
    pub fn to_json(&self) -> String {
        let json = JsonReport {
            version: uclint_core::report::json::SCHEMA_VERSION,
            observations: &self.observations,
            findings: &self.report.findings,
            summary: self.report.summary(),
        };
        serde_json::to_string_pretty(&json).unwrap_or_default()
    }

    /// The findings as a SARIF 2.1.0 log, every built-in rule described.
    pub fn to_sarif(&self) -> String {
        sarif::render(&self.report, &sarif::builtin_rules(), env!("CARGO_PKG_VERSION"))
    }
}

/// Where `subject` is written in the deployment file.
fn place(deployment: &Deployment, subject: &Subject) -> Option<Location> {
    let name = subject.name.as_str();
    match subject.kind {
        SubjectKind::Server => deployment.server(name).and_then(|s| s.location.clone()),
        SubjectKind::Client => deployment.client(name).and_then(|c| c.location.clone()),
        SubjectKind::User => deployment.user(name).and_then(|u| u.location.clone()),
        SubjectKind::Route => deployment
            .sip_proxy
            .static_routes
            .iter()
            .find(|r| r.pattern == name)
            .and_then(|r| r.location.clone()),
        SubjectKind::Ldap => deployment.ldap.as_ref().and_then(|l| l.location.clone()),
        SubjectKind::Voicemail => deployment.voicemail.as_ref().and_then(|v| v.location.clone()),
        SubjectKind::Calendar => deployment.calendar.as_ref().and_then(|c| c.location.clone()),
        SubjectKind::Deployment | SubjectKind::SipProxy | SubjectKind::Domain | SubjectKind::Plugin => None,
    }
}
