"""Personal data of bookings are erased a configured number of days after the appointment, by the shared
retention command, which says what it did and may run any number of times."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from booking.models import Booking
from navigator import retention

from .conftest import prague

pytestmark = pytest.mark.django_db


def purge():
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def make(setup, code, start):
    return Booking.objects.create(setup=setup, code=code, starts_at=start, ends_at=start + timedelta(minutes=15),
                                  name="Jana Nováková", email="jana@example.cz", phone="777123456")


def test_personal_data_go_the_configured_days_after_the_appointment(id_card, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = {**settings.PERSONAL_DATA_RETENTION_DAYS, "booking": 30}
    old = make(id_card, "OLD0000001", prague(2026, 11, 2, 9, 0))  # ended 9:15 on 2 November
    recent = make(id_card, "NEW0000001", prague(2026, 11, 2, 10, 0))
    with time_machine.travel(prague(2026, 12, 2, 9, 30), tick=False):  # 30 days and 15 minutes after the first
        output = purge()
        assert "booking: 1 – jméno, e-mail a telefon objednaných návštěv po termínu (older than 30 days" in output
        assert "booking: 0 –" in purge()  # idempotent
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.email, old.phone) == ("", "", "") and old.personal_data_erased_at is not None
    assert old.code == "OLD0000001" and old.setup_id == id_card.pk  # the report and open data still count it
    assert recent.email == "jana@example.cz"


def test_the_periods_come_from_the_settings(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = {**settings.PERSONAL_DATA_RETENTION_DAYS, "booking": 7}
    assert retention.get("booking").days == 7
    assert "booking" in [item.key for item in retention.registered()]
