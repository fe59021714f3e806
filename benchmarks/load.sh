#!/usr/bin/env bash
# Load test: the site under gunicorn (production settings, demo catalog) driven by wrk.
#
# Each page gets LOAD_DURATION (30s) at LOAD_CONNECTIONS (32) connections: the situation page, the search page
# and the search API, then /health/, a minimal view through the same middleware, as the framework's floor.
# Prints requests/s, p50 and p99 latency, socket errors and answers outside 2xx, and each page's requests/s
# as a ratio to the floor's. Exits 1 when a target is missed: any error or non-2xx answer, or the situation
# page below half the floor's requests/s.
#
# Everything runs in a throw-away folder (SQLite database, collected static files, file caches), so the
# database in var/ is never touched: DATABASE_URL is ignored; set LOAD_DATABASE_URL to an empty database of
# your own to measure PostgreSQL. CACHE_URL/REDIS_URL are passed on, to measure another cache.
#
#   benchmarks/load.sh                    # or: make benchmark-load
#   LOAD_DURATION=5s benchmarks/load.sh   # a quick try
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
DURATION=${LOAD_DURATION:-30s}
CONNECTIONS=${LOAD_CONNECTIONS:-32}
THREADS=${LOAD_THREADS:-2}
WORKERS=${LOAD_WORKERS:-2}
WARMUP=${LOAD_WARMUP:-3s}
# wrk's own default (2 s) would count queueing behind 32 connections as errors; a browser or proxy waits longer.
TIMEOUT=${LOAD_TIMEOUT:-10s}
# name|path: the floor comes last, as the others are compared to it.
PAGES=(
    "situation|/bydleni/zmena-trvaleho-pobytu/"
    "search|/hledat/?q=obcanka"
    "search-api|/api/search/?q=cestovni+pas"
    "floor|/health/"
)

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing Debian's wrk..."
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/navigator-load.XXXXXX")
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=navigator.settings.production
export NAVIGATOR_VAR_DIR=$WORK/var
export SECRET_KEY=load-test-$RANDOM$RANDOM$RANDOM$RANDOM
export ALLOWED_HOSTS=127.0.0.1,localhost
export LOG_LEVEL=WARNING
unset DATABASE_URL
if [ -n "${LOAD_DATABASE_URL:-}" ]; then export DATABASE_URL=$LOAD_DATABASE_URL; fi
mkdir -p "$NAVIGATOR_VAR_DIR"

echo "Preparing a throw-away site in $WORK (migrate, demo catalog, static files)..."
$PY manage.py migrate --no-input -v0
$PY manage.py load_demo -v0 >/dev/null
$PY manage.py collectstatic --no-input -v0

PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
$PY -m gunicorn navigator.wsgi --workers "$WORKERS" --bind "127.0.0.1:$PORT" --log-level warning &
SERVER_PID=$!
for _ in $(seq 150); do
    if curl -fsS -o /dev/null "$BASE/health/" 2>/dev/null; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "gunicorn did not start" >&2; exit 2; fi
    sleep 0.2
done

# The proxy in front of production terminates TLS and says so; without the header every answer is a redirect.
HEADER="X-Forwarded-Proto: https"
for page in "${PAGES[@]}"; do
    url=$BASE${page#*|}
    status=$(curl -sS -o /dev/null -w '%{http_code}' -H "$HEADER" "$url")
    if [ "$status" != 200 ]; then echo "$url answered $status before the test" >&2; exit 2; fi
done

echo "gunicorn: $WORKERS workers; wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per page, timeout $TIMEOUT;" \
    "$(nproc) CPUs"
declare -A RPS
# The machine's load average after each page tells whether something else was running meanwhile.
printf '%-11s %10s %9s %9s %8s %8s %6s  %s\n' page "req/s" "p50 ms" "p99 ms" errors non-2xx load url
failed=0
for page in "${PAGES[@]}"; do
    name=${page%%|*}
    url=$BASE${page#*|}
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" --timeout "$TIMEOUT" -H "$HEADER" "$url" >/dev/null
    line=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout "$TIMEOUT" --latency -H "$HEADER" \
        -s benchmarks/load.lua "$url" | grep '^RESULT ')
    declare -A result=()
    for field in ${line#RESULT }; do result[${field%%=*}]=${field#*=}; done
    RPS[$name]=${result[rps]}
    printf '%-11s %10s %9s %9s %8s %8s %6s  %s\n' "$name" "${result[rps]}" "${result[p50_ms]}" "${result[p99_ms]}" \
        "${result[socket_errors]}" "${result[non2xx]}" "$(cut -d' ' -f1 /proc/loadavg)" "${page#*|}"
    if [ "${result[socket_errors]}" != 0 ] || [ "${result[non2xx]}" != 0 ]; then failed=1; fi
done

echo
echo "ratio of requests/s to the floor (/health/):"
for page in "${PAGES[@]}"; do
    name=${page%%|*}
    [ "$name" = floor ] && continue
    ratio=$(awk -v a="${RPS[$name]}" -v b="${RPS[floor]}" 'BEGIN { printf "%.2f", a / b }')
    printf '  %-11s %s\n' "$name" "$ratio"
    if [ "$name" = situation ] && awk -v r="$ratio" 'BEGIN { exit !(r < 0.5) }'; then
        echo "  target missed: the situation page should reach at least half the floor's requests/s"
        failed=1
    fi
done
if [ "$failed" = 0 ]; then echo "targets met: no errors, every answer 2xx, situation page at least 0.5 of the floor"; fi
exit "$failed"
