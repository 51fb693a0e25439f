//! Where things come from: source locations and the files a deployment refers to.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

/// A position in a source file, 1-based, as editors and compilers show it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// The file name as the user gave it (shared: every row of a 100,000-user CSV points at it).
    pub file: Arc<str>,
    /// Line number, from 1.
    pub line: u32,
    /// Column number (in characters), from 1.
    pub column: u32,
}

impl Location {
    /// A location in `file` at `line`:`column`.
    pub fn new(file: impl Into<Arc<str>>, line: u32, column: u32) -> Self {
        Self {
            file: file.into(),
            line,
            column,
        }
    }

    /// The location of byte `offset` in `text`.
    pub fn from_offset(file: impl Into<Arc<str>>, text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Self::new(file, to_u32(line), to_u32(column))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Reads the files a deployment refers to (zone files, user CSV, hosts files).
///
/// Core never touches a filesystem: the command line reads relative to the deployment's folder,
/// the browser hands over pasted files, tests hand over strings.
pub trait SourceFiles {
    /// The text of `path` as written in the deployment, or a message saying why it cannot be read.
    fn read(&self, path: &str) -> Result<String, String>;

    /// The name locations in `path` should carry (e.g. the path relative to the working folder).
    fn name(&self, path: &str) -> String {
        path.to_owned()
    }
}

/// A [`SourceFiles`] that has no files: every reference is an error.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoFiles;

impl SourceFiles for NoFiles {
    fn read(&self, path: &str) -> Result<String, String> {
        Err(format!("no file `{path}` was provided"))
    }
}

/// A [`SourceFiles`] over an in-memory map of path to text.
impl SourceFiles for std::collections::BTreeMap<String, String> {
    fn read(&self, path: &str) -> Result<String, String> {
        self.get(path)
            .cloned()
            .ok_or_else(|| format!("no file `{path}` was provided"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(Location::from_offset("f", text, 0), Location::new("f", 1, 1));
        assert_eq!(Location::from_offset("f", text, 6), Location::new("f", 2, 1));
        // "bé " is 4 bytes but 3 characters.
        assert_eq!(Location::from_offset("f", text, 10), Location::new("f", 2, 4));
        assert_eq!(Location::from_offset("f", text, 999).line, 3);
    }
}

/// Turns byte offsets of one text into lines and columns quickly (a table of line starts).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The line of the last offset asked: loaders ask in file order, so the next answer is
    /// almost always on this line or the next few, and no search is needed.
    hint: std::cell::Cell<usize>,
}

impl<'a> LineIndex<'a> {
    /// Index the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            text,
            starts,
            hint: std::cell::Cell::new(0),
        }
    }

    /// The 0-based line holding byte `offset` (a char boundary within the text).
    fn line_of(&self, offset: usize) -> usize {
        let holds =
            |line: usize| self.starts[line] <= offset && self.starts.get(line + 1).is_none_or(|&next| offset < next);
        let hint = self.hint.get();
        let line = (hint..self.starts.len().min(hint + 4))
            .find(|&line| holds(line))
            .unwrap_or_else(|| self.starts.partition_point(|&start| start <= offset).saturating_sub(1));
        self.hint.set(line);
        line
    }

    /// Line and column (1-based, column in characters) of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let column = self.text[start..offset].chars().count() + 1;
        (to_u32(line + 1), to_u32(column))
    }
}

#[cfg(test)]
mod line_index_tests {
    use super::*;

    #[test]
    fn agrees_with_from_offset() {
        let text = "a = 1\nbé = 2\n\nlast";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            let loc = Location::from_offset("f", text, offset);
            assert_eq!(index.line_column(offset), (loc.line, loc.column), "offset {offset}");
        }
        // Backwards and far jumps leave the hint behind and still answer right.
        for offset in (0..=text.len()).rev().chain([0, text.len(), 3]) {
            let loc = Location::from_offset("f", text, offset);
            assert_eq!(index.line_column(offset), (loc.line, loc.column), "offset {offset}");
        }
    }
}
