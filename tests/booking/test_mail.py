"""Confirmation and reminder mails, delivered by Django's SMTP backend to a real SMTP server (aiosmtpd)."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from booking import codes, reserve
from booking.models import Booking

from .conftest import FRIDAY, prague

pytestmark = pytest.mark.django_db

FORM_URL = "/objednani/vydani-obcanskeho-prukazu/klientske-centrum/2026-12-07T08:00/"
PERSON = {"name": "Jana Nováková", "email": "jana@example.cz", "consent": "on"}


def test_the_confirmation_arrives_as_text_html_and_calendar(client_cs, id_card, frozen, smtp_server):
    client_cs.post(FORM_URL, PERSON)
    booking = Booking.objects.get()
    [message] = smtp_server.messages
    assert message["To"] == "jana@example.cz" and message["Subject"].strip() == "Potvrzení objednávky: Vydání občanského průkazu"
    assert message["Reply-To"] == "klientske.centrum@praha99.example.cz"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    manage = f"http://localhost/objednani/rezervace/{codes.manage_token(booking.code)}/"
    for body in (text, html):
        assert booking.display_code in body and "pondělí 7. prosince 2026 v 8:00" in body
        assert "Občanský průkaz" in body and "Náměstí Míru 1" in body and manage in body
    [attachment] = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    assert "DTSTART:20261207T070000Z" in attachment.get_content()


def test_a_mail_server_that_is_down_never_undoes_the_booking(client_cs, id_card, frozen, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens
    response = client_cs.post(FORM_URL, PERSON)
    assert response.status_code == 303 and Booking.objects.count() == 1


def reminders():
    out = StringIO()
    call_command("send_booking_reminders", stdout=out)
    return out.getvalue()


def test_the_reminder_goes_out_the_day_before_and_only_once(id_card, smtp_server):
    with time_machine.travel(FRIDAY, tick=False):
        monday = reserve.book(id_card, prague(2026, 12, 7, 9, 0), name="Jana", email="jana@example.cz")
        reserve.book(id_card, prague(2026, 12, 8, 9, 0), name="Petr", email="petr@example.cz")
        cancelled = reserve.book(id_card, prague(2026, 12, 7, 10, 0), name="Eva", email="eva@example.cz")
        reserve.cancel(cancelled)
    with time_machine.travel(prague(2026, 12, 6, 16, 0), tick=False):  # Sunday afternoon
        assert "Reminders sent: 1, failed (tried again next run): 0" in reminders()
        assert "Reminders sent: 0," in reminders()
    [message] = smtp_server.messages
    assert message["To"] == "jana@example.cz" and message["Subject"].strip() == "Připomínka: zítra Vydání občanského průkazu"
    assert "připomínáme vám zítřejší termín" in message.get_body(("plain",)).get_content()
    monday.refresh_from_db()
    assert monday.reminder_sent_at is not None


def test_a_reminder_the_server_refused_is_tried_again(id_card, settings, smtp_server):
    with time_machine.travel(FRIDAY, tick=False):
        booking = reserve.book(id_card, prague(2026, 12, 7, 9, 0), name="Jana", email="jana@example.cz")
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = 9, 2
    with time_machine.travel(prague(2026, 12, 6, 16, 0), tick=False):
        assert "Reminders sent: 0, failed (tried again next run): 1" in reminders()
        booking.refresh_from_db()
        assert booking.reminder_sent_at is None
        settings.EMAIL_PORT = port
        assert "Reminders sent: 1," in reminders()
    assert len(smtp_server.messages) == 1
