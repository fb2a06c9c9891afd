#!/usr/bin/env bash
# Writes Fixtures/<carrier>/<page>.expected.json for every fixture page, by reading it with `shiptrack parse-page`.
# Run through `make golden`; tests compare against these files and never write them.
set -uo pipefail
shiptrack=$1
root=$(cd "$(dirname "$0")/.." && pwd)
for dir in "$root"/Fixtures/*/; do
    carrier=$(basename "$dir")
    [ -f "$root/Carriers/$carrier.json" ] || continue
    for page in "$dir"*.html "$dir"*.xml; do
        [ -e "$page" ] || continue
        base=${page%.*}
        charset_args=()
        [ -f "$base.charset" ] && charset_args=(--charset "$(cat "$base.charset")")
        "$shiptrack" parse-page --quiet --carrier "$carrier" "${charset_args[@]}" "$page" > "$base.expected.json.tmp"
        status=$?
        if [ $status -gt 4 ]; then echo "golden: $page: shiptrack failed ($status)" >&2; rm -f "$base.expected.json.tmp"; exit 1; fi
        mv "$base.expected.json.tmp" "$base.expected.json"
        echo "wrote ${base#$root/}.expected.json"
    done
done
