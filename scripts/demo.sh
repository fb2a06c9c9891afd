#!/usr/bin/env bash
# `make demo`: start the carrier simulator on a free loopback port, look up sample numbers against it, stop it.
set -euo pipefail
bin=${1:-.build/release}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin/carrier-sim" --fixtures "$root/Fixtures" --port 0 --port-file "$work/port" > "$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "demo: carrier-sim did not start:"; cat "$work/sim.log"; exit 1; }
base="http://127.0.0.1:$(cat "$work/port")"
echo "carrier simulator at $base (serving $root/Fixtures)"
export SHIPTRACK_BASE_URL=$base

run() {
    echo
    echo "\$ shiptrack $*"
    "$bin/shiptrack" "$@" || echo "(exit status $?)"
}

run lookup 9400100000000000000051
run lookup "9400 1000 0000 0000 0000 37" 9400100000000000000068 9400100000000000000075
run lookup LX100077775CN --destination US --ordered-at 2023-06-28 --as-of 2023-07-20T12:00:00Z
run lookup lx100066662cn EA100077775CN
run lookup 9400100000000000000082 LX100155549CN
run lookup 9400100000000000000014
run identify 9400100000000000000051 LX100011111CN EA100011111CN 9400100000000000000014
run estimate --destination "United Kingdom" --ordered-at 2026-09-01 --as-of 2026-11-24T09:00:00Z
run lookup --json 9400100000000000000013
