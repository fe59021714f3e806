"""Where the time of a personal page goes: each kind of the mixed scenario's pages rendered once, profiled.

Run with `make profile` (installs pyinstrument, the dev extra) or `.venv/bin/python benchmarks/profile.py
[--kind checklist] [--eval FILE] [--timing]`. In-process through Django's whole stack on the demo database in var/, with
the page cache left to do what it does in production: every page is asked once, so it is a cold render, as the
cold pass of benchmarks/load.sh asks it. Prints each kind's pages, milliseconds per page (wall and this
process's CPU, which a busy machine disturbs less) and queries per page,
and writes pyinstrument's call tree to var/profile/<kind>.txt (and .html to open in a browser). With --timing,
no profiler: each page's milliseconds, as the cold pass counts them (median and p95 of each kind and of all),
in-process, so a step's effect can be compared on a machine too busy for gunicorn's figures to hold still.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "navigator.settings.dev")
os.environ["DEBUG"] = "0"

import mixed_urls  # noqa: E402  (sets Django up)
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from navigator import pagecache  # noqa: E402
from search.evaluation import read_tsv  # noqa: E402
from situations.models import SituationPage  # noqa: E402


def kinds(eval_file):
    with open(eval_file, encoding="utf-8") as handle:
        queries = [query for query, _expected in read_tsv(handle)]
    search = list(mixed_urls.search_paths(queries))
    return {
        "checklist": list(mixed_urls.guide_paths(mixed_urls.czech(SituationPage).get(slug=mixed_urls.GUIDE))),
        "plan": list(mixed_urls.plan_paths()),
        "catalog": list(mixed_urls.catalog_paths()),
        "search": search[0::2],
        "search-api": search[1::2],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", action="append", help="only these kinds (checklist, plan, catalog, search, search-api)")
    parser.add_argument("--eval", type=Path, default=mixed_urls.DEFAULT_EVAL)
    parser.add_argument("--timing", action="store_true", help="time each page without the profiler")
    args = parser.parse_args()
    out = Path(settings.VAR_DIR) / "profile"
    out.mkdir(parents=True, exist_ok=True)
    client = Client(HTTP_HOST="localhost")
    for path in mixed_urls.warm_up_paths():
        client.get(path)
    pagecache.new_version()  # nothing kept from an earlier run
    wanted = {kind: paths for kind, paths in kinds(args.eval).items() if not args.kind or kind in args.kind}
    if args.timing:
        return timing(client, wanted)
    from pyinstrument import Profiler

    for kind, paths in wanted.items():
        profiler = Profiler(interval=0.0005)
        with CaptureQueriesContext(connection) as queries:
            started, cpu = time.perf_counter(), time.process_time()
            profiler.start()
            for path in paths:
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
            profiler.stop()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        (out / f"{kind}.txt").write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
        (out / f"{kind}.html").write_text(profiler.output_html(), encoding="utf-8")
        print(f"{kind:<11} pages={len(paths):<3} ms/page={elapsed * 1000 / len(paths):6.1f} "
              f"cpu_ms/page={cpu * 1000 / len(paths):6.1f} "
              f"queries/page={len(queries) / len(paths):5.1f}  call tree: {out / kind}.txt")


def timing(client, wanted):
    every = []
    for kind, paths in wanted.items():
        timings = []
        for path in paths:
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        every += timings
        print(f"{kind:<11} {figures(timings)}")
    print(f"{'all':<11} {figures(every)}")


def figures(timings):
    p95 = statistics.quantiles(timings, n=20, method="inclusive")[-1] if len(timings) > 1 else timings[0]
    return f"pages={len(timings):<3} median_ms={statistics.median(timings):6.1f} p95_ms={p95:6.1f}"


if __name__ == "__main__":
    main()
