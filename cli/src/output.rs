//! Writing results: JSON for scripts, aligned and coloured text for people.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::args::OutputFormat;

/// Bold, for headings.
pub const HEADING: Style = Style::new().bold();
/// Dim, for explanations.
pub const DIM: Style = Style::new().dimmed();
/// Green, for what works.
pub const GOOD: Style = AnsiColor::Green.on_default().bold();
/// Red, for what fails.
pub const BAD: Style = AnsiColor::Red.on_default().bold();
/// Yellow, for what is doubtful.
pub const WARN: Style = AnsiColor::Yellow.on_default().bold();
/// Cyan, for rule codes.
pub const CODE: Style = AnsiColor::Cyan.on_default();

/// A result that can be shown both ways.
pub trait Report: Serialize {
    /// Write the text form.
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()>;

    /// The SARIF form, for reports that have one.
    fn sarif(&self) -> Option<String> {
        None
    }
}

/// Write `report` to stdout in `format`; colour only when stdout is a terminal (anstream decides).
pub fn emit(report: &dyn ErasedReport, format: OutputFormat) -> std::io::Result<()> {
    // Only text carries colour; JSON and SARIF go straight out, buffered, without the
    // escape-stripping adapter.
    let mut plain = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        OutputFormat::Json => {
            report.json(&mut plain)?;
            writeln!(plain)?;
        }
        OutputFormat::Text => report.text_form(&mut anstream::stdout().lock())?,
        OutputFormat::Sarif => match report.sarif_form() {
            Some(sarif) => writeln!(plain, "{sarif}")?,
            // main refuses --format sarif for other commands before running them.
            None => report.json(&mut plain)?,
        },
    }
    plain.flush()
}

/// [`Report`] without the generic serializer, so commands can return `Box<dyn ErasedReport>`.
pub trait ErasedReport {
    /// Write the JSON form.
    fn json(&self, out: &mut dyn Write) -> std::io::Result<()>;
    /// Write the text form.
    fn text_form(&self, out: &mut dyn Write) -> std::io::Result<()>;
    /// The SARIF form, if any.
    fn sarif_form(&self) -> Option<String>;
}

impl<T: Report> ErasedReport for T {
    fn json(&self, out: &mut dyn Write) -> std::io::Result<()> {
        // `From` keeps an I/O error's kind, so a closed pipe stays a closed pipe.
        serde_json::to_writer_pretty(&mut *out, self).map_err(std::io::Error::from)
    }

    fn text_form(&self, out: &mut dyn Write) -> std::io::Result<()> {
        self.text(out)
    }

    fn sarif_form(&self) -> Option<String> {
        self.sarif()
    }
}

/// `label:` padded to `width`, then the value.
pub fn field(out: &mut dyn Write, label: &str, width: usize, value: &dyn std::fmt::Display) -> std::io::Result<()> {
    let value = value.to_string();
    writeln!(
        out,
        "{HEADING}{label:<width$}{HEADING:#} {}",
        value.trim_end(),
        label = format!("{label}:"),
        width = width + 1
    )
}

/// Rule codes as `[PRS001 PRS002]`, or nothing.
pub fn codes<T: std::fmt::Display>(codes: &[T]) -> String {
    if codes.is_empty() {
        return String::new();
    }
    let list: Vec<String> = codes.iter().map(|c| format!("{CODE}{c}{CODE:#}")).collect();
    format!("[{}]", list.join(" "))
}

/// A numbered list of steps, dimmed.
pub fn steps(out: &mut dyn Write, steps: &[String]) -> std::io::Result<()> {
    writeln!(out, "{HEADING}steps:{HEADING:#}")?;
    for (i, step) in steps.iter().enumerate() {
        writeln!(out, "  {DIM}{}.{DIM:#} {step}", i + 1)?;
    }
    Ok(())
}
