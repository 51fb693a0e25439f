//! Findings about plugins themselves (the PLUGIN codes): why a plugin could not load or run.

use uclint_core::catalogue::{self, Code};
use uclint_core::report::{Finding, Subject, SubjectKind};
use uclint_core::source::Location;
use wasmtime::Trap;

use crate::Limits;
use crate::state::{HostWorkExhausted, State};

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

/// Turn what went wrong inside a call into the failure it means.
pub fn classify(error: &wasmtime::Error, state: &State, limits: &Limits) -> Failure {
    if state.limiter.memory_exceeded {
        return Failure::new(
            Code::PLUGIN004,
            format!(
                "tried to grow its memory past the limit of {} MiB",
                limits.memory_bytes >> 20
            ),
        );
    }
    if error.downcast_ref::<Trap>() == Some(&Trap::OutOfFuel) {
        return Failure::new(
            Code::PLUGIN003,
            format!(
                "ran out of CPU fuel ({} units) before returning: an endless loop, or far too much work",
                limits.fuel
            ),
        );
    }
    let message = format!("{error:#}");
    if message.contains(&HostWorkExhausted.to_string()) {
        return Failure::new(
            Code::PLUGIN003,
            format!(
                "asked the host for more than {} units of work in one call",
                limits.max_host_work
            ),
        );
    }
    if let Some(import) = message
        .split("unknown import: `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
    {
        return Failure::new(
            Code::PLUGIN002,
            format!(
                "called `{}`, which the sandbox does not grant (no files, network, environment or clock)",
                crate::validate::printable(import)
            ),
        );
    }
    let what = match error.downcast_ref::<Trap>() {
        Some(trap) => trap.to_string(),
        None => first_line(&message),
    };
    Failure::new(
        Code::PLUGIN002,
        format!("trapped: {}", crate::validate::printable(&what)),
    )
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}
