//! `uclint rules` and `uclint explain CODE`: the rule catalogue, for people and scripts.

use std::io::Write;

use uclint_core::catalogue::{self, Code, RuleInfo};

use crate::output::{CODE, DIM, ErasedReport, Report};

/// Every rule.
pub fn list() -> Box<dyn ErasedReport> {
    Box::new(RuleList(catalogue::all().collect()))
}

/// One rule's page.
pub fn explain(code: Code) -> Box<dyn ErasedReport> {
    Box::new(RulePage(catalogue::info(code)))
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct RuleList(Vec<&'static RuleInfo>);

impl Report for RuleList {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        for rule in &self.0 {
            writeln!(
                out,
                "{CODE}{:<8}{CODE:#} {DIM}{:<8}{DIM:#} {}",
                rule.code.as_str(),
                rule.severity.as_str(),
                rule.title
            )?;
        }
        Ok(())
    }
}

#[derive(serde::Serialize)]
#[serde(transparent)]
struct RulePage(&'static RuleInfo);

impl Report for RulePage {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(catalogue::page(self.0).as_bytes())
    }
}
