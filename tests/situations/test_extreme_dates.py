"""Dates at and past the ends of the calendar in the guide: a notice and a checklist, never a server error."""

import datetime

import icalendar
import pytest
from django.contrib.auth import get_user_model

from frontdesk.access import clerk_group
from situations.composition import compose_situation
from situations.guide import Answers
from situations.models import SituationPage
from situations.shape import days_after
from situations.take_along import calendar_bytes
from tests.czech import czech

pytestmark = pytest.mark.django_db

MOVING = "/bydleni/zmena-trvaleho-pobytu/"
DOG = "pruvodce=1&mam=pes&odkud=jina-obec"
OUT_OF_RANGE = "je mimo roky 1900 až 2199"


@pytest.fixture
def clerk_client(client_cs):
    clerk = get_user_model().objects.create_user("urednice-data", password="heslo-pro-testy-1")
    clerk.groups.add(clerk_group())
    client_cs.force_login(clerk)
    return client_cs


@pytest.mark.parametrize("date", ["9999-12-31", "9999-12-17", "0001-01-01", "2200-01-01", "1899-12-31"])
def test_a_date_out_of_range_gives_the_checklist_with_a_notice_everywhere(client_cs, clerk_client, date):
    pages = {
        "situation": f"{MOVING}?{DOG}&datum={date}",
        "print sheet": f"{MOVING}tisk/?{DOG}&datum={date}",
        "plan": f"/plan/?situace=zmena-trvaleho-pobytu&zmena-trvaleho-pobytu-pruvodce=1"
                f"&zmena-trvaleho-pobytu-mam=pes&zmena-trvaleho-pobytu-datum={date}",
        "front desk": f"/prepazka/situace/zmena-trvaleho-pobytu/?{DOG}&datum={date}",
    }
    for name, url in pages.items():
        response = clerk_client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert f"Datum „{date}“ {OUT_OF_RANGE}" in html, name
        assert "nejpozději" not in html, name  # no due date from a date we refused


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_the_calendar_file_counts_from_today_instead(client_cs, date):
    response = client_cs.get(f"{MOVING}kalendar/?{DOG}&datum={date}")
    assert response.status_code == 200
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    today = datetime.date.today()
    assert event.decoded("dtstart") in {today + datetime.timedelta(days=15),
                                        today + datetime.timedelta(days=16)}  # midnight may pass meanwhile


@pytest.mark.parametrize("date", ["1900-01-01", "2199-12-31"])
def test_the_ends_of_the_range_are_counted(client_cs, date):
    html = client_cs.get(f"{MOVING}?{DOG}&datum={date}").content.decode()
    assert OUT_OF_RANGE not in html
    due = datetime.date.fromisoformat(date) + datetime.timedelta(days=15)
    assert f"nejpozději {due.day}. {due.month}. {due.year}" in html


def test_the_date_input_offers_only_the_range():
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    widget = page.guide_form()["datum"].as_widget()
    assert 'min="1900-01-01"' in widget and 'max="2199-12-31"' in widget


def test_days_that_would_run_past_the_calendar_give_no_date():
    assert days_after(datetime.date(9999, 12, 30), 1) == datetime.date(9999, 12, 31)
    assert days_after(datetime.date(9999, 12, 31), 1) is None
    assert days_after(datetime.date(2026, 1, 1), 10**12) is None
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    dog = page.deadlines.get(days=15)
    dog.days = 2_000_000_000  # an editor's slip the field allows
    dog.save()
    situation = compose_situation(page, Answers(date=datetime.date(2026, 12, 1)))
    (row,) = [row for row in situation.dated_deadlines if row.pk == dog.pk]
    assert row.due_date is None
    calendar = icalendar.Calendar.from_ical(calendar_bytes([situation], "https://example.cz/x"))
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert len(summaries) == len(situation.dated_deadlines) - 1 and not any(dog.title in s for s in summaries)
