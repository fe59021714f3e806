"""One booking as the citizen reads it, on the confirmation page, in the e-mails and in the calendar file."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from services.documents import DocumentRow
from services.hours import PRAGUE, weekday_name

from . import codes


def when_text(moment):
    """'pondělí 7. prosince 2026 v 8:15', in the visitor's language ('Monday 7 December 2026 at 8:15')."""
    local = moment.astimezone(PRAGUE)
    return _("%(day)s v %(time)s") % {"day": f"{weekday_name(local)} {date_format(local, 'DATE_FORMAT')}",
                                      "time": clock(local)}


def clock(moment):
    local = moment.astimezone(PRAGUE)
    return f"{local.hour}:{local.minute:02d}"


@dataclass
class BookingDetails:
    booking: object
    service: object
    counter: object
    documents_to_bring: list
    documents_fetched: list

    @property
    def code(self):
        return self.booking.display_code

    @property
    def when(self):
        return when_text(self.booking.starts_at)

    @property
    def ends(self):
        return clock(self.booking.ends_at)

    @property
    def manage_path(self):
        return reverse("booking:detail", args=[codes.manage_token(self.booking.code)])

    @property
    def calendar_path(self):
        return reverse("booking:calendar", args=[codes.manage_token(self.booking.code)])

    @property
    def cancel_path(self):
        return reverse("booking:cancel", args=[codes.manage_token(self.booking.code)])

    @property
    def move_path(self):
        return reverse("booking:move", args=[codes.manage_token(self.booking.code)])

    @property
    def is_past(self):
        return self.booking.ends_at <= timezone.now()


def describe(booking):
    """BookingDetails in three queries: the booking with its setup's pages, and the service's documents."""
    service = booking.setup.service
    requirements = service.documents.select_related("document").order_by("sort_order")
    rows = [DocumentRow.of(requirement) for requirement in requirements]
    return BookingDetails(
        booking=booking, service=service, counter=booking.setup.counter,
        documents_to_bring=[row for row in rows if not row.fetched],
        documents_fetched=[row for row in rows if row.fetched],
    )
