//! A server process the test spawned: readiness with a deadline, a panic that shows the server's
//! log, and SIGTERM to its PID (never a name) when dropped, then to its workers if need be.

use std::fmt::Display;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use rustix::io::Errno;
use rustix::process::{Pid, Signal, WaitId, WaitIdOptions, kill_process, waitid};

use crate::fail::OrPanic;
use crate::tree;

/// How long a server may take to answer its first client.
const START_TIMEOUT: Duration = Duration::from_secs(20);
/// How long a server may take to stop after SIGTERM before it is killed.
const STOP_TIMEOUT: Duration = Duration::from_secs(10);
/// How long its master alone has to stop it (Dovecot takes about 1 s) before every one of its
/// processes is told to stop too.
const GRACE: Duration = Duration::from_secs(2);
/// The pause between two readiness checks: a refused connection fails at once, and a loop
/// without a pause would take the core the starting server needs.
const RETRY: Duration = Duration::from_millis(10);

/// A running server; stopped (and waited for) when dropped.
pub(crate) struct Process {
    name: &'static str,
    command: String,
    logs: Vec<PathBuf>,
    child: Child,
}

impl Process {
    /// Start `command`, its output going to `dir/NAME.out`; `logs` are the server's own logs.
    pub(crate) fn spawn(name: &'static str, mut command: Command, dir: &Path, logs: &[PathBuf]) -> Self {
        let output = dir.join(format!("{name}.out"));
        let file = File::create(&output).or_panic(format_args!("{name}: create {}", output.display()));
        let copy = file.try_clone().or_panic(format_args!("{name}: {}", output.display()));
        command.stdin(Stdio::null()).stdout(file).stderr(copy);
        let line = format!("{command:?}");
        let child = command
            .spawn()
            .unwrap_or_else(|e| panic!("{name}: cannot run {line}: {e}"));
        let mut all = vec![output];
        all.extend_from_slice(logs);
        Self {
            name,
            command: line,
            logs: all,
            child,
        }
    }

    /// Return once `ready` succeeds; panic if the server exits or the deadline passes first.
    #[track_caller]
    pub(crate) fn wait_ready(&mut self, what: &str, mut ready: impl FnMut() -> Result<(), String>) {
        let start = Instant::now();
        loop {
            let last = match ready() {
                Ok(()) => return,
                Err(e) => e,
            };
            if let Ok(Some(status)) = self.child.try_wait() {
                self.fail(format_args!("exited ({status}) before {what}"));
            }
            if start.elapsed() > START_TIMEOUT {
                self.fail(format_args!(
                    "gave no {what} within {START_TIMEOUT:?} (last try: {last})"
                ));
            }
            thread::sleep(RETRY);
        }
    }

    /// Panic with `why`, the command line and every log.
    #[track_caller]
    pub(crate) fn fail(&self, why: impl Display) -> ! {
        panic!("{} {why}\ncommand: {}\n{}", self.name, self.command, self.logs());
    }

    /// Its output and its own logs so far, each under a header naming the file.
    pub(crate) fn logs(&self) -> String {
        let mut logs = String::new();
        for path in &self.logs {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| format!("({e})"));
            logs.push_str(&format!("--- {} ---\n{text}\n", path.display()));
        }
        logs
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let pid = Pid::from_child(&self.child);
        let root = pid.as_raw_nonzero().get();
        // Found before it stops: once the master is gone, its workers belong to init.
        let mut workers = tree::descendants(root);
        let _ = kill_process(pid, Signal::TERM);
        // Wait without reaping (WNOWAIT): the PID stays this server's until `child.wait()`, so
        // no signal below can reach a process that reused it.
        let (done, exited) = mpsc::channel();
        let waiter = thread::spawn(move || {
            while let Err(Errno::INTR) = waitid(WaitId::Pid(pid), WaitIdOptions::EXITED | WaitIdOptions::NOWAIT) {}
            let _ = done.send(());
        });
        let deadline = Instant::now() + STOP_TIMEOUT;
        let mut stopped = exited.recv_timeout(GRACE).is_ok();
        while !stopped && Instant::now() < deadline {
            // Under load a Kamailio worker misses its master's SIGTERM now and then, and the
            // master waits for it forever: tell every process itself.
            for worker in tree::descendants(root) {
                if !workers.contains(&worker) {
                    workers.push(worker);
                }
            }
            for worker in &workers {
                worker.signal(Signal::TERM);
            }
            stopped = exited.recv_timeout(Duration::from_secs(1)).is_ok();
        }
        if !stopped {
            let _ = kill_process(pid, Signal::KILL);
        }
        let _ = waiter.join();
        // Workers that outlived their master.
        for worker in &workers {
            worker.signal(Signal::KILL);
        }
        let _ = self.child.wait();
    }
}
