//! Where things come from: source locations and the files a deployment refers to.

use std::fmt;

use serde::Serialize;

/// A position in a source file, 1-based, as editors and compilers show it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// The file name as the user gave it.
    pub file: String,
    /// Line number, from 1.
    pub line: u32,
    /// Column number (in characters), from 1.
    pub column: u32,
}

impl Location {
    /// A location in `file` at `line`:`column`.
    pub fn new(file: impl Into<String>, line: u32, column: u32) -> Self {
        Self { file: file.into(), line, column }
    }

    /// The location of byte `offset` in `text`.
    pub fn from_offset(file: impl Into<String>, text: &str, offset: usize) -> Self {
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
        self.get(path).cloned().ok_or_else(|| format!("no file `{path}` was provided"))
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
