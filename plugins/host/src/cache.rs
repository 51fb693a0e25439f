//! Compiled components on disk, keyed by the plugin's content hash and the engine's
//! compatibility hash, so a plugin is compiled once per uclint build, not once per run.
//!
//! Trust: a cached artifact is native code that wasmtime loads without re-validating it. The
//! cache directory is created private to the user (0700), the same trust as the uclint binary
//! itself; a name is a hash of the plugin bytes and the engine, so a changed plugin or a new
//! uclint never picks up a stale artifact.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use wasmtime::Engine;
use wasmtime::component::Component;

/// A directory of compiled components.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// Cache in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The default place: `$XDG_CACHE_HOME/uclint/plugins`, else `~/.cache/uclint/plugins`.
    pub fn default_dir() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")))?;
        Some(base.join("uclint").join("plugins"))
    }

    /// The component for `bytes`: from the cache when there, else compiled and stored.
    /// Returns whether it came from the cache.
    pub fn load(&self, engine: &Engine, bytes: &[u8]) -> wasmtime::Result<(Component, bool)> {
        let path = self.dir.join(format!("{}.cwasm", key(engine, bytes)));
        if path.is_file() && only_user_can_write(&self.dir) {
            // SAFETY: the file was written by `store` below from `Component::serialize` of
            // this engine configuration (the name carries its compatibility hash), in a
            // directory only this user can write (see the module docs).
            if let Ok(component) = unsafe { Component::deserialize_file(engine, &path) } {
                return Ok((component, true));
            }
        }
        let component = Component::new(engine, bytes)?;
        // A cache that cannot be written only costs time next run.
        let _ = self.store(&path, &component);
        Ok((component, false))
    }

    fn store(&self, path: &Path, component: &Component) -> std::io::Result<()> {
        create_private_dir(&self.dir)?;
        let bytes = component.serialize().map_err(std::io::Error::other)?;
        let partial = path.with_extension(format!("partial-{}", std::process::id()));
        std::fs::write(&partial, bytes)?;
        // Rename is atomic: a concurrent run sees the whole artifact or none.
        std::fs::rename(&partial, path)
    }
}

/// `sha256(plugin bytes)-sha256(engine compatibility)`, in hex.
fn key(engine: &Engine, bytes: &[u8]) -> String {
    struct ShaHasher(Sha256);
    impl Hasher for ShaHasher {
        fn finish(&self) -> u64 {
            0
        }
        fn write(&mut self, bytes: &[u8]) {
            self.0.update(bytes);
        }
    }
    let mut engine_hash = ShaHasher(Sha256::new());
    engine.precompile_compatibility_hash().hash(&mut engine_hash);
    format!(
        "{}-{}",
        hex(&Sha256::digest(bytes)),
        hex(&engine_hash.0.finalize()[..16])
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Artifacts are only trusted from a directory nobody else can write to.
#[cfg(unix)]
fn only_user_can_write(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(dir).is_ok_and(|m| m.is_dir() && m.permissions().mode() & 0o022 == 0)
}

#[cfg(not(unix))]
fn only_user_can_write(dir: &Path) -> bool {
    dir.is_dir()
}
