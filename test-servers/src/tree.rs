//! The processes a server forked, found through /proc. Each is known by its PID and its start
//! time, so a PID the system has since given to another process is never signalled.

use std::collections::HashMap;

use rustix::process::{Pid, Signal, kill_process};

/// One process: its PID and when it started (clock ticks after boot).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Member {
    pid: i32,
    start: u64,
}

impl Member {
    /// Send `signal` if the process is still the one that was found.
    pub(crate) fn signal(&self, signal: Signal) {
        let same = matches!(stat(self.pid), Some(s) if s.start == self.start && !s.zombie);
        if let (true, Some(pid)) = (same, Pid::from_raw(self.pid)) {
            let _ = kill_process(pid, signal);
        }
    }
}

/// Every living descendant of process `root`.
pub(crate) fn descendants(root: i32) -> Vec<Member> {
    let mut children: HashMap<i32, Vec<Member>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|name| name.parse().ok()) else {
            continue;
        };
        if let Some(s) = stat(pid).filter(|s| !s.zombie) {
            children
                .entry(s.parent)
                .or_default()
                .push(Member { pid, start: s.start });
        }
    }
    let mut found = Vec::new();
    let mut parents = vec![root];
    while let Some(parent) = parents.pop() {
        for member in children.remove(&parent).unwrap_or_default() {
            parents.push(member.pid);
            found.push(member);
        }
    }
    found
}

/// What /proc/PID/stat says of a process.
struct Stat {
    parent: i32,
    start: u64,
    zombie: bool,
}

/// Read /proc/PID/stat; `None` once the process is gone.
fn stat(pid: i32) -> Option<Stat> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: the fields that follow it are certain.
    let fields: Vec<&str> = text.get(text.rfind(')')? + 1..)?.split_whitespace().collect();
    Some(Stat {
        // Fields 3 (state), 4 (parent) and 22 (start time) of proc(5).
        parent: fields.get(1)?.parse().ok()?,
        start: fields.get(19)?.parse().ok()?,
        zombie: *fields.first()? == "Z",
    })
}
