#!/usr/bin/env bash
# Builds this plugin as a WebAssembly component (wasm32-wasip2, release) and prints the
# component's path: `uclint plugin info "$(./build.sh)"` loads what it just built.
set -euo pipefail

# cargo reads a relative CARGO_TARGET_DIR from where it runs: make it absolute before moving.
case "${CARGO_TARGET_DIR:-}" in
  "" | /*) ;;
  *) export CARGO_TARGET_DIR="$PWD/$CARGO_TARGET_DIR" ;;
esac
cd "$(dirname "${BASH_SOURCE[0]}")"

target=wasm32-wasip2
# With rustup, add the target once; a toolchain without rustup must already have it.
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target" >&2
fi
# Only the path goes to stdout; cargo's progress goes to stderr.
cargo build --release --target "$target" >&2

component="${CARGO_TARGET_DIR:-$PWD/target}/$target/release/{{crate}}.wasm"
if [ ! -f "$component" ]; then
  echo "error: cargo built no $component" >&2
  exit 1
fi
echo "$component"
