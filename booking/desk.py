"""The clerks' day: every appointment at each counter, and the day's capacity, in a fixed number of queries.

A CounterDay holds one counter's bookings of the day (cancelled ones left out) in time order, and for each
service set up there how many places the day has at all desks, how many of them could be booked (the rest
is the walk-in share) and how many are booked.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Prefetch

from services.models import CounterException, OpeningHours
from services.hours import PRAGUE

from .codes import normalise
from .models import Booking, BookingSetup, Status
from .schedule import Schedule


@dataclass
class ServiceCapacity:
    setup: object
    desk_places: int  # every place of the day's slots, walk-ins included
    bookable: int
    booked: int

    @property
    def walk_in_places(self):
        return self.desk_places - self.bookable

    @property
    def free(self):
        return max(0, self.bookable - self.booked)


@dataclass
class CounterDay:
    counter: object
    bookings: list = field(default_factory=list)
    capacity: list = field(default_factory=list)
    reason: str = ""

    @property
    def waiting(self):
        return sum(1 for booking in self.bookings if booking.status in (Status.EXPECTED, Status.ARRIVED))


def day_bounds(day):
    start = datetime.combine(day, datetime.min.time(), tzinfo=PRAGUE)
    return start, start + timedelta(days=1)


def day_overview(day, counter_slug=None):
    """[CounterDay] for the counters with booking set up (or the one asked for), by counter title."""
    setups = (BookingSetup.objects.filter(counter__live=True).select_related("service", "counter")
              .prefetch_related(Prefetch("counter__opening_hours", OpeningHours.objects.all()),
                                Prefetch("counter__exceptions", CounterException.objects.all()), "hours")
              .order_by("counter__title", "service__title"))
    if counter_slug:
        setups = setups.filter(counter__slug=counter_slug)
    start, end = day_bounds(day)
    bookings = list(Booking.objects.filter(setup__in=[setup.pk for setup in setups], starts_at__gte=start,
                                           starts_at__lt=end).exclude(status=Status.CANCELLED)
                    .select_related("setup__service").order_by("starts_at", "code"))
    days = {}
    for setup in setups:
        counter_day = days.setdefault(setup.counter_id, CounterDay(setup.counter))
        slots = Schedule(setup).day_slots(day)
        counter_day.reason = slots.reason
        booked = sum(1 for booking in bookings if booking.setup_id == setup.pk)
        counter_day.capacity.append(ServiceCapacity(setup, slots.desk_places, slots.places, booked))
    for booking in bookings:
        days[booking.setup.counter_id].bookings.append(booking)
    return list(days.values())


def find_by_code(text):
    """The booking a clerk typed the code of (dashes, spaces, O for 0 forgiven), or None."""
    code = normalise(text)
    if not code:
        return None
    return Booking.objects.filter(code=code).select_related("setup__service", "setup__counter").first()
