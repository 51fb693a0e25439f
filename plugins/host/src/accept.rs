//! What a plugin declares and returns, checked and cleaned before it reaches a report: its
//! namespace and rules at load, its findings after each `check`.

use std::collections::HashSet;

use uclint_core::catalogue::Code;
use uclint_core::model::Deployment;
use uclint_core::report::{Finding, Severity, Subject, SubjectKind};
use uclint_core::source::Location;

use crate::bindings::raw;
use crate::failure::Failure;
use crate::plugin::{Plugin, PluginRule};
use crate::validate::{Sanitizer, code_problem, namespace_ok, printable, severity, subject_kind};

/// The plugin's declared rules, validated: a bad namespace or code refuses the plugin.
pub fn declared_rules(
    namespace: &str,
    rules: Vec<raw::Rule>,
    sanitizer: &mut Sanitizer,
) -> Result<Vec<PluginRule>, Failure> {
    let refuse = |reason: String| Failure::new(Code::PLUGIN008, reason);
    if !namespace_ok(namespace) {
        return Err(refuse(format!(
            "its namespace `{}` is not `X-<VENDOR>` (upper-case letters, digits and dashes)",
            printable(namespace)
        )));
    }
    if rules.is_empty() {
        return Err(refuse("it declares no rules".to_owned()));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(rules.len());
    for rule in rules {
        if let Some(problem) = code_problem(&rule.code, namespace) {
            return Err(refuse(problem));
        }
        if !seen.insert(rule.code.clone()) {
            return Err(refuse(format!("it declares `{}` twice", rule.code)));
        }
        let default = severity(&rule.severity, Severity::Info)
            .ok()
            .filter(|_| !rule.severity.is_empty())
            .ok_or_else(|| {
                refuse(format!(
                    "rule `{}` has default severity `{}`",
                    rule.code,
                    printable(&rule.severity)
                ))
            })?;
        out.push(PluginRule {
            code: rule.code,
            title: sanitizer.clean(rule.title, false),
            summary: sanitizer.clean(rule.summary, true),
            severity: default,
            docs: sanitizer.clean(rule.docs, true),
            fixes: rule
                .fixes
                .into_iter()
                .map(|f| sanitizer.fix(f.action, f.tradeoff))
                .collect(),
        });
    }
    Ok(out)
}

/// One finding from the plugin, checked and cleaned.
pub fn accept(
    plugin: &Plugin,
    f: raw::Finding,
    sanitizer: &mut Sanitizer,
    places: &Places<'_>,
) -> Result<Finding, String> {
    let Some(rule) = plugin.rules.iter().find(|r| r.code == f.code) else {
        return Err(code_problem(&f.code, &plugin.namespace)
            .unwrap_or_else(|| format!("`{}` is not one of the rules the plugin declared", printable(&f.code))));
    };
    let severity = severity(&f.severity, rule.severity)?;
    let kind = subject_kind(&f.subject.kind)?;
    let name = sanitizer.clean(f.subject.name, false);
    let fixes = if f.fixes.is_empty() {
        rule.fixes.clone()
    } else {
        f.fixes
            .into_iter()
            .map(|x| sanitizer.fix(x.action, x.tradeoff))
            .collect()
    };
    Ok(Finding {
        code: uclint_core::catalogue::RuleId::Plugin(rule.code.clone()),
        severity,
        message: sanitizer.clean(f.message, false),
        location: places.of(kind, &name),
        subject: Subject::new(kind, name),
        fixes,
    })
}

/// Adds the PLUGIN007 finding when text was stripped.
pub fn with_stripped(
    mut out: Vec<Finding>,
    sanitizer: &Sanitizer,
    plugin: &Plugin,
    origin: Option<Location>,
) -> Vec<Finding> {
    if sanitizer.stripped > 0 {
        out.push(
            Failure::new(
                Code::PLUGIN007,
                format!(
                    "{} control characters removed from its text before display",
                    sanitizer.stripped
                ),
            )
            .finding(&plugin.name, origin),
        );
    }
    out
}

/// Where subjects were written, so plugin findings point at the line like built-in ones.
pub struct Places<'a> {
    deployment: &'a Deployment,
    users: std::sync::OnceLock<std::collections::HashMap<&'a str, Option<&'a Location>>>,
}

impl<'a> Places<'a> {
    /// An index over `deployment`, built as needed.
    pub fn new(deployment: &'a Deployment) -> Self {
        Self {
            deployment,
            users: std::sync::OnceLock::new(),
        }
    }

    /// Where the subject `kind` `name` was written, if it was.
    fn of(&self, kind: SubjectKind, name: &str) -> Option<Location> {
        let d = self.deployment;
        match kind {
            SubjectKind::Server => d.server(name).and_then(|s| s.location.clone()),
            SubjectKind::Client => d.client(name).and_then(|c| c.location.clone()),
            SubjectKind::Route => d
                .sip_proxy
                .static_routes
                .iter()
                .find(|r| r.pattern == name)
                .and_then(|r| r.location.clone()),
            SubjectKind::User => self
                .users
                .get_or_init(|| {
                    d.users
                        .iter()
                        .map(|u| (u.cucm_id.as_str(), u.location.as_ref()))
                        .collect()
                })
                .get(name)
                .copied()
                .flatten()
                .cloned(),
            _ => None,
        }
    }
}
