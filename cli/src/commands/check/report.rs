//! One deployment's check report, in all three forms, and the text options of large reports
//! (`--statistics`, `--show-all`).

use std::io::Write;

use uclint_core::pipeline::Checked;
use uclint_core::report::{RuleCount, json, statistics, text};

use crate::args::CheckArgs;
use crate::deployment_file;
use crate::output::{self, CODE, DIM, HEADING};

/// Findings about users shown per rule in text, unless `--show-all`.
const USERS_PER_RULE: usize = 5;

/// How the text (and, for statistics, JSON) form is written.
#[derive(Debug, Clone, Copy)]
pub struct TextOptions {
    /// Also say which rules stayed silent, and what plugins printed.
    pub verbose: bool,
    /// One line per rule instead of each finding.
    pub statistics: bool,
    /// Every finding about users, not the first few per rule.
    pub show_all: bool,
}

impl From<&CheckArgs> for TextOptions {
    fn from(args: &CheckArgs) -> Self {
        Self {
            verbose: args.verbose,
            statistics: args.statistics,
            show_all: args.show_all,
        }
    }
}

/// A check's report, in all three forms.
pub struct CheckReport {
    checked: Checked,
    options: TextOptions,
}

impl CheckReport {
    /// The report of `checked`, written as `options` say.
    pub fn new(checked: Checked, options: TextOptions) -> Self {
        Self { checked, options }
    }
}

/// The JSON of one deployment's check: the report, or with `--statistics` the counts.
pub fn json_value(checked: &Checked, options: TextOptions) -> serde_json::Value {
    if options.statistics {
        serde_json::json!({
            "version": json::SCHEMA_VERSION,
            "statistics": statistics(&checked.report, &checked.rules),
            "summary": checked.report.summary(),
        })
    } else {
        json::to_value(&checked.report)
    }
}

/// The text of one deployment's check.
pub fn write_text(out: &mut dyn Write, checked: &Checked, options: TextOptions) -> std::io::Result<()> {
    let report = &checked.report;
    if options.statistics {
        write_statistics(out, &statistics(report, &checked.rules))?;
    } else if options.show_all {
        out.write_all(text::render(report, &deployment_file::source_text).as_bytes())?;
    } else {
        let hint = "--show-all prints every finding; --statistics one line per rule";
        let shown = text::render_grouped(report, &deployment_file::source_text, USERS_PER_RULE, hint);
        out.write_all(shown.as_bytes())?;
    }
    if !options.verbose {
        return Ok(());
    }
    if !report.skipped.is_empty() {
        writeln!(out, "\nrules that stayed silent for lack of data:")?;
        for skipped in &report.skipped {
            writeln!(out, "  {}: {}", skipped.code, skipped.reason)?;
        }
    }
    for printed in &report.plugin_output {
        writeln!(out, "\nplugin `{}` printed:", printed.plugin)?;
        for (stream, text) in [("stdout", &printed.stdout), ("stderr", &printed.stderr)] {
            for line in text.lines() {
                writeln!(out, "  {DIM}{stream} |{DIM:#} {line}")?;
            }
        }
        if printed.dropped_bytes > 0 {
            writeln!(
                out,
                "  {DIM}({} more bytes dropped: past the cap on what one call may print){DIM:#}",
                printed.dropped_bytes
            )?;
        }
    }
    Ok(())
}

/// `--statistics` as ruff prints it: count, code, severity and title, most findings first.
fn write_statistics(out: &mut dyn Write, counts: &[RuleCount]) -> std::io::Result<()> {
    if counts.is_empty() {
        return writeln!(out, "{HEADING}no findings{HEADING:#}");
    }
    let width = counts.iter().map(|c| text::thousands(c.count).len()).max().unwrap_or(1);
    let code_width = counts.iter().map(|c| c.code.len()).max().unwrap_or(6);
    for count in counts {
        let style = text::severity_style(count.severity);
        writeln!(
            out,
            "{:>width$}  {CODE}{:<code_width$}{CODE:#}  {style}{:<8}{style:#}  {}",
            text::thousands(count.count),
            count.code,
            count.severity.as_str(),
            count.title,
        )?;
    }
    Ok(())
}

impl serde::Serialize for CheckReport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        json_value(&self.checked, self.options).serialize(serializer)
    }
}

impl output::Report for CheckReport {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        write_text(out, &self.checked, self.options)
    }

    fn sarif(&self) -> Option<String> {
        Some(self.checked.to_sarif())
    }
}
