//! YAML: saphyr's event parser builds one tree, serde reads the deployment from it, and the same
//! tree becomes the tree of positions.
//!
//! JSON is YAML 1.2, so JSON's tree of positions comes from here too (its values and syntax
//! errors come from serde_json, which words them best). TOML's values are read by this
//! deserializer too, from a tree built of toml's (see `toml_spans`).

mod access;
mod de;
mod error;
mod scalar;
mod spans;
mod tree;
mod walk;

use serde::de::DeserializeOwned;

use super::error::Problem;
use super::serde_error::{from_serde_message, with_path};
use crate::model::source_map::{Path, SpanNode};
use crate::source::Location;
pub use spans::positions;

pub(super) use de::NodeDe;
pub(super) use error::{Error, Link};
pub(super) use scalar::Tag;
pub(super) use tree::{Entry, Kind, Node, Scalar};

/// Parse YAML `text` into `T` and the tree of positions.
pub fn parse<T: DeserializeOwned>(text: &str, file: &str) -> Result<(T, SpanNode), Problem> {
    let root = walk::parse(text).map_err(|e| {
        let problem = Problem::new(e.kind, Some(Location::new(file, e.pos.line, e.pos.column)), e.message);
        match e.help {
            Some(help) => problem.with_help(help),
            None => problem,
        }
    })?;
    let value = T::deserialize(NodeDe::new(&root, Link::Root)).map_err(|e| data_problem(&e, file))?;
    Ok((value, SpanNode::from(root)))
}

/// A data error as a problem: serde's words, at the node it is about, named by its path.
fn data_problem(error: &Error, file: &str) -> Problem {
    let (location, path) = match error.location() {
        Some((pos, path)) => (Some(Location::new(file, pos.line, pos.column)), path.clone()),
        None => (None, Path::default()),
    };
    with_path(from_serde_message(error.message(), location), &path)
}
