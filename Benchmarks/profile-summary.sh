#!/usr/bin/env bash
# profile-summary.sh PERF_DATA TITLE: one perf recording as Markdown for BENCHMARKS.md: the share of CPU samples per
# library (libxml2, the Swift binary, libc, Foundation...) and the top functions by self time, Swift names
# demangled. Used by scripts/bench.sh (`make bench`).
set -euo pipefail
data=$1
title=$2
top=${PROFILE_TOP:-12}
[ -s "$data" ] || exit 0
demangle() { if command -v swift > /dev/null; then swift demangle --simplified --compact 2> /dev/null || cat; else cat; fi; }
samples=$(perf report -i "$data" --stdio --header-only 2> /dev/null | sed -n 's/^# Samples: \([0-9.]*[KM]*\).*/\1/p' | head -1)
echo "**${title}**${samples:+ (${samples} samples)}"
echo
printf 'By library: '
perf report -i "$data" --no-children -g none --sort dso --stdio -q --percent-limit 1 2> /dev/null |
    awk 'NF >= 2 { gsub(/^ +/, ""); printf "%s%s %s", (n++ ? ", " : ""), $2, $1 } END { print "." }'
echo
echo "| self | library | function |"
echo "| --- | --- | --- |"
perf report -i "$data" --no-children -g none --sort dso,symbol --stdio -q 2> /dev/null |
    awk -v top="$top" 'NF >= 4 && n < top {
        percent = $1; library = $2; $1 = ""; $2 = ""; $3 = ""; sub(/^ +/, "")
        print percent "\t" library "\t" $0; n++ }' |
    while IFS=$'\t' read -r percent library symbol; do
        name=$(printf '%s\n' "$symbol" | demangle | cut -c1-140 | sed 's/|/\\|/g')
        echo "| $percent | $library | \`$name\` |"
    done
echo
