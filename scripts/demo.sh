#!/usr/bin/env bash
# `make demo`: the main job on built-in defaults, on the sources a real store uses. Starts the carrier simulator on a
# free loopback port (it plays the USPS API, 17TRACK, the EMS partner interface and both carriers' pages from one
# generated parcel world), gives ShipTrack the simulator's test credentials in an owner-only credentials file, runs
# the nightly batch on the sample orders two nights running, shows one fallback (a page that answers with a CAPTCHA,
# passed over for 17TRACK) and a few one-off lookups, and ends with the path of the morning report.
# Nothing leaves 127.0.0.1.
set -euo pipefail
bin=${1:-.build/release}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/demo-output"
simulated_date=2026-11-20
work=$(mktemp -d)
sim_pid=
trap '[ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT

# A fresh state each time, so the demo always shows a first night and then a second one. Everything the tool keeps
# (database, token cache, reports) goes under demo-output/, never into the user's own folders.
rm -rf "$out"
mkdir -p "$out"
export XDG_STATE_HOME="$out/state" XDG_CACHE_HOME="$out/cache" XDG_CONFIG_HOME="$out/config"
unset SHIPTRACK_CONFIG SHIPTRACK_CREDENTIALS USPS_CLIENT_ID USPS_CLIENT_SECRET TRACK17_API_KEY EMS_EUB_TOKEN

# 17TRACK answers a newly registered number after a moment; the simulator's is short so the first night reads them.
# The China Post page answers every request with its slider CAPTCHA, as it does for plain HTTP clients in 2026.
"$bin/carrier-sim" serve --fixtures "$root/Fixtures" --generate --date "$simulated_date" --port 0 \
    --port-file "$work/port" --track17-registration-delay-ms 100 --chinapost-page-block captcha \
    > "$work/sim.out" 2> "$work/sim.log" &
sim_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && grep -q EMS_EUB_TOKEN "$work/sim.out" && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "demo: carrier-sim did not start:"; cat "$work/sim.log"; exit 1; }
base="http://127.0.0.1:$(cat "$work/port")"
export SHIPTRACK_BASE_URL=$base
echo "carrier simulator at $base (generated parcels for $simulated_date)"

# The simulator's test credentials, in a credentials file readable by its owner only (ShipTrack refuses others).
credentials="$out/credentials"
(umask 077 && grep -E '^[A-Z0-9_]+=' "$work/sim.out" > "$credentials")
echo "credentials: $(cut -d= -f1 "$credentials" | tr '\n' ' ')(values in $credentials, mode 0600)"

run() {
    echo
    echo "\$ shiptrack $*"
    "$bin/shiptrack" "$@" || echo "(exit status $?)"
}

orders="$root/Fixtures/orders/sample.csv"
night() {
    run run "$orders" --credentials "$credentials" --db "$out/state.sqlite" --report-dir "$out/reports" --as-of "$1" \
        --no-progress
}
night "${simulated_date}T20:00:00Z"
echo
echo "The next night: registered numbers are not registered again, delivered parcels are not asked again."
night "2026-11-21T20:00:00Z"

run sources --credentials "$credentials"
run lookup --credentials "$credentials" 9400100000000000000051
run lookup --credentials "$credentials" LX100077775CN --destination US --ordered-at 2023-06-28 --as-of 2023-07-20T12:00:00Z
run lookup --credentials "$credentials" EA100077775CN

# A store that prefers China Post's own page for ePackets: the page answers with a CAPTCHA ("blocked"), and the
# lookup falls back to 17TRACK, saying so.
printf '{ "sources": { "preferences": { "epacket": ["chinapost-page", "17track"] } } }\n' > "$out/prefer-page.json"
run lookup --config "$out/prefer-page.json" --credentials "$credentials" LX100066662CN
run show --db "$out/state.sqlite" SO1000013

echo
echo "Reports: $out/reports/latest/ (report.html, flagged.csv, shipments.jsonl, summary.json); state: $out/state.sqlite"
echo "Open the morning report: $out/reports/latest/report.html"
