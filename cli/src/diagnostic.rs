//! Errors for people: the message, then the source line with the culprit underlined.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use uclint_core::model::Problem;
use uclint_core::source::Location;

const ERROR: Style = AnsiColor::Red.on_default().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();
const HELP: Style = AnsiColor::Cyan.on_default().bold();

/// Write `problem` like a compiler would, with the line from `source` when it has one.
pub fn render(
    out: &mut dyn Write,
    problem: &Problem,
    source: &dyn Fn(&str) -> Option<String>,
) -> std::io::Result<()> {
    writeln!(out, "{ERROR}error{ERROR:#}: {}", problem.message)?;
    if let Some(location) = &problem.location {
        snippet(out, location, source)?;
    }
    if let Some(help) = &problem.help {
        writeln!(out, "   {GUTTER}={GUTTER:#} {HELP}help{HELP:#}: {help}")?;
    }
    Ok(())
}

fn snippet(
    out: &mut dyn Write,
    location: &Location,
    source: &dyn Fn(&str) -> Option<String>,
) -> std::io::Result<()> {
    let number = location.line.to_string();
    let pad = " ".repeat(number.len());
    writeln!(out, "{pad}{GUTTER}-->{GUTTER:#} {location}")?;
    let Some(text) = source(&location.file) else {
        return Ok(());
    };
    let Some(line) = text.lines().nth(location.line.saturating_sub(1) as usize) else {
        return Ok(());
    };
    let line = line.trim_end_matches('\r');
    let start = location.column.saturating_sub(1) as usize;
    let token: usize = line
        .chars()
        .skip(start)
        .take_while(|c| !c.is_whitespace() && *c != ',')
        .count()
        .max(1);
    let indent: String = line
        .chars()
        .take(start)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    writeln!(out, "{pad} {GUTTER}|{GUTTER:#}")?;
    writeln!(out, "{GUTTER}{number} |{GUTTER:#} {line}")?;
    writeln!(
        out,
        "{pad} {GUTTER}|{GUTTER:#} {indent}{ERROR}{}{ERROR:#}",
        "^".repeat(token)
    )?;
    Ok(())
}
