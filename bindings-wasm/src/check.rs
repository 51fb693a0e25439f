//! Every rule over a deployment (`uclint check --format json|sarif`), through the one check
//! pipeline every front door shares; the browser runs no plugins.

use serde::{Deserialize, Serialize};
use std::sync::Arc;
use tsify::{Ts, Tsify};

use uclint_core::catalogue::{RuleId, UnknownCode};
use uclint_core::pipeline::{self, CheckRequest, Checked};
use uclint_core::report::{self as core_report, json};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::deployment::{DeploymentSource, SourceLocation};
use crate::error::{Failure, to_ts};

/// Which rules run (`--select`, `--ignore`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct CheckOptions {
    /// Only these rule codes (all when absent or empty).
    #[serde(default)]
    #[tsify(optional)]
    pub select: Option<Vec<String>>,
    /// Never these rule codes.
    #[serde(default)]
    #[tsify(optional)]
    pub ignore: Option<Vec<String>>,
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Advice.
    Info,
    /// Works, but weakens protection.
    Security,
    /// Fails in some conditions, or a risk.
    Warning,
    /// A feature will fail.
    Error,
}

/// One way to fix a finding, with what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Fix {
    /// What to do.
    pub action: String,
    /// What it costs (in security, effort or features).
    pub tradeoff: String,
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Subject {
    /// The kind of thing (a test proves the list names every kind core has).
    #[tsify(
        type = "\"deployment\" | \"server\" | \"user\" | \"client\" | \"sip-proxy\" | \"route\" | \"domain\" | \"ldap\" | \"voicemail\" | \"calendar\" | \"plugin\""
    )]
    pub kind: &'static str,
    /// Its name (node name, user id, client id, route pattern...).
    pub name: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Finding {
    /// The rule's code (`PRS001`).
    pub code: String,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, specifically.
    pub message: String,
    /// What it is about.
    pub subject: Subject,
    /// Where the item at fault was written, when known.
    pub location: Option<SourceLocation>,
    /// Fixes, best first.
    pub fixes: Vec<Fix>,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Summary {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Security findings.
    pub security: usize,
    /// Advice.
    pub info: usize,
}

/// A rule that stayed silent because the deployment does not give what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Skipped {
    /// The rule's code.
    pub code: String,
    /// What data it lacked.
    pub reason: String,
}

/// Everything one check found: the JSON `uclint check --format json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct CheckReport {
    /// The version of this shape.
    pub version: u32,
    /// The findings, in a stable order (by location, then code).
    pub findings: Vec<Finding>,
    /// Counts by severity.
    pub summary: Summary,
    /// Rules that could not run for lack of data.
    pub skipped: Vec<Skipped>,
}

impl From<core_report::Severity> for Severity {
    fn from(severity: core_report::Severity) -> Self {
        match severity {
            core_report::Severity::Info => Self::Info,
            core_report::Severity::Security => Self::Security,
            core_report::Severity::Warning => Self::Warning,
            core_report::Severity::Error => Self::Error,
        }
    }
}

impl From<&core_report::Fix> for Fix {
    fn from(fix: &core_report::Fix) -> Self {
        let core_report::Fix { action, tradeoff } = fix;
        Self {
            action: action.to_string(),
            tradeoff: tradeoff.to_string(),
        }
    }
}

impl From<&core_report::Finding> for Finding {
    fn from(finding: &core_report::Finding) -> Self {
        let core_report::Finding {
            code,
            severity,
            message,
            subject,
            location,
            fixes,
        } = finding;
        Self {
            code: code.to_string(),
            severity: (*severity).into(),
            message: message.clone(),
            subject: Subject {
                kind: subject.kind.as_str(),
                name: subject.name.clone(),
            },
            location: location.as_ref().map(SourceLocation::from),
            fixes: fixes.iter().map(Fix::from).collect(),
        }
    }
}

impl From<&core_report::Report> for CheckReport {
    fn from(report: &core_report::Report) -> Self {
        // What plugins printed never reaches the browser: it runs none.
        let core_report::Report { findings, skipped, .. } = report;
        let core_report::Summary {
            error,
            warning,
            security,
            info,
        } = report.summary();
        Self {
            version: json::SCHEMA_VERSION,
            findings: findings.iter().map(Finding::from).collect(),
            summary: Summary {
                error,
                warning,
                security,
                info,
            },
            skipped: skipped
                .iter()
                .map(|core_report::Skipped { code, reason }| Skipped {
                    code: code.to_string(),
                    reason: reason.clone(),
                })
                .collect(),
        }
    }
}

