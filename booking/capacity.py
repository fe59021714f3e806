"""Free capacity per day, service and counter from today to the booking horizon: an open dataset.

No personal data: only how many places the day's slots have at all desks, how many of them can be booked (the
rest is kept for people without a booking), how many are booked and how many are still free. Fetched in a fixed
number of queries for every setup at once.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from services.hours import PRAGUE

from .models import BookingSetup
from .schedule import Schedule, taken_by_setup


@dataclass(frozen=True)
class DayCapacity:
    date: object
    setup: object
    slots: int
    desk_places: int
    bookable: int
    booked: int

    @property
    def free(self):
        return max(0, self.bookable - self.booked)


def daily_capacity(now=None):
    """DayCapacity rows, by date, service and counter, for the days each live, active setup takes bookings."""
    now = (now or timezone.now()).astimezone(PRAGUE)
    setups = list(BookingSetup.objects.bookable()
                  .select_related("service", "counter")
                  .prefetch_related("counter__opening_hours", "counter__exceptions", "hours")
                  .order_by("service__slug", "counter__slug"))
    if not setups:
        return []
    today = now.date()
    end = datetime.combine(today + timedelta(days=max(setup.days_ahead for setup in setups) + 1),
                           datetime.min.time(), tzinfo=PRAGUE)
    start = datetime.combine(today, datetime.min.time(), tzinfo=PRAGUE)
    taken = taken_by_setup(setups, start, end)
    found = []
    for setup in setups:
        schedule = Schedule(setup, now)
        for offset in range(setup.days_ahead + 1):
            day = schedule.day_slots(today + timedelta(days=offset), taken.get(setup.pk, {}))
            if day.slots:
                found.append(DayCapacity(day.date, setup, len(day.slots), day.desk_places, day.places,
                                         day.taken))
    return sorted(found, key=lambda row: (row.date, row.setup.service.slug, row.setup.counter.slug))
