#!/usr/bin/env bash
# Load test: the site under gunicorn (production settings, demo catalog) driven by wrk.
#
# First the cold pass: the mixed scenario's pages (benchmarks/mixed_urls.py: every answer combination of the moving
# guide, the search evaluation set on the search page and the API, ten catalog filters, the plans of two of eight
# popular situations; generated from the catalog) each asked once, in turn, by one client (benchmarks/cold.py),
# after a warm-up on other pages. Then each page gets LOAD_DURATION (30s) at LOAD_CONNECTIONS (32) connections:
# the situation page, an answered checklist, a plan, the catalog with a filter, the search page and the search
# API, the mixed scenario (wrk walking the whole list), and /health/, a minimal view through the same
# middleware, as the framework's floor. Prints requests/s, p50 and p99 latency, socket errors and answers
# outside 2xx, each gunicorn worker's resident memory after the mixed run, the cold pass's median and p95 and,
# last, `ratios: <page>=<ratio> ... mixed=<ratio>` (requests/s to the floor's). Exits 1 when a target is missed:
# any error or non-2xx answer, the situation page below 0.5 of the floor, the mixed scenario below 0.30, the
# cold median over 15 ms or its p95 over 35 ms.
#
# Everything runs in a throw-away folder (SQLite database, collected static files, file caches), so the
# database in var/ is never touched: DATABASE_URL is ignored; set LOAD_DATABASE_URL to an empty database of
# your own to measure PostgreSQL. CACHE_URL/REDIS_URL are passed on, to measure another cache.
#
#   benchmarks/load.sh                    # or: make benchmark-load
#   LOAD_DURATION=5s benchmarks/load.sh   # a quick try
#   LOAD_SEARCH_SET=file.tsv                # the search queries (default: the shared dev evaluation set)
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
    "checklist|/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec&bydleni=najem&mam=auto&podani=osobne"
    "plan|/plan/?situace=zmena-trvaleho-pobytu&situace=obcansky-prukaz"
    "catalog|/sluzby/?audience=citizens&channel=in_person"
    "search|/hledat/?q=obcanka"
    "search-api|/api/search/?q=cestovni+pas"
    "mixed|(the list of benchmarks/mixed_urls.py)"
    "floor|/health/"
)
SEARCH_SET=${LOAD_SEARCH_SET:-/work/shared/eval/search-dev.tsv}
if [ ! -r "$SEARCH_SET" ]; then
    echo "The search evaluation set $SEARCH_SET cannot be read; set LOAD_SEARCH_SET to a query<TAB>slugs file." >&2
    exit 2
fi
TARGET_SITUATION=0.5
TARGET_MIXED=0.30
TARGET_COLD_MEDIAN_MS=15
TARGET_COLD_P95_MS=35

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
$PY benchmarks/mixed_urls.py --eval "$SEARCH_SET" >"$WORK/mixed.txt" 2>/dev/null
$PY benchmarks/mixed_urls.py --warm-up >"$WORK/warm-up.txt" 2>/dev/null

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
# Twice each, so that both workers have loaded what the pages use; none of these is on the mixed list.
for path in $(cat "$WORK/warm-up.txt" "$WORK/warm-up.txt"); do
    status=$(curl -sS -o /dev/null -w '%{http_code}' -H "$HEADER" "$BASE$path")
    if [ "$status" != 200 ]; then echo "$BASE$path answered $status in the warm-up" >&2; exit 2; fi
done
echo "Cold pass: $(wc -l <"$WORK/mixed.txt") distinct pages, each asked once in turn by one client..."
cold=$($PY benchmarks/cold.py "$BASE" "$WORK/mixed.txt") || { echo "$cold"; echo "the cold pass had answers other than 200" >&2; exit 2; }
for page in "${PAGES[@]}"; do
    [ "${page%%|*}" = mixed ] && continue
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
    paths=""
    if [ "$name" = mixed ]; then url=$BASE/; paths=$WORK/mixed.txt; fi
    LOAD_PATHS=$paths wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" --timeout "$TIMEOUT" -H "$HEADER" \
        -s benchmarks/load.lua "$url" >/dev/null
    line=$(LOAD_PATHS=$paths wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout "$TIMEOUT" --latency \
        -H "$HEADER" -s benchmarks/load.lua "$url" | grep '^RESULT ')
    declare -A result=()
    for field in ${line#RESULT }; do result[${field%%=*}]=${field#*=}; done
    RPS[$name]=${result[rps]}
    printf '%-11s %10s %9s %9s %8s %8s %6s  %s\n' "$name" "${result[rps]}" "${result[p50_ms]}" "${result[p99_ms]}" \
        "${result[socket_errors]}" "${result[non2xx]}" "$(cut -d' ' -f1 /proc/loadavg)" "${page#*|}"
    if [ "${result[socket_errors]}" != 0 ] || [ "${result[non2xx]}" != 0 ]; then failed=1; fi
    if [ "$name" = mixed ]; then
        # What the workers hold after every personal page has been asked many times: caches must stay bounded.
        memory=$(for pid in $(pgrep -P "$SERVER_PID"); do
            awk '/^VmRSS/ { printf "%.0f MiB ", $2 / 1024 }' "/proc/$pid/status"; done)
    fi
done

echo
echo "memory: gunicorn workers' resident set after the mixed run: $memory"
miss() { echo "target missed: $1"; failed=1; }
ratios="ratios:"
for page in "${PAGES[@]}"; do
    name=${page%%|*}
    [ "$name" = floor ] && continue
    ratio=$(awk -v a="${RPS[$name]}" -v b="${RPS[floor]}" 'BEGIN { printf "%.2f", a / b }')
    ratios="$ratios $name=$ratio"
    if [ "$name" = situation ] && awk -v r="$ratio" -v t="$TARGET_SITUATION" 'BEGIN { exit !(r < t) }'; then
        miss "the situation page should reach $TARGET_SITUATION of the floor's requests/s"
    fi
    if [ "$name" = mixed ] && awk -v r="$ratio" -v t="$TARGET_MIXED" 'BEGIN { exit !(r < t) }'; then
        miss "the mixed scenario should reach $TARGET_MIXED of the floor's requests/s"
    fi
done
declare -A cold_result=()
for field in ${cold#cold: }; do cold_result[${field%%=*}]=${field#*=}; done
if awk -v m="${cold_result[median_ms]}" -v t="$TARGET_COLD_MEDIAN_MS" 'BEGIN { exit !(m > t) }'; then
    miss "the cold pass's median should be at most $TARGET_COLD_MEDIAN_MS ms"
fi
if awk -v m="${cold_result[p95_ms]}" -v t="$TARGET_COLD_P95_MS" 'BEGIN { exit !(m > t) }'; then
    miss "the cold pass's p95 should be at most $TARGET_COLD_P95_MS ms"
fi
if [ "$failed" = 0 ]; then echo "targets met: no errors, every answer 2xx, situation >= $TARGET_SITUATION and mixed >=" \
    "$TARGET_MIXED of the floor, cold median <= $TARGET_COLD_MEDIAN_MS ms and p95 <= $TARGET_COLD_P95_MS ms"; fi
echo "$cold"
echo "$ratios"
exit "$failed"
