#!/usr/bin/env bash
# Builds the `uclint` Python package as it ships: a release cp39-abi3 manylinux wheel, with the
# `uclint` command in it, and an sdist, into target/wheels/dist. Then installs the wheel in a
# fresh venv (target/py-wheel-venv) and tests it there with no Rust toolchain on PATH: a smoke
# test of the command and the module, pytest (against the native command line's output; the
# example scripts; the installed `uclint` script), mypy --strict on the tests, examples and
# benchmark, and stubtest (the .pyi stubs against the installed module).
#
# Needs a Rust toolchain and python3 (3.9 or later) with venv; the first run fetches the pinned
# tools of requirements-build.txt and requirements-test.txt from PyPI. Called from
# scripts/test.sh; runs alone too.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# One target directory for cargo, maturin and the CLI: builds are shared, not repeated.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
python="${PYTHON:-python3}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# --- With the Rust toolchain: the wheel, the sdist, and what the tests compare against -------

tools="$root/target/py-venv"
if [ ! -x "$tools/bin/python" ]; then
  step "build tools venv in target/py-venv"
  "$python" -m venv "$tools"
fi
"$tools/bin/python" -m pip install -q -r bindings-python/requirements-build.txt

version=$(cargo metadata --no-deps --locked --format-version 1 |
  "$tools/bin/python" -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "uclint-python"))')

dist="$CARGO_TARGET_DIR/wheels/dist"
rm -rf "$dist"
step "wheel and sdist of uclint $version (maturin, release) into $dist"
# No --sdist here: maturin would build the wheel again from the unpacked sdist, a second
# release build in another source tree. The sdist is checked below instead.
"$tools/bin/maturin" build --release --locked -m bindings-python/Cargo.toml -o "$dist"
"$tools/bin/maturin" sdist -m bindings-python/Cargo.toml -o "$dist"

# maturin tags the wheel with the oldest manylinux its glibc symbols allow (manylinux_2_34 when
# built on Debian 12); a plain `linux` tag would mean it failed the check and PyPI refuses it.
wheels=("$dist"/uclint-"$version"-cp39-abi3-manylinux_*.whl)
[ ${#wheels[@]} = 1 ] && [ -f "${wheels[0]}" ] || fail "expected one cp39-abi3 manylinux wheel in $dist: $(ls "$dist")"
wheel=${wheels[0]}
sdist="$dist/uclint-$version.tar.gz"
echo "${wheel##*/}, ${sdist##*/}"

step "sdist: holds the workspace a source build needs, which resolves offline from its Cargo.lock"
listing=$(tar tzf "$sdist")
for file in pyproject.toml Cargo.toml Cargo.lock bindings-python/Cargo.toml bindings-python/src/cli.rs \
  core/Cargo.toml cli/Cargo.toml cli/src/lib.rs probe/Cargo.toml plugins/host/Cargo.toml \
  python/uclint/__init__.py python/uclint/_cli.py python/uclint/_uclint.pyi python/uclint/py.typed; do
  grep -qx "uclint-$version/$file" <<<"$listing" || fail "the sdist lacks $file"
done
tar xzf "$sdist" -C "$scratch"
# Resolving every manifest proves every path dependency is there; a build would take minutes.
cargo metadata --offline --format-version 1 --manifest-path "$scratch/uclint-$version/bindings-python/Cargo.toml" >/dev/null

# scripts/test.sh passes the command line its own test build made; alone, build it here.
if [ -z "${UCLINT_BIN:-}" ]; then
  step "the uclint command line the tests compare against"
  cargo build -q -p uclint-cli --locked
  export UCLINT_BIN="$CARGO_TARGET_DIR/debug/uclint"
fi
if [ -z "${UCLINT_LAB:-}" ]; then
  step "the loopback lab of real servers the probe tests log in to"
  cargo build -q -p uclint-test-servers --example lab --locked
  export UCLINT_LAB="$CARGO_TARGET_DIR/debug/examples/lab"
fi
step "the plugins the plugin tests load (plugins/build.sh)"
bash plugins/build.sh >/dev/null
export UCLINT_PLUGINS="$CARGO_TARGET_DIR/plugins"

# The test tools as wheels, fetched again only when their pins change: the fresh venv below
# installs everything offline.
wheelhouse="$root/target/py-wheelhouse"
if ! cmp -s bindings-python/requirements-test.txt "$wheelhouse/requirements-test.txt"; then
  step "test tools (requirements-test.txt) as wheels into target/py-wheelhouse"
  rm -rf "$wheelhouse"
  "$tools/bin/python" -m pip download -q --only-binary=:all: -d "$wheelhouse" -r bindings-python/requirements-test.txt
  cp bindings-python/requirements-test.txt "$wheelhouse/"
fi

# --- Without it: the wheel as a user installs it ----------------------------------------------

venv="$root/target/py-wheel-venv"
step "fresh venv in target/py-wheel-venv: the wheel, no Rust toolchain on PATH"
rm -rf "$venv"
"$python" -m venv "$venv"
# From here on every command runs with the venv and the system's directories on PATH only.
bare=(env -u CARGO_HOME -u RUSTUP_HOME -u RUSTUP_TOOLCHAIN -u CARGO_TARGET_DIR -u PYTHONPATH
  VIRTUAL_ENV="$venv" PATH="$venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
for tool in cargo rustc rustup; do
  if found=$("${bare[@]}" sh -c "command -v $tool"); then fail "$tool is on the PATH the wheel is tested with: $found"; fi
done
"${bare[@]}" python -m pip install -q --no-index --find-links "$wheelhouse" \
  -r bindings-python/requirements-test.txt "$wheel"

step "smoke test: uclint --version, check, rules; uclint.__version__"
[ "$("${bare[@]}" uclint --version)" = "uclint $version" ] || fail "uclint --version is not uclint $version"
[ "$("${bare[@]}" python -c 'import uclint; print(uclint.__version__)')" = "$version" ] ||
  fail "uclint.__version__ is not $version"
# The package imported is the installed one, not a source tree on the path.
case "$("${bare[@]}" python -c 'import uclint; print(uclint.__file__)')" in
  "$venv"/*) ;;
  *) fail "uclint is not imported from $venv" ;;
esac
status=0
"${bare[@]}" uclint check examples/acme.toml --format json >"$scratch/check.json" || status=$?
[ "$status" = 1 ] || fail "uclint check examples/acme.toml exited $status, not 1 (findings)"
"${bare[@]}" python -c 'import json, sys; assert json.load(open(sys.argv[1]))["findings"]' "$scratch/check.json" ||
  fail "uclint check examples/acme.toml --format json gave no findings"
"${bare[@]}" uclint rules | grep -q PRS001 || fail "uclint rules does not list PRS001"
echo "uclint $version: command and module agree"

step "pytest (bindings-python/tests, examples/python, the uclint script)"
"${bare[@]}" python -m pytest -q -p no:cacheprovider bindings-python/tests

step "mypy --strict (tests, examples, benchmark)"
(cd bindings-python && "${bare[@]}" python -m mypy --strict --cache-dir "$root/target/py-mypy-cache" tests benches ../examples/python)

step "stubtest (_uclint.pyi against the installed module)"
(cd "$root/target" && "${bare[@]}" python -m mypy.stubtest --mypy-config-file "$root/bindings-python/pyproject.toml" uclint._uclint)
