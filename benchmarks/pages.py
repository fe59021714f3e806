"""Render time of the public pages on the demo catalog: median and p95 over 200 requests per page.

Run with `make benchmark-pages` (or `.venv/bin/python benchmarks/pages.py [--requests N]`). Requests go through
Django's full stack (middleware, Wagtail routing, templates) on the demo database in var/, in-process, so the
figures are the application's own time without network or server overhead.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "navigator.settings.dev")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

PAGES = {
    "home": "/",
    "topic": "/bydleni/",
    "situation": "/bydleni/zmena-trvaleho-pobytu/",
    "service": "/sluzby/hlaseni-trvaleho-pobytu/",
    "catalog": "/sluzby/?audience=citizens&channel=in_person",
    "counter": "/pracoviste/klientske-centrum/",
}


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':<10} {'median ms':>10} {'p95 ms':>8}  url")
    for name, url in PAGES.items():
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}: load the demo catalog first (make run)")
        samples = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
        print(f"{name:<10} {statistics.median(samples):>10.1f} {percentile(samples, 0.95):>8.1f}  {url}")


if __name__ == "__main__":
    main()
