//! The `uclint` command line inside the Python package: the wheel's `uclint` script
//! (`python/uclint/_cli.py`) runs the very code of the native binary, in-process, so
//! `pip install uclint` is all an administrator who only wants the command needs.

use std::ffi::OsString;
use std::io::Write;

use pyo3::prelude::*;

/// Run the `uclint` command line with `argv` (the program name first, as in `sys.argv`) and
/// give its exit status. It writes to the process's standard output and error itself, not
/// through `sys.stdout`: flush that first. The GIL is released while it runs.
#[pyfunction]
pub fn run_cli(py: Python<'_>, argv: Vec<OsString>) -> u8 {
    py.detach(|| {
        let status = uclint_cli::run_status(argv);
        // A Rust program's stdout is flushed as its `main` returns; Python exits without
        // passing there, so what is still buffered (a last line without a newline) goes now.
        // A closed pipe has no reader left to tell.
        let _ = std::io::stdout().flush();
        status
    })
}
