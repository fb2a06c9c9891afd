#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of Fuzz/ (coverage-guided, with AddressSanitizer) and runs each for a
# bounded time on a scratch copy of its seed corpus, then prints executions, coverage and findings per target.
# Exits non-zero when any target crashed, hung or ran out of memory. Never part of `make test`. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [TARGET...]        build, then run the targets given (default: all of them)
#   scripts/fuzz.sh --build            build only
#   scripts/fuzz.sh --make-corpus      rewrite Fuzz/Corpus/ from the fixtures (a maintainer's step; needs jq)
#
# Environment: FUZZ_SECONDS (60) per target; FUZZ_TIMEOUT (10) seconds one input may take before it counts as a hang;
# FUZZ_RSS_MB (2048) memory before it counts as out of memory; FUZZ_SCRATCH (.build-fuzz) the build folder;
# FUZZ_OUT (.build-fuzz/findings) where logs, grown corpora and crash inputs are kept; FUZZ_RESUME=1 starts from the
# corpus the last run grew (in FUZZ_OUT) instead of the seeds alone; FUZZ_RESEARCH (unset) a folder
# with usps/fixtures and 17track-ems/fixtures whose JSON and XML answers --make-corpus adds to fuzz-answers' seeds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

targets_all=(fuzz-orders-csv fuzz-orders-jsonl fuzz-answers fuzz-numbers fuzz-definitions)
seconds=${FUZZ_SECONDS:-60}
timeout_seconds=${FUZZ_TIMEOUT:-10}
rss_mb=${FUZZ_RSS_MB:-2048}
scratch=${FUZZ_SCRATCH:-.build-fuzz}
out=${FUZZ_OUT:-$scratch/findings}
sudo=$([ "$(id -u)" = 0 ] || echo sudo)

say() { printf '== %s\n' "$*" >&2; }

