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

step "Rust tests"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --locked
else
  cargo test --workspace --locked
fi
# nextest does not run doc tests.
cargo test --workspace --doc --locked

step "benchmarks run once each in test mode (no timing asserted)"
cargo test --workspace --bench '*' --locked
