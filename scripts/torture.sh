#!/usr/bin/env bash
# The torture run of issue 14: the nightly batch and lookups tried as a demanding user and an attacker would, against
# carrier-sim and a small hostile server, all on 127.0.0.1. Not part of `make test`. See docs/torture.md.
#
#   0. two-leg lookups in the release build (a crash once hid here);
#   1. the 10,000-shipment fault run, through the pages and through the APIs, every shipment accounted for
#      (summary.json vs shipments.jsonl vs the SQLite `shipments` table vs a fault-free run of the same orders);
#   2. 20 random `kill -9` during a run, reruns until it finishes, the same command again, and runs through a
#      symlinked path while another holds the lock: duplicated events and lost shipments counted;
#   3. hostile answers: oversized bodies, a gzip bomb, every fault number of Fixtures/simulator.json, a huge
#      Retry-After (peak RSS under /usr/bin/time);
#   4. the unbalanced-quote order file (111 rows);
#   5. permissions at umask 022, and `shiptrack report` on a read-only copy of the database;
#   6. unwritable output locations found before any request is sent.
# Then every log, report and database is searched for the APIs' secrets.
#
# Prints each check (PASS / FAIL) and the figures, and rewrites the block between the markers of docs/torture.md.
# Exit status: 0 when every check passed, 1 when any failed (the figures are written either way), 2 on a set-up
# error. About 10 minutes on the 2-core machine once the release build exists.
#
# Environment: TORTURE_WORK (default .build/torture, emptied first, kept afterwards for inspection),
# TORTURE_COUNT (10000 shipments), TORTURE_KILLS (20), TORTURE_SKIP_BUILD=1 to use the existing release build,
# TORTURE_NO_DOC=1 to leave docs/torture.md alone.
set -uo pipefail
started=$(date +%s.%N)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

count=${TORTURE_COUNT:-10000}
kills=${TORTURE_KILLS:-20}
work=${TORTURE_WORK:-$root/.build/torture}
simulated_date=2026-11-20
as_of="${simulated_date}T23:00:00+08:00"
faults="500=0.02,503=0.002,429=0.002,timeout=0.003,truncated=0.01,garbage=0.003,reset=0.01"
# Bounded time: every source's lane gets 16 transfers and no rate limit, and a request gives up after 5 s (the
# default 30 s with 2 transfers per page source makes the fault run take over 10 minutes: docs/torture.md).
run_options=(--rate 0 --concurrency 16 --timeout 5 --as-of "$as_of" --no-progress)
secrets=(shiptrack-test-secret shiptrack-test-17token shiptrack-test-ems-token)
sudo=$([ "$(id -u)" = 0 ] || echo sudo)

say() { printf '\n== %s (at %s s)\n' "$*" "$(seconds_since "$started")" >&2; }
seconds_since() { awk -v now="$(date +%s.%N)" -v then="$1" 'BEGIN { printf "%.1f", now - then }'; }
die() { echo "torture: $*" >&2; exit 2; }

# --- What the run needs, installed only when missing. ---
missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 > /dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi

# --- The release build of this worktree. ---
if [ "${TORTURE_SKIP_BUILD:-0}" != 1 ]; then
    say "building shiptrack and carrier-sim (release)"
    if ! { swift build -c release --product shiptrack && swift build -c release --product carrier-sim; } \
        > "$root/.build/torture-build.log" 2>&1; then
        grep -E 'error:' "$root/.build/torture-build.log" >&2 || tail -40 "$root/.build/torture-build.log" >&2
        die "the release build failed"
    fi
fi
bin="$root/.build/release"
[ -x "$bin/shiptrack" ] && [ -x "$bin/carrier-sim" ] || die "no release build in $bin (run without TORTURE_SKIP_BUILD)"

