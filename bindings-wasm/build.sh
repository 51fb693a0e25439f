#!/usr/bin/env bash
# Builds the npm package `uclint` and the web page from it:
#   target/npm/uclint/             the package: wasm-bindgen --target web output shrunk by wasm-opt,
#                                  package.json, README.md, the Node entry (bindings-wasm/npm/)
#   target/npm/uclint-VERSION.tgz  the same, packed by `npm pack`
#   bindings-wasm/www/dist/        the packed tarball unpacked, plus the examples and reference
#                                  pages the page offers
# Needs node and npm (wasm-opt from npm's binaryen, npm pack).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# The wasm-bindgen CLI must be the exact version of the wasm-bindgen crate in Cargo.lock.
version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$version" ] || { echo "error: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
tools="$PWD/target/tools"
bindgen="$tools/bin/wasm-bindgen"
if [ ! -x "$bindgen" ] || [ "$("$bindgen" --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
  say "installing wasm-bindgen-cli $version into target/tools"
  if ! cargo install wasm-bindgen-cli --version "$version" --locked --root "$tools" --force; then
    # Its Cargo.lock can name a dependency version the registry no longer serves (yanked);
    # then resolve afresh: the CLI itself is still exactly $version.
    echo "note: the --locked install failed; installing wasm-bindgen-cli $version with fresh dependency resolution" >&2
    cargo install wasm-bindgen-cli --version "$version" --root "$tools" --force
  fi
fi

say "cargo build -p uclint-wasm (wasm32-unknown-unknown, profile wasm-release: size first)"
cargo build -p uclint-wasm --target wasm32-unknown-unknown --profile wasm-release --locked

command -v npm >/dev/null || { echo "error: npm is needed (wasm-opt, npm pack): apt-get install -y npm" >&2; exit 1; }

pkg=target/npm/uclint
say "wasm-bindgen --target web --out-dir $pkg"
rm -rf "$pkg"
"$bindgen" --target web --out-dir "$pkg" target/wasm32-unknown-unknown/wasm-release/uclint_wasm.wasm

# wasm-opt from npm's binaryen, pinned in www-tests/package-lock.json.
wasm="$pkg/uclint_wasm_bg.wasm"
opt=bindings-wasm/www-tests/node_modules/.bin/wasm-opt
if [ ! -x "$opt" ]; then
  say "npm ci (binaryen's wasm-opt, playwright-core)"
  (cd bindings-wasm/www-tests && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
say "wasm-opt -Oz"
before=$(wc -c <"$wasm")
"$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-multivalue --enable-reference-types "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
echo "wasm-opt: $before -> $(wc -c <"$wasm") bytes"

# package.json carries the workspace's version and license, read through cargo metadata.
cargo metadata --no-deps --format-version 1 --locked | node bindings-wasm/npm/package-json.mjs >"$pkg/package.json"
cp bindings-wasm/npm/README.md bindings-wasm/npm/node.js "$pkg/"

say "npm pack $pkg"
rm -f target/npm/uclint-*.tgz
tgz=target/npm/$(cd "$pkg" && npm pack --pack-destination .. --loglevel=error)
echo "$tgz"

# The page loads the package exactly as packed: unpack the tarball rather than copy the folder.
out=bindings-wasm/www/dist
say "unpack $tgz into $out"
rm -rf "$out"
mkdir -p "$out"
tar -xzf "$tgz" -C "$out" --strip-components=1

# The examples the page's "Load the ACME example" and "Load the ACME Jabber example" buttons open.
mkdir -p "$out/examples"
cp examples/acme.toml examples/acme-users.csv examples/acme.zone examples/acme-jabber.toml "$out/examples/"

# The reference pages the page links to (how uclint reasons, one page per rule), read offline.
mkdir -p "$out/docs"
cp -r docs/derivations docs/rules "$out/docs/"

raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
say "$wasm: $raw bytes raw, $gz bytes gzipped"
