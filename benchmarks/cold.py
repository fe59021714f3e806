"""Each page of a list asked once, in turn, by one client: what a visitor pays when nobody asked it before.

`python benchmarks/cold.py BASE_URL PATHS_FILE` (benchmarks/load.sh runs it on its gunicorn site before the load
scenarios, so that no listed page is in any cache yet). One keep-alive connection, as a browser keeps one; every
answer must be a 200. Prints one line: `cold: pages=N median_ms=… p95_ms=… max_ms=…`, and exits 1 on an answer
other than 200. On stderr, the same figures for each address without its query string (each kind of page), so
that the slow kinds show.
"""

import http.client
import statistics
import sys
import time
from urllib.parse import urlsplit

# The proxy in front of production terminates TLS and says so; without the header every answer is a redirect.
HEADERS = {"X-Forwarded-Proto": "https"}


def main():
    base, paths_file = sys.argv[1:3]
    with open(paths_file, encoding="utf-8") as handle:
        paths = [line.strip() for line in handle if line.strip()]
    netloc = urlsplit(base).netloc
    connection = http.client.HTTPConnection(netloc, timeout=30)
    timings, failed = [], []
    for path in paths:
        started = time.perf_counter()
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        response.read()
        timings.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            failed.append(f"{response.status} {path}")
    connection.close()
    by_kind = {}
    for path, timing in zip(paths, timings):
        by_kind.setdefault(path.partition("?")[0], []).append(timing)
    for kind, kind_timings in by_kind.items():
        print(f"  {kind:<40} {figures(kind_timings)}", file=sys.stderr)
    print(f"cold: {figures(timings)}")
    for failure in failed:
        print(f"  not 200: {failure}", file=sys.stderr)
    return 1 if failed else 0


def figures(timings):
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1] if len(timings) > 1 else timings[0]
    return (f"pages={len(timings)} median_ms={statistics.median(timings):.1f} p95_ms={p95:.1f} "
            f"max_ms={max(timings):.1f}")


if __name__ == "__main__":
    sys.exit(main())
