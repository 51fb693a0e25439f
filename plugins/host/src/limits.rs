//! What one plugin call may spend. Safe defaults; the command line can raise them.

/// Limits for one call into a plugin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// WebAssembly fuel (about one unit per instruction) per call.
    pub fuel: u64,
    /// Linear memory per instance, in bytes.
    pub memory_bytes: usize,
    /// Findings one `check` may return.
    pub max_findings: usize,
    /// Total text (messages, subjects, fixes) one call may return, in bytes.
    pub max_output_bytes: usize,
    /// Host work a plugin may ask for per call (deployment items copied, derivations run).
    pub max_host_work: u64,
    /// The largest plugin file the host reads, in bytes; larger files are refused unread.
    pub max_plugin_bytes: usize,
    /// What one call's stdout, and its stderr, keep of what the plugin prints, in bytes; the
    /// rest is counted and dropped, never an error.
    pub max_print_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            // A few seconds of work at most: far more than a rule over 100,000 users needs.
            fuel: 5_000_000_000,
            memory_bytes: 256 << 20,
            max_findings: 100_000,
            max_output_bytes: 32 << 20,
            // Every user copied ten times over, or a derivation per user and then some.
            max_host_work: 5_000_000,
            // Real plugins are tens to hundreds of KiB.
            max_plugin_bytes: 64 << 20,
            // Enough for a plugin author's debugging lines and a panic message.
            max_print_bytes: 64 << 10,
        }
    }
}
