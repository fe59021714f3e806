"""What a visitor takes along: a QR code of their checklist and a calendar file of its deadlines."""

import datetime
import functools
import hashlib
import re

import zxingcpp
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from .shape import days_after

CALENDAR_PRODUCT = "-//Navigátor životních situací//CS"


def qr_svg(url):
    """An inline SVG QR code of the URL, drawn on the server so it prints without JavaScript."""
    return _drawn_qr(url, _("QR kód s odkazem na tento seznam"))


QR_SCALE = 3  # pixels per module where CSS does not size it
QR_BORDER = 2  # modules of light margin around the code; the page around it is light too
_DARK_RUN = re.compile(rb"\x00+")


@functools.lru_cache(maxsize=2048)
def _drawn_qr(url, label):
    # zxing-cpp encodes in C++ (a fifth of a millisecond where pure-Python segno took two, a tenth of a checklist's
    # render); the SVG is one path of the dark runs, each row's drawn as horizontal strokes one module high.
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    modules = zxingcpp.write_barcode_to_image(code, scale=1, add_quiet_zones=False)
    rows, width = modules.shape
    pixels = bytes(memoryview(modules))  # one byte a module, row after row, 0 where dark
    strokes = []
    for row in range(rows):
        start = row * width
        strokes += [f"M{run.start() - start + QR_BORDER} {row + QR_BORDER + 0.5}h{run.end() - run.start()}"
                    for run in _DARK_RUN.finditer(pixels, start, start + width)]
    runs = "".join(strokes)
    side = width + 2 * QR_BORDER
    return format_html(
        '<svg role="img" aria-label="{label}" width="{pixels}" height="{pixels}" viewBox="0 0 {side} {side}" '
        'class="qr"><title>{label}</title><path fill="#fff" d="M0 0h{side}v{side}H0z"/>'
        '<path class="qrline" stroke="#000" d="{runs}"/></svg>',
        label=label, pixels=side * QR_SCALE, side=side, runs=runs)


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