# --- A fresh work folder; every XDG folder inside it; nothing of the caller's environment leaks in. ---
case "$work" in /*) ;; *) work="$root/$work" ;; esac
rm -rf "$work"
mkdir -p "$work/sims" "$work/logs"
umask 022
export XDG_STATE_HOME="$work/xdg/state" XDG_CACHE_HOME="$work/xdg/cache" XDG_CONFIG_HOME="$work/xdg/config"
export HOME="$work/home"
mkdir -p "$HOME"
unset SHIPTRACK_BASE_URL SHIPTRACK_CONFIG SHIPTRACK_CARRIERS SHIPTRACK_SOURCES SHIPTRACK_CREDENTIALS \
    USPS_CLIENT_ID USPS_CLIENT_SECRET TRACK17_API_KEY EMS_EUB_TOKEN
results="$work/results.txt"
: > "$results"
# check PART NAME pass|fail DETAIL; figure PART NAME VALUE
check() {
    local verdict=PASS
    [ "$3" = pass ] || verdict=FAIL
    printf 'check\t%s\t%s\t%s\t%s\n' "$1" "$verdict" "$2" "${4:-}" >> "$results"
    printf '  %s  %s: %s %s\n' "$verdict" "$1" "$2" "${4:+($4)}" >&2
}
figure() {
    printf 'figure\t%s\t%s\t%s\n' "$1" "$2" "$3" >> "$results"
    printf '  %s: %s = %s\n' "$1" "$2" "$3" >&2
}
# Reads the analyser's "check|figure<TAB>..." lines into the results.
record_lines() {
    local kind part name verdict detail
    while IFS=$'\t' read -r kind part name verdict detail; do
        case "$kind" in
        check) check "$part" "$name" "$verdict" "$detail" ;;
        figure) figure "$part" "$name" "$verdict" ;;
        *) echo "torture: analyser said: $kind $part $name $verdict $detail" >&2 ;;
        esac
    done
}
elapsed_of() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'; }
rss_mb_of() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }

# --- The analyser: reads summaries, report lines and databases (Python's json, csv and sqlite3). ---
analyse="$work/analyse.py"
cat > "$analyse" << 'PYTHON'
import collections, csv, json, os, sqlite3, sys

def out(kind, part, name, a, b=""):
    print(f"{kind}\t{part}\t{name}\t{a}\t{b}".replace("\n", " "))

def check(part, name, ok, detail=""):
    out("check", part, name, "pass" if ok else "fail", detail)

def figure(part, name, value):
    out("figure", part, name, value)

def connect(path):
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)

def disposition(row, run):
    number, checked_run, outcome, partial, final = row
    if number == "":
        return "not_shipped"
    if checked_run == run and outcome is not None:
        if outcome in ("found", "layout_partly_not_recognised"):
            return "failed" if partial else "checked"
        return {"not_found": "not_found", "not_yet": "not_yet", "not_checked": "not_checked"}.get(outcome, "failed")
    return "skipped_final" if final else "not_checked"

def shipments(db, run):
    rows = {}
    for r in db.execute("SELECT order_id, tracking_number, checked_run, outcome, timeline_partial, is_final, status, "
                        "carrier, destination, failure_kind, id, outcome_detail FROM shipments WHERE seen_run = ?", (run,)):
        rows[(r[0], r[1])] = {"disposition": disposition((r[1], r[2], r[3], r[4], r[5]), run), "partial": r[4],
                               "status": r[6], "carrier": r[7], "destination": r[8], "failure_kind": r[9], "id": r[10],
                               "detail": r[11] or ""}
    return rows

def legs(db):
    found = collections.defaultdict(set)
    for order, number, leg in db.execute(
            "SELECT s.order_id, s.tracking_number, e.leg FROM events e JOIN shipments s ON s.id = e.shipment_id"):
        found[(order, number)].add(leg)
    return found

def latest_run(db):
    return db.execute("SELECT MAX(id) FROM runs WHERE ended_as = 'finished'").fetchone()[0]

def account(part, folder, truth_folder, orders, stderr_path):
    """Part 1: every shipment accounted for, three ways, and against a fault-free run of the same orders."""
    summary = json.load(open(f"{folder}/reports/latest/summary.json"))
    lines = [json.loads(l) for l in open(f"{folder}/reports/latest/shipments.jsonl")]
    db = connect(f"{folder}/db/state.sqlite")
    run = summary["run_id"]
    stored = shipments(db, run)
    n = summary["input"]["shipments"]
    figure(part, "shipments (summary / shipments.jsonl / database)", f"{n} / {len(lines)} / {len(stored)}")
    check(part, "summary, shipments.jsonl and the database hold the same number of shipments",
          n == len(lines) == len(stored), f"{n} / {len(lines)} / {len(stored)}")
    check(part, "the summary's outcomes add up to its shipments", sum(summary["outcomes"].values()) == n,
          f"{sum(summary['outcomes'].values())} vs {n}")
    by_line = collections.Counter(l["outcome"] for l in lines)
    by_db = collections.Counter(r["disposition"] for r in stored.values())
    figure(part, "outcomes", ", ".join(f"{k} {v}" for k, v in sorted(summary["outcomes"].items())))
    check(part, "shipments.jsonl's outcomes equal the summary's", dict(by_line) == summary["outcomes"], str(dict(by_line)))
    check(part, "the database's outcomes equal the summary's", dict(by_db) == summary["outcomes"], str(dict(by_db)))
    keyed = {(l["order_id"], l.get("tracking_number") or ""): l for l in lines}
    missing = [k for k in stored if k not in keyed]
    extra = [k for k in keyed if k not in stored]
    differ = [k for k, l in keyed.items() if k in stored and stored[k]["disposition"] != l["outcome"]]
    check(part, "every shipment is in both shipments.jsonl and the database, with the same outcome",
          not missing and not extra and not differ and len(keyed) == len(lines),
          f"{len(missing)} only in the database, {len(extra)} only in shipments.jsonl, {len(differ)} differ, "
          f"{len(lines) - len(keyed)} repeated lines")
    # The order file: every record read, every rejected row named on stderr with its line.
    with open(orders, newline="") as f:
        records = sum(1 for _ in csv.reader(f)) - 1
    named = sum(1 for l in open(stderr_path, errors="replace") if "skipped row:" in l)
    rows = summary["input"]["rows_read"]
    rejected = summary["input"]["rows_rejected"]
    figure(part, "order rows (records in the file / read / rejected / named on stderr)", f"{records} / {rows} / {rejected} / {named}")
    check(part, "every order row read, every rejected row named with its line", records == rows and rejected == named,
          f"{records} records, {rows} read, {rejected} rejected, {named} named")
    # No partial timeline counted as checked.
    partial_checked = [k for k, r in stored.items() if r["partial"] and keyed.get(k, {}).get("outcome") == "checked"]
    leg_failed_checked = [k for k, l in keyed.items() if l["outcome"] == "checked" and l.get("failure_kind")]
    figure(part, "partial timelines (stored / counted as checked)",
           f"{sum(1 for r in stored.values() if r['partial'])} / {len(partial_checked)}")
    check(part, "no partial timeline (timeline_partial = 1 or a failed leg) counted as checked",
          not partial_checked and not leg_failed_checked,
          f"{len(partial_checked)} partial, {len(leg_failed_checked)} checked with a failure kind")
    # Every failure with a kind.
    unkinded = [k for k, l in keyed.items() if l["outcome"] in ("failed", "not_checked") and not l.get("failure_kind")]
    failed = by_line.get("failed", 0) + by_line.get("not_checked", 0)
    kinds = summary["failures"]["by_kind"]
    figure(part, "failures by kind", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none")
    check(part, "every failed or unchecked shipment has a kind, and the kinds add up",
          not unkinded and sum(kinds.values()) == failed, f"{len(unkinded)} without a kind; {sum(kinds.values())} vs {failed}")
    # Against the fault-free run of the same orders: a checked shipment reads as it does without faults.
    if truth_folder:
        truth_db = connect(f"{truth_folder}/db/state.sqlite")
        truth = shipments(truth_db, latest_run(truth_db))
        truth_legs, our_legs = legs(truth_db), legs(db)
        both = [k for k, r in stored.items() if r["disposition"] == "checked" and truth.get(k, {}).get("disposition") == "checked"]
        wrong = [k for k in both if stored[k]["status"] != truth[k]["status"]]
        delivered_missed = [k for k in wrong if truth[k]["status"] == "delivered"]
        # A leg given up with a reason (17TRACK has not tracked China Post's leg yet: "not yet") may be missing, when
        # the shipment's detail names it; any other missing leg is a partial timeline counted as whole.
        def lacks(k):
            return truth_legs.get(k, set()) - our_legs.get(k, set())
        named = [k for k in both if lacks(k) and all(f"without the {leg} leg" in stored[k]["detail"] for leg in lacks(k))]
        missing_leg = [k for k in both if lacks(k) and k not in named]
        figure(part, "checked shipments without a leg the fault-free run has, the leg and its reason named",
               f"{len(named)}" + (f" (e.g. {named[0][1]}: {stored[named[0]]['detail'][:120]})" if named else ""))
        figure(part, "checked shipments compared with the fault-free run (same status / other status / delivered shown otherwise)",
               f"{len(both) - len(wrong)} / {len(wrong)} / {len(delivered_missed)}")
        check(part, "every checked shipment has the status the fault-free run gives it", not wrong,
              "; ".join(f"{k[1]}: {stored[k]['status']} instead of {truth[k]['status']}" for k in wrong[:5]))
        check(part, "every checked shipment has every leg the fault-free run has, or names the leg it lacks and why", not missing_leg,
              "; ".join(f"{k[1]} lacks {sorted(truth_legs[k] - our_legs.get(k, set()))}" for k in missing_leg[:5]))
    f = summary["fetching"]
    figure(part, "requests / retries / wall seconds (summary)", f"{f['requests']} / {f['retries']} / {summary['wall_seconds']:.1f}")
    figure(part, "by source", ", ".join(f"{k} {v}" for k, v in sorted(summary["by_source"].items())))

def duplicates(part, path, label):
    db = connect(path)
    by_key = db.execute("SELECT COALESCE(SUM(c - 1), 0) FROM (SELECT COUNT(*) c FROM events "
                        "GROUP BY shipment_id, leg, event_key HAVING c > 1)").fetchone()[0]
    by_content = db.execute("SELECT COALESCE(SUM(c - 1), 0) FROM (SELECT COUNT(*) c FROM events "
                            "GROUP BY shipment_id, leg, local_time, description HAVING c > 1)").fetchone()[0]
    events = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    figure(part, f"{label}: events / duplicated by (shipment, leg, event_key) / by (shipment, leg, local_time, description)",
           f"{events} / {by_key} / {by_content}")
    return by_key, by_content

def compare(part, path, truth_path, label):
    """Part 2: the database after kills against the fault-free run: shipments and events, missing and extra."""
    db, truth_db = connect(path), connect(truth_path)
    run, truth_run = latest_run(db), latest_run(truth_db)
    ours, truth = shipments(db, run), shipments(truth_db, truth_run)
    lost = [k for k in truth if k not in ours]
    unaccounted = [k for k, r in ours.items() if r["disposition"] == "not_checked" and not r["failure_kind"]]
    figure(part, f"{label}: shipments (this database / fault-free run) and lost", f"{len(ours)} / {len(truth)} / {len(lost)}")
    check(part, f"{label}: 0 lost shipments", not lost and len(ours) == len(truth) and not unaccounted,
          f"{len(lost)} lost, {len(ours)} vs {len(truth)}, {len(unaccounted)} unchecked without a kind")
    def events(d):
        return set(d.execute("SELECT s.order_id, s.tracking_number, e.leg, e.event_key FROM events e "
                             "JOIN shipments s ON s.id = e.shipment_id"))
    mine, theirs = events(db), events(truth_db)
    # Only shipments both runs read completely are comparable (a shipment that failed for good has no events).
    comparable = {k for k, r in ours.items() if r["disposition"] == "checked" and truth.get(k, {}).get("disposition") == "checked"}
    mine = {e for e in mine if (e[0], e[1]) in comparable}
    theirs = {e for e in theirs if (e[0], e[1]) in comparable}
    figure(part, f"{label}: events of {len(comparable)} shipments checked in both (missing / extra vs the fault-free run)",
           f"{len(theirs - mine)} / {len(mine - theirs)}")
    check(part, f"{label}: the stored events equal an uninterrupted run's", mine == theirs,
          f"{len(theirs - mine)} missing, {len(mine - theirs)} extra")

def field(path, dotted):
    value = json.load(open(path))
    for key in dotted.split("."):
        value = value[key]
    print(json.dumps(value) if not isinstance(value, str) else value)

def paused(part, folder, wall, deadline, label):
    """Part 3: shipments of a carrier that asked to wait a day are labelled so, never 'deadline'."""
    summary = json.load(open(f"{folder}/reports/latest/summary.json"))
    lines = [json.loads(l) for l in open(f"{folder}/reports/latest/shipments.jsonl")]
    kinds = collections.Counter(l.get("failure_kind") for l in lines if l["outcome"] in ("failed", "not_checked"))
    labelled = [l for l in lines if l.get("failure_kind") == "source_paused"]
    well = [l for l in labelled if "asked to wait until 20" in (l.get("outcome_detail") or "")]
    figure(part, f"{label}{' with --deadline ' + deadline if deadline else ''}: wall s / outcomes / kinds",
           f"{wall} / " + ", ".join(f"{k} {v}" for k, v in sorted(summary["outcomes"].items())) + " / "
           + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda i: str(i[0]))))
    check(part, f"{label}{' with --deadline ' + deadline if deadline else ' without --deadline'}: "
          "unchecked shipments labelled 'not checked: … asked to wait until …', none as 'deadline'",
          labelled and len(well) == len(labelled) and not kinds.get("deadline"),
          f"{len(labelled)} labelled source_paused, {len(well)} with the time, {kinds.get('deadline', 0)} as deadline"
          + (f"; e.g. {labelled[0]['outcome_detail'][:160]}" if labelled else ""))

def quoted(part, folder, stderr_path, opened_line, rows):
    summary = json.load(open(f"{folder}/summary.json"))
    db = connect(f"{folder}/../../shiptrack.sqlite")
    lines_stored = {r[0] for r in db.execute("SELECT DISTINCT input_line FROM shipments")}
    named = [l.strip() for l in open(stderr_path, errors="replace") if f":{opened_line}:" in l]
    read, rejected = summary["input"]["rows_read"], summary["input"]["rows_rejected"]
    figure(part, "unbalanced quote: rows in the file / read / rejected / lines stored", f"{rows} / {read} / {rejected} / {len(lines_stored)}")
    check(part, f"unbalanced quote: no row lost silently, the message names line {opened_line}",
          read == rows and len(lines_stored) + rejected == rows and named,
          (named[0][named[0].find("skipped"):][:200] if named else "no message names the line"))

if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "account": account(args[0], args[1], args[2] or None, args[3], args[4])
    elif command == "duplicates": duplicates(*args)
    elif command == "compare": compare(*args)
    elif command == "field": field(*args)
    elif command == "paused": paused(*args)
    elif command == "quoted": quoted(args[0], args[1], args[2], int(args[3]), int(args[4]))
    else: sys.exit(f"unknown command {command}")
PYTHON
analyse() { python3 "$analyse" "$@"; }

# --- Simulators: one per behaviour, each on a free loopback port. ---
declare -A sim_url sim_pid
start_sim() { # name, then carrier-sim serve options
    local name=$1
    shift
    "$bin/carrier-sim" serve --fixtures "$root/Fixtures" --port 0 --port-file "$work/sims/$name.port" "$@" \
        > "$work/sims/$name.log" 2>&1 &
    sim_pid[$name]=$!
    for _ in $(seq 1 200); do [ -s "$work/sims/$name.port" ] && break; sleep 0.05; done
    [ -s "$work/sims/$name.port" ] || { cat "$work/sims/$name.log" >&2; die "carrier-sim $name did not start"; }
    sim_url[$name]="http://127.0.0.1:$(cat "$work/sims/$name.port")"
}
hostile_pid=
cleanup() {
    for pid in "${sim_pid[@]}" $hostile_pid; do kill "$pid" 2> /dev/null || true; done
    for pid in "${sim_pid[@]}" $hostile_pid; do wait "$pid" 2> /dev/null || true; done
}
trap cleanup EXIT
# Requests a --verbose simulator has routed so far (one debug line each).
requests_seen() { grep -c ' target=' "$work/sims/$1.log" || true; }
# Requests the simulator answered by resetting the connection: libcurl sends such a request once more on a fresh
# connection by itself when the reset one was a reused keep-alive connection, so one transfer may reach the simulator
# twice (libcurl's "Connection died, retrying a fresh connect"); ShipTrack counts transfers.
resets_seen() { grep -c 'plan=connection reset' "$work/sims/$1.log" || true; }

say "simulators and orders"
start_sim clean --generate --date "$simulated_date"
# --verbose: one log line per request, so the requests a run sent can be counted from the other side.
start_sim faults --generate --date "$simulated_date" --fault-rate "$faults" --verbose
start_sim api --generate --date "$simulated_date" --fault-rate "$faults" --usps-quota 0 --track17-rate 0 \
    --track17-registration-delay-ms 50 --verbose
orders="$work/orders.csv"
"$bin/carrier-sim" make-orders --count "$count" --date "$simulated_date" --bad-rows 25 --output "$orders"
figure setup "order file" "$(wc -l < "$orders") lines, --count $count --bad-rows 25"

# Runs `shiptrack run` into FOLDER/db and FOLDER/reports under /usr/bin/time; sets `status`.
status=0
night() { # folder, orders, then options
    local folder=$1 file=$2
    shift 2
    mkdir -p "$folder"
    status=0
    timeout 900 /usr/bin/time -v -o "$folder/time.txt" "$bin/shiptrack" run "$file" "${run_options[@]}" \
        --db "$folder/db/state.sqlite" --report-dir "$folder/reports" "$@" > "$folder/stdout.txt" 2> "$folder/stderr.txt" \
        || status=$?
}

# ---------------------------------------------------------------------------------------------------------------
say "0. two-leg lookups in the release build"
crashes=0
for _ in $(seq 1 50); do
    code=0
    SWIFT_BACKTRACE=enable=no "$bin/shiptrack" lookup LY511839443CN --destination US --base-url "${sim_url[clean]}" \
        > /dev/null 2>> "$work/logs/two-leg-lookups.txt" || code=$?
    [ "$code" -ge 128 ] && crashes=$((crashes + 1))
done
figure 0 "lookup LY511839443CN --destination US, 50 times: crashes" "$crashes"
check 0 "an ePacket to the US asked on both legs at once never crashes the release build" \
    "$([ "$crashes" = 0 ] && echo pass || echo fail)" "$crashes of 50 died"

# ---------------------------------------------------------------------------------------------------------------
say "1. the $count-shipment fault run"
p1="$work/p1"
night "$p1/truth" "$orders" --base-url "${sim_url[clean]}" --quiet
figure 1 "fault-free run of the same orders: exit / wall s" "$status / $(elapsed_of "$p1/truth/time.txt")"
[ -s "$p1/truth/reports/latest/summary.json" ] || die "the fault-free run wrote no summary (exit $status)"

before=$(requests_seen faults)
resets_before=$(resets_seen faults)
night "$p1/pages" "$orders" --base-url "${sim_url[faults]}"
sent_pages=$(( $(requests_seen faults) - before ))
reset_pages=$(( $(resets_seen faults) - resets_before ))
figure 1 "pages, faults: exit / wall s / peak RSS MB" \
    "$status / $(elapsed_of "$p1/pages/time.txt") / $(rss_mb_of "$p1/pages/time.txt")"
check 1 "pages, faults: the run finished (exit 0 or 1)" "$([ "$status" -le 1 ] && echo pass || echo fail)" "exit $status"
[ -s "$p1/pages/reports/latest/summary.json" ] && analyse account "1 pages" "$p1/pages" "$p1/truth" "$orders" \
    "$p1/pages/stderr.txt" | record_lines
requests_agree() { # part, folder, requests the simulator saw, of which answered by a reset
    local counted
    counted=$(analyse field "$2/reports/latest/summary.json" fetching.requests 2> /dev/null || echo '?')
    figure "$1" "requests (summary's fetching.requests / the simulator saw / of which reset)" "$counted / $3 / $4"
    check "$1" "the summary counts every request the simulator saw (a reset one may reach it twice through libcurl)" \
        "$([ "$counted" != '?' ] && [ "$counted" -le "$3" ] && [ "$counted" -ge $(($3 - $4)) ] && echo pass || echo fail)" \
        "$counted counted, $3 seen, $4 reset"
}
requests_agree "1 pages" "$p1/pages" "$sent_pages" "$reset_pages"

# The APIs: credentials from the simulator's announcement, in the environment of this run only. The store's
# configuration lifts the USPS API's hourly quota as the simulator's --usps-quota 0 does.
mkdir -p "$p1/api"
printf '{"_comment": "torture: carrier-sim runs with --usps-quota 0", "sources": {"limits": {"usps-api": {"calls_per_hour": 10000000}}}}\n' \
    > "$p1/api/config.json"
credentials=()
while IFS= read -r line; do credentials+=("$line"); done < <(grep -E '^(USPS_CLIENT_ID|USPS_CLIENT_SECRET|TRACK17_API_KEY|EMS_EUB_TOKEN)=' "$work/sims/api.log")
[ ${#credentials[@]} = 4 ] || die "the API simulator printed no credentials"
status=0
before=$(requests_seen api)
env "${credentials[@]}" timeout 900 /usr/bin/time -v -o "$p1/api/time.txt" "$bin/shiptrack" run "$orders" \
    "${run_options[@]}" --config "$p1/api/config.json" --base-url "${sim_url[api]}" --db "$p1/api/db/state.sqlite" \
    --report-dir "$p1/api/reports" > "$p1/api/stdout.txt" 2> "$p1/api/stderr.txt" || status=$?
figure 1 "APIs, faults: exit / wall s / peak RSS MB" \
    "$status / $(elapsed_of "$p1/api/time.txt") / $(rss_mb_of "$p1/api/time.txt")"
check 1 "APIs, faults: the run finished (exit 0 or 1)" "$([ "$status" -le 1 ] && echo pass || echo fail)" "exit $status"
[ -s "$p1/api/reports/latest/summary.json" ] && analyse account "1 APIs" "$p1/api" "$p1/truth" "$orders" \
    "$p1/api/stderr.txt" | record_lines
# The simulated APIs roll their faults inside the computed answer and do not log which calls they reset: allowed
# here is twice the reset rate of the calls seen (1% of them are reset), not the exact count the pages run uses.
api_seen=$(( $(requests_seen api) - before ))
requests_agree "1 APIs" "$p1/api" "$api_seen" "$(( (api_seen * 2 + 99) / 100 ))"

# ---------------------------------------------------------------------------------------------------------------
say "2. $kills random kill -9 during a run, reruns, the same command again, a symlinked database"
# Records the duplicate counts of a database as a figure and prints "by-key by-content".
dup_counts() { # label, database
    analyse duplicates 2 "$2" "$1" > "$work/logs/duplicates.txt"
    record_lines < "$work/logs/duplicates.txt"
    awk -F'\t' '{ split($4, v, " / "); print v[2], v[3] }' "$work/logs/duplicates.txt"
}
p2="$work/p2"
db2="$p2/db/state.sqlite"
mkdir -p "$p2/logs"
killed=0
finished_early=0
round=0
while [ "$killed" -lt "$kills" ] && [ "$round" -lt $((kills * 3)) ]; do
    round=$((round + 1))
    "$bin/shiptrack" run "$orders" "${run_options[@]}" --base-url "${sim_url[faults]}" --db "$db2" \
        --report-dir "$p2/reports" --quiet > "$p2/logs/round-$round.txt" 2>&1 &
    pid=$!
    # 0.3 to 4 s: some kills land while importing, most while fetching, a few while writing reports.
    sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", 0.3 + (r % 371) / 100 }')"
    if kill -9 "$pid" 2> /dev/null; then
        killed=$((killed + 1))
        wait "$pid" 2> /dev/null
    else
        wait "$pid" 2> /dev/null
        finished_early=$((finished_early + 1))
    fi
done
reruns=0
status=99
while [ "$status" -gt 1 ] && [ "$reruns" -lt 5 ]; do
    reruns=$((reruns + 1))
    status=0
    timeout 900 "$bin/shiptrack" run "$orders" "${run_options[@]}" --base-url "${sim_url[faults]}" --db "$db2" \
        --report-dir "$p2/reports" --quiet > "$p2/logs/rerun-$reruns.txt" 2>&1 || status=$?
done
figure 2 "kill -9 sent / runs that ended before their kill / reruns until finished (last exit)" \
    "$killed / $finished_early / $reruns ($status)"
check 2 "after $killed kill -9 the reruns finish" "$([ "$status" -le 1 ] && echo pass || echo fail)" "exit $status"
read -r k1 c1 < <(dup_counts "after the kills" "$db2")
analyse compare 2 "$db2" "$p1/truth/db/state.sqlite" "after the kills" | record_lines
read -r _ tc < <(dup_counts "fault-free run (baseline)" "$p1/truth/db/state.sqlite")
check 2 "after the kills: 0 duplicated events" "$([ "$k1" = 0 ] && [ "$c1" = "$tc" ] && echo pass || echo fail)" \
    "$k1 by key, $c1 by time and description (the fault-free run has $tc)"

# The same command again, on the unchanged database (--refresh-all so every parcel is fetched again), and while it
# holds the lock, runs that name the same database through a symlinked file, a symlinked folder, `..` and a hard link.
mkdir -p "$p2/links"
ln -sf "$db2" "$p2/links/alias.sqlite"
ln -sfn "$p2/db" "$p2/links/folder"
"$bin/shiptrack" run "$orders" "${run_options[@]}" --refresh-all --base-url "${sim_url[faults]}" --db "$db2" \
    --report-dir "$p2/reports" --quiet > "$p2/logs/again.txt" 2>&1 &
holder=$!
for _ in $(seq 1 100); do grep -q "^$holder\$" "$db2.lock" 2> /dev/null && break; sleep 0.05; done
# The hard link is made once the first run holds the database (a run refuses a database with two names at start).
ln -f "$db2" "$p2/links/hardlink.sqlite"
declare -A second_status
for name in alias folder dotdot hardlink; do
    case $name in
    alias) path="$p2/links/alias.sqlite" ;;
    folder) path="$p2/links/folder/state.sqlite" ;;
    dotdot) path="$p2/links/../db/./state.sqlite" ;;
    hardlink) path="$p2/links/hardlink.sqlite" ;;
    esac
    code=0
    timeout 900 "$bin/shiptrack" run "$orders" "${run_options[@]}" --base-url "${sim_url[faults]}" --db "$path" \
        --report-dir "$p2/reports-$name" --quiet > "$p2/logs/second-$name.txt" 2>&1 || code=$?
    second_status[$name]=$code
done
holder_alive=$(kill -0 "$holder" 2> /dev/null && echo yes || echo no)
rm -f "$p2/links/hardlink.sqlite"
status=0
wait "$holder" || status=$?
figure 2 "the same command again: exit; meanwhile through a symlinked file / folder / .. / hard link: exits" \
    "$status; ${second_status[alias]} / ${second_status[folder]} / ${second_status[dotdot]} / ${second_status[hardlink]}"
check 2 "a second run through a symlinked file, a symlinked folder or .. is refused with exit 4 while the first runs" \
    "$([ "$holder_alive" = yes ] && [ "${second_status[alias]}" = 4 ] && [ "${second_status[folder]}" = 4 ] \
        && [ "${second_status[dotdot]}" = 4 ] && echo pass || echo fail)" \
    "first still running: $holder_alive; $(head -c 200 "$p2/logs/second-alias.txt" | tr '\n' ' ')"
# A run through the hard link writes its own `hardlink.sqlite-wal`; what opening the database through that name would
# give afterwards is checked on a copy.
integrity="no WAL left beside the hard link"
if [ -s "$p2/links/hardlink.sqlite-wal" ]; then
    mkdir -p "$p2/hardlink-copy"
    cp "$db2" "$p2/hardlink-copy/copy.sqlite"
    cp "$p2/links/hardlink.sqlite-wal" "$p2/hardlink-copy/copy.sqlite-wal"
    integrity="its leftover WAL ($(stat -c %s "$p2/links/hardlink.sqlite-wal") bytes) applied to a copy: integrity_check says \"$(python3 -c '
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0][:120])' "$p2/hardlink-copy/copy.sqlite" 2>&1 | tr '\n' ' ')\""
fi
check 2 "a second run through a hard link to the database is refused (exit 3, naming the hard links) while the first runs" \
    "$([ "${second_status[hardlink]}" = 3 ] && grep -q 'hard links' "$p2/logs/second-hardlink.txt" && echo pass || echo fail)" \
    "exit ${second_status[hardlink]}: $(head -c 180 "$p2/logs/second-hardlink.txt" | tr '\n' ' ' | sed "s|$work/||g"); $integrity"
read -r k2 c2 < <(dup_counts "after the same command again and the second runs" "$db2")
analyse compare 2 "$db2" "$p1/truth/db/state.sqlite" "after the same command again" | record_lines
check 2 "after the same command again and the symlinked runs: 0 duplicated events" \
    "$([ "$k2" = 0 ] && [ "$c2" = "$tc" ] && echo pass || echo fail)" "$k2 by key, $c2 by time and description"

# ---------------------------------------------------------------------------------------------------------------
say "3. hostile answers"
p3="$work/p3"
mkdir -p "$p3"
# Every fault number of Fixtures/simulator.json, looked up once each.
python3 -c '
import json, sys
for number, entry in json.load(open(sys.argv[1]))["special_numbers"].items():
    if "fault" in entry: print(number, entry["fault"], entry.get("retry_after", 0))' "$root/Fixtures/simulator.json" > "$p3/special.txt"
worst_rss=0
slowest=0
special_rows=()
oversized_ok=0
oversized_all=0
overdue=()
while read -r number fault retry_after; do
    code=0
    /usr/bin/time -f '%e %M' -o "$p3/time-$number.txt" "$bin/shiptrack" lookup "$number" --timeout 5 \
        --base-url "${sim_url[clean]}" > "$p3/lookup-$number.out" 2> "$p3/lookup-$number.err" || code=$?
    read -r seconds kb < <(tail -1 "$p3/time-$number.txt")
    mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
    worst_rss=$(awk -v a="$worst_rss" -v b="$mb" 'BEGIN { print (b > a ? b : a) }')
    slowest=$(awk -v a="$slowest" -v b="$seconds" 'BEGIN { print (b > a ? b : a) }')
    said=$(head -1 "$p3/lookup-$number.err" | sed 's/^shiptrack: //; s/http:\/\/127\.0\.0\.1:[0-9]*//g' | cut -c1-160)
    [ -n "$said" ] || said="$(head -1 "$p3/lookup-$number.out" | cut -c1-80)"
    special_rows+=("$number|$fault|$code|$seconds|$mb|$said")
    # A lookup asks a rate-limited source twice more after its Retry-After: 5 s timeout + 1 s + those waits.
    awk -v s="$seconds" -v r="$retry_after" 'BEGIN { exit !(s > 6 + 2 * r) }' && overdue+=("$number ${seconds} s")
    if [ "$fault" = oversized ]; then
        oversized_all=$((oversized_all + 1))
        [ "$code" = 3 ] && grep -q 'larger than' "$p3/lookup-$number.err" && oversized_ok=$((oversized_ok + 1))
    fi
    [ "$code" -lt 128 ] || check 3 "lookup $number ($fault) ends without a crash" fail "exit $code"
