//! Findings about plugins themselves (the PLUGIN codes): why a plugin could not load or run.

use uclint_core::catalogue::{self, Code};
use uclint_core::report::{Finding, Subject, SubjectKind};
use uclint_core::source::Location;
use wasmtime::Trap;

use crate::Limits;
use crate::output::Printed;
use crate::refuse::UnsupportedImport;
use crate::state::{HostWorkExhausted, State};
use crate::validate::printable;

/// Why a plugin failed: the PLUGIN code and a one-line reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct Failure {
    /// PLUGIN001..PLUGIN008.
    pub code: Code,
    /// What happened, for people.
    pub reason: String,
}

impl Failure {
    /// A failure with `code`.
    pub fn new(code: Code, reason: impl Into<String>) -> Self {
        Self {
            code,
            reason: reason.into(),
        }
    }

    /// The finding that reports it, naming the plugin.
    pub fn finding(&self, plugin: &str, location: Option<Location>) -> Finding {
        let info = catalogue::info(self.code);
        Finding {
            code: self.code.into(),
            severity: info.severity,
            message: format!("plugin `{plugin}`: {}", self.reason),
            subject: Subject::new(SubjectKind::Plugin, plugin),
            location,
            fixes: info.fixes.to_vec(),
        }
    }
}

/// Turn what went wrong inside a call into the failure it means, by the error's type: the
/// memory limiter's flag, wasmtime's traps, and the host's own errors. `output` is what the call
/// printed; a trap after a Rust panic is reported with the panic's message from its stderr.
pub fn classify(error: &wasmtime::Error, state: &State, limits: &Limits, output: &Printed) -> Failure {
    if state.limiter.memory_exceeded {
        return Failure::new(
            Code::PLUGIN004,
            format!(
                "tried to grow its memory past the limit of {} MiB",
                limits.memory_bytes >> 20
            ),
        );
    }
    let trap = error.downcast_ref::<Trap>();
    if trap == Some(&Trap::OutOfFuel) {
        return Failure::new(
            Code::PLUGIN003,
            format!(
                "ran out of CPU fuel ({} units) before returning: an endless loop, or far too much work",
                limits.fuel
            ),
        );
    }
    if error.is::<HostWorkExhausted>() {
        return Failure::new(
            Code::PLUGIN003,
            format!(
                "asked the host for more than {} units of work in one call",
                limits.max_host_work
            ),
        );
    }
    if let Some(refused) = error.downcast_ref::<UnsupportedImport>() {
        return Failure::new(
            Code::PLUGIN002,
            format!(
                "called `{}`, which the sandbox does not grant (no files, network, environment, clock or randomness; only stdout and stderr)",
                printable(&refused.name)
            ),
        );
    }
    if let Some(panic) = trap.and_then(|_| output.panic()) {
        return Failure::new(Code::PLUGIN002, panic);
    }
    let what = match trap {
        Some(trap) => trap.to_string(),
        None => first_line(&format!("{error:#}")),
    };
    Failure::new(Code::PLUGIN002, format!("trapped: {}", printable(&what)))
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn classified(error: wasmtime::Error, stderr: &str) -> Failure {
        let limits = Limits::default();
        let state = State::new(Arc::default(), &limits);
        let output = Printed {
            stderr: stderr.to_owned(),
            ..Printed::default()
        };
        classify(&error, &state, &limits, &output)
    }

    const PANIC: &str = "thread '<unnamed>' panicked at src/lib.rs:9:14:\nconfig key site is required\n";

    #[test]
    fn memory_past_the_limit_is_plugin004_whatever_the_trap() {
        let limits = Limits::default();
        let mut state = State::new(Arc::default(), &limits);
        state.limiter.memory_exceeded = true;
        let error = wasmtime::Error::new(Trap::UnreachableCodeReached);
        let failure = classify(&error, &state, &limits, &Printed::default());
        assert_eq!(failure.code, Code::PLUGIN004);
        assert!(failure.reason.contains("256 MiB"), "{}", failure.reason);
    }

    #[test]
    fn fuel_and_host_work_are_plugin003() {
        let fuel = classified(wasmtime::Error::new(Trap::OutOfFuel), PANIC);
        assert_eq!(fuel.code, Code::PLUGIN003);
        assert!(fuel.reason.contains("fuel"), "{}", fuel.reason);
        let work = classified(wasmtime::Error::new(HostWorkExhausted).context("in check"), "");
        assert_eq!(work.code, Code::PLUGIN003);
        assert!(work.reason.contains("units of work"), "{}", work.reason);
    }

    #[test]
    fn a_refused_import_is_named() {
        let refused = UnsupportedImport {
            name: "wasi:filesystem/types@0.2.3#[method]descriptor.read".to_owned(),
        };
        let failure = classified(wasmtime::Error::new(refused).context("backtrace"), "");
        assert_eq!(failure.code, Code::PLUGIN002);
        assert!(
            failure
                .reason
                .starts_with("called `wasi:filesystem/types@0.2.3#[method]descriptor.read`"),
            "{}",
            failure.reason
        );
    }

    #[test]
    fn a_trap_after_a_panic_carries_its_message() {
        let failure = classified(wasmtime::Error::new(Trap::UnreachableCodeReached), PANIC);
        assert_eq!(failure.code, Code::PLUGIN002);
        assert_eq!(
            failure.reason,
            "panicked at src/lib.rs:9:14: config key site is required"
        );
    }

    #[test]
    fn other_traps_and_errors_say_what_they_are() {
        let trap = classified(wasmtime::Error::new(Trap::UnreachableCodeReached), "no panic\n");
        assert_eq!(trap.code, Code::PLUGIN002);
        assert_eq!(trap.reason, format!("trapped: {}", Trap::UnreachableCodeReached));
        // A panic message without a trap (the host failed) is not blamed on a panic.
        let other = classified(wasmtime::Error::msg("first\nsecond"), PANIC);
        assert_eq!(other.reason, "trapped: first");
    }
}
