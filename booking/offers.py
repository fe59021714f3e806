""""Objednat se" with the nearest free time, for the pages that send people to a bookable counter.

One call answers for every service and counter a page shows, in a fixed number of queries (the setups with
their counters' hours, exceptions and own hours, and the places taken up to the furthest horizon), whatever
the number of steps or counters.

A page that shows a nearest free time stays true until that time can no longer be booked (its start less the
notice) or someone books it: the first is told to the page cache through `watch_changes` (registered in
booking.apps), the second by booking.reserve, which gives the content a new version when a booking moves a
setup's nearest free time.

Working the nearest times out (the setups, their hours and the places taken, then every slot up to the first free
one) costs a cold checklist more than the rest of its steps, and every set of answers of a situation asks it for
much the same services. So a worker keeps what it found, under the content version the page cache read for this
request and for exactly as long as a page showing it stays true (until the first nearest time stops being
bookable, and midnight): the same rules that keep the page, so a kept answer is never staler than a kept page.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from navigator import pagecache
from navigator.kept import KeptInWorker
from services.hours import PRAGUE

from .models import BookingSetup
from .schedule import Schedule, taken_by_setup


@dataclass(frozen=True)
class Offer:
    setup: object
    nearest: object  # the nearest free Slot, or None when nothing is free within the horizon

    @property
    def service(self):
        return self.setup.service

    @property
    def bookable_until(self):
        """When the nearest free time can no longer be booked (its start less the notice), or None."""
        if self.nearest is None:
            return None
        return self.nearest.starts_at - timedelta(hours=self.setup.notice_hours)

    @property
    def counter(self):
        return self.setup.counter

    @property
    def url(self):
        return reverse("booking:week", args=[self.setup.service.slug, self.setup.counter.slug])

    @property
    def nearest_url(self):
        if self.nearest is None:
            return self.url
        setup = self.setup
        return reverse("booking:form", args=[setup.service.slug, setup.counter.slug, self.nearest.key])


class Offers:
    """The offers of some services or counters, looked up by service and counter without further queries."""

    def __init__(self, offers):
        self.all = offers
        self._given = set()

    def for_service(self, service):
        return [offer for offer in self.all if offer.setup.service_id == service.pk]

    def for_counter(self, counter):
        return [offer for offer in self.all if offer.setup.counter_id == counter.pk]

    def for_step(self, step):
        """The offers of a checklist step's services at their counters, each at the first step (in the order
        asked) that uses it, so a checklist offers one booking once."""
        wanted = {(use.service.pk, counter.pk)
                  for use in step.services for counter in use.service.counters.all()}
        found = [offer for offer in self.all if (offer.setup.service_id, offer.setup.counter_id) in wanted
                 and offer.setup.pk not in self._given]
        self._given.update(offer.setup.pk for offer in found)
        return found

    def __bool__(self):
        return bool(self.all)


class OfferWatch:
    def __init__(self):
        self.earliest = None

    def saw(self, moment):
        if self.earliest is None or moment < self.earliest:
            self.earliest = moment


_watch = ContextVar("booking_offer_watch", default=None)


@contextmanager
def watch_changes():
    """While active, collect when the nearest free times shown in this context stop being bookable."""
    watch = OfferWatch()
    token = _watch.set(watch)
    try:
        yield watch
    finally:
        _watch.reset(token)


MAX_KEPT = 256
# (version, service ids, counter ids) -> (offers, moments they change, the day they hold)
_kept = KeptInWorker(MAX_KEPT)
_bookable = KeptInWorker(4)  # (version,) -> (the services, the counters) with a bookable setup


def offers(services=(), counters=(), now=None):
    """Offers for live, active setups of these services (ServicePages) or at these counters."""
    service_ids = [service.pk for service in services]
    counter_ids = [counter.pk for counter in counters]
    if not service_ids and not counter_ids:
        return Offers([])
    version = pagecache.request_version() if now is None else None
    if version is None:
        found = _find(service_ids, counter_ids, now)
        _tell_watch(_changes(found))
        return Offers(found)
    # Most services and counters have nothing to book: left out of the key, every set of answers that shows the same
    # bookable ones shares one answer, and a page without any asks nothing.
    with_setups, at_setups = _bookable.for_request((), _bookable_ids)
    if service_ids:
        service_ids = [pk for pk in service_ids if pk in with_setups]
    else:
        counter_ids = [pk for pk in counter_ids if pk in at_setups]
    if not service_ids and not counter_ids:
        return Offers([])
    key = (version, frozenset(service_ids), frozenset(counter_ids))
    now = timezone.now()
    kept = _kept.get(key)
    if kept is not None:
        found, moments, day = kept
        if day == now.astimezone(PRAGUE).date() and all(moment > now for moment in moments):
            _tell_watch(moments)
            return Offers(found)
    found = _find(service_ids, counter_ids, now)
    moments = _changes(found)
    _tell_watch(moments)
    _kept.put(key, (found, moments, now.astimezone(PRAGUE).date()))
    return Offers(found)


def _bookable_ids():
    pairs = list(BookingSetup.objects.bookable().values_list("service_id", "counter_id"))
    return frozenset(service for service, _counter in pairs), frozenset(counter for _service, counter in pairs)


def _changes(found):
    return [moment for offer in found if (moment := offer.bookable_until) is not None]


def _tell_watch(moments):
    watch = _watch.get()
    if watch is not None:
        for moment in moments:
            watch.saw(moment)


def _find(service_ids, counter_ids, now):
    now = (now or timezone.now()).astimezone(PRAGUE)
    setups = (BookingSetup.objects.bookable()
              .select_related("service", "counter")
              .prefetch_related("counter__opening_hours", "counter__exceptions", "hours")
              .order_by("counter__title", "service__title"))
    setups = setups.filter(service__in=service_ids) if service_ids else setups.filter(counter__in=counter_ids)
    setups = list(setups)
    if not setups:
        return []
    today = now.date()
    furthest = today + timedelta(days=max(setup.days_ahead for setup in setups) + 1)
    taken = taken_by_setup(setups, now, datetime.combine(furthest, datetime.min.time(), tzinfo=PRAGUE))
    found = []
    for setup in setups:
        schedule = Schedule(setup, now)
        horizon = (schedule.last_day - schedule.today).days + 1
        days = schedule.days(schedule.today, horizon, taken.get(setup.pk, {}))
        found.append(Offer(setup, next((slot for day in days for slot in day.free_slots), None)))
    return found
