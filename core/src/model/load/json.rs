//! JSON: serde_json reads the values and words the syntax errors; the tree of positions is
//! YAML's (JSON is YAML 1.2).

use serde::de::DeserializeOwned;

use super::error::{Problem, ProblemKind};
use super::error_path::name_item;
use super::serde_error::from_serde_message;
use super::yaml::positions;
use crate::model::source_map::{Pos, SpanNode};
use crate::source::{LineIndex, Location};

/// Parse JSON `text` into `T` and the tree of positions.
pub fn parse<T: DeserializeOwned>(text: &str, file: &str) -> Result<(T, SpanNode), Problem> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut deserializer).map_err(|e| {
        let problem = json_problem(&e, file);
        if problem.kind == ProblemKind::Syntax {
            return problem;
        }
        let pos = (e.line() > 0).then(|| json_pos(text, e.line(), e.column()));
        name_item(problem, &positions(text), pos)
    })?;
    // Trailing text after the document is a syntax error too.
    deserializer.end().map_err(|e| json_problem(&e, file))?;
    Ok((value, positions(text)))
}

fn json_problem(error: &serde_json::Error, file: &str) -> Problem {
    let location = (error.line() > 0).then(|| Location::new(file, to_u32(error.line()), to_u32(error.column())));
    let message = strip_position(&error.to_string(), error.line(), error.column());
    if error.is_syntax() || error.is_eof() {
        Problem::new(ProblemKind::Syntax, location, format!("invalid JSON: {message}"))
    } else {
        from_serde_message(&message, location)
    }
}

/// Where serde_json's error is, as the tree of positions counts: serde_json gives the last byte it
/// read (column 0: the line break before the line), the tree counts characters.
fn json_pos(text: &str, line: usize, column: usize) -> Pos {
    let line_start = match line {
        0 | 1 => 0,
        n => text.match_indices('\n').nth(n - 2).map_or(text.len(), |(i, _)| i + 1),
    };
    let last = (line_start + column).saturating_sub(1);
    // An object or array of the wrong type is refused before it is read: point at the value.
    let next = last + 1;
    let ahead = text.get(next..).unwrap_or_default();
    let value = ahead.trim_start_matches([' ', '\t', '\n', '\r']);
    let offset = match value.chars().next() {
        Some('{' | '[') => next + ahead.len() - value.len(),
        _ => last,
    };
    let (line, column) = LineIndex::new(text).line_column(offset);
    Pos { line, column }
}

/// serde_json appends " at line L column C"; the location says it already.
fn strip_position(message: &str, line: usize, column: usize) -> String {
    let suffix = format!(" at line {line} column {column}");
    message.strip_suffix(&suffix).unwrap_or(message).to_owned()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
