#!/usr/bin/env bash
# The performance figures issue 4 asks for, measured on this machine:
#   1. criterion: `check` with every rule on at 1k/10k/100k users, and loading, separately;
#   2. peak memory of a release `uclint check` on 100,000 users (/usr/bin/time -v);
#   3. uclint against a plain-Python script doing PRS001, AUTH001 and LDAP006 on the same users.
# Usage: benches/run.sh [--skip-criterion]
set -euo pipefail
cd "$(dirname "$0")/.."

skip_criterion=false
[ "${1:-}" = "--skip-criterion" ] && skip_criterion=true

if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time: apt-get install -y time" >&2
  exit 2
fi

target=${CARGO_TARGET_DIR:-target}
work="$target/bench-data"
mkdir -p "$work"

if ! $skip_criterion; then
  echo "==> criterion: load and check (takes a few minutes)"
  cargo bench -q -p uclint-core --bench check >/dev/null
  python3 - "$target/criterion" <<'PY'
import json, sys
from pathlib import Path
root = Path(sys.argv[1])
def ms(group, n):
    est = json.loads((root / group / str(n) / "new" / "estimates.json").read_text())
    return est["mean"]["point_estimate"] / 1e6
for group in ("load", "check"):
    for n in (1000, 10000, 100000):
        t = ms(group, n)
        print(f"  {group:5} {n:>7} users: {t:9.2f} ms/run  {t * 1000 / n:7.3f} us/user")
    print(f"  {group:5} 100k/10k ratio: {ms(group, 100000) / ms(group, 10000):.1f}x (linear: 10x)")
PY
fi

echo "==> release build of uclint"
cargo build -q --release -p uclint-cli --locked
uclint="$target/release/uclint"
"$uclint" generate --out "$work/100k" --users 100000 >/dev/null
deployment="$work/100k/deployment.toml"

echo "==> peak memory of \`uclint check\` on 100,000 users (all rules)"
/usr/bin/time -v "$uclint" check "$deployment" --format json >/dev/null 2>"$work/time.txt" || [ $? -eq 1 ]
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt" | sed 's/^\s*/  /'

# Best of N wall-clock runs, in seconds.
best_of() {
  local n=$1; shift
  python3 - "$n" "$@" <<'PY'
import subprocess, sys, time
n, cmd = int(sys.argv[1]), sys.argv[2:]
best = float("inf")
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
    best = min(best, time.perf_counter() - t)
print(f"{best:.4f}")
PY
}

echo "==> PRS001, AUTH001, LDAP006 on 100,000 users: uclint against a plain-Python admin script"
codes=PRS001,AUTH001,LDAP006
# Exit status 1 only says findings were made.
"$uclint" check "$deployment" --select "$codes" --format json >"$work/selected.json" || [ $? -eq 1 ]
# Users affected: PRS001 is one finding per node, whose message counts the users on it.
counts_rust=$(python3 - "$work/selected.json" <<'PY'
import json, sys, collections
c = collections.Counter()
for f in json.load(open(sys.argv[1]))["findings"]:
    c[f["code"]] += int(f["message"].split()[0]) if f["code"] == "PRS001" else 1
print(json.dumps({k: c[k] for k in ("PRS001", "AUTH001", "LDAP006")}))
PY
)
python3 benches/admin_script.py "$deployment" >"$work/python.json"
counts_py=$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["findings"]))' "$work/python.json")
echo "  users affected  uclint: $counts_rust"
echo "                  python: $counts_py"
if [ "$counts_rust" != "$counts_py" ]; then
  echo "  the two disagree: the comparison is void" >&2
  exit 1
fi
rust_s=$(best_of 5 "$uclint" check "$deployment" --select "$codes" --format json)
py_s=$(best_of 3 python3 benches/admin_script.py "$deployment")
python3 -c "r, p = $rust_s, $py_s; print(f'  best wall time, files loaded and rules run: uclint {r*1000:.0f} ms, python {p*1000:.0f} ms: python/uclint = {p/r:.1f}x')"
python3 - "$work/python.json" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
print(f"  (python alone: loading {v['load_s'] * 1000:.0f} ms, the three rules {v['rules_s'] * 1000:.0f} ms)")
PY
