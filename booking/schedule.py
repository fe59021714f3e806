"""Which times a service can be booked at a counter, and how many places each has left.

A day's slots come from the counter's hours that day (services.hours.hours_on: weekly hours, dated
exceptions, Czech public holidays), narrowed to the setup's own booking hours when it has any: a closure
entered once on the counter removes that day's slots, and a shortened day shortens them. Slots start at the
beginning of each interval and follow each other without gaps; one that would run past the closing time is
left out.

Capacity: each slot has `desks` places, and the walk-in share is kept back over the whole day, spread evenly:
after the k-th slot of a day at most floor(k × desks × (1 − share)) places have been offered. With 3 desks and a
third kept back, every slot offers 2; with 1 desk and 25 % kept back, the first of every four slots goes to
walk-ins. The day then offers exactly floor(slots × desks × (1 − share)) places.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction
from math import floor

from django.db.models import Count
from django.utils import timezone

from services.hours import PRAGUE, hours_on

from .models import Booking


@dataclass(frozen=True)
class Slot:
    starts_at: datetime  # Prague time
    ends_at: datetime
    places: int  # offered for booking (walk-ins kept back)
    desks: int  # all places, walk-ins included
    taken: int = 0

    @property
    def free(self):
        return max(0, self.places - self.taken)

    @property
    def key(self):
        """The slot in a URL: 2026-12-07T08:15."""
        return self.starts_at.strftime("%Y-%m-%dT%H:%M")


@dataclass
class Day:
    date: object
    slots: list = field(default_factory=list)
    reason: str = ""  # why the counter is closed or the day differs (an exception's note, a holiday)
    bookable: bool = True  # within the horizon and the notice

    @property
    def free_slots(self):
        return [slot for slot in self.slots if slot.free > 0]

    @property
    def places(self):
        return sum(slot.places for slot in self.slots)

    @property
    def desk_places(self):
        return sum(slot.desks for slot in self.slots)

    @property
    def taken(self):
        return sum(slot.taken for slot in self.slots)


def taken_by_setup(setups, start, end):
    """{setup pk: {start: bookings holding a place}} for these setups' slots from start to end, in one query."""
    taken = {}
    rows = (Booking.objects.holding_place().filter(setup__in=setups, starts_at__gte=start, starts_at__lt=end)
            .values("setup", "starts_at").annotate(count=Count("pk")).order_by())
    for row in rows:
        taken.setdefault(row["setup"], {})[row["starts_at"].astimezone(PRAGUE)] = row["count"]
    return taken


def parse_key(text):
    """A slot key (2026-12-07T08:15) as a Prague datetime, or None."""
    try:
        moment = datetime.strptime(text or "", "%Y-%m-%dT%H:%M")
    except (ValueError, TypeError):
        return None
    return moment.replace(tzinfo=PRAGUE)


def _overlaps(intervals, within):
    result = []
    for opens, closes in intervals:
        for start, end in within:
            low, high = max(opens, start), min(closes, end)
            if low < high:
                result.append((low, high))
    return sorted(result)


class Schedule:
    """The slots of one BookingSetup, from rows fetched once: counter hours, exceptions, own hours."""

    def __init__(self, setup, now=None):
        self.setup = setup
        self.now = (now or timezone.now()).astimezone(PRAGUE)
        counter = setup.counter
        self.weekly = list(counter.opening_hours.all())
        self.exceptions = list(counter.exceptions.all())
        self.own_hours = list(setup.hours.all())
        self.share_kept = Fraction(setup.walk_in_percent, 100)

    @property
    def today(self):
        return self.now.date()

    @property
    def last_day(self):
        return self.today + timedelta(days=self.setup.days_ahead)

    @property
    def earliest_start(self):
        return self.now + timedelta(hours=self.setup.notice_hours)

    def intervals(self, day):
        """(DayHours of the counter, the intervals bookable that day)."""
        counter_hours = hours_on(day, self.weekly, self.exceptions)
        intervals = list(counter_hours.intervals)
        if self.own_hours:
            own = [(row.opens, row.closes) for row in self.own_hours if row.weekday == day.weekday()]
            intervals = _overlaps(intervals, own)
        return counter_hours, intervals

    def day_slots(self, day, taken=None):
        """Every slot of a day with its places, bookable or not (the clerks' view needs them all)."""
        taken = taken or {}
        counter_hours, intervals = self.intervals(day)
        length = timedelta(minutes=self.setup.slot_minutes)
        desks = self.setup.desks
        starts = []
        for opens, closes in intervals:
            start = datetime.combine(day, opens, tzinfo=PRAGUE)
            end = datetime.combine(day, closes, tzinfo=PRAGUE)
            while start + length <= end:
                starts.append(start)
                start += length
        slots, offered = [], 0
        for number, start in enumerate(starts, 1):
            upto = floor(number * desks * (1 - self.share_kept))
            places, offered = upto - offered, upto
            slots.append(Slot(start, start + length, places, desks, taken.get(start, 0)))
        return Day(day, slots, counter_hours.reason)

    def bookable(self, slot):
        # Strictly after: at the very moment start − notice the slot is gone, which is when the pages that
        # show it as the nearest free time stop being true (booking.offers).
        return (slot.starts_at > self.earliest_start and slot.starts_at.date() <= self.last_day
                and self.setup.active)

    def taken_between(self, first_day, last_day):
        """{start: bookings holding a place} for the setup's slots on these days, in one query."""
        start = datetime.combine(first_day, datetime.min.time(), tzinfo=PRAGUE)
        end = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tzinfo=PRAGUE)
        return taken_by_setup([self.setup], start, end).get(self.setup.pk, {})

    def days(self, first_day, count, taken=None):
        """Days from first_day with their bookable slots only (past the notice, within the horizon)."""
        last_day = first_day + timedelta(days=count - 1)
        taken = self.taken_between(first_day, last_day) if taken is None else taken
        days = []
        for offset in range(count):
            day = self.day_slots(first_day + timedelta(days=offset), taken)
            day.slots = [slot for slot in day.slots if self.bookable(slot)]
            day.bookable = self.today <= day.date <= self.last_day and self.setup.active
            days.append(day)
        return days

    def free_slots(self, limit=None, after=None):
        """Free bookable slots from now to the horizon, soonest first (from `after`, when given)."""
        found = []
        taken = self.taken_between(self.today, self.last_day)
        for day in self.days(self.today, (self.last_day - self.today).days + 1, taken):
            for slot in day.free_slots:
                if after is None or slot.starts_at > after:
                    found.append(slot)
                    if limit and len(found) >= limit:
                        return found
        return found

    def nearest_free(self):
        found = self.free_slots(limit=1)
        return found[0] if found else None

    def slot_at(self, starts_at, taken=None):
        """The bookable slot starting then (its places counted now), or None if there is none."""
        date = starts_at.astimezone(PRAGUE).date()
        day = self.day_slots(date, taken if taken is not None else self.taken_between(date, date))
        for slot in day.slots:
            if slot.starts_at == starts_at and self.bookable(slot):
                return slot
        return None
