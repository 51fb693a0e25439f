//! YAML and JSON: serde reads the values, saphyr's event parser maps their positions.
//!
//! JSON is YAML 1.2, so one position mapper serves both formats; syntax errors still come from
//! each format's own parser, which words them best.

use saphyr_parser::{Event, Marker, Parser, Span};
use serde::de::DeserializeOwned;

use super::error::{Problem, ProblemKind};
use super::error_path::name_item;
use super::serde_error::from_serde_message;
use crate::model::source_map::{Children, Pos, SpanNode};
use crate::source::{LineIndex, Location};

/// Parse JSON `text` into `T` and the tree of positions.
pub fn parse_json<T: DeserializeOwned>(text: &str, file: &str) -> Result<(T, SpanNode), Problem> {
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

/// Parse YAML `text` into `T` and the tree of positions.
pub fn parse_yaml<T: DeserializeOwned>(text: &str, file: &str) -> Result<(T, SpanNode), Problem> {
    let deserializer = serde_yaml_ng::Deserializer::from_str(text);
    let value = T::deserialize(deserializer).map_err(|e| {
        let location = e
            .location()
            .map(|l| Location::new(file, to_u32(l.line()), to_u32(l.column())));
        let message = match e.location() {
            Some(l) => strip_position(&e.to_string(), l.line(), l.column()),
            None => e.to_string(),
        };
        let message = strip_yaml_path(&message).to_owned();
        if is_yaml_syntax(&message) {
            return Problem::new(ProblemKind::Syntax, location, format!("invalid YAML: {message}"));
        }
        // libyaml counts columns in characters, like the tree of positions.
        let pos = location.as_ref().map(|l| Pos {
            line: l.line,
            column: l.column,
        });
        name_item(from_serde_message(&message, location), &positions(text), pos)
    })?;
    Ok((value, positions(text)))
}

fn is_yaml_syntax(message: &str) -> bool {
    // serde_yaml_ng reports scanner errors with these words; everything else is about the data.
    [
        "while scanning",
        "while parsing",
        "did not find expected",
        "mapping values are not allowed",
        "found character",
    ]
    .iter()
    .any(|needle| message.contains(needle))
}

/// serde_yaml_ng starts data errors with its own path (`servers[0]: ...`); ours replaces it.
fn strip_yaml_path(message: &str) -> &str {
    match message.split_once(": ") {
        Some((path, rest)) if !path.is_empty() && !path.contains(' ') && !rest.is_empty() => rest,
        _ => message,
    }
}

/// serde_json and serde_yaml_ng append " at line L column C"; the location says it already.
fn strip_position(message: &str, line: usize, column: usize) -> String {
    let suffix = format!(" at line {line} column {column}");
    message.strip_suffix(&suffix).unwrap_or(message).to_owned()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The position tree of a YAML (or JSON) document; empty when the text does not parse, since
/// serde has then already said why.
fn positions(text: &str) -> SpanNode {
    // After an error the parser repeats it forever: stop at the first.
    let mut events = Parser::new_from_str(text).map_while(Result::ok);
    while let Some((event, span)) = events.next() {
        if matches!(event, Event::DocumentStart(_)) {
            if let Some((event, span)) = events.next() {
                return build(event, span, &mut events).unwrap_or_default();
            }
        }
        let _ = span;
    }
    SpanNode::default()
}

fn pos(mark: Marker) -> Pos {
    Pos {
        line: to_u32(mark.line()),
        column: to_u32(mark.col() + 1),
    }
}

fn build<'a>(event: Event<'a>, span: Span, events: &mut impl Iterator<Item = (Event<'a>, Span)>) -> Option<SpanNode> {
    let (children, last) = match event {
        Event::MappingStart(..) => {
            let mut entries = Vec::new();
            let end = loop {
                let (key_event, key_span) = events.next()?;
                let key = match key_event {
                    Event::MappingEnd => break key_span,
                    Event::Scalar(key, ..) => key.into_owned(),
                    // Complex keys are not part of the schema; keep the structure consistent.
                    other => {
                        build(other, key_span, events)?;
                        String::new()
                    }
                };
                let (value_event, value_span) = events.next()?;
                entries.push((key, pos(key_span.start), build(value_event, value_span, events)?));
            };
            (Children::Table(entries), end)
        }
        Event::SequenceStart(..) => {
            let mut items = Vec::new();
            let end = loop {
                let (item_event, item_span) = events.next()?;
                if matches!(item_event, Event::SequenceEnd) {
                    break item_span;
                }
                items.push(build(item_event, item_span, events)?);
            };
            (Children::Array(items), end)
        }
        _ => (Children::None, span),
    };
    // A flow collection ends with its `}` or `]`; a block one where the next token starts.
    Some(SpanNode {
        pos: pos(span.start),
        end: pos(last.end),
        children,
    })
}
