"""The e-mails a booking sends: the confirmation (again after a move) and the reminder the day before.

Each is plain text with an HTML alternative, rendered from templates/booking/email/, and carries the
appointment as an .ics file. Links are absolute: from the request that made the booking, or from
WAGTAILADMIN_BASE_URL for the reminders cron sends. Trouble with the mail server is logged and never undoes a
booking (the confirmation page shows everything the mail does).
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .calendar import calendar_bytes
from .details import describe

logger = logging.getLogger(__name__)


def base_url(request=None):
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _message(booking, template, subject, root, **extra):
    details = describe(booking)
    manage_url = root + details.manage_path
    context = {"details": details, "manage_url": manage_url, "map_url": details.counter.map_url,
               "site_url": root, **extra}
    text = render_to_string(f"booking/email/{template}.txt", context)
    html = render_to_string(f"booking/email/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [booking.email],
                                     reply_to=[details.counter.email] if details.counter.email else None)
    message.attach_alternative(html, "text/html")
    message.attach(f"objednavka-{booking.code}.ics", calendar_bytes(details, manage_url),
                   "text/calendar; charset=utf-8")
    return message


def send_confirmation(booking, request=None, moved=False):
    """Send the confirmation; True if the mail server took it."""
    subject = (_("Termín přesunut: %(service)s") if moved else _("Potvrzení objednávky: %(service)s")) % {
        "service": booking.setup.service.title}
    return _send(_message(booking, "confirmation", subject, base_url(request), moved=moved), booking)


def send_reminder(booking):
    subject = _("Připomínka: zítra %(service)s") % {"service": booking.setup.service.title}
    return _send(_message(booking, "reminder", subject, base_url()), booking)


def _send(message, booking):
    if not booking.email:
        return False
    try:
        return message.send() == 1
    except Exception:  # noqa: BLE001 - the booking stands; the citizen has the confirmation page
        logger.exception("Could not send the %s mail of booking %s", message.subject, booking.pk)
        return False
