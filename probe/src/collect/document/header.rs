//! Where each part of the file came from and when: the block that opens the file (one line per
//! source, replaced when the same source is collected again) and the note above each section.

use toml_edit::Decor;
use uclint_core::collect::Collected;

const TITLE: &str = "# Collected by `uclint collect`. Edit freely: `uclint collect --into` keeps what you write.";
const ENTRY: &str = "# - ";

/// The opening block: one line per source.
#[derive(Debug, Default)]
pub struct Header {
    /// `(source, line)`: the source (`ldap ldap://dc:389`) and its whole line.
    entries: Vec<(String, String)>,
}

impl Header {
    /// The block at the top of `text` (if uclint wrote one) and the rest.
    pub fn split(text: &str) -> (Self, &str) {
        let Some(rest) = text.strip_prefix(TITLE) else {
            return (Self::default(), text);
        };
        let mut header = Self::default();
        let mut body = rest.strip_prefix('\n').unwrap_or(rest);
        while let Some(line) = body.strip_prefix(ENTRY) {
            let (line, next) = line.split_once('\n').unwrap_or((line, ""));
            let source = line.split_once(" (").map_or(line, |(s, _)| s).to_owned();
            header.entries.push((source, format!("{ENTRY}{line}")));
            body = next;
        }
        (header, body)
    }

    /// Record that `part` was collected `at`, replacing an earlier line for the same source.
    pub fn record(&mut self, part: &Collected, at: &str) {
        let source = format!("{} {}", part.source.kind, part.source.origin);
        let line = format!("{ENTRY}{source} ({at}): {}", counts(part));
        match self.entries.iter_mut().find(|(s, _)| *s == source) {
            Some(entry) => entry.1 = line,
            None => self.entries.push((source, line)),
        }
    }

    /// The block, ending with a blank line; empty when no source was ever collected.
    pub fn render(&self) -> String {
        if self.entries.is_empty() {
            return String::new();
        }
        let mut out = format!("{TITLE}\n");
        for (_, line) in &self.entries {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
        out
    }
}

/// What a source gave, in words: `3 servers, 2500 users, the SIP proxy`.
fn counts(part: &Collected) -> String {
    let mut out = Vec::new();
    let mut count = |n: usize, one: &str, many: &str| match n {
        0 => {}
        1 => out.push(format!("1 {one}")),
        n => out.push(format!("{n} {many}")),
    };
    count(part.servers.len(), "server", "servers");
    count(part.records.len(), "DNS record", "DNS records");
    count(part.clients.len(), "client profile", "client profiles");
    count(part.users.len(), "user", "users");
    if part.domain.is_some() {
        out.push("the domain".to_owned());
    }
    if part.sip_proxy.is_some() {
        out.push("the SIP proxy".to_owned());
    }
    if part.ldap.is_some() {
        out.push("the LDAP settings".to_owned());
    }
    if out.is_empty() {
        "nothing".to_owned()
    } else {
        out.join(", ")
    }
}

/// Put `note` (`# users: ldap ldap://dc:389 (AT)`) in the comments above a section, replacing
/// the note the same source left there before and keeping every other comment.
pub fn note(decor: &mut Decor, note: &str) {
    let source = note.split_once(" (").map_or(note, |(s, _)| s);
    let old = decor.prefix().and_then(|p| p.as_str()).unwrap_or_default().to_owned();
    let mut lines: Vec<&str> = old
        .split_inclusive('\n')
        .filter(|line| !line.starts_with(&format!("{source} (")))
        .collect();
    // A blank line before a section that follows another, as people write them.
    if lines.is_empty() {
        lines.push("\n");
    }
    let mut prefix: String = lines.concat();
    prefix.push_str(note);
    prefix.push('\n');
    decor.set_prefix(prefix);
}
