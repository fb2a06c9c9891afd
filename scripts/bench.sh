#!/usr/bin/env bash
# `make bench` (issues 6 and 13): builds in release mode, measures every figure side by side in this one run (medians
# of several runs), prints one table with the ratio that matters for each, a profile of where the CPU goes, and
# writes both with the machine's description into BENCHMARKS.md. Installs what it needs when missing (wrk,
# hyperfine, GNU time, a C compiler, libxml2's and cJSON's headers, perf; aiohttp and lxml for the Python peer in a
# virtual environment under the build folder). Everything runs on 127.0.0.1 against carrier-sim; nothing leaves the
# machine.
#
# Environment: BENCH_FULL=1 adds the 1,000,000-shipment nights (pages and APIs, measured, not projected), the
# 100,000-shipment night at 50 ms latency and second nights of the large files; BENCH_RUNS (3) repeats each
# measurement (the 10,000 nights without latency at least 5 times); BENCH_LARGE_RUNS (1) repeats the nights of
# 100,000 and more; BENCH_SCRATCH (.build) is the build folder; BENCH_DATE the simulated date of pages and orders;
# BENCH_PROFILE=0 skips the perf profiles.
# Without BENCH_FULL it takes about 15 minutes on the 2-core machine, the first release build excluded.
set -euo pipefail
started=$(date +%s.%N)
# Another process busy on a 2-core machine skews every figure; the load average before we start says whether one was.
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

runs=${BENCH_RUNS:-3}
large_runs=${BENCH_LARGE_RUNS:-1}
full=${BENCH_FULL:-0}
profile=${BENCH_PROFILE:-1}
scratch=${BENCH_SCRATCH:-.build}
simulated_date=${BENCH_DATE:-2026-11-20}
as_of="${simulated_date}T23:00:00+08:00"
answers_per_source=200
json_answers_per_source=40
parse_seconds=0.5
fetch_seconds=1
peer_seconds=2
concurrency_total=32
sudo=$([ "$(id -u)" = 0 ] || echo sudo)

