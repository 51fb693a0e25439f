//! What a plugin printed while it ran (its stdout and stderr, captured by the host and capped),
//! kept beside the findings so plugin authors can debug with `println!`.

use serde::Serialize;

/// One plugin's captured output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PluginOutput {
    /// The plugin's file name, as findings about it name it.
    pub plugin: String,
    /// What it wrote to stdout (lossy UTF-8, control characters stripped).
    pub stdout: String,
    /// What it wrote to stderr, the same way.
    pub stderr: String,
    /// Bytes it wrote past the cap, dropped.
    pub dropped_bytes: u64,
}

impl PluginOutput {
    /// Whether the plugin printed nothing at all.
    pub fn is_empty(&self) -> bool {
        self.stdout.is_empty() && self.stderr.is_empty() && self.dropped_bytes == 0
    }
}
