//! What a plugin printed: stdout and stderr of its calls, capped, made safe to show, and
//! returned beside its findings; and the panic message std writes there, for the failure.

use uclint_core::report::Finding;

use crate::capture::Captured;
use crate::validate::Sanitizer;

/// What a plugin wrote to stdout and stderr (its `println!` and `eprintln!`, a panic's
/// message): lossy UTF-8, control characters other than newline and tab removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Printed {
    /// What it wrote to stdout, up to the cap per call.
    pub stdout: String,
    /// What it wrote to stderr, up to the cap per call.
    pub stderr: String,
    /// Bytes written past the caps (`Limits::max_print_bytes`), counted but not kept.
    pub dropped_bytes: u64,
}

impl Printed {
    /// The output of one call, from its two streams.
    pub(crate) fn from_streams(stdout: Captured, stderr: Captured) -> Self {
        Self {
            stdout: printable(&stdout.kept),
            stderr: printable(&stderr.kept),
            dropped_bytes: stdout.dropped.saturating_add(stderr.dropped),
        }
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.stdout.is_empty() && self.stderr.is_empty() && self.dropped_bytes == 0
    }

    /// Add a later call's output after this one's.
    pub fn append(&mut self, later: Printed) {
        self.stdout.push_str(&later.stdout);
        self.stderr.push_str(&later.stderr);
        self.dropped_bytes = self.dropped_bytes.saturating_add(later.dropped_bytes);
    }

    /// The last panic std reported on stderr, on one line: `panicked at src/lib.rs:9:14: the
    /// message`. std's default hook writes `thread '<name>' panicked at <place>:` and then the
    /// message on the lines after it (a `note:` line may follow).
    pub(crate) fn panic(&self) -> Option<String> {
        const MARK: &str = "panicked at ";
        let lines: Vec<&str> = self.stderr.lines().collect();
        let at = lines.iter().rposition(|l| l.contains(MARK))?;
        let head = &lines[at][lines[at].find(MARK)?..];
        let message: Vec<&str> = lines[at + 1..]
            .iter()
            .map(|l| l.trim())
            .take_while(|l| !l.is_empty() && !l.starts_with("note: "))
            .collect();
        let line = [head.trim_end()]
            .into_iter()
            .chain(message)
            .collect::<Vec<_>>()
            .join(" ");
        Some(shorten(&line, 300))
    }
}

/// What one `check` produced: the findings (with PLUGIN findings about the plugin itself) and
/// what the plugin printed meanwhile.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PluginCheck {
    /// Its findings, validated, and PLUGIN findings about what went wrong.
    pub findings: Vec<Finding>,
    /// What it printed during the call.
    pub output: Printed,
}

fn printable(bytes: &[u8]) -> String {
    Sanitizer::default().clean(String::from_utf8_lossy(bytes).into_owned(), true)
}

fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_stderr(stderr: &str) -> Printed {
        Printed {
            stderr: stderr.to_owned(),
            ..Printed::default()
        }
    }

    #[test]
    fn finds_std_s_panic_message() {
        let std = "debug line\n\nthread '<unnamed>' panicked at src/lib.rs:9:14:\nconfig key site is required\n\
                   note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
        assert_eq!(
            with_stderr(std).panic().as_deref(),
            Some("panicked at src/lib.rs:9:14: config key site is required")
        );
        let two_lines = "panicked at src/a.rs:1:1:\nfirst\nsecond\n";
        assert_eq!(
            with_stderr(two_lines).panic().as_deref(),
            Some("panicked at src/a.rs:1:1: first second")
        );
        assert_eq!(with_stderr("no panic here\n").panic(), None);
        let long = format!("panicked at src/a.rs:1:1:\n{}\n", "x".repeat(1000));
        assert_eq!(with_stderr(&long).panic().map(|p| p.chars().count()), Some(301));
    }

    #[test]
    fn streams_become_safe_text() {
        let out = Printed::from_streams(
            Captured {
                kept: b"line\tone\n\x1b[31mred\xff\n".to_vec(),
                dropped: 3,
            },
            Captured {
                kept: b"err\r\n".to_vec(),
                dropped: 4,
            },
        );
        assert_eq!(out.stdout, "line\tone\n[31mred\u{fffd}\n");
        assert_eq!(out.stderr, "err\n");
        assert_eq!(out.dropped_bytes, 7);
        let mut all = out.clone();
        all.append(out);
        assert_eq!(all.dropped_bytes, 14);
        assert!(all.stderr == "err\nerr\n" && !all.is_empty());
    }
}
