//! Load errors for people: the message, then the source line with the culprit underlined.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use uclint_core::model::Problem;
use uclint_core::report::snippet::{GUTTER, write_snippet};

const ERROR: Style = AnsiColor::Red.on_default().bold();
const HELP: Style = AnsiColor::Cyan.on_default().bold();

/// Write `problem` like a compiler would, with the line from `source` when it has one.
pub fn render(out: &mut dyn Write, problem: &Problem, source: &dyn Fn(&str) -> Option<String>) -> std::io::Result<()> {
    let mut text = format!("{ERROR}error{ERROR:#}: {}\n", problem.message);
    if let Some(location) = &problem.location {
        write_snippet(&mut text, location, ERROR, source);
    }
    if let Some(help) = &problem.help {
        text.push_str(&format!("   {GUTTER}={GUTTER:#} {HELP}help{HELP:#}: {help}\n"));
    }
    out.write_all(text.as_bytes())
}