/// Rule codes as core parses them (`--select`), with the CLI's message for an unknown one.
fn codes(list: Option<&[String]>) -> Result<Vec<RuleId>, Failure> {
    list.unwrap_or_default()
        .iter()
        .map(|text| text.parse().map_err(|e: UnknownCode| Failure::usage(e.to_string())))
        .collect()
}

/// Load (dangling references become TOPO003 findings) and check, as `uclint check` does.
fn run(deployment: Ts<DeploymentSource>, options: Option<Ts<CheckOptions>>) -> Result<Checked, Failure> {
    let options = match options {
        Some(options) => options
            .to_rust()
            .map_err(|e| Failure::usage(format!("invalid check options: {e}")))?,
        None => CheckOptions::default(),
    };
    let request = CheckRequest {
        select: codes(options.select.as_deref())?,
        ignore: codes(options.ignore.as_deref())?,
        ..CheckRequest::default()
    };
    let loaded = DeploymentSource::from_ts(deployment)?.load_with_references()?;
    // No plugin runner: a browser cannot start the plugin sandbox.
    pipeline::check(&Arc::new(loaded.deployment), &loaded.references, &request, None)
        .map_err(|e| Failure::usage(e.to_string()))
}

/// Check the deployment against every rule (or those `options` select): findings with the line
/// at fault and their fixes, and counts by severity.
#[wasm_bindgen]
pub fn check(deployment: Ts<DeploymentSource>, options: Option<Ts<CheckOptions>>) -> Result<Ts<CheckReport>, JsValue> {
    to_ts(&CheckReport::from(&run(deployment, options)?.report))
}

/// The same check as a SARIF 2.1.0 log (text), for code-scanning tools.
#[wasm_bindgen(js_name = checkSarif)]
pub fn check_sarif(deployment: Ts<DeploymentSource>, options: Option<Ts<CheckOptions>>) -> Result<String, JsValue> {
    Ok(run(deployment, options)?.to_sarif())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use uclint_core::catalogue::Code;
    use uclint_core::model::{Deployment, Format};

    /// The bundled example, with the files it refers to.
    fn acme() -> (Deployment, Vec<uclint_core::model::Problem>) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/");
        let read = |name: &str| std::fs::read_to_string(format!("{dir}{name}")).unwrap();
        let files = BTreeMap::from([
            ("acme-users.csv".to_owned(), read("acme-users.csv")),
            ("acme.zone".to_owned(), read("acme.zone")),
        ]);
        Deployment::load_with_references(&read("acme.toml"), Format::Toml, "acme.toml", &files).unwrap()
    }

    #[test]
    fn reports_serialize_as_the_cli_json() {
        let (deployment, references) = acme();
        let report = uclint_core::rules::check(&deployment, &references, &Default::default());
        assert!(!report.findings.is_empty());
        assert_eq!(
            serde_json::to_value(CheckReport::from(&report)).unwrap(),
            json::to_value(&report)
        );
    }

    #[test]
    fn typescript_names_every_kind_and_severity() {
        use tsify::Tsify;
        for kind in core_report::SubjectKind::ALL {
            assert!(Subject::DECL.contains(&format!("\"{}\"", kind.as_str())), "{kind:?}");
        }
        for severity in core_report::Severity::ALL {
            assert!(Severity::DECL.contains(&format!("\"{severity}\"")), "{severity}");
        }
    }

    #[test]
    fn codes_parse_like_the_cli() {
        let list = vec![" prs001".to_owned(), "AUTH001".to_owned()];
        assert_eq!(codes(Some(&list)), Ok(vec![Code::PRS001.into(), Code::AUTH001.into()]));
        assert_eq!(codes(None), Ok(vec![]));
        let bad = codes(Some(&["NOPE1".to_owned()])).unwrap_err();
        assert_eq!(bad.message, "unknown rule code `NOPE1`");
    }
}
