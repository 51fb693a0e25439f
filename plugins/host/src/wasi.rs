//! The only WASI a plugin gets: `wasi:cli/stdout` and `wasi:cli/stderr`, each captured per call,
//! and the `wasi:io` interfaces that writing to them needs (streams, error, poll). Plugin
//! authors debug with `println!`, and a Rust panic writes its message to stderr. No files,
//! network, environment, arguments, clocks, randomness or exit: those are refused
//! (see refuse.rs). The implementation is wasmtime-wasi's, interface by interface. Its
//! blocking stream calls (`blocking-write-and-flush`, which `println!` uses) run through
//! wasmtime-wasi's own Tokio runtime, started on the first write of the process; our streams
//! are always ready, so nothing waits there. Do not call plugins from inside an async task.
//!
//! One exception: `wasi:cli/environment`'s `get-environment`, which returns no variables. std's
//! default panic hook reads `RUST_BACKTRACE` before it writes anything, so refusing that call
//! would end every panicking plugin before its message reaches stderr. An empty environment
//! gives away nothing; the interface's other functions (arguments, working directory) stay
//! refused.

use wasmtime::component::{HasData, Linker, ResourceTable};
use wasmtime_wasi::WasiCtx;
use wasmtime_wasi::cli::{WasiCli, WasiCliCtxView};
use wasmtime_wasi::p2::bindings::cli::{stderr, stdout};
use wasmtime_wasi::p2::bindings::sync::io::{error, poll, streams};

use crate::capture::Capture;
use crate::refuse::Provided;
use crate::state::State;

/// The WASI release whose interfaces are defined; plugins built against any `0.2.x` link to
/// them (the component model's semver rule, see names.rs).
const WASI: &str = "0.2.12";

/// The functions of `wasi:cli/environment` defined.
const ENVIRONMENT: &[&str] = &["get-environment"];

/// The interfaces defined, as WIT names them.
pub fn interfaces() -> Vec<Provided> {
    let whole = [
        "wasi:io/error",
        "wasi:io/poll",
        "wasi:io/streams",
        "wasi:cli/stdout",
        "wasi:cli/stderr",
    ];
    let mut provided: Vec<Provided> = whole
        .iter()
        .map(|name| Provided::all(format!("{name}@{WASI}")))
        .collect();
    provided.push(Provided {
        name: format!("wasi:cli/environment@{WASI}"),
        only: Some(ENVIRONMENT),
    });
    provided
}

/// Define [`interfaces`] in `linker`.
pub fn add_to_linker(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    error::add_to_linker::<State, Io>(linker, |state| &mut state.table)?;
    poll::add_to_linker::<State, Io>(linker, |state| &mut state.table)?;
    streams::add_to_linker::<State, Io>(linker, |state| &mut state.table)?;
    stdout::add_to_linker::<State, WasiCli>(linker, cli)?;
    stderr::add_to_linker::<State, WasiCli>(linker, cli)?;
    // No variables, whatever the host's environment holds.
    linker
        .instance(&format!("wasi:cli/environment@{WASI}"))?
        .func_wrap("get-environment", |_, ()| Ok((Vec::<(String, String)>::new(),)))?;
    Ok(())
}

/// A WASI context whose stdout and stderr are `stdout` and `stderr`, and nothing else.
pub fn context(stdout: &Capture, stderr: &Capture) -> WasiCtx {
    // The builder's other defaults (no environment, arguments or preopens) do not matter:
    // only the interfaces above are linked.
    WasiCtx::builder().stdout(stdout.clone()).stderr(stderr.clone()).build()
}

/// The streams' resource table.
struct Io;

impl HasData for Io {
    type Data<'a> = &'a mut ResourceTable;
}

fn cli(state: &mut State) -> WasiCliCtxView<'_> {
    let (stdout, stderr) = (&state.stdout, &state.stderr);
    let wasi = state.wasi.get_or_insert_with(|| context(stdout, stderr));
    WasiCliCtxView {
        ctx: wasi.cli(),
        table: &mut state.table,
    }
}