done < "$p3/special.txt"
printf '%s\n' "${special_rows[@]}" > "$p3/special-results.txt"
figure 3 "fault numbers looked up: count / slowest s / largest peak RSS MB" "${#special_rows[@]} / $slowest / $worst_rss"
check 3 "oversized answers (20 MB) stopped at the size cap, exit 3, 'larger than'" \
    "$([ "$oversized_ok" = "$oversized_all" ] && [ "$oversized_all" -gt 0 ] && echo pass || echo fail)" "$oversized_ok of $oversized_all"
check 3 "every fault number answered within the 5 s timeout plus 1 s (plus twice a Retry-After), peak RSS under 100 MB" \
    "$([ ${#overdue[@]} = 0 ] && awk -v m="$worst_rss" 'BEGIN { exit !(m < 100) }' && echo pass || echo fail)" \
    "slowest $slowest s, $worst_rss MB${overdue[*]:+; overdue: ${overdue[*]}}"

# A hostile server of our own: a 1 GiB gzip bomb (about 1 MB on the wire), 100 MB bodies with and without a length,
# a 6 MiB page (over the page sources' 4 MiB limit, under the HTTP client's 16 MiB), and 503 / 429 with a
# Retry-After of 999999 s (carrier-sim caps its own at a day).
cat > "$p3/hostile.py" << 'PYTHON'
import http.server, os, socketserver, sys, zlib
mode_file, port_file = sys.argv[1], sys.argv[2]
compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
zero = bytes(1 << 20)
bomb = b"".join([compressor.compress(zero) for _ in range(1024)] + [compressor.flush()])
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self): self.answer()
    def do_POST(self): self.answer()
    def answer(self):
        mode = open(mode_file).read().strip()
        try:
            if mode == "gzip-bomb":
                self.send_response(200); self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", "gzip"); self.send_header("Content-Length", str(len(bomb)))
                self.end_headers(); self.wfile.write(bomb)
            elif mode in ("huge-chunked", "huge-length", "six-mib"):
                size = (6 << 20) if mode == "six-mib" else (100 << 20)
                block = b"<p>" + b"x" * (65536 - 7) + b"</p>"
                self.send_response(200); self.send_header("Content-Type", "text/html")
                if mode == "huge-chunked": self.send_header("Transfer-Encoding", "chunked")
                else: self.send_header("Content-Length", str(size))
                self.end_headers()
                for _ in range(size // len(block)):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block) if mode == "huge-chunked" else block)
                if mode == "huge-chunked": self.wfile.write(b"0\r\n\r\n")
            elif mode in ("503", "429"):
                body = b"busy"
                self.send_response(int(mode)); self.send_header("Retry-After", "999999")
                self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
server = Server(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f: f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
PYTHON
echo gzip-bomb > "$p3/mode"
python3 "$p3/hostile.py" "$p3/mode" "$p3/hostile.port" 2> "$p3/hostile.log" &
hostile_pid=$!
for _ in $(seq 1 300); do [ -s "$p3/hostile.port" ] && break; sleep 0.05; done
[ -s "$p3/hostile.port" ] || die "the hostile server did not start"
hostile="http://127.0.0.1:$(cat "$p3/hostile.port")"
for mode in gzip-bomb huge-chunked huge-length six-mib; do
    echo "$mode" > "$p3/mode"
    code=0
    /usr/bin/time -f '%e %M' -o "$p3/time-$mode.txt" "$bin/shiptrack" lookup EA100077775CN --timeout 20 \
        --base-url "$hostile" > "$p3/lookup-$mode.out" 2> "$p3/lookup-$mode.err" || code=$?
    read -r seconds kb < <(tail -1 "$p3/time-$mode.txt")
    mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
    said=$(head -1 "$p3/lookup-$mode.err" | sed 's/^shiptrack: //; s/http:\/\/127\.0\.0\.1:[0-9]*//g' | cut -c1-120)
    figure 3 "lookup against a $mode answer: exit / s / peak RSS MB / message" "$code / $seconds / $mb / $said"
    check 3 "$mode answer refused as too large, exit 3, peak RSS under 100 MB" \
        "$([ "$code" = 3 ] && echo "$said" | grep -qiE 'larger than|more than' && awk -v m="$mb" 'BEGIN { exit !(m < 100) }' && echo pass || echo fail)" \
        "exit $code, $mb MB: $said"
done
# Nights of 64 ePackets whose China Post leg is a gzip bomb, at the page source's own 2 transfers and at 16: every
# transfer stops at the page source's 4 MiB limit (a buffer may double to 8 MiB while filling), so peak RSS may grow by
# about that much per transfer, and no more.
{ head -1 "$orders"; grep -E '^SO[0-9]+,L[A-Z][0-9]{9}CN,[a-z]*,(DE|FR|GB|AU),' "$orders" | head -64; } > "$p3/bomb-orders.csv"
echo gzip-bomb > "$p3/mode"
for transfers in 2 16; do
    night "$p3/bomb-night-$transfers" "$p3/bomb-orders.csv" --base-url "$hostile" --concurrency "$transfers" --quiet
    rss=$(rss_mb_of "$p3/bomb-night-$transfers/time.txt")
    kinds=$(analyse field "$p3/bomb-night-$transfers/reports/latest/summary.json" failures.by_kind 2> /dev/null || echo '?')
    figure 3 "night of 64 ePackets all answered by the gzip bomb, $transfers transfers: exit / wall s / peak RSS MB / failures" \
        "$status / $(elapsed_of "$p3/bomb-night-$transfers/time.txt") / $rss / $kinds"
    check 3 "a night of gzip bombs at $transfers transfers: peak RSS under 64 MB + $transfers × 10 MB, each shipment failed with a kind" \
        "$([ "$status" = 1 ] && awk -v m="$rss" -v t="$transfers" 'BEGIN { exit !(m < 64 + t * 10) }' && echo "$kinds" | grep -q '"too_large": 64' && echo pass || echo fail)" \
        "exit $status, $rss MB, $kinds"
done
# Retry-After: 999999 from the hostile server, for one lookup and for a night.
for mode in 503 429; do
    echo "$mode" > "$p3/mode"
    code=0
    /usr/bin/time -f '%e %M' -o "$p3/time-retry-$mode.txt" "$bin/shiptrack" lookup EA100077775CN --base-url "$hostile" \
        > "$p3/lookup-retry-$mode.out" 2> "$p3/lookup-retry-$mode.err" || code=$?
    read -r seconds kb < <(tail -1 "$p3/time-retry-$mode.txt")
    said=$(head -1 "$p3/lookup-retry-$mode.err" | sed 's/^shiptrack: //; s/http:\/\/127\.0\.0\.1:[0-9]*//g' | cut -c1-140)
    figure 3 "lookup answered $mode with Retry-After: 999999: exit / s / message" "$code / $seconds / $said"
    check 3 "lookup answered $mode with Retry-After: 999999 returns at once" \
        "$(awk -v s="$seconds" 'BEGIN { print (s < 10) ? "pass" : "fail" }')" "$seconds s"
done
echo 503 > "$p3/mode"
night "$p3/retry-night" "$p3/bomb-orders.csv" --base-url "$hostile" --quiet
wall=$(elapsed_of "$p3/retry-night/time.txt")
[ -s "$p3/retry-night/reports/latest/summary.json" ] && analyse paused 3 "$p3/retry-night" "$wall" "" "night of 64 ePackets answered 503 with Retry-After: 999999" | record_lines
kill "$hostile_pid" 2> /dev/null
wait "$hostile_pid" 2> /dev/null
hostile_pid=
# carrier-sim's 503 / 429 faults by rate with its longest Retry-After (a day), on the whole order file: without a
# deadline, and with one that must not be reported as reached.
start_sim wait --generate --date "$simulated_date" --fault-rate 503=0.05,429=0.05 --retry-after 86400
for deadline in "" 10m; do
    folder="$p3/wait${deadline:+-deadline}"
    night "$folder" "$orders" --base-url "${sim_url[wait]}" --quiet ${deadline:+--deadline "$deadline"}
    wall=$(elapsed_of "$folder/time.txt")
    check 3 "Retry-After of a day${deadline:+ with --deadline $deadline}: the run finishes in under 2 minutes" \
        "$([ "$status" -le 1 ] && awk -v s="$wall" 'BEGIN { exit !(s < 120) }' && echo pass || echo fail)" "exit $status, $wall s"
    [ -s "$folder/reports/latest/summary.json" ] && analyse paused 3 "$folder" "$wall" "$deadline" \
        "the whole order file, 5% 503 and 5% 429 with Retry-After: 86400" | record_lines
done

# ---------------------------------------------------------------------------------------------------------------
say "4. the unbalanced-quote order file"
p4="$work/p4"
mkdir -p "$p4"
# 111 good rows; the 6th (line 7) opens a quote in its order id, the 106th (line 107) closes it.
python3 - "$orders" "$p4/unbalanced.csv" << 'PYTHON'
import sys
lines = open(sys.argv[1]).read().split("\n")
rows = [l for l in lines[1:] if l and '"' not in l][:111]
rows[5] = '"' + rows[5]
fields = rows[105].split(",")
fields[0] += '"'
rows[105] = ",".join(fields)
open(sys.argv[2], "w").write(lines[0] + "\n" + "\n".join(rows) + "\n")
PYTHON
# With the default database and report folder (under XDG_STATE_HOME), for part 5.
status=0
"$bin/shiptrack" run "$p4/unbalanced.csv" "${run_options[@]}" --base-url "${sim_url[clean]}" \
    > "$p4/stdout.txt" 2> "$p4/stderr.txt" || status=$?
figure 4 "unbalanced quote: exit" "$status"
if [ -s "$XDG_STATE_HOME/shiptrack/reports/latest/summary.json" ]; then
    analyse quoted 4 "$XDG_STATE_HOME/shiptrack/reports/latest" "$p4/stderr.txt" 7 111 | record_lines
else
    check 4 "unbalanced quote: no row lost silently, the message names line 7" \
        "$(grep -q ':7:' "$p4/stderr.txt" && echo pass || echo fail)" "exit $status, no report: $(head -c 200 "$p4/stderr.txt")"
fi

# ---------------------------------------------------------------------------------------------------------------
say "5. permissions at umask 022, and report on a read-only copy"
p5="$work/p5"
mkdir -p "$p5"
# Everything shiptrack created: the XDG folders (default database, reports, token cache) and part 1's folders.
find "$work/xdg" "$p1/pages/db" "$p1/pages/reports" "$p1/api/db" "$p1/api/reports" \( -type f -o -type d \) \
    -printf '%m %y %p\n' > "$p5/modes.txt"
loose=$(awk '($2 == "f" && $1 != "600") || ($2 == "d" && $1 != "700")' "$p5/modes.txt")
figure 5 "files / folders shiptrack created, checked" \
    "$(awk '$2 == "f"' "$p5/modes.txt" | wc -l) / $(awk '$2 == "d"' "$p5/modes.txt" | wc -l)"
check 5 "every file shiptrack created is 0600 and every folder 0700 at umask 022" \
    "$([ -z "$loose" ] && echo pass || echo fail)" "$(echo "$loose" | head -3 | sed "s|$work/||g" | tr '\n' ';')"
# Runs a command with FOLDER read-only: a read-only bind mount in a private mount namespace when we may (root
# ignores permission bits), else permission bits.
readonly_do() { # folder, then the command
    local folder=$1
    shift
    if [ "$(id -u)" = 0 ] && unshare -m true 2> /dev/null; then
        unshare -m sh -c 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@"' \
            sh "$folder" "$@"
    else
        chmod -R a-w "$folder"
        "$@"
        local code=$?
        chmod -R u+w "$folder"
        return $code
    fi
}
mkdir -p "$p5/copy"
cp "$XDG_STATE_HOME/shiptrack/shiptrack.sqlite" "$p5/copy/"
code=0
readonly_do "$p5/copy" "$bin/shiptrack" report --db "$p5/copy/shiptrack.sqlite" > "$p5/report.out" 2> "$p5/report.err" || code=$?
figure 5 "shiptrack report on a read-only copy: exit / said" \
    "$code / $(cat "$p5/report.err" "$p5/report.out" | head -2 | cut -c1-200 | tr '\n' ' ' | sed "s|$work/||g")"
check 5 "shiptrack report reads a read-only copy of the database" \
    "$([ "$code" = 0 ] && grep -q '^run ' "$p5/report.out" && echo pass || echo fail)" "exit $code: $(head -c 200 "$p5/report.err")"

# ---------------------------------------------------------------------------------------------------------------
say "6. unwritable output locations, before any request"
p6="$work/p6"
start_sim counted --generate --date "$simulated_date" --verbose
head -301 "$orders" > "$p6-orders.csv"
for case in report-folder database-folder report-under-a-file; do
    folder="$p6/$case"
    mkdir -p "$folder/db" "$folder/reports"
    before=$(requests_seen counted)
    code=0
    SECONDS=0
    case $case in
    report-folder)
        readonly_do "$folder/reports" "$bin/shiptrack" run "$p6-orders.csv" "${run_options[@]}" --base-url "${sim_url[counted]}" \
            --db "$folder/db/state.sqlite" --report-dir "$folder/reports" --quiet > "$folder/out.txt" 2>&1 || code=$? ;;
    database-folder)
        readonly_do "$folder/db" "$bin/shiptrack" run "$p6-orders.csv" "${run_options[@]}" --base-url "${sim_url[counted]}" \
            --db "$folder/db/state.sqlite" --report-dir "$folder/reports" --quiet > "$folder/out.txt" 2>&1 || code=$? ;;
    report-under-a-file)
        touch "$folder/file"
        "$bin/shiptrack" run "$p6-orders.csv" "${run_options[@]}" --base-url "${sim_url[counted]}" \
            --db "$folder/db/state.sqlite" --report-dir "$folder/file/reports" --quiet > "$folder/out.txt" 2>&1 || code=$? ;;
    esac
    sleep 0.3
    sent=$(( $(requests_seen counted) - before ))
    figure 6 "$case unwritable: exit / requests the simulator saw / message" \
        "$code / $sent / $(head -c 160 "$folder/out.txt" | tr '\n' ' ' | sed "s|$work/||g")"
    check 6 "$case unwritable: exit 3 before any request" \
        "$([ "$code" = 3 ] && [ "$sent" = 0 ] && echo pass || echo fail)" "exit $code, $sent requests, $SECONDS s"
