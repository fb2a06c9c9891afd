#!/usr/bin/env bash
# `make demo`: the main job on built-in defaults. Starts the carrier simulator on a free loopback port (fixture
# pages, and generated pages for every other valid number), runs the nightly batch on the sample orders against it,
# shows the summary and where the reports are, then a few one-off lookups. Nothing leaves 127.0.0.1.
set -euo pipefail
bin=${1:-.build/release}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/demo-output"
simulated_date=2026-11-20
work=$(mktemp -d)
trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin/carrier-sim" --fixtures "$root/Fixtures" --generate --date "$simulated_date" --port 0 \
    --port-file "$work/port" > "$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "demo: carrier-sim did not start:"; cat "$work/sim.log"; exit 1; }
base="http://127.0.0.1:$(cat "$work/port")"
echo "carrier simulator at $base (fixtures and generated pages for $simulated_date)"
export SHIPTRACK_BASE_URL=$base

run() {
    echo
    echo "\$ shiptrack $*"
    "$bin/shiptrack" "$@" || echo "(exit status $?)"
}

# A fresh state file each time, so the demo always shows a first night and then a second one.
rm -rf "$out"
mkdir -p "$out"
orders="$root/Fixtures/orders/sample.csv"
night() {
    run run "$orders" --db "$out/state.sqlite" --report-dir "$out/reports" --as-of "$1" --concurrency 16 --rate 0 --quiet
}
night "${simulated_date}T20:00:00Z"
echo
echo "First rows of $out/reports/flagged.csv:"
head -n 6 "$out/reports/flagged.csv" | cut -c1-220
echo
echo "The next night: delivered parcels are not fetched again; the summary says what changed."
night "2026-11-21T20:00:00Z"
run report --db "$out/state.sqlite"

run lookup 9400100000000000000051
run lookup LX100077775CN --destination US --ordered-at 2023-06-28 --as-of 2023-07-20T12:00:00Z
run lookup lx100066662cn EA100077775CN
run lookup 9400100000000000000014
run identify 9400100000000000000051 LX100011111CN EA100011111CN
echo
echo "Reports: $out/reports (summary.json, shipments.jsonl, flagged.csv); state: $out/state.sqlite"
