"""Reminders the day before: each booking's once, even when cron overlaps itself or two servers run it.

A reminder is claimed before it is sent, by a conditional UPDATE that only one run can win; a mail the server
refused gives the claim back, so the next run tries again.
"""

from datetime import datetime, timedelta

from django.utils import timezone

from services.hours import PRAGUE

from . import mail
from .models import Booking, Status


def due(now=None):
    """Expected bookings of tomorrow (Prague time) without a reminder, with an e-mail to send it to."""
    now = now or timezone.now()
    tomorrow = now.astimezone(PRAGUE).date() + timedelta(days=1)
    start = datetime.combine(tomorrow, datetime.min.time(), tzinfo=PRAGUE)
    return (Booking.objects.filter(status=Status.EXPECTED, reminder_sent_at__isnull=True,
                                   starts_at__gte=start, starts_at__lt=start + timedelta(days=1))
            .exclude(email="").select_related("setup__service", "setup__counter"))


def send_due_reminders(now=None):
    """(sent, failed)."""
    now = now or timezone.now()
    sent = failed = 0
    for booking in due(now):
        unclaimed = Booking.objects.filter(pk=booking.pk, reminder_sent_at__isnull=True)
        claimed = unclaimed.update(reminder_sent_at=now)
        if not claimed:
            continue
        if mail.send_reminder(booking):
            sent += 1
        else:
            Booking.objects.filter(pk=booking.pk).update(reminder_sent_at=None)
            failed += 1
    return sent, failed
