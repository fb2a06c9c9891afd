#!/usr/bin/env bash
# Writes the expected reading beside every fixture answer listed in Fixtures/golden.json, by reading it with
# `shiptrack parse-page --source`. Run through `make golden`; tests compare against these files and never write them.
set -uo pipefail
shiptrack=$1
root=$(cd "$(dirname "$0")/.." && pwd)
python3 - "$root/Fixtures/golden.json" > "$root/.golden-folders.tmp" <<'PY'
import json, sys
for entry in json.load(open(sys.argv[1]))["folders"]:
    print(entry["folder"], entry["source"], entry["carrier"], ",".join(entry["extensions"]))
PY
while read -r folder source carrier extensions; do
    dir="$root/Fixtures/$folder"
    for extension in ${extensions//,/ }; do
        for page in "$dir"/*."$extension"; do
            [ -e "$page" ] || continue
            case "$page" in *.expected.json) continue ;; esac
            base=${page%.*}
            charset_args=()
            [ -f "$base.charset" ] && charset_args=(--charset "$(cat "$base.charset")")
            "$shiptrack" parse-page --quiet --source "$source" --carrier "$carrier" "${charset_args[@]}" "$page" > "$base.expected.json.tmp"
            status=$?
            if [ $status -ge 64 ]; then echo "golden: $page: shiptrack failed ($status)" >&2; rm -f "$base.expected.json.tmp"; exit 1; fi
            mv "$base.expected.json.tmp" "$base.expected.json"
            echo "wrote ${base#$root/}.expected.json"
        done
    done
done < "$root/.golden-folders.tmp"
rm -f "$root/.golden-folders.tmp"
