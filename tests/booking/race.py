"""N+1 processes race for a slot with N places, each booking through booking.reserve on its own connection.

Run by test_concurrency.py as `python tests/booking/race.py N` with DATABASE_URL naming a database that holds
the demo catalog. It sets up booking for a service that has none in the demo, with N desks, lets N+1
processes (forked, each with a new database connection) wait at a barrier and book the same slot at once,
counts what the database holds, prints it as JSON and removes everything it made.
"""

import json
import multiprocessing
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "navigator.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connections  # noqa: E402

from booking import reserve  # noqa: E402
from booking.models import Booking, BookingSetup  # noqa: E402
from booking.schedule import Schedule  # noqa: E402
from services.models import CounterPage, ServicePage  # noqa: E402
from tests.czech import czech

SERVICE, COUNTER = "hlaseni-trvaleho-pobytu", "klientske-centrum"


def contender(number, setup_pk, starts_at, barrier, results):
    setup = BookingSetup.objects.select_related("counter", "service").get(pk=setup_pk)
    barrier.wait(timeout=60)
    try:
        reserve.book(setup, starts_at, name=f"Účastník {number}", email=f"zavod{number}@example.cz")
        results.put("booked")
    except reserve.SlotGone:
        results.put("full")
    except Exception as error:  # noqa: BLE001 - reported to the test, which fails on it
        results.put(f"error: {error!r}")
    finally:
        connections.close_all()


def main(places):
    setup = BookingSetup.objects.create(
        service=czech(ServicePage).get(slug=SERVICE), counter=czech(CounterPage).get(slug=COUNTER),
        desks=places, walk_in_percent=0, notice_hours=0, slot_minutes=15, days_ahead=30)
    try:
        slot = Schedule(setup).nearest_free()
        connections.close_all()  # every process opens its own connection
        context = multiprocessing.get_context("fork")
        barrier, results = context.Barrier(places + 1), context.Queue()
        processes = [context.Process(target=contender, args=(number, setup.pk, slot.starts_at, barrier, results))
                     for number in range(places + 1)]
        for process in processes:
            process.start()
        outcomes = [results.get(timeout=120) for _ in processes]
        for process in processes:
            process.join(timeout=30)
        stored = Booking.objects.filter(setup=setup, starts_at=slot.starts_at).count()
        print(json.dumps({"outcomes": sorted(outcomes), "stored": stored, "places": places,
                          "vendor": connections["default"].vendor}))
    finally:
        Booking.objects.filter(setup=setup).delete()
        setup.delete()


if __name__ == "__main__":
    main(int(sys.argv[1]))
