#!/usr/bin/env bash
# Installs libuclint for C and C++ under PREFIX:
#   include/uclint.h
#   lib/libuclint.a
#   lib/libuclint.so.VERSION, and the links libuclint.so.ABI (the soname) and libuclint.so
#   lib/pkgconfig/uclint.pc                       pkg-config uclint
#   lib/cmake/uclint/uclintConfig.cmake           find_package(uclint): uclint::uclint,
#   lib/cmake/uclint/uclintConfigVersion.cmake      uclint::uclint_static
# The pkg-config and CMake files find the prefix from their own folder: it may be moved.
#
# Usage: bash bindings-c/install.sh PREFIX [--profile release|debug|NAME] [--from DIR]
#   --profile  builds with `cargo build -p uclint-c --profile ... --locked` (default release)
#              and installs what it leaves in the target folder (CARGO_TARGET_DIR is honoured)
#   --from DIR installs the libuclint.a and libuclint.so in DIR instead of building (the tests
#              install the libraries of their own build this way)
# Linux and other ELF systems (the soname is read from the library with readelf).
set -euo pipefail

die() {
  echo "install.sh: $*" >&2
  exit 1
}
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

prefix="" profile="" from=""
while [ $# -gt 0 ]; do
  case "$1" in
    --profile)
      [ $# -ge 2 ] || die "--profile needs a value"
      profile=$2
      shift 2
      ;;
    --from)
      [ $# -ge 2 ] || die "--from needs a directory"
      from=$2
      shift 2
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
      [ -z "$prefix" ] || die "one prefix only, got $prefix and $1"
      prefix=$1
      shift
      ;;
  esac
done
[ -n "$prefix" ] || {
  usage >&2
  exit 2
}
[ -z "$profile" ] || [ -z "$from" ] || die "--profile builds, --from installs a build: give one"
command -v readelf >/dev/null || die "readelf is needed (apt-get install binutils)"

crate=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$crate")
manifest=$root/Cargo.toml

if [ -z "$from" ]; then
  case "${profile:=release}" in
    debug | dev) cargo_profile=dev dir=debug ;;
    *) cargo_profile=$profile dir=$profile ;;
  esac
  cargo build --manifest-path "$manifest" -p uclint-c --lib --profile "$cargo_profile" --locked
  # Where this cargo puts its builds: CARGO_TARGET_DIR, a config's target-dir, or target/.
  target=$(cargo metadata --manifest-path "$manifest" --format-version 1 --no-deps --locked |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
  from=$target/$dir
fi
for lib in libuclint.a libuclint.so; do
  [ -f "$from/$lib" ] || die "$from/$lib is missing"
done

# The package's version (path+file:///.../bindings-c#uclint-c@0.1.0).
pkgid=$(cargo pkgid --manifest-path "$manifest" -p uclint-c --locked)
version=${pkgid##*@}
# The soname bindings-c/build.rs gave the library; the ABI is its version part.
soname=$(readelf -d "$from/libuclint.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p')
[ -n "$soname" ] || die "$from/libuclint.so has no soname (not built with bindings-c/build.rs?)"
abi=${soname#libuclint.so.}
case "$version." in
  "$abi".*) ;;
  *) die "$from/libuclint.so is $soname, not of version $version: build it again" ;;
esac

# rustc as cargo runs it: $RUSTC, or the toolchain the workspace selects.
rustc_here() { (cd "$root" && "${RUSTC:-rustc}" "$@"); }
# What a static link of a Rust library needs beside it: the standard library's system
# libraries. An empty static library asks rustc for them; no dependency of uclint-c links a
# system library of its own (the static consumer in tests/install.rs would not link otherwise).
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
: >"$probe/empty.rs"
libs_private=$(rustc_here --crate-type staticlib --crate-name probe --edition 2021 --out-dir "$probe" \
  --print native-static-libs "$probe/empty.rs" 2>&1 | sed -n 's/^note: native-static-libs: //p')
[ -n "$libs_private" ] || die "rustc --print native-static-libs printed no list"
link_libraries=""
for flag in $libs_private; do
  case "$flag" in
    -l*) link_libraries+="${link_libraries:+;}${flag#-l}" ;;
    *) die "unexpected native library flag $flag from rustc" ;;
  esac
done
pointer_bits=$(rustc_here --print cfg | sed -n 's/^target_pointer_width="\(.*\)"$/\1/p')

# A template from pkg/, every @NAME@ filled.
fill() {
  sed -e "s|@VERSION@|$version|g" -e "s|@SONAME@|$soname|g" -e "s|@ABI@|$abi|g" \
    -e "s|@LIBS_PRIVATE@|$libs_private|g" -e "s|@LINK_LIBRARIES@|$link_libraries|g" \
    -e "s|@POINTER_BITS@|$pointer_bits|g" -e "s|@POINTER_BYTES@|$((pointer_bits / 8))|g" \
    "$crate/pkg/$1" >"$probe/$1"
  ! grep -n '@[A-Z_]*@' "$probe/$1" || die "pkg/$1: a placeholder is left"
  install -m 644 "$probe/$1" "$2/${1%.in}"
}

lib=$prefix/lib
install -d "$prefix/include" "$lib/pkgconfig" "$lib/cmake/uclint"
install -m 644 "$crate/include/uclint.h" "$prefix/include/uclint.h"
install -m 644 "$from/libuclint.a" "$lib/libuclint.a"
install -m 755 "$from/libuclint.so" "$lib/libuclint.so.$version"
[ "$soname" = "libuclint.so.$version" ] || ln -sfn "libuclint.so.$version" "$lib/$soname"
ln -sfn "$soname" "$lib/libuclint.so"
fill uclint.pc.in "$lib/pkgconfig"
fill uclintConfig.cmake.in "$lib/cmake/uclint"
fill uclintConfigVersion.cmake.in "$lib/cmake/uclint"
echo "installed libuclint $version ($soname) under $prefix"
