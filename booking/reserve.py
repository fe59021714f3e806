"""Making, moving and cancelling a booking so that a slot never holds more people than it offers places.

Every change that takes a place runs in one transaction that first locks the setups of the service: on
PostgreSQL the rows themselves (SELECT … FOR UPDATE), on SQLite the whole database (its transactions begin
IMMEDIATE, see navigator/settings/base.py). Only then are the slot's bookings counted, so two people racing for
the last place are served one after the other and the second finds it gone. Locking every setup of the
service (in a fixed order, so no two transactions deadlock) also keeps the per-e-mail limit, which spans
the counters of a service, from being passed by two bookings at once.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from navigator import pagecache

from . import codes
from .models import Booking, BookingSetup, Status
from .schedule import Schedule

DEFAULT_ACTIVE_LIMIT = 2
ALTERNATIVES = 6


class BookingRefused(Exception):
    """Why a place could not be taken; `alternatives` are the nearest free slots to offer instead."""

    def __init__(self, alternatives=()):
        super().__init__()
        self.alternatives = list(alternatives)


class SlotGone(BookingRefused):
    """The slot filled up (or was never offered: a time outside the hours, past, beyond the horizon)."""


class LimitReached(BookingRefused):
    """The e-mail already holds the most upcoming bookings of this service allowed."""


def active_limit():
    return getattr(settings, "BOOKING_ACTIVE_LIMIT", DEFAULT_ACTIVE_LIMIT)


def _lock(setup):
    """Lock the service's setups for this transaction and return this setup afresh."""
    locked = list(BookingSetup.objects.select_for_update().filter(service_id=setup.service_id).order_by("pk"))
    return next(row for row in locked if row.pk == setup.pk)


def _take(setup, starts_at, now):
    """The slot at starts_at, if it still has a free place (inside the locked transaction)."""
    schedule = Schedule(setup, now)
    slot = schedule.slot_at(starts_at)
    if slot is None or slot.free <= 0:
        raise SlotGone(nearby(schedule, starts_at))
    return slot


def nearby(schedule, starts_at):
    """The free slots nearest to the one asked for: from it on, or the soonest ones when none follow."""
    later = schedule.free_slots(limit=ALTERNATIVES, after=starts_at)
    return later or schedule.free_slots(limit=ALTERNATIVES)


def _nearest_changed(setup, before):
    """Pages show a setup's nearest free time: let the page cache drop them when it moves."""
    after = Schedule(setup).nearest_free()
    if (before and before.starts_at) != (after and after.starts_at):
        transaction.on_commit(pagecache.new_version)


def book(setup, starts_at, *, name, email, phone="", now=None):
    """A new Booking in the slot starting at starts_at; raises SlotGone or LimitReached."""
    now = now or timezone.now()
    email = email.strip().lower()
    with transaction.atomic():
        setup = _lock(setup)
        before = Schedule(setup, now).nearest_free()
        slot = _take(setup, starts_at, now)
        held = (Booking.objects.upcoming(now)
                .filter(setup__service_id=setup.service_id, email=email).count())
        if held >= active_limit():
            raise LimitReached()
        booking = Booking.objects.create(setup=setup, code=codes.new_code(), starts_at=slot.starts_at,
                                         ends_at=slot.ends_at, name=name.strip(), email=email,
                                         phone=phone.strip(), created_at=now)
        _nearest_changed(setup, before)
    return booking


def move(booking, starts_at, *, now=None):
    """Move an expected booking to another slot of the same setup; raises SlotGone."""
    now = now or timezone.now()
    with transaction.atomic():
        setup = _lock(booking.setup)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if not booking.can_change:
            raise SlotGone()
        before = Schedule(setup, now).nearest_free()
        slot = _take(setup, starts_at, now)
        booking.starts_at, booking.ends_at = slot.starts_at, slot.ends_at
        booking.reminder_sent_at = None
        booking.save(update_fields=["starts_at", "ends_at", "reminder_sent_at"])
        _nearest_changed(setup, before)
    return booking


def cancel(booking, *, now=None):
    """Cancel an expected booking; its place is free for the next visitor as soon as this commits."""
    now = now or timezone.now()
    with transaction.atomic():
        setup = _lock(booking.setup)
        before = Schedule(setup, now).nearest_free()
        updated = Booking.objects.filter(pk=booking.pk, status=Status.EXPECTED).update(
            status=Status.CANCELLED, status_changed_at=now)
        _nearest_changed(setup, before)
    booking.refresh_from_db()
    return bool(updated)
