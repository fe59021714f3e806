#!/usr/bin/env bash
# The whole suite as two pytest processes side by side, one for each of the machine's two cores: the tests that
# drive a browser or start servers (much of their time is spent waiting on other processes) with the admin's and
# the content rules, and everything else; the two halves take about as long. Each process loads the demo catalog
# once. The first half's report follows the second's; the suite fails if either does. Arguments go to both.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
for arg in "$@"; do
    if [[ $arg == tests* ]]; then exec "$PY" -m pytest "$@"; fi  # a part of the suite: one process
done
SERVERS=(tests/e2e tests/settings tests/editorial tests/admin tests/content)
log=$(mktemp -t navigator-tests-XXXXXX.log)
trap 'rm -f "$log"' EXIT

"$PY" -m pytest "${SERVERS[@]}" -p no:cacheprovider "$@" >"$log" 2>&1 &
servers=$!
ignored=()
for path in "${SERVERS[@]}"; do ignored+=("--ignore=$path"); done
"$PY" -m pytest "${ignored[@]}" "$@"
rest=$?
wait "$servers"
servers_status=$?
echo
echo "== ${SERVERS[*]} =="
cat "$log"
# pytest's 5 means "no tests collected": a narrowed run (-k) may leave one side empty.
for status in "$rest" "$servers_status"; do
    if [[ $status -ne 0 && $status -ne 5 ]]; then exit "$status"; fi
done
if [[ $rest -eq 5 && $servers_status -eq 5 ]]; then exit 5; fi
exit 0