done

# ---------------------------------------------------------------------------------------------------------------
say "secrets in logs, reports and databases"
hits=$(grep -r -a -l -F $(printf -- '-e %s ' "${secrets[@]}") "$work" --exclude-dir=sims 2> /dev/null | grep -v "/results.txt$" || true)
figure secrets "files holding a secret (logs, reports, databases, XDG folders; the simulator's own log excluded)" \
    "$(echo -n "$hits" | grep -c . || true)"
check secrets "no secret in any log, report or database" "$([ -z "$hits" ] && echo pass || echo fail)" \
    "$(echo "$hits" | head -3 | sed "s|$work/||g" | tr '\n' ' ')"

# ---------------------------------------------------------------------------------------------------------------
total=$(seconds_since "$started")
passed=$(awk -F'\t' '$1 == "check" && $3 == "PASS"' "$results" | wc -l)
failed=$(awk -F'\t' '$1 == "check" && $3 == "FAIL"' "$results" | wc -l)
say "done in $total s: $passed checks passed, $failed failed"
markdown="$work/torture-block.md"
{
    echo "Latest run: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2> /dev/null || echo unknown)$(git diff --quiet HEAD -- Sources Carriers TrackingSources 2> /dev/null || echo ' with local changes'), $(nproc) cores, $(uname -sr), $total s in all. **$passed checks passed, $failed failed.**"
    echo
    for part in 0 1 2 3 4 5 6 secrets; do
        awk -F'\t' -v p="$part" '$1 == "check" && ($2 == p || index($2, p " ") == 1)' "$results" | grep -q . || continue
        case $part in
        0) echo "### 0. Two-leg lookups in the release build" ;;
        1) echo "### 1. The $count-shipment fault run" ;;
        2) echo "### 2. kill -9, reruns, symlinked database" ;;
        3) echo "### 3. Hostile answers" ;;
        4) echo "### 4. Unbalanced-quote order file" ;;
        5) echo "### 5. Permissions, read-only copy" ;;
        6) echo "### 6. Unwritable output locations" ;;
        secrets) echo "### Secrets" ;;
        esac
        echo
        echo "| figure | value |"
        echo "| --- | --- |"
        awk -F'\t' -v p="$part" '$1 == "figure" && ($2 == p || index($2, p " ") == 1) {
            name = $3; if ($2 != p) name = substr($2, length(p) + 2) ": " name
            gsub(/\|/, "\\|", name); v = $4; gsub(/\|/, "\\|", v); print "| " name " | " v " |" }' "$results"
        echo
        echo "| check | result | detail |"
        echo "| --- | --- | --- |"
        awk -F'\t' -v p="$part" '$1 == "check" && ($2 == p || index($2, p " ") == 1) {
            name = $4; if ($2 != p) name = substr($2, length(p) + 2) ": " name
            d = $5; gsub(/\|/, "\\|", d); gsub(/\|/, "\\|", name); print "| " name " | " $3 " | " d " |" }' "$results"
        echo
        if [ "$part" = 3 ]; then
            echo "Every fault number of \`Fixtures/simulator.json\`, looked up once (\`--timeout 5\`):"
            echo
            echo "| number | fault | exit | s | peak RSS MB | what shiptrack said |"
            echo "| --- | --- | --- | --- | --- | --- |"
            sed 's/|/ | /g; s/^/| /; s/$/ |/' "$p3/special-results.txt"
            echo
        fi
    done
} > "$markdown"
cat "$markdown"
if [ "${TORTURE_NO_DOC:-0}" != 1 ]; then
    python3 - "$root/docs/torture.md" "$markdown" << 'PYTHON'
import sys
doc, block = sys.argv[1], open(sys.argv[2]).read()
begin, end = "<!-- torture:begin: written by scripts/torture.sh; edit outside these markers -->", "<!-- torture:end -->"
text = open(doc).read()
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w").write(head + begin + "\n\n" + block.rstrip() + "\n\n" + end + tail)
PYTHON
fi
[ "$failed" = 0 ]
