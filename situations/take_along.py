"""What a visitor takes along: a QR code of their checklist and a calendar file of its deadlines."""

import datetime
import functools
import hashlib

import segno
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from .shape import days_after

CALENDAR_PRODUCT = "-//Navigátor životních situací//CS"


def qr_svg(url):
    """An inline SVG QR code of the URL, drawn on the server so it prints without JavaScript."""
    return _drawn_qr(url, _("QR kód s odkazem na tento seznam"))


@functools.lru_cache(maxsize=2048)
def _drawn_qr(url, label):
    # The result is pure, and the same checklists are asked for again and again. The mask is fixed: choosing the
    # best of the eight (segno's default) took three quarters of a page's render; any mask reads the same.
    code = segno.make_qr(url, error="m", mask=0)
    svg = code.svg_inline(scale=3, border=2, dark="#000", light="#fff", title=label)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))


def dated_deadlines(situations):
    return [row for situation in situations for row in situation.dated_deadlines]


def calendar_bytes(situations, url, today=None):
    """An iCalendar file with one all-day event for each deadline set in days.

    Days run from the date the visitor gave the guide; without one, from today, which the event says.
    """
    today = today or timezone.localdate()
    calendar = Calendar()
    calendar.add("prodid", CALENDAR_PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", ", ".join(situation.page.title for situation in situations))
    for deadline in dated_deadlines(situations):
        start = deadline.counted_from or today
        due, day_after = days_after(start, deadline.days), days_after(start, deadline.days + 1)
        if day_after is None:
            continue  # no calendar can hold it (the guide refuses such dates; an editor's days could still do it)
        counted_from = (_("Počítáno od %(date)s.") % {"date": date_format(start, "SHORT_DATE_FORMAT")})
        event = Event()
        event.add("uid", _uid(deadline.situation.pk, deadline.pk, start))
        event.add("dtstamp", timezone.now())
        event.add("summary", f"{deadline.title} ({deadline.situation.title})")
        event.add("dtstart", due)
        event.add("dtend", day_after)
        event.add("description", "\n".join(part for part in [deadline.description, counted_from, url] if part))
        event.add("url", url)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", deadline.title)
        alarm.add("trigger", datetime.timedelta(days=-1))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def _uid(page_pk, deadline_pk, start):
    digest = hashlib.sha256(f"{page_pk}:{deadline_pk}:{start.isoformat()}".encode()).hexdigest()[:16]
    return f"{digest}@navigator"


def calendar_response(situations, url, filename):
    if not dated_deadlines(situations):
        raise Http404(_("Tady nejsou žádné lhůty s pevným počtem dní."))
    response = HttpResponse(calendar_bytes(situations, url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
