//! TOML: parse once into toml's own spanned tree, map its positions, then deserialize from it.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::error::{Problem, ProblemKind};
use super::error_path::name_item;
use super::serde_error::from_serde_message;
use crate::model::source_map::{Children, Pos, SpanNode};
use crate::source::{LineIndex, Location};

/// Parse TOML `text` into `T` and the tree of positions.
pub fn parse<T: DeserializeOwned>(text: &str, file: &str) -> Result<(T, SpanNode), Problem> {
    let lines = LineIndex::new(text);
    let at = |span: Option<Range<usize>>| span.map(|s| position(s.start, &lines));
    let location = |pos: Option<Pos>| pos.map(|p| Location::new(file, p.line, p.column));
    let table = DeTable::parse(text).map_err(|e| {
        Problem::new(
            ProblemKind::Syntax,
            location(at(e.span())),
            format!("invalid TOML: {}", e.message().trim()),
        )
    })?;
    let root = SpanNode {
        pos: Pos { line: 1, column: 1 },
        end: position(text.len(), &lines),
        children: table_children(table.get_ref(), &lines),
    };
    let deserializer = toml::de::Deserializer::from(table);
    let value = T::deserialize(deserializer).map_err(|e| {
        let pos = at(e.span());
        name_item(from_serde_message(e.message().trim(), location(pos)), &root, pos)
    })?;
    Ok((value, root))
}

fn position(offset: usize, lines: &LineIndex<'_>) -> Pos {
    let (line, column) = lines.line_column(offset);
    Pos { line, column }
}

fn node(value: &Spanned<DeValue<'_>>, lines: &LineIndex<'_>) -> SpanNode {
    let children = match value.get_ref() {
        DeValue::Table(table) => table_children(table, lines),
        DeValue::Array(items) => Children::Array(items.iter().map(|item| node(item, lines)).collect()),
        _ => Children::None,
    };
    SpanNode {
        pos: position(value.span().start, lines),
        end: position(value.span().end, lines),
        children,
    }
}

fn table_children(table: &DeTable<'_>, lines: &LineIndex<'_>) -> Children {
    Children::Table(
        table
            .iter()
            .map(|(key, value)| {
                let key_pos = position(key.span().start, lines);
                (key.get_ref().to_string(), key_pos, node(value, lines))
            })
            .collect(),
    )
}
