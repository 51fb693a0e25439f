//! TOML: parse once into toml's own spanned tree, map its positions, then read the values with
//! the YAML loader's deserializer from a tree of the same nodes.
//!
//! One deserializer for every format that has no position-keeping one of its own: serde code is
//! generated per deserializer and per model type, and toml's own took a fifth of the browser's
//! WebAssembly. TOML's types stay strict: its scalars are typed (a number is no string).

use std::borrow::Cow;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::error::{Problem, ProblemKind};
use super::error_path::name_item;
use super::serde_error::from_serde_message;
use super::yaml::{Entry, Kind, Link, Node, NodeDe, Scalar, Tag};
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
    let tree = Node {
        pos: position(table.span().start, &lines),
        end: position(table.span().end, &lines),
        kind: map(table.get_ref(), &lines),
    };
    let value = T::deserialize(NodeDe::new(&tree, Link::Root)).map_err(|e| {
        let pos = e.location().map(|(pos, _)| *pos);
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

/// A TOML value as a node of the deserializer's tree, where its span starts and ends.
fn value_node<'t>(value: &'t Spanned<DeValue<'_>>, lines: &LineIndex<'_>) -> Node<'t> {
    let scalar = |text: Cow<'t, str>, tag: Option<Tag>| Kind::Scalar(typed(text, tag));
    let kind = match value.get_ref() {
        DeValue::String(text) => scalar(Cow::Borrowed(text), None),
        DeValue::Integer(n) => {
            // In decimal: the tree's integers are YAML's, which know no `0b`.
            let text = i128::from_str_radix(n.as_str(), n.radix())
                .map(|n| n.to_string())
                .or_else(|_| u128::from_str_radix(n.as_str(), n.radix()).map(|n| n.to_string()))
                .unwrap_or_else(|_| n.as_str().to_owned());
            scalar(Cow::Owned(text), Some(Tag::Int))
        }
        DeValue::Float(n) => {
            let text = match n.as_str() {
                "inf" | "+inf" => ".inf",
                "-inf" => "-.inf",
                "nan" | "+nan" | "-nan" => ".nan",
                other => other,
            };
            scalar(Cow::Borrowed(text), Some(Tag::Float))
        }
        DeValue::Boolean(b) => scalar(Cow::Borrowed(if *b { "true" } else { "false" }), Some(Tag::Bool)),
        // As toml's deserializer gives a date-time: a table of its one private key.
        DeValue::Datetime(datetime) => Kind::Map(vec![Entry {
            key: Node {
                pos: position(value.span().start, lines),
                end: position(value.span().start, lines),
                kind: scalar(Cow::Borrowed(DATETIME_KEY), None),
            },
            value: Node {
                pos: position(value.span().start, lines),
                end: position(value.span().end, lines),
                kind: scalar(Cow::Owned(datetime.to_string()), None),
            },
        }]),
        DeValue::Array(items) => seq(items, lines),
        DeValue::Table(table) => map(table, lines),
    };
    Node {
        pos: position(value.span().start, lines),
        end: position(value.span().end, lines),
        kind,
    }
}

/// The key toml's deserializer names a date-time by.
const DATETIME_KEY: &str = "$__toml_private_datetime";

fn typed(text: Cow<'_, str>, tag: Option<Tag>) -> Scalar<'_> {
    Scalar {
        text,
        plain: false,
        tag,
        typed: true,
    }
}

fn seq<'t>(items: &'t DeArray<'_>, lines: &LineIndex<'_>) -> Kind<'t> {
    Kind::Seq(items.iter().map(|item| value_node(item, lines)).collect())
}

fn map<'t>(table: &'t DeTable<'_>, lines: &LineIndex<'_>) -> Kind<'t> {
    Kind::Map(
        table
            .iter()
            .map(|(key, value)| Entry {
                key: Node {
                    pos: position(key.span().start, lines),
                    end: position(key.span().end, lines),
                    kind: Kind::Scalar(typed(Cow::Borrowed(key.get_ref()), None)),
                },
                value: value_node(value, lines),
            })
            .collect(),
    )
}