say() { printf '\n== %s (at %s s)\n' "$*" "$(seconds_since "$started")" >&2; }
seconds_since() { awk -v now="$(date +%s.%N)" -v then="$1" 'BEGIN { printf "%.1f", now - then }'; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# --- What the benchmarks need, installed only when missing (as the Makefile's deps do). ---
missing=()
command -v wrk > /dev/null || missing+=(wrk)
command -v hyperfine > /dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v cc > /dev/null || missing+=(gcc)
pkg-config --exists libxml-2.0 2> /dev/null || missing+=(libxml2-dev pkg-config)
[ -f /usr/include/cjson/cJSON.h ] || missing+=(libcjson-dev)
[ "$profile" = 0 ] || command -v perf > /dev/null || missing+=(linux-perf)
/usr/bin/python3 -c 'import venv, ensurepip' 2> /dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi
# The Python peer's libraries, from PyPI, in a virtual environment of their own (never the system's Python).
venv="$scratch/bench-venv"
if ! "$venv/bin/python" -c 'import aiohttp, lxml' 2> /dev/null; then
    say "installing aiohttp and lxml into $venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet aiohttp lxml
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/shiptrack-bench.XXXXXX")
sim_pids=()
cleanup() {
    for pid in "${sim_pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${sim_pids[@]}"; do wait "$pid" 2> /dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
results="$work/results.txt"
record() { echo "$*" >> "$results"; }

# --- Build: release, every product (shiptrack, carrier-sim, shiptrack-bench), and the C references. ---
say "building (release)"
build_started=$(date +%s.%N)
# The product and the simulator from the root package; the driver from its own package in Benchmarks/.
if ! { swift build -c release --scratch-path "$scratch" \
        && swift build -c release --package-path Benchmarks --scratch-path "$scratch-bench"; } > "$work/build.log" 2>&1; then
    grep -E 'error:' "$work/build.log" >&2 || tail -40 "$work/build.log" >&2
    echo "bench: the release build failed" >&2
    exit 1
fi
grep -E 'warning:|Build complete' "$work/build.log" >&2 || true
build_seconds=$(seconds_since "$build_started")
bin="$scratch/release"
bench="$scratch-bench/release/shiptrack-bench"
# The C references are built the way the issue asks: -O2 against the system libxml2 the Swift wrapper links, and
# Debian's cJSON.
# shellcheck disable=SC2046
cc -O2 -o "$work/parse_pages" Benchmarks/c-reference/parse_pages.c $(pkg-config --cflags --libs libxml-2.0)
cc -O2 -o "$work/parse_json" Benchmarks/c-reference/parse_json.c -lcjson

{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "cores (nproc): $(nproc)"
    echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "kernel: $(uname -sr)"
    echo "Swift: $(swift --version 2>&1 | grep -m1 -o 'Swift version [^ ]*')"
    echo "libcurl: $(pkg-config --modversion libcurl), libxml2: $(pkg-config --modversion libxml-2.0), cJSON: $(dpkg-query -W -f '${Version}' libcjson-dev 2> /dev/null || echo '?')"
    echo "C reference compiler: $(cc --version | head -1), -O2"
    echo "Python peer: $("$venv/bin/python" --version 2>&1), aiohttp $("$venv/bin/python" -c 'import aiohttp; print(aiohttp.__version__)'), lxml $("$venv/bin/python" -c 'import lxml.etree as e; print(".".join(map(str, e.LXML_VERSION[:3])), "with its own libxml2", ".".join(map(str, e.LIBXML_VERSION)))')"
    echo "load tools: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $(hyperfine --version), GNU time$(command -v perf > /dev/null && echo ", $(perf --version)")"
    echo "load average before the run (1, 5, 15 min): $load_at_start"
    echo "commit: $(git rev-parse --short HEAD 2> /dev/null || echo unknown)$(git diff --quiet HEAD -- Sources Carriers TrackingSources 2> /dev/null || echo ' with local changes')"
} > "$work/machine.txt"
record "settings answers_per_source=$answers_per_source json_answers_per_source=$json_answers_per_source runs=$runs" \
    "large_runs=$large_runs parse_min_seconds=$parse_seconds fetch_seconds=$fetch_seconds peer_seconds=$peer_seconds" \
    "simulated_date=$simulated_date full=$full"

# --- Simulators: one without latency, one with 50 ms, both generating pages and API answers for the simulated date,
# with the APIs' own limits off (USPS's hourly quota, 17TRACK's 3 requests/s and its registration delay) so that
# they measure ShipTrack, not the simulated accounts. ---
start_simulator() { # name latency-ms; sets simulator_url[latency-ms] and simulator_pid[latency-ms]
    "$bin/carrier-sim" --fixtures Fixtures --generate --date "$simulated_date" --latency-ms "$2" --port 0 \
        --usps-quota 0 --track17-rate 0 --track17-quota 1000000000 --track17-registration-delay-ms 0 \
        --port-file "$work/$1.port" > "$work/$1.log" 2>&1 &
    sim_pids+=($!)
    simulator_pid[$2]=$!
    for _ in $(seq 1 200); do [ -s "$work/$1.port" ] && grep -q '^EMS_EUB_TOKEN=' "$work/$1.log" && break; sleep 0.05; done
    [ -s "$work/$1.port" ] || { echo "bench: carrier-sim did not start:" >&2; cat "$work/$1.log" >&2; exit 1; }
    simulator_url[$2]="http://127.0.0.1:$(cat "$work/$1.port")"
}
declare -A simulator_url simulator_pid
start_simulator sim0 0
start_simulator sim50 50
# The test credentials the simulator prints on start (NAME=value lines): the night through the APIs uses them.
grep -E '^(USPS_CLIENT_ID|USPS_CLIENT_SECRET|TRACK17_API_KEY|EMS_EUB_TOKEN)=' "$work/sim0.log" > "$work/credentials.env"
credential_names=(USPS_CLIENT_ID USPS_CLIENT_SECRET TRACK17_API_KEY EMS_EUB_TOKEN)
# CPU seconds (user + system) a process has used so far, from /proc: the simulator's share of each night.
cpu_of() { awk -v ticks="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / ticks }' "/proc/$1/stat"; }

# --- Generated answers: the same files for the Swift engine and the C references. ---
say "generating $answers_per_source answers per page and XML source, $json_answers_per_source full batches per JSON source"
answers="$work/answers"
"$bench" make-pages --date "$simulated_date" --count "$answers_per_source" --out "$answers"
"$bench" make-answers --date "$simulated_date" --count "$json_answers_per_source" --base-url "${simulator_url[0]}" --out "$answers"
parse_sources=(usps-page chinapost-page ems-eub usps-api 17track)

# --- 1. Parsing, one core each: the C reference and the Swift engine over the same answers in memory. ---
parse_case() { # source rep
    local line
    case $1 in
        usps-api | 17track) line=$("$work/parse_json" "$1" "$answers/$1" "$parse_seconds") ;;
        *) line=$("$work/parse_pages" "$answers/$1/spec.txt" "$answers/$1" "$parse_seconds") ;;
    esac
    record "parse source=$1 impl=c rep=$2 load1=$(load1) $line"
    line=$("$bench" parse --source "$1" --answers "$answers/$1" --min-seconds "$parse_seconds")
    record "parse source=$1 impl=swift rep=$2 load1=$(load1) $line"
}
say "1. parsing: C reference and Swift engine, $runs runs each"
for rep in $(seq 1 "$runs"); do
    for source in "${parse_sources[@]}"; do parse_case "$source" "$rep"; done
done

# --- 4. Estimator: in memory, one core. ---
say "4. estimator: 1,000,000 in-memory shipments, $runs runs"
"$bench" estimate --date "$simulated_date" --as-of "$as_of" --count 1000000 --runs "$runs" |
    while read -r line; do record "estimate $line"; done

# --- 2. Fetching: HTTPClient against the simulator, and wrk on the same pages for the simulator's capacity. ---
say "2. fetching: concurrency 8, 32, 128, no latency and 50 ms, $runs runs each (HTTPClient, then wrk)"
for latency in 0 50; do
    for concurrency in 8 32 128; do
        for rep in $(seq 1 "$runs"); do
            line=$("$bench" fetch --pages "$answers" --base-url "${simulator_url[$latency]}" \
                --concurrency "$concurrency" --seconds "$fetch_seconds")
            record "fetch latency_ms=$latency concurrency=$concurrency tool=shiptrack rep=$rep $line"
            line=$(wrk -t1 -c"$concurrency" -d"${fetch_seconds}s" -s Benchmarks/wrk/paths.lua "${simulator_url[$latency]}" \
                -- "$answers/paths.txt" | grep '^requests=')
            record "fetch latency_ms=$latency concurrency=$concurrency tool=wrk rep=$rep $line"
        done
    done
done

# --- 6. Fetching and reading pages: ShipTrack against the Python peer (aiohttp + lxml), same pages, same XPath. ---
say "6. fetching and reading: ShipTrack and the Python peer, 32 in flight, $runs runs each"
for latency in 0 50; do
    for rep in $(seq 1 "$runs"); do
        line=$("$bench" fetch --read --pages "$answers" --base-url "${simulator_url[$latency]}" \
            --concurrency "$concurrency_total" --seconds "$peer_seconds")
        record "fetchread latency_ms=$latency tool=shiptrack rep=$rep load1=$(load1) $line"
        line=$("$venv/bin/python" Benchmarks/python-peer/fetch_read.py --pages "$answers" \
            --base-url "${simulator_url[$latency]}" --concurrency "$concurrency_total" --seconds "$peer_seconds")
        record "fetchread latency_ms=$latency tool=python rep=$rep load1=$(load1) $line"
    done
done

# --- 3. The nightly run: shiptrack run on generated orders, first run and a second over the same database; through
# the pages (no credentials, like round 1) and through the APIs (the simulator's test credentials). ---
sizes=(10000 100000)
[ "$full" = 1 ] && sizes+=(1000000)
for size in "${sizes[@]}"; do
    "$bin/carrier-sim" make-orders --count "$size" --date "$simulated_date" --seed 1 --output "$work/orders-$size.csv"
done
# The page night's lanes get 32 transfers in all, shared in proportion to the requests of the 10,000 file (the larger
# files have the same mix); the API night keeps each interface's own concurrency (its rate alone is lifted).
for size in "${sizes[@]}"; do
    for via in pages apis; do
        split=$("$bench" concurrency-split --total "$concurrency_total" $([ "$via" = apis ] && echo --credentials) \
            "$work/orders-$size.csv")
        if [ "$size" = 10000 ] && [ "$via" = pages ]; then
            record "$split shipments_case=$size via=$via used=yes"
            read -r -a page_concurrency <<< "$(tr ' ' '\n' <<< "$split" | sed -n 's/^lane\./--concurrency /p' | tr '\n' ' ')"
        else
            record "$split shipments_case=$size via=$via"
        fi
    done
done
# A contract-sized USPS quota for the API night: the source's published 60 calls an hour would end it after 2,100
# numbers. Read by `shiptrack run --config`, as a store's own configuration would say it.
printf '{ "sources": { "limits": { "usps-api": { "calls_per_hour": 10000000 } } } }\n' > "$work/api-config.json"

night() { # size latency-ms pass rep via
    local size=$1 latency=$2 pass=$3 rep=$4 via=$5 status=0 sim_cpu_before sim_cpu_after load
    # A home of its own: no store configuration, credentials file or token cache of this machine's user is read.
    local -a environment=(env) options=(--rate 0)
    if [ "$via" = apis ]; then
        # shellcheck disable=SC2046
        environment+=($(cat "$work/credentials.env"))
        options+=(--config "$work/api-config.json")
    else
        for name in "${credential_names[@]}"; do environment+=(-u "$name"); done
        options+=("${page_concurrency[@]}")
    fi
    environment+=(HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache")
    load=$(load1)
    sim_cpu_before=$(cpu_of "${simulator_pid[$latency]}")
    "${environment[@]}" /usr/bin/time -v "$bin/shiptrack" run "$work/orders-$size.csv" \
        --base-url "${simulator_url[$latency]}" "${options[@]}" --as-of "$as_of" --db "$work/night.sqlite" \
        --report-dir "$work/reports" --quiet --no-progress > "$work/night.out" 2> "$work/night.time" || status=$?
    sim_cpu_after=$(cpu_of "${simulator_pid[$latency]}")
    if [ "$status" -gt 1 ]; then
        echo "bench: shiptrack run exited $status:" >&2
        cat "$work/night.out" "$work/night.time" >&2
        exit 1
    fi
    "$bench" record-run --time-output "$work/night.time" --summary "$work/reports/latest/summary.json" \
        --db "$work/night.sqlite" --exit "$status" --tag "shipments_case=$size" --tag "latency_ms=$latency" \
        --tag "pass=$pass" --tag "rep=$rep" --tag "via=$via" --tag "load1=$load" \
        --tag "sim_cpu_seconds=$(awk -v a="$sim_cpu_after" -v b="$sim_cpu_before" 'BEGIN { printf "%.2f", a - b }')" >> "$results"
}
first_nights() { # size latency-ms via repeats
    say "3. nightly run via $3: $1 shipments, $2 ms latency, $4 first nights"
    for rep in $(seq 1 "$4"); do
        rm -rf "$work/night.sqlite"* "$work/reports" "$work/home"
        night "$1" "$2" 1 "$rep" "$3"
    done
}
for size in "${sizes[@]}"; do
    repeats=$runs
    [ "$runs" -lt 5 ] && repeats=5
    [ "$size" -gt 10000 ] && repeats=$large_runs
    for via in pages apis; do
        # The 1,000,000 nights take 15 to 20 minutes each: only with BENCH_FULL (which is when the file is made).
        first_nights "$size" 0 "$via" "$repeats"
        # The second night over the last first night's database (final parcels skipped) has no target: once, and for
        # the large files only with BENCH_FULL.
        if [ "$size" = 10000 ] || [ "$full" = 1 ]; then night "$size" 0 2 1 "$via"; fi
    done
    # At 50 ms a night is bounded by 640 requests/s: 100,000 would take minutes, so only with BENCH_FULL; pages only
    # (the target is about 32 transfers in flight, which the API night's batches do not use).
    if [ "$size" = 10000 ] || { [ "$full" = 1 ] && [ "$size" = 100000 ]; }; then
        first_nights "$size" 50 pages "$runs"
        if [ "$size" = 10000 ] || [ "$full" = 1 ]; then night "$size" 50 2 1 pages; fi
    fi
done
rm -rf "$work/night.sqlite"* "$work/reports"

# --- 5. Lookup: a fresh shiptrack process, start to output, minus the simulator's own round trip. ---
say "5. lookup: shiptrack lookup as a fresh process (hyperfine), and the simulator's round trip"
number=$(head -1 "$answers/usps-page/asked.txt" | cut -d' ' -f3 | cut -d: -f1)
path=$(grep -m1 "^usps-page " "$answers/requests.txt" | cut -d' ' -f4)
env -u USPS_CLIENT_ID -u USPS_CLIENT_SECRET -u TRACK17_API_KEY -u EMS_EUB_TOKEN HOME="$work/home" \
    hyperfine -N --warmup 3 --runs 20 --export-json "$work/lookup.json" \
    "$bin/shiptrack lookup $number --base-url ${simulator_url[0]}" > "$work/hyperfine.log"
line=$("$bench" record-hyperfine "$work/lookup.json")
record "$line"
line=$("$bench" round-trip --url "${simulator_url[0]}$path" --count 30)
record "roundtrip $line"

# --- The profile: where the CPU goes, by function (perf, sampling the release binaries). ---
profile_file="$work/profile.md"
: > "$profile_file"
if [ "$profile" != 0 ] && command -v perf > /dev/null; then
    say "profiles: perf over the Swift parser of each source and one 10,000-shipment night through the pages"
    for source in "${parse_sources[@]}"; do
        perf record -q -F 2000 -g -o "$work/perf-$source.data" -- \
            "$bench" parse --source "$source" --answers "$answers/$source" --min-seconds 2 > /dev/null 2>&1 || true
        Benchmarks/profile-summary.sh "$work/perf-$source.data" "parsing $source answers (\`shiptrack-bench parse\`, 2 s)" \
            >> "$profile_file" || true
    done
    rm -rf "$work/night.sqlite"* "$work/reports" "$work/home"
    env -u USPS_CLIENT_ID -u USPS_CLIENT_SECRET -u TRACK17_API_KEY -u EMS_EUB_TOKEN HOME="$work/home" \
        perf record -q -F 999 -g -o "$work/perf-night.data" -- "$bin/shiptrack" run "$work/orders-10000.csv" \
        --base-url "${simulator_url[0]}" --rate 0 "${page_concurrency[@]}" --as-of "$as_of" --db "$work/night.sqlite" \
        --report-dir "$work/reports" --quiet --no-progress > /dev/null 2>&1 || true
    Benchmarks/profile-summary.sh "$work/perf-night.data" "a 10,000-shipment night through the pages (\`shiptrack run\`, every thread)" \
        >> "$profile_file" || true
fi

# --- The table, and BENCHMARKS.md. ---
echo "load average at end (1, 5, 15 min; this run's own last minutes included): $(cut -d' ' -f1-3 /proc/loadavg)" \
    >> "$work/machine.txt"
# Kept so the table can be rebuilt without measuring again (shiptrack-bench report --results ... --machine ...).
cp "$results" "$scratch/bench-results.txt"
cp "$work/machine.txt" "$scratch/bench-machine.txt"
cp "$profile_file" "$scratch/bench-profile.md"
say "results (raw records in $scratch/bench-results.txt)"
"$bench" report --results "$results" --machine "$work/machine.txt" --profile "$profile_file" --markdown BENCHMARKS.md \
    --elapsed-seconds "$(seconds_since "$started")" --build-seconds "$build_seconds"
