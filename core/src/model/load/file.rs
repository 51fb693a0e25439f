//! Loading a deployment from disk: the file, and the files it refers to beside it. The command
//! line, the Python package and the C library all read files through here.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Format, LoadError, Problem, ProblemKind};
use crate::model::deployment::Deployment;
use crate::source::{Location, SourceFiles};

/// Reads the files a deployment refers to (users CSV, zone files, hosts files) relative to the
/// deployment file's folder, each up to a size cap.
#[derive(Debug, Clone)]
pub struct Beside {
    dir: PathBuf,
    max_bytes: u64,
}

impl Beside {
    /// Files beside the deployment file at `deployment`, of any size.
    pub fn new(deployment: &Path) -> Self {
        Self {
            dir: deployment.parent().map(Path::to_path_buf).unwrap_or_default(),
            max_bytes: u64::MAX,
        }
    }

    /// Refuse referenced files larger than `max_bytes`.
    #[must_use]
    pub fn max_bytes(mut self, max_bytes: u64) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// The path a reference resolves to.
    pub fn resolve(&self, path: &str) -> PathBuf {
        self.dir.join(path)
    }
}

impl SourceFiles for Beside {
    fn read(&self, path: &str) -> Result<String, String> {
        let bytes = read_capped(&self.resolve(path), self.max_bytes).map_err(|e| e.to_string())?;
        // The words `std::fs::read_to_string` uses.
        String::from_utf8(bytes).map_err(|_| "stream did not contain valid UTF-8".to_owned())
    }

    fn name(&self, path: &str) -> String {
        self.resolve(path).display().to_string()
    }
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Larger than the cap.
    #[error("it is {size} bytes, more than the {max} bytes uclint accepts")]
    TooLarge {
        /// The file's size (at least; a growing file is not read to its end).
        size: u64,
        /// The cap.
        max: u64,
    },
    /// The system said no.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The bytes of `path`, refusing a file above `max_bytes` without reading it all.
pub fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > max_bytes {
        return Err(ReadError::TooLarge { size, max: max_bytes });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // A file that grows while being read still stops one byte past the cap.
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > max_bytes {
        return Err(ReadError::TooLarge {
            size: read,
            max: max_bytes,
        });
    }
    Ok(bytes)
}

/// `bytes` as text, or a syntax problem `message` at the first byte that is not UTF-8.
pub fn utf8_text<'a>(bytes: &'a [u8], name: &str, message: &str) -> Result<&'a str, Problem> {
    std::str::from_utf8(bytes).map_err(|e| {
        let location = Location::from_offset(name, &String::from_utf8_lossy(bytes), e.valid_up_to());
        Problem::new(ProblemKind::Syntax, Some(location), message)
    })
}

/// The format of the deployment file `name`: `format` when given, else its extension's.
/// `how_to_pass` tells the caller's way of giving a format, for the error (`--input-format`).
pub fn file_format(name: &str, format: Option<Format>, how_to_pass: &str) -> Result<Format, Problem> {
    format.or_else(|| Format::from_path(name)).ok_or_else(|| {
        Problem::new(
            ProblemKind::File,
            None,
            format!(
                "{name}: cannot tell the format from the extension: expected .toml, .json, .yaml or .yml (or pass {how_to_pass})"
            ),
        )
    })
}

impl Deployment {
    /// Load the deployment file at `path` with the files beside it, handing back dangling
    /// references as [`load_with_references`](Self::load_with_references) does. Its format is
    /// `format`, else its extension's; `how_to_pass` names the caller's way of giving a format.
    pub fn load_file_with_references(
        path: &Path,
        format: Option<Format>,
        how_to_pass: &str,
    ) -> Result<(Self, Vec<Problem>), LoadError> {
        let name = path.display().to_string();
        let format = file_format(&name, format, how_to_pass).map_err(LoadError::one)?;
        let bytes = read_capped(path, u64::MAX).map_err(|e| {
            LoadError::one(Problem::new(
                ProblemKind::File,
                None,
                format!("cannot read `{name}`: {e}"),
            ))
        })?;
        let text = utf8_text(&bytes, &name, "the file is not valid UTF-8").map_err(LoadError::one)?;
        Self::load_with_references(text, format, &name, &Beside::new(path))
    }

    /// Load like [`load_file_with_references`](Self::load_file_with_references), failing on
    /// dangling references as [`load`](Self::load) does.
    pub fn load_file(path: &Path, format: Option<Format>, how_to_pass: &str) -> Result<Self, LoadError> {
        super::strict(Self::load_file_with_references(path, format, how_to_pass)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referenced_files_resolve_beside_the_deployment_and_keep_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("users.csv"), "cucm_id\njdoe\n").unwrap();
        std::fs::write(dir.path().join("bad.csv"), b"cucm_id\n\xff\n").unwrap();
        let beside = Beside::new(&dir.path().join("deployment.toml"));
        assert_eq!(beside.read("users.csv").unwrap(), "cucm_id\njdoe\n");
        assert_eq!(
            beside.read("bad.csv").unwrap_err(),
            "stream did not contain valid UTF-8"
        );
        assert!(beside.name("users.csv").ends_with("users.csv"));
        let small = beside.max_bytes(4);
        assert_eq!(
            small.read("users.csv").unwrap_err(),
            "it is 13 bytes, more than the 4 bytes uclint accepts"
        );
    }

    #[test]
    fn a_bad_byte_is_located_and_an_unknown_extension_says_how_to_pass_a_format() {
        let problem = utf8_text(b"name = \"x\"\n\xff", "d.toml", "the file is not valid UTF-8").unwrap_err();
        let location = problem.location.unwrap();
        assert_eq!((location.line, location.column), (2, 1));
        let problem = file_format("d.txt", None, "--input-format").unwrap_err();
        assert!(
            problem.message.ends_with("(or pass --input-format)"),
            "{}",
            problem.message
        );
        assert_eq!(file_format("d.txt", Some(Format::Yaml), "").unwrap(), Format::Yaml);
    }

    #[test]
    fn load_file_reads_the_file_and_its_references() {
        let dir = tempfile::tempdir().unwrap();
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
        for name in ["acme.toml", "acme-users.csv", "acme.zone"] {
            std::fs::copy(examples.join(name), dir.path().join(name)).unwrap();
        }
        let (deployment, _) =
            Deployment::load_file_with_references(&dir.path().join("acme.toml"), None, "--input-format").unwrap();
        assert!(deployment.users.len() > 3, "users come from acme-users.csv too");
        let missing = Deployment::load_file(&dir.path().join("nope.toml"), None, "").unwrap_err();
        assert!(missing.problems[0].message.starts_with("cannot read `"), "{missing:?}");
    }
}
