"""A counter's opening hours: the weekly schedule as people read it, and the exceptions ahead."""

from dataclasses import dataclass, field
from datetime import time, timedelta
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

WEEKDAY_CHOICES = [
    (0, _("pondělí")), (1, _("úterý")), (2, _("středa")), (3, _("čtvrtek")),
    (4, _("pátek")), (5, _("sobota")), (6, _("neděle")),
]
# Short Czech day names as they appear in data files: po, ut, st, ct, pa, so, ne.
WEEKDAY_CODES = {"po": 0, "ut": 1, "st": 2, "ct": 3, "pa": 4, "so": 5, "ne": 6}


@dataclass
class DaySchedule:
    weekday: int
    name: str
    intervals: list[tuple[time, time]] = field(default_factory=list)

    @property
    def closed(self):
        return not self.intervals


def weekly_schedule(opening_hours):
    """Seven DaySchedules, Monday first, from a counter's OpeningHours rows (already fetched or prefetched)."""
    days = [DaySchedule(weekday, str(name)) for weekday, name in WEEKDAY_CHOICES]
    for row in sorted(opening_hours, key=lambda row: (row.weekday, row.opens)):
        days[row.weekday].intervals.append((row.opens, row.closes))
    # Weekends are left out when closed, as every Czech office board does.
    return [day for day in days if day.intervals or day.weekday < 5]


def upcoming_exceptions(exceptions, today=None, limit=10, days=None):
    """The exceptions from today on (and within `days`, if given), soonest first, from rows already fetched."""
    today = today or timezone.localdate()
    last = today + timedelta(days=days) if days is not None else None
    return sorted((row for row in exceptions if row.date >= today and (last is None or row.date <= last)),
                  key=lambda row: (row.date, row.opens or time()))[:limit]


def parse_interval(text):
    """'08:00-12:00' (or with an en dash) to a pair of times; ValueError on anything else."""
    start, end = text.replace("–", "-").split("-")
    opens, closes = time.fromisoformat(start.strip()), time.fromisoformat(end.strip())
    if opens >= closes:
        raise ValueError(f"interval {text!r} closes before it opens")
    return opens, closes


def map_url(counter):
    """A mapy.cz link: to the exact point when coordinates are known, else a search for the address."""
    if counter.latitude is not None and counter.longitude is not None:
        query = {"x": counter.longitude, "y": counter.latitude, "z": 18, "source": "coor", "id": f"{counter.longitude},{counter.latitude}"}
    else:
        query = {"q": counter.address}
    return "https://mapy.cz/zakladni?" + urlencode(query)
