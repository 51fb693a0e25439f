//! Which item a data error is about: found from where its parser points, in the tree of positions.
//!
//! Parsers point at different places: TOML at the span of the value, key or table at fault; JSON
//! at the last character it read: the end of a scalar or key, or the `}` closing an object (an
//! object or array it refused unread is pointed at by its first character: see `json_pos`).
//! YAML needs none of this: its deserializer knows the path of the node at fault (`yaml::de`).

use super::error::{Problem, ProblemKind};
use super::serde_error::with_path;
use crate::model::source_map::{Children, Path, Pos, Segment, SpanNode};

/// Prefix `problem`'s message with the path of the item at `pos`, where its parser reported it.
pub fn name_item(problem: Problem, root: &SpanNode, pos: Option<Pos>) -> Problem {
    let path = pos
        .map(|pos| path_at(root, pos, About::of(&problem)))
        .unwrap_or_default();
    with_path(problem, &path)
}

/// What an error is about, which says how to read its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum About {
    /// A table as a whole (a missing or repeated key): the table holding the position.
    Table,
    /// A key the schema does not know: the key at the position, in its table.
    Key,
    /// A value of the wrong type or outside the allowed ones: the value at the position.
    Value,
}

impl About {
    fn of(problem: &Problem) -> Self {
        match problem.kind {
            ProblemKind::MissingKey => Self::Table,
            ProblemKind::UnknownKey => Self::Key,
            // A repeated key (serde says "duplicate field") is about the table it repeats in.
            _ if problem.message.starts_with("duplicate field") => Self::Table,
            _ => Self::Value,
        }
    }
}

/// The path of what an error of kind `about` at `pos` is about.
fn path_at(root: &SpanNode, pos: Pos, about: About) -> Path {
    let mut search = Search {
        pos,
        steps: Vec::new(),
        value: None,
        key: None,
    };
    search.visit(root);
    let value = search.value.map(|(_, steps)| steps);
    let steps = match (about, search.key) {
        (About::Key, Some(key)) => key,
        // Other errors are about the value at the position, not a key beside it.
        _ => value.unwrap_or_default(),
    };
    Path::new(steps.into_iter().map(Step::segment).collect())
}

/// One step of the path being walked, borrowed from the tree until a path is chosen.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl Step<'_> {
    fn segment(self) -> Segment {
        match self {
            Self::Key(key) => Segment::Key(key.to_owned()),
            Self::Index(index) => Segment::Index(index),
        }
    }
}

/// How well a value matches the position: one starting right there beats one merely around it
/// (a TOML header table spans its whole header, which holds the tables it names implicitly),
/// then the deeper the better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    starts_here: bool,
    depth: usize,
}

/// A walk of the whole tree. TOML's header tables do not span the keys under them, so no
/// subtree can be skipped for not containing the position.
struct Search<'a> {
    pos: Pos,
    steps: Vec<Step<'a>>,
    /// The best value containing the position.
    value: Option<(Rank, Vec<Step<'a>>)>,
    /// The deepest key whose text (or what separates it from its value) holds the position.
    key: Option<Vec<Step<'a>>>,
}

impl<'a> Search<'a> {
    fn visit(&mut self, node: &'a SpanNode) {
        if node.contains(self.pos) {
            let rank = Rank {
                starts_here: node.pos == self.pos,
                depth: self.steps.len(),
            };
            if self.value.as_ref().is_none_or(|(best, _)| rank >= *best) {
                self.value = Some((rank, self.steps.clone()));
            }
        }
        match &node.children {
            Children::Table(entries) => {
                for (key, key_pos, value) in entries {
                    self.steps.push(Step::Key(key));
                    if *key_pos <= self.pos
                        && self.pos < value.pos
                        && self.key.as_ref().is_none_or(|best| self.steps.len() >= best.len())
                    {
                        self.key = Some(self.steps.clone());
                    }
                    self.visit(value);
                    self.steps.pop();
                }
            }
            Children::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.steps.push(Step::Index(index));
                    self.visit(item);
                    self.steps.pop();
                }
            }
            Children::None => {}
        }
    }
}
