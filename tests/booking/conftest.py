import email
import socket
import threading
from datetime import datetime
from email import policy

import pytest
import time_machine

from booking.models import BookingSetup
from services.hours import PRAGUE

ID_CARD = "vydani-obcanskeho-prukazu"
CLIENT_CENTRE = "klientske-centrum"
# A Friday in the demo's season: the weeks ahead hold a holiday, a closure and shortened days.
FRIDAY = datetime(2026, 12, 4, 10, 0, tzinfo=PRAGUE)


def prague(*args):
    return datetime(*args, tzinfo=PRAGUE)


@pytest.fixture(autouse=True)
def generous_rate_limit(settings):
    """Most tests book many times from one test client; the rate limit has its own tests."""
    settings.BOOKING_RATE_LIMIT = (1000, 3600)


@pytest.fixture
def frozen():
    """The clock stopped on Friday 4 December 2026, 10:00 in Prague."""
    with time_machine.travel(FRIDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def id_card(db):
    """The demo's ID-card booking at the Klientské centrum, as a plain setup: 1 desk, 15 minutes, no walk-ins."""
    setup = BookingSetup.objects.select_related("service", "counter").get(
        service__slug=ID_CARD, counter__slug=CLIENT_CENTRE)
    setup.desks, setup.slot_minutes, setup.walk_in_percent, setup.notice_hours, setup.days_ahead = 1, 15, 0, 2, 30
    setup.save()
    return setup


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """What the SMTP server received, parsed."""

    def __init__(self):
        self.messages = []
        self.arrived = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.original_content or envelope.content,
                                                      policy=policy.default))
        self.arrived.set()
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free local port; Django's SMTP backend delivers to it."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()
