#!/usr/bin/env bash
# Issue 16's figure: `uclint check` over 1,000 generated deployments of 1,000 users each, in
# deployments per second, three ways:
#   all cores     uclint check SITES/            (one process, one thread per core)
#   one core      uclint check SITES/ --jobs 1   (one process, one thread)
#   a loop        for f in SITES/*.toml; do uclint check "$f"; done   (a process per deployment)
# Each is timed whole, best of N runs (wall clock), on a release build. Run it on a quiet
# machine: anything else running takes cores from the "all cores" figure.
# Usage: benches/many.sh [DEPLOYMENTS [USERS [RUNS]]]   (defaults: 1000 1000 3)
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-1000}
users=${2:-1000}
runs=${3:-3}
target=${CARGO_TARGET_DIR:-target}
sites="$target/bench-data/sites-$count-$users"

echo "==> release build of uclint"
cargo build -q --release -p uclint-cli --locked
uclint="$target/release/uclint"

if [ ! -f "$sites/.complete" ]; then
  echo "==> generating $count deployments of $users users into $sites"
  rm -rf "$sites"
  mkdir -p "$sites"
  scratch="$sites/.scratch"
  for i in $(seq -w 1 "$count"); do
    "$uclint" generate --out "$scratch" --users "$users" --seed "$i" >/dev/null
    # One folder holds every site: each deployment names its own users file.
    sed "s/^users_csv = \"users.csv\"$/users_csv = \"site-$i-users.csv\"/" "$scratch/deployment.toml" >"$sites/site-$i.toml"
    mv "$scratch/users.csv" "$sites/site-$i-users.csv"
  done
  rm -rf "$scratch"
  touch "$sites/.complete"
fi

# Best of $runs wall-clock runs of a shell command, in seconds. Exit status 1 only says findings.
best_of() {
  python3 - "$runs" "$1" <<'PY'
import subprocess, sys, time
n, cmd = int(sys.argv[1]), sys.argv[2]
best = float("inf")
for _ in range(n):
    t = time.perf_counter()
    done = subprocess.run(["bash", "-c", cmd], stdout=subprocess.DEVNULL)
    if done.returncode > 1:
        sys.exit(f"{cmd}: exit {done.returncode}")
    best = min(best, time.perf_counter() - t)
print(f"{best:.3f}")
PY
}

cores=$(nproc)
echo "==> checking $count deployments of $users users ($cores cores; best of $runs)"
all=$(best_of "\"$uclint\" check \"$sites\" --format json")
one=$(best_of "\"$uclint\" check \"$sites\" --format json --jobs 1")
loop=$(best_of "for f in \"$sites\"/site-*[0-9].toml; do \"$uclint\" check \"\$f\" --format json || [ \$? -eq 1 ]; done")
python3 - "$count" "$all" "$one" "$loop" "$cores" <<'PY'
import sys
n, all_s, one_s, loop_s, cores = int(sys.argv[1]), *map(float, sys.argv[2:5]), sys.argv[5]
for label, s in ((f"all cores ({cores})", all_s), ("one core", one_s), ("a loop of single checks", loop_s)):
    print(f"  {label:24} {s:8.2f} s  {n / s:8.1f} deployments/s")
print(f"  all cores / one core: {one_s / all_s:.2f}x;  all cores / loop: {loop_s / all_s:.2f}x")
PY
