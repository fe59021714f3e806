"""The clerks' day at /prepazka/objednavky/: who is booked when, the capacity, marking, finding, printing."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from booking.desk import day_overview
from booking.models import Booking, Status
from frontdesk.access import clerk_group

from .conftest import prague

pytestmark = pytest.mark.django_db

DAY_URL = "/prepazka/objednavky/"


@pytest.fixture
def clerk_client(client_cs):
    user = get_user_model().objects.create_user(username="urednice", password="heslo-pro-testy-1")
    user.groups.add(clerk_group())
    client_cs.force_login(user)
    return client_cs


@pytest.fixture
def monday(id_card):
    """Three bookings on Monday 7 December at the Klientské centrum, one of them cancelled."""
    rows = []
    for number, (hour, minute, status) in enumerate([(9, 0, "expected"), (8, 15, "arrived"), (8, 30, "cancelled")]):
        start = prague(2026, 12, 7, hour, minute)
        rows.append(Booking.objects.create(setup=id_card, code=f"DESK00000{number}", starts_at=start,
                                           ends_at=start + timedelta(minutes=15), status=status,
                                           name=f"Občan {number}", email=f"obcan{number}@example.cz"))
    return rows


def test_only_clerks_see_the_bookings(client_cs, id_card):
    assert client_cs.get(DAY_URL).status_code == 302
    outsider = get_user_model().objects.create_user(username="redaktor", password="x", is_staff=True)
    client_cs.force_login(outsider)
    assert client_cs.get(DAY_URL).status_code == 403
    assert client_cs.post(DAY_URL + "DESK000000/stav/", {"stav": "served"}).status_code == 403


def test_the_day_lists_bookings_by_time_with_capacity(clerk_client, monday):
    html = clerk_client.get(DAY_URL, {"den": "2026-12-07", "pracoviste": "klientske-centrum"}).content.decode()
    assert html.index("DESK0-00001") < html.index("DESK0-00000")  # 8:15 before 9:00
    assert "DESK0-00002" not in html  # cancelled
    assert "Občan 1" in html and "přišel" in html and "očekáván" in html
    # The demo's ID card: 3 desks × 36 slots = 108 places; 34 % kept: floor(108 × 0.66) = 71 bookable.
    # The id_card fixture makes it 1 desk without walk-ins: 36 places, all bookable, 2 booked.
    assert "1 přep., 36 míst, k objednání 36, pro příchozí 0 (0 %), objednáno 2, volných 34" in html


def test_the_overview_takes_a_fixed_number_of_queries(monday):
    with CaptureQueriesContext(connection) as queries:
        overview = day_overview(date(2026, 12, 7))
    # Setups, their counters' hours, exceptions, own hours; the day's bookings.
    assert len(queries) == 5
    assert [len(counter_day.bookings) for counter_day in overview if counter_day.bookings] == [2]


def test_marking_without_javascript_returns_to_the_row(clerk_client, monday):
    back = DAY_URL + "?den=2026-12-07"
    response = clerk_client.post(DAY_URL + "DESK000000/stav/", {"stav": "no_show", "zpet": back})
    assert response.status_code == 303 and response["Location"] == back + "#kod-DESK000000"
    monday[0].refresh_from_db()
    assert monday[0].status == Status.NO_SHOW and monday[0].status_changed_at is not None


def test_marking_from_the_script_answers_json(clerk_client, monday):
    response = clerk_client.post(DAY_URL + "DESK000001/stav/", {"stav": "served"}, HTTP_ACCEPT="application/json")
    assert response.json() == {"ok": True, "code": "DESK000001", "status": "served", "label": "obsloužen"}


@pytest.mark.parametrize("code, status", [("DESK000000", "cancelled"), ("DESK000002", "served"),
                                          ("NEEXISTUJE", "served"), ("DESK000000", "\x00")])
def test_what_cannot_be_marked_is_refused(clerk_client, monday, code, status):
    response = clerk_client.post(DAY_URL + f"{code}/stav/", {"stav": status}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400


def test_a_foreign_return_address_is_ignored(clerk_client, monday):
    response = clerk_client.post(DAY_URL + "DESK000000/stav/", {"stav": "arrived", "zpet": "https://zlo.example/"})
    assert response["Location"] == DAY_URL + "#kod-DESK000000"


def test_a_code_is_found_as_typed(clerk_client, monday):
    response = clerk_client.get(DAY_URL + "kod/", {"kod": " desk0-0000o "})
    assert response.status_code == 302
    assert response["Location"] == DAY_URL + "?den=2026-12-07&pracoviste=klientske-centrum#kod-DESK000000"
    missing = clerk_client.get(DAY_URL + "kod/", {"kod": "ZZZZZ-ZZZZZ"})
    assert missing.status_code == 404 and "jsme nenašli" in missing.content.decode()


@pytest.mark.parametrize("day", ["zitra", "\x00", "0001-01-01", "9999-12-31", "2026-02-30"])
def test_a_strange_day_shows_today_with_a_notice(clerk_client, id_card, day):
    response = clerk_client.get(DAY_URL, {"den": day, "pracoviste": "neexistuje"})
    assert response.status_code == 200 and "gov-message desk-notice" in response.content.decode()


def test_the_print_list_has_every_booking_with_a_box(clerk_client, monday):
    html = clerk_client.get(DAY_URL + "tisk/", {"den": "2026-12-07"}).content.decode()
    assert "Objednávky 7. 12. 2026" in html and "DESK0-00000" in html and "Občan 0" in html
    assert html.count("desk-print__box") == 2