# --- The seed corpus: a few dozen inputs per target, cut from the repository's fixtures. ---
make_corpus() {
    command -v jq > /dev/null || { echo "fuzz: --make-corpus needs jq (apt-get install jq)" >&2; exit 1; }
    local corpus=Fuzz/Corpus
    rm -rf "$corpus"
    mkdir -p "$corpus"/{fuzz-orders-csv,fuzz-orders-jsonl,fuzz-answers,fuzz-numbers,fuzz-definitions}
    # seed TARGET NAME SELECTOR-BYTES (printf escapes) < content
    seed() { { printf "$3"; cat; } > "$corpus/$1/$2"; }

    # Orders: the first byte chooses read size and limits (see OrderFileCheck.Limits): \x00 reads one byte at a
    # time with a 16-byte row limit, \x5b 7-byte reads with the defaults, \x4d one read with a 40-byte row limit,
    # \x5c 64-byte reads with the defaults, \x12 3-byte reads with a 200-byte row limit and an 8-byte field limit.
    local csv=Fixtures/orders/sample.csv header selectors=('\x5b' '\x5c' '\x4d' '\x12' '\x00') i=0
    header=$(head -1 "$csv")
    for start in 2 40 80 120 160 200 240 280; do
        { echo "$header"; sed -n "${start},$((start + 4))p" "$csv"; } |
            seed fuzz-orders-csv "sample-$start" "${selectors[$((i++ % 5))]}"
    done
    # The rows with a quoted order id across two lines, with CRLF line ends, with a byte order mark.
    { echo "$header"; sed -n '138,142p' "$csv"; } | seed fuzz-orders-csv quoted-multiline '\x5b'
    { echo "$header"; sed -n '138,142p' "$csv"; } | seed fuzz-orders-csv quoted-multiline-chunk1 '\x12'
    { echo "$header"; sed -n '2,6p' "$csv"; } | sed 's/$/\r/' | seed fuzz-orders-csv crlf '\x5b'
    { printf '\xef\xbb\xbf'; echo "$header"; sed -n '7,9p' "$csv"; } | seed fuzz-orders-csv bom '\x5c'
    { echo "$header"; sed -n '10,12p' "$csv"; } | sed 's/epacket/"epacket"/' | seed fuzz-orders-csv quoted '\x00'
    # Rows the reader must reject: an impossible date, no order id, a shop-export time, nothing shipped.
    { echo "$header"; sed -n '84p;112p;251p;38p' "$csv"; } | seed fuzz-orders-csv bad-rows '\x5b'

    local jsonl=Fixtures/orders/sample.jsonl
    i=0
    for start in 1 6 11 16 21 26 31 36 41 46; do
        sed -n "${start},$((start + 2))p" "$jsonl" | seed fuzz-orders-jsonl "sample-$start" "${selectors[$((i++ % 5))]}"
    done
    sed -n '1,3p' "$jsonl" | sed 's/$/\r/' | seed fuzz-orders-jsonl crlf '\x5b'
    { printf '\xef\xbb\xbf\n\n'; sed -n '4,5p' "$jsonl"; } | seed fuzz-orders-jsonl bom-blank-lines '\x5c'
    grep -v '"SO10000[0-9][0-9]","tracking_number":"[A-Z0-9]*","carrier":"[a-z]*","destination":"[A-Z]*","ordered_at":"[-0-9T:+Z]*","shipped_at":' \
        "$jsonl" | head -5 | seed fuzz-orders-jsonl odd-lines '\x5b'

    # Answers: byte 0 is the source (sorted: 17track, chinapost-page, ems-eub, usps-api, usps-page), byte 1 the carrier
    # among those it serves (sorted: ems, epacket, usps), byte 2 bit 0 asks about the carrier's first test number
    # and bits 1-3 choose a charset (0: none, 1: utf-8, 2: gb2312).
    local file n
    n=0; for file in Fixtures/usps/*.html; do
        [ $((n++)) -lt 6 ] || break; seed fuzz-answers "usps-page-$(basename "$file")" '\x04\x00\x01' < "$file"
    done
    n=0; for file in Fixtures/epacket/*.html; do
        [ $((n++)) -lt 6 ] || break; seed fuzz-answers "chinapost-page-$(basename "$file")" '\x01\x01\x05' < "$file"
    done
    n=0; for file in Fixtures/ems/*.xml; do
        [ $((n++)) -lt 6 ] || break; seed fuzz-answers "ems-eub-$(basename "$file")" '\x02\x00\x01' < "$file"
    done
    if [ -n "${FUZZ_RESEARCH:-}" ]; then
        for file in "$FUZZ_RESEARCH"/usps/fixtures/{detail-*,batch-207-mixed,error-401-expired,error-429}.json; do
            seed fuzz-answers "usps-api-$(basename "$file")" '\x03\x00\x00' < "$file"
        done
        for file in "$FUZZ_RESEARCH"/usps/fixtures/akamai-*.html; do
            seed fuzz-answers "usps-page-$(basename "$file")" '\x04\x00\x01' < "$file"
        done
        for file in "$FUZZ_RESEARCH"/17track-ems/fixtures/{gettrackinfo-*,error-quota-exhausted-wholecall,error-wrong-key}.json; do
            seed fuzz-answers "17track-$(basename "$file")" '\x00\x01\x00' < "$file"
        done
        for file in "$FUZZ_RESEARCH"/17track-ems/fixtures/ems-{error-r01,traces-delivered,traces-empty}.xml; do
            seed fuzz-answers "ems-eub-$(basename "$file")" '\x02\x01\x01' < "$file"
        done
    fi

    # Numbers: every carrier's test numbers (valid and invalid), and the fixtures' numbers.
    n=0
    for file in Carriers/*.json; do
        jq -r '.numbers.test_numbers.valid[], .numbers.test_numbers.invalid[]' "$file" | while IFS= read -r number; do
            printf '%s' "$number" > "$corpus/fuzz-numbers/$(basename "$file" .json)-$(printf '%s' "$number" | md5sum | cut -c1-8)"
        done
    done
    for file in Fixtures/usps/9*.html Fixtures/epacket/L*.html Fixtures/ems/E*.xml; do
        (( n++ % 4 == 0 )) || continue
        printf '%s' "$(basename "${file%.*}")" > "$corpus/fuzz-numbers/fixture-$(basename "${file%.*}")"
    done

    # Definitions: byte 0 bit 0 set for a carrier file, clear for a source file.
    for file in Carriers/*.json; do seed fuzz-definitions "carrier-$(basename "$file")" '\x01' < "$file"; done
    for file in TrackingSources/*.json; do seed fuzz-definitions "source-$(basename "$file")" '\x00' < "$file"; done
    for target in "${targets_all[@]}"; do echo "$target: $(ls "$corpus/$target" | wc -l) seeds" >&2; done
}

# --- What the build needs, installed only when missing (as the Makefile's deps do). ---
install_missing() {
    local missing=()
    pkg-config --exists libcurl libxml-2.0 2> /dev/null || missing+=(libcurl4-openssl-dev libxml2-dev pkg-config)
    [ -e /usr/share/zoneinfo/America/New_York ] || missing+=(tzdata)
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
    fi
    # libFuzzer and the sanitizer runtimes ship with the Swift toolchain's clang, not with Debian's.
    local swift_root
    swift_root=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
    if ! compgen -G "$swift_root/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a" > /dev/null; then
        echo "fuzz: this Swift toolchain ($swift_root) has no libFuzzer runtime (lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a)" >&2
        exit 1
    fi
}

build() {
    say "building the fuzz targets (release, -sanitize=fuzzer,address) in $scratch"
    mkdir -p "$scratch"
    local log="$scratch/fuzz-build.log"
    # --sanitize=fuzzer makes SwiftPM link libFuzzer's main instead of the target's. The one -sanitize flag naming
    # both comes after SwiftPM's own: swiftc keeps only the last -sanitize, and SwiftPM's --sanitize=fuzzer
    # --sanitize=address passes two in no fixed order, so coverage or ASan would silently be lost.
    if ! swift build -c release --package-path Fuzz --scratch-path "$scratch" \
        --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address > "$log" 2>&1; then
        grep -E 'error:' "$log" >&2 || tail -40 "$log" >&2
        echo "fuzz: the build failed (log: $log)" >&2
        exit 1
    fi
    # ld.gold warns about every ASan check symbol it cannot export; that is noise, anything else is not.
    grep -E 'warning:' "$log" | grep -v 'Cannot export local symbol' >&2 || true
    # A target without coverage counters or ASan would run "fine" and find nothing: refuse it.
    local target
    for target in "${targets_all[@]}"; do
        if ! readelf -S "$scratch/release/$target" | grep -c __sancov_cntrs > /dev/null \
            || ! nm "$scratch/release/$target" | grep -c __asan_report_load > /dev/null; then
            echo "fuzz: $target was built without coverage instrumentation or AddressSanitizer" >&2
            exit 1
        fi
    done
}

# The largest input libFuzzer makes for a target (its seeds may be larger; they are kept whole).
max_len() {
    case $1 in
        fuzz-numbers) echo 256 ;;
        fuzz-orders-csv | fuzz-orders-jsonl) echo 4096 ;;
        *) echo 32768 ;;
    esac
}

# run TARGET: fuzzes it for $seconds; records "target executions cov ft findings" in $summary.
run() {
    local target=$1 bin="$scratch/release/$1"
    local corpus="$out/$target/corpus" artifacts="$out/$target/artifacts" log="$out/$target/fuzz.log"
    # A fresh corpus each time, unless FUZZ_RESUME=1 carries on from the one the last run grew.
    [ "${FUZZ_RESUME:-0}" = 1 ] || rm -rf "$corpus"
    rm -rf "$artifacts"
    mkdir -p "$corpus" "$artifacts"
    cp Fuzz/Corpus/"$target"/* "$corpus"/
    say "$target: ${seconds}s on $(ls "$corpus" | wc -l) seeds"
    # The Swift runtime's crash reporter waits on a crashed process for a backtrace and holds libFuzzer's pipe
    # open: libFuzzer reports crashes itself. Leak checks stay off: the registry and caches live for the process.
    local status=0 dict=()
    [ -f "Fuzz/Dictionaries/$target.dict" ] && dict=(-dict="Fuzz/Dictionaries/$target.dict")
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:symbolize=1} \
        "$bin" -max_total_time="$seconds" -timeout="$timeout_seconds" -rss_limit_mb="$rss_mb" \
        -max_len="$(max_len "$target")" -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "${dict[@]}" "$corpus" > "$log" 2>&1 || status=$?
    local executions cov ft findings
    executions=$(grep -ao 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
    cov=$(grep -ao 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
    ft=$(grep -ao 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
    findings=$(find "$artifacts" -type f | wc -l)
    if [ "$findings" -eq 0 ] && [ "$status" -ne 0 ]; then
        echo "fuzz: $target exited with status $status without saving an input; its log:" >&2
        tail -30 "$log" >&2
        findings=1
    fi
    printf '%-18s %12s %6s %7s %8s\n' "$target" "${executions:-?}" "${cov:-?}" "${ft:-?}" "$findings" >> "$summary"
    if [ "$findings" -gt 0 ]; then
        grep -aE 'FUZZ INVARIANT BROKEN|ERROR: AddressSanitizer|ERROR: libFuzzer|Fatal error|SUMMARY' "$log" | head -5 >&2 || true
        find "$artifacts" -type f | sed 's/^/  saved: /' >&2
    fi
}

case ${1:-} in
    --make-corpus) make_corpus; exit 0 ;;
    --build) install_missing; build; exit 0 ;;
esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${targets_all[@]}")
for target in "${targets[@]}"; do
    [[ " ${targets_all[*]} " == *" $target "* ]] || { echo "fuzz: no target $target (${targets_all[*]})" >&2; exit 2; }
done

install_missing
build
mkdir -p "$out"
summary="$out/summary.txt"
printf '%-18s %12s %6s %7s %8s\n' target executions cov ft findings > "$summary"
for target in "${targets[@]}"; do run "$target"; done
echo
cat "$summary"
echo "(logs, grown corpora and saved inputs: $out/TARGET/)"
if awk 'NR > 1 && $5 != 0 { found = 1 } END { exit !found }' "$summary"; then
    echo "fuzz: crashes, hangs or out-of-memory inputs found: reproduce one with $scratch/release/TARGET INPUT" >&2
    exit 1
fi
