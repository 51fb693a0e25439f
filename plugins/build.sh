#!/usr/bin/env bash
# Builds the example plugins and every hostile test plugin as WebAssembly components, into
# target/plugins/ (or $CARGO_TARGET_DIR/plugins/):
#   target/plugins/naming-policy.wasm
#   target/plugins/vpn-resolves-home-nodes.wasm
#   target/plugins/jabber-off-site.wasm         (contract 0.2.0's Jabber discovery, in use)
#   target/plugins/bench-empty.wasm, bench-prs001.wasm   (the host's benchmark plugins)
#   target/plugins/sdk-panics.wasm             (an SDK plugin that panics, for the host's tests)
#   target/plugins/hostile-<feature>.wasm      (one per feature of plugins/host/tests/hostile;
#                                               hostile-contract-v0-1-0 speaks the first contract)
#
# Idempotent and fast when up to date: a stamp holds a hash of every input (plugin sources, WIT,
# Cargo.lock, Cargo.toml, rustc version); when it matches, cargo is not even started. Safe to run
# from several test processes at once (a lock serializes them; files are replaced atomically).
# FORCE=1 rebuilds regardless. Prints each file's size.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

target=wasm32-wasip2
examples=(naming-policy vpn-resolves-home-nodes jabber-off-site)
# The host's benchmark plugins (plugins/host/benches/plugins) and its SDK test plugin
# (plugins/host/tests/sdk-panics), built the same way.
benches=(bench-empty bench-prs001 sdk-panics)
hostile_dir=plugins/host/tests/hostile
hostile_features=(
  infinite-loop memory-bomb trap output-flood impersonate foreign-code unknown-severity
  control-chars wasi-escape prints panics prints-flood well-behaved future-version contract-v0-1-0
)
cargo_target="${CARGO_TARGET_DIR:-$root/target}"
out="$cargo_target/plugins"
artifacts="$cargo_target/$target/release"

# Host-only flags (say, from a coverage run that invokes this script) must not reach the wasm build.
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_BUILD_TARGET RUSTC_WORKSPACE_WRAPPER

mkdir -p "$out"
exec 9>"$out/.build.lock"
flock 9

# The future-version plugin is built against the newest contract (plugins/wit/v<X.Y.Z>/) with
# only the package version changed, to the next minor version: one no host knows yet.
current="$(find plugins/wit -mindepth 1 -maxdepth 1 -type d -name 'v*' -printf '%f\n' | sed 's/^v//' | sort -V | tail -n 1)"
IFS=. read -r major minor _patch <<<"$current"
future="$major.$((minor + 1)).0"
future_wit="$hostile_dir/wit-future/rule.wit"
future_text="$(sed "s/^package uclint:rule@${current//./\\.};\$/package uclint:rule@$future;/" "plugins/wit/v$current/rule.wit")"
if ! grep -qx "package uclint:rule@$future;" <<<"$future_text"; then
  echo "error: plugins/wit/v$current/rule.wit does not declare package uclint:rule@$current" >&2
  exit 1
fi
if [ "$(cat "$future_wit" 2>/dev/null)" != "$future_text" ]; then
  printf '%s\n' "$future_text" >"$future_wit"
  echo "note: refreshed $future_wit from plugins/wit/v$current/rule.wit (version $future)" >&2
fi

inputs_hash() {
  {
    rustc -vV
    find plugins/contract plugins/sdk plugins/examples plugins/host/benches/plugins "$hostile_dir" \
      plugins/host/tests/sdk-panics plugins/wit plugins/build.sh -type f \
      \( -name '*.rs' -o -name '*.toml' -o -name '*.wit' -o -name '*.sh' \) -not -path '*/target/*' -print0 |
      LC_ALL=C sort -z | xargs -0 sha256sum
    sha256sum Cargo.lock Cargo.toml
  } | sha256sum | cut -d' ' -f1
}
hash="$(inputs_hash)"

fresh() { # name
  [ "${FORCE:-0}" != 1 ] && [ -f "$out/$1.wasm" ] && [ "$(cat "$out/.$1.stamp" 2>/dev/null)" = "$hash" ]
}

is_component() { # file: a component's preamble is \0asm, version 0x0d, layer 1
  [ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = "0061736d0d000100" ]
}

install() { # artifact name
  local artifact="$1" name="$2"
  if ! is_component "$artifact"; then
    echo "error: $artifact is not a WebAssembly component" >&2
    exit 1
  fi
  local tools=""
  command -v wasm-tools >/dev/null && tools=wasm-tools
  [ -x target/tools/wasm-tools-venv/bin/wasm-tools ] && tools=target/tools/wasm-tools-venv/bin/wasm-tools
  if [ -n "$tools" ]; then
    "$tools" validate "$artifact"
  fi
  cp "$artifact" "$out/.$name.wasm.tmp"
  mv -f "$out/.$name.wasm.tmp" "$out/$name.wasm"
  # Replaced, not rewritten in place, like the .wasm: a copy of target/ that shares files keeps its own.
  printf '%s\n' "$hash" >"$out/.$name.stamp.tmp"
  mv -f "$out/.$name.stamp.tmp" "$out/.$name.stamp"
}

ensure_target() {
  rustup target list --installed | grep -qx "$target" || rustup target add "$target"
}

stale_examples=()
for example in "${examples[@]}" "${benches[@]}"; do
  fresh "$example" || stale_examples+=("$example")
done
stale_hostile=()
for feature in "${hostile_features[@]}"; do
  fresh "hostile-$feature" || stale_hostile+=("$feature")
done

if [ ${#stale_examples[@]} -gt 0 ] || [ ${#stale_hostile[@]} -gt 0 ]; then
  ensure_target
fi

if [ ${#stale_examples[@]} -gt 0 ]; then
  packages=()
  for example in "${stale_examples[@]}"; do packages+=(-p "$example"); done
  cargo build --release --locked --target "$target" "${packages[@]}"
  for example in "${stale_examples[@]}"; do
    install "$artifacts/${example//-/_}.wasm" "$example"
  done
fi

# One crate, one feature per build: the artifact has one name, so copy it after each build.
for feature in "${stale_hostile[@]}"; do
  cargo build --release --locked --target "$target" -p uclint-hostile-plugin --features "$feature"
  install "$artifacts/uclint_hostile_plugin.wasm" "hostile-$feature"
done

for name in "${examples[@]}" "${benches[@]}" "${hostile_features[@]/#/hostile-}"; do
  printf '%10s  %s\n' "$(stat -c %s "$out/$name.wasm")" "$out/$name.wasm"
done
