//! What a plugin's store holds: the deployment it reads, the meters of its budget, and the
//! streams that capture what it prints.

use std::sync::Arc;

use uclint_core::model::Deployment;
use wasmtime::ResourceLimiter;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::WasiCtx;

use crate::Limits;
use crate::capture::Capture;

/// The data of one plugin instance's store.
pub struct State {
    /// The deployment being checked (shared, read-only).
    pub deployment: Arc<Deployment>,
    /// Memory and table growth, capped.
    pub limiter: Limiter,
    /// Host work done for the plugin so far in this call.
    pub host_work: u64,
    /// The most host work allowed.
    pub max_host_work: u64,
    /// What the plugin writes to stdout in this call.
    pub stdout: Capture,
    /// What the plugin writes to stderr in this call.
    pub stderr: Capture,
    /// WASI's view of the two streams (see wasi.rs), made on the first print: most calls print
    /// nothing, and a context costs a few microseconds to build.
    pub wasi: Option<WasiCtx>,
    /// The WASI resources the plugin holds: its stream handles.
    pub table: ResourceTable,
}

impl State {
    /// A fresh state for one call.
    pub fn new(deployment: Arc<Deployment>, limits: &Limits) -> Self {
        let stdout = Capture::new(limits.max_print_bytes);
        let stderr = Capture::new(limits.max_print_bytes);
        Self {
            deployment,
            limiter: Limiter {
                memory_bytes: limits.memory_bytes,
                memory_exceeded: false,
            },
            host_work: 0,
            max_host_work: limits.max_host_work,
            wasi: None,
            stdout,
            stderr,
            table: ResourceTable::new(),
        }
    }

    /// Charge `units` of host work; fails once the budget is spent.
    pub fn charge(&mut self, units: usize) -> wasmtime::Result<()> {
        self.host_work = self.host_work.saturating_add(units as u64);
        if self.host_work > self.max_host_work {
            return Err(wasmtime::Error::new(HostWorkExhausted));
        }
        Ok(())
    }
}

/// Raised when a plugin asks the host for more work than its budget.
#[derive(Debug, thiserror::Error)]
#[error("the plugin asked the host for more work than one call may use")]
pub struct HostWorkExhausted;

/// Refuses memory growth past the cap and remembers that it did.
pub struct Limiter {
    memory_bytes: usize,
    /// Set once a growth was refused: the trap that follows is a memory failure, not a bug.
    pub memory_exceeded: bool,
}

impl ResourceLimiter for Limiter {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        if desired > self.memory_bytes {
            self.memory_exceeded = true;
            return Ok(false);
        }
        Ok(true)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= 1_000_000)
    }
}
