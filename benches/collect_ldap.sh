#!/usr/bin/env bash
# The LDAP collector against ldapsearch on the same 100,000 users of a local slapd
# (probe/benches/collect_ldap.rs): both times, the collector's as a multiple of ldapsearch's, and
# the peak memory of one collection.
# Needs slapd and ldap-utils (apt-get install -y slapd ldap-utils).
# Usage: benches/collect_ldap.sh
set -euo pipefail
cd "$(dirname "$0")/.."

target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target"
log="$target/collect-ldap-bench.log"
cargo bench -q -p uclint-probe --bench collect_ldap >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
python3 - "$target/criterion/collect_ldap_100k" "$target/tmp/collect_ldap/peak_kb" <<'PY'
import json, sys
from pathlib import Path
root, peak = Path(sys.argv[1]), Path(sys.argv[2])
def ms(name, stat="mean"):
    est = json.loads((root / name / "new" / "estimates.json").read_text())
    return est[stat]["point_estimate"] / 1e6
for name in ("collector", "ldapsearch"):
    print(f"  {name:10} {ms(name):8.1f} ms per search of 100,000 users (median {ms(name, 'median'):.1f} ms)")
print(f"  ratio      {ms('collector') / ms('ldapsearch'):8.2f}x (target: at most 1.3x)")
print(f"  peak       {int(peak.read_text()) / 1024:8.1f} MB resident for one collection (target: under 200 MB)")
PY
