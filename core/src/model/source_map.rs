//! Where each part of a deployment was written, whatever the format.
//!
//! TOML, JSON and YAML are read into one small tree of positions, so that an error or a finding
//! about `users[3].home_node` can point at its file, line and column.

use std::fmt;

use crate::source::Location;

/// One step of a path into the document: a key of a table or an index of an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A table key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// A path into the document, such as `users[3].home_node`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Segment>);

impl Path {
    /// The path of `segments`.
    pub fn new(segments: Vec<Segment>) -> Self {
        Self(segments)
    }

    /// This path with a key appended.
    pub fn key(mut self, key: &str) -> Self {
        self.0.push(Segment::Key(key.to_owned()));
        self
    }

    /// This path with an index appended.
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }

    /// Whether the path is the document itself.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A line and column, 1-based; positions order as they come in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
}

/// The positions of one value and, for tables and arrays, of what it holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpanNode {
    /// Where the value starts.
    pub pos: Pos,
    /// Just past where the value ends. A TOML table written as a `[header]` ends with its header
    /// (its keys follow it), and a table TOML creates implicitly spans the key that names it.
    pub end: Pos,
    /// What the value holds.
    pub children: Children,
}

/// The contents of a [`SpanNode`].
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Children {
    /// A scalar.
    #[default]
    None,
    /// A table: each key with where the key itself was written, and its value.
    Table(Vec<(String, Pos, SpanNode)>),
    /// An array.
    Array(Vec<SpanNode>),
}

impl SpanNode {
    /// The child at `key`, with the position of the key.
    pub fn get(&self, key: &str) -> Option<(Pos, &SpanNode)> {
        match &self.children {
            Children::Table(entries) => entries.iter().find(|(k, _, _)| k == key).map(|(_, p, n)| (*p, n)),
            _ => None,
        }
    }

    /// The item at `index`.
    pub fn at(&self, index: usize) -> Option<&SpanNode> {
        match &self.children {
            Children::Array(items) => items.get(index),
            _ => None,
        }
    }

    /// Whether `pos` lies within the value (an empty one, such as YAML's implicit null, holds
    /// the position it is at).
    pub fn contains(&self, pos: Pos) -> bool {
        self.pos == pos || (self.pos < pos && pos < self.end)
    }
}

/// The positions of everything in one deployment file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceMap {
    /// The file name as the user gave it.
    pub file: String,
    /// The document's root.
    pub root: SpanNode,
}

impl SourceMap {
    /// Where `path` was written: the key for a table entry (so the line reads naturally), the
    /// value for an array item. Falls back to the nearest ancestor that exists.
    pub fn locate(&self, path: &Path) -> Option<Location> {
        let mut node = &self.root;
        let mut best = None;
        for segment in &path.0 {
            match segment {
                Segment::Key(key) => match node.get(key) {
                    Some((key_pos, child)) => {
                        best = Some(key_pos);
                        node = child;
                    }
                    None => break,
                },
                Segment::Index(index) => match node.at(*index) {
                    Some(child) => {
                        best = Some(child.pos);
                        node = child;
                    }
                    None => break,
                },
            }
        }
        best.map(|p| Location::new(self.file.clone(), p.line, p.column))
    }

    /// Where the value at `path` starts (rather than its key).
    pub fn locate_value(&self, path: &Path) -> Option<Location> {
        let mut node = &self.root;
        for segment in &path.0 {
            node = match segment {
                Segment::Key(key) => node.get(key)?.1,
                Segment::Index(index) => node.at(*index)?,
            };
        }
        Some(Location::new(self.file.clone(), node.pos.line, node.pos.column))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_like_accessors() {
        let path = Path::default().key("users").index(3).key("home_node");
        assert_eq!(path.to_string(), "users[3].home_node");
    }
}
