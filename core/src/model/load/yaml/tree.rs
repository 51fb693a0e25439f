//! The document as the deserializer reads it: every node with where it starts and ends,
//! scalars with their text, style and tag, aliases replaced by copies of what they name.

use std::borrow::Cow;

use super::scalar::{self, Tag};
use crate::model::source_map::Pos;

/// A node of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// Where it starts: its anchor or tag if it has one; an alias's copy starts at the alias.
    pub pos: Pos,
    /// Just past where it ends: a flow collection's `]` or `}`, a block one's next token.
    pub end: Pos,
    /// What it is.
    pub kind: Kind<'a>,
}

/// What a node is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    /// A scalar.
    Scalar(Scalar<'a>),
    /// A sequence of nodes.
    Seq(Vec<Node<'a>>),
    /// A mapping, its entries in the order written.
    Map(Vec<Entry<'a>>),
}

/// One key and its value in a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    /// The key, a scalar unless someone wrote a complex key.
    pub key: Node<'a>,
    /// The value.
    pub value: Node<'a>,
}

/// A scalar as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar<'a> {
    /// Its text, after YAML's escapes and folding.
    pub text: Cow<'a, str>,
    /// Whether it is plain (unquoted, not a block scalar): only those resolve to non-strings.
    pub plain: bool,
    /// Its core tag, if it has one.
    pub tag: Option<Tag>,
    /// Whether the document fixes its type, as TOML does: where a string is expected only a
    /// string (untagged) does, and an enum is named by a string. YAML's scalars are not typed.
    pub typed: bool,
}

impl Scalar<'_> {
    /// Whether the scalar is null: a plain null without a tag, or tagged `!!null`.
    pub fn is_null(&self) -> bool {
        match self.tag {
            None => self.plain && scalar::is_null(&self.text),
            Some(tag) => tag == Tag::Null,
        }
    }

    /// Whether a string may be read from it: any scalar but a null, unless its type is fixed
    /// to another.
    pub fn is_text(&self) -> bool {
        let other_type = self.typed && self.tag.is_some_and(|tag| tag != Tag::Str);
        !(self.is_null() || other_type)
    }
}

impl Node<'_> {
    /// The scalar this node is, if it is one.
    pub fn scalar(&self) -> Option<&Scalar<'_>> {
        match &self.kind {
            Kind::Scalar(scalar) => Some(scalar),
            _ => None,
        }
    }

    /// The nodes in this node, itself included, and the collections nested in it, itself
    /// included: what a copy of it costs.
    pub fn measure(&self) -> (usize, usize) {
        let (mut size, mut height) = (1, 1);
        let mut add = |child: &Self| {
            let (s, h) = child.measure();
            size += s;
            height = height.max(h + 1);
        };
        match &self.kind {
            Kind::Scalar(_) => return (1, 0),
            Kind::Seq(items) => items.iter().for_each(&mut add),
            Kind::Map(entries) => entries.iter().for_each(|e| {
                add(&e.key);
                add(&e.value);
            }),
        }
        (size, height)
    }
}
