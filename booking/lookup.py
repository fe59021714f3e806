"""Finding what a booking URL names: a service's setups by slugs, a booking by its signed token."""

from django.http import Http404
from django.utils.translation import gettext as _

from . import codes
from .models import Booking, BookingSetup

MAX_SLUG_LENGTH = 255


def _live_setups():
    return (BookingSetup.objects.bookable()
            .select_related("service", "counter").prefetch_related("counter__opening_hours",
                                                                   "counter__exceptions", "hours"))


def setups_of_service(service_slug):
    if len(service_slug) > MAX_SLUG_LENGTH:
        return []
    return list(_live_setups().filter(service__slug=service_slug).order_by("counter__title"))


def setup_for(service_slug, counter_slug):
    """The active setup of a live service at a live counter, or Http404."""
    if len(service_slug) > MAX_SLUG_LENGTH or len(counter_slug) > MAX_SLUG_LENGTH:
        raise Http404
    setup = _live_setups().filter(service__slug=service_slug, counter__slug=counter_slug).first()
    if setup is None:
        raise Http404(_("Na tuto službu se na tomto pracovišti nelze objednat."))
    return setup


def booking_for_token(token):
    """The booking a genuine signed token names, or None (a forged, mangled or outdated link)."""
    code = codes.code_from_token(token)
    if not code:
        return None
    return (Booking.objects.filter(code=code)
            .select_related("setup__service", "setup__counter").first())
