//! The deserializer's error: serde's message, with the node it is about and that node's path.

use std::fmt;

use serde::de::{self, Expected, Unexpected};

use crate::model::source_map::{Path, Pos, Segment};

/// Where the deserializer is: a chain of steps back to the root, borrowed from the stack, so
/// that a path is only built when an error needs it.
#[derive(Debug, Clone, Copy)]
pub enum Link<'p> {
    /// The document.
    Root,
    /// The value of `key` in the mapping at the first link.
    Key(&'p Link<'p>, &'p str),
    /// The item at an index of the sequence at the first link.
    Index(&'p Link<'p>, usize),
}

impl Link<'_> {
    /// The path this link ends.
    pub fn path(&self) -> Path {
        let mut segments = Vec::new();
        let mut link = self;
        loop {
            link = match link {
                Link::Root => break,
                Link::Key(parent, key) => {
                    segments.push(Segment::Key((*key).to_owned()));
                    parent
                }
                Link::Index(parent, index) => {
                    segments.push(Segment::Index(*index));
                    parent
                }
            };
        }
        segments.reverse();
        Path::new(segments)
    }
}

/// A data error: serde's message and, once known, where the node it is about starts and its
/// path. Boxed: results stay one word beside their value.
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    message: String,
    at: Option<(Pos, Path)>,
}

impl Error {
    /// An error about the node at `pos` and `link`, whatever deserializes it later.
    pub fn at(message: String, pos: Pos, link: &Link<'_>) -> Self {
        Self(Box::new(Inner {
            message,
            at: Some((pos, link.path())),
        }))
    }

    /// The error, placed at the node at `pos` and `link` unless a node inside placed it.
    #[must_use]
    pub fn place(mut self, pos: Pos, link: &Link<'_>) -> Self {
        if self.0.at.is_none() {
            self.0.at = Some((pos, link.path()));
        }
        self
    }

    /// serde's message.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Where the node the error is about starts, and its path.
    pub fn location(&self) -> Option<&(Pos, Path)> {
        self.0.at.as_ref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self(Box::new(Inner {
            message: message.to_string(),
            at: None,
        }))
    }

    /// serde says "unit value" for what YAML (like JSON) calls null.
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        match unexpected {
            Unexpected::Unit => Self::custom(format_args!("invalid type: null, expected {expected}")),
            _ => Self::custom(format_args!("invalid type: {unexpected}, expected {expected}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_the_path_it_ends() {
        let root = Link::Root;
        let users = Link::Key(&root, "users");
        let third = Link::Index(&users, 3);
        let home = Link::Key(&third, "home_node");
        assert_eq!(home.path().to_string(), "users[3].home_node");
        assert!(root.path().is_root());
    }

    #[test]
    fn the_innermost_node_places_an_error() {
        let root = Link::Root;
        let key = Link::Key(&root, "a");
        let inner = Pos { line: 2, column: 3 };
        let error = <Error as de::Error>::custom("bad")
            .place(inner, &key)
            .place(Pos::default(), &root);
        assert_eq!(error.location(), Some(&(inner, key.path())));
        let null = <Error as de::Error>::invalid_type(Unexpected::Unit, &"a string");
        assert_eq!(null.message(), "invalid type: null, expected a string");
    }
}
