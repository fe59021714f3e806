"""The demo catalog has reviews coming up, so the report under Výkazy → Kontrola aktuálnosti shows editors rows.

Pages whose facts change on 1 January (the dog fee, resident parking, the living minimum behind the hardship
benefit) are due for review by the end of December, and the voter's pass before the rules for the next elections
are announced; everything else was reviewed in November 2026 and is due a year later.
"""

import datetime
import zoneinfo

import pytest
import time_machine

from content_health import freshness

pytestmark = pytest.mark.django_db


def test_on_1_december_2026_four_situations_are_due_within_30_days():
    moment = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Prague"))
    with time_machine.travel(moment, tick=False):
        due = [(entry.title, entry.due, entry.status) for entry in freshness.entries()]
    soon = freshness.Status.DUE_SOON
    assert due == [
        ("Volby a voličský průkaz", datetime.date(2026, 12, 18), soon),
        ("Finanční pomoc v tíživé situaci (superdávka a mimořádná okamžitá pomoc)", datetime.date(2026, 12, 31), soon),
        ("Parkovací oprávnění pro rezidenty a abonenty", datetime.date(2026, 12, 31), soon),
        ("Poplatek ze psů", datetime.date(2026, 12, 31), soon),
    ]
