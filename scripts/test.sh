#!/usr/bin/env bash
# Runs every test of uclint. Works on a fresh machine: it checks for what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "core builds for the browser (wasm32-unknown-unknown)"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
cargo build -p uclint-core --target wasm32-unknown-unknown --locked

step "SARIF 2.1.0 schema for the SARIF test (from the npm registry, once)"
schema_dir=target/tools/sarif-schema
export UCLINT_SARIF_SCHEMA="$PWD/$schema_dir/package/lib/schemas/sarif-2.1.0-rtm.5.json"
if [ ! -f "$UCLINT_SARIF_SCHEMA" ]; then
  mkdir -p "$schema_dir"
  (cd "$schema_dir" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz)
fi

step "Rust tests, benchmarks once each in test mode (no timing asserted)"
# One build of every target (tests, benches, examples) in one cargo invocation: every later step
# reuses it. Separate invocations would resolve dependency features differently and compile
# the tree (wasmtime included) again.
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --all-targets --locked
else
  cargo test --workspace --all-targets --locked
fi
# nextest does not run doc tests.
cargo test --workspace --doc --locked
# The command line that the Python and browser tests compare against: the one built above.
export UCLINT_BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/uclint"
# The loopback lab (real servers) the Python tests log in to. The test build above made it under
# a hashed name only; this links it as examples/lab (seconds: test-servers alone).
cargo build -q -p uclint-test-servers --example lab --locked
export UCLINT_LAB="${CARGO_TARGET_DIR:-$PWD/target}/debug/examples/lab"

step "cargo install --path cli --locked (as the README says; --debug reuses the build above)"
install_root="${CARGO_TARGET_DIR:-$PWD/target}/tools/uclint-install"
cargo install -q --path cli --locked --debug --force --root "$install_root" --target-dir "${CARGO_TARGET_DIR:-$PWD/target}"
[ "$("$install_root/bin/uclint" --version)" = "$("$UCLINT_BIN" --version)" ]
status=0
"$install_root/bin/uclint" check examples/acme.toml --statistics >/dev/null || status=$?
# 1: the example has errors (that is its point).
[ "$status" -eq 1 ] || { echo "error: the installed uclint check exited $status" >&2; exit 1; }

step "Python package (the wheel in a venv without Rust: smoke test, pytest, mypy --strict, stubtest)"
bash bindings-python/test.sh

step "wasm package and the web page in Chromium"
bash bindings-wasm/test.sh
