//! `uclint`: the front door to uclint's derivations, routing and checks (the library holds it
//! all, so the Python package's `uclint` runs the very same code).

fn main() -> std::process::ExitCode {
    uclint_cli::run(std::env::args_os())
}
