#!/usr/bin/env bash
# The LDAP probe's search against ldapsearch on the same 10,000 users of a local slapd
# (probe/benches/ldap_search.rs): both times, and the probe's as a multiple of ldapsearch's.
# Needs slapd and ldap-utils (apt-get install -y slapd ldap-utils).
# Usage: benches/ldap.sh
set -euo pipefail
cd "$(dirname "$0")/.."

target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target"
log="$target/ldap-bench.log"
cargo bench -q -p uclint-probe --bench ldap_search >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
python3 - "$target/criterion/ldap_search_10k" <<'PY'
import json, sys
from pathlib import Path
root = Path(sys.argv[1])
def ms(name, stat="mean"):
    est = json.loads((root / name / "new" / "estimates.json").read_text())
    return est[stat]["point_estimate"] / 1e6
for name in ("probe", "ldapsearch"):
    print(f"  {name:10} {ms(name):8.1f} ms per search of 10,000 users (median {ms(name, 'median'):.1f} ms)")
print(f"  ratio      {ms('probe') / ms('ldapsearch'):8.2f}x (target: at most 1.3x)")
PY
