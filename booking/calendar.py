"""The appointment as an iCalendar event, for the confirmation page's download and the confirmation e-mail."""

from datetime import UTC, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

PRODUCT = "-//Zivotni situace//Objednavani//CS"


def calendar_bytes(details, manage_url):
    booking = details.booking
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    # The same UID after a move, so a calendar that imported the first file updates the event.
    event.add("uid", f"{booking.code}@navigator-objednani")
    event.add("sequence", int(timezone.now().timestamp()))
    event.add("dtstamp", timezone.now())
    # In UTC: every calendar reads it without a VTIMEZONE block, and shows it in its own zone.
    event.add("dtstart", booking.starts_at.astimezone(UTC))
    event.add("dtend", booking.ends_at.astimezone(UTC))
    event.add("summary", _("%(service)s – %(counter)s") % {"service": details.service.title,
                                                           "counter": details.counter.title})
    event.add("location", details.counter.address)
    lines = [_("Kód objednávky: %(code)s") % {"code": details.code}]
    if details.documents_to_bring:
        lines.append(_("S sebou: %(documents)s") % {
            "documents": ", ".join(row.name for row in details.documents_to_bring)})
    lines.append(_("Zrušit nebo přesunout: %(url)s") % {"url": manage_url})
    event.add("description", "\n".join(lines))
    event.add("url", manage_url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", details.service.title)
    alarm.add("trigger", timedelta(hours=-2))
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()
