//! The source line of a location, with the item underlined, as compilers show it.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};

use crate::source::Location;

/// Blue, for the gutter.
pub const GUTTER: Style = AnsiColor::Blue.on_default().bold();

/// Write ` --> file:line:column`, the line itself and a marker under the item, in `style`.
/// `source` returns a file's text by its name; without it only the location is written.
pub fn write_snippet(out: &mut String, location: &Location, style: Style, source: &dyn Fn(&str) -> Option<String>) {
    let number = location.line.to_string();
    let pad = " ".repeat(number.len());
    let _ = writeln!(out, "{pad}{GUTTER}-->{GUTTER:#} {location}");
    let Some(text) = source(&location.file) else {
        return;
    };
    let Some(line) = text.lines().nth(location.line.saturating_sub(1) as usize) else {
        return;
    };
    let line = line.trim_end_matches('\r');
    let start = location.column.saturating_sub(1) as usize;
    let width = line
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
    let _ = writeln!(out, "{pad} {GUTTER}|{GUTTER:#}");
    let _ = writeln!(out, "{GUTTER}{number} |{GUTTER:#} {line}");
    let _ = writeln!(
        out,
        "{pad} {GUTTER}|{GUTTER:#} {indent}{style}{}{style:#}",
        "^".repeat(width)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underlines_the_item_under_its_column() {
        let text = "[[users]]\nhome_node = \"cups-9\"\n";
        let mut out = String::new();
        write_snippet(&mut out, &Location::new("d.toml", 2, 13), Style::new(), &|_| {
            Some(text.to_owned())
        });
        let plain: String = anstream::adapter::strip_str(&out).to_string();
        assert_eq!(
            plain,
            " --> d.toml:2:13\n  |\n2 | home_node = \"cups-9\"\n  |             ^^^^^^^^\n"
        );
    }
}
