#!/usr/bin/env bash
# Writes the expected reading beside every fixture answer listed in Fixtures/golden.json, by reading it with
# `shiptrack parse-page --source`. Run through `make golden`; tests compare against these files and never write them.
set -uo pipefail
shiptrack=$1
root=$(cd "$(dirname "$0")/.." && pwd)
list=$(mktemp)
trap 'rm -f "$list"' EXIT
# One line per answer: path, source, carrier, HTTP status.
python3 - "$root/Fixtures/golden.json" "$root/Fixtures" > "$list" <<'PY'
import json, os, sys
manifest, fixtures = sys.argv[1], sys.argv[2]
for entry in json.load(open(manifest))["folders"]:
    folder = os.path.join(fixtures, entry["folder"])
    for name in sorted(os.listdir(folder)):
        if name.endswith(".expected.json") or name in entry.get("skip", []):
            continue
        if name.rsplit(".", 1)[-1] not in entry["extensions"]:
            continue
        print(os.path.join("Fixtures", entry["folder"], name), entry["source"], entry["carrier"], entry.get("status", {}).get(name, 200))
PY
# Paths from the repository's root, so the expected errors name no machine's folders.
cd "$root"
while read -r page source carrier status; do
    base=${page%.*}
    charset_args=()
    [ -f "$base.charset" ] && charset_args=(--charset "$(cat "$base.charset")")
    "$shiptrack" parse-page --quiet --source "$source" --carrier "$carrier" --status "$status" "${charset_args[@]}" "$page" \
        > "$base.expected.json.tmp"
    code=$?
    if [ $code -ge 64 ]; then echo "golden: $page: shiptrack failed ($code)" >&2; rm -f "$base.expected.json.tmp"; exit 1; fi
    mv "$base.expected.json.tmp" "$base.expected.json"
    echo "wrote $base.expected.json"
done < "$list"
