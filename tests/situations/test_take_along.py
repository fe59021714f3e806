"""What a visitor takes along: the QR code encodes their checklist's URL, the calendar file their deadlines."""

import datetime
from urllib.parse import urlencode

import icalendar
import pytest
from bs4 import BeautifulSoup

from situations.composition import compose_situation
from situations.guide import Answers
from situations.models import SituationPage
from situations.take_along import calendar_bytes
from tests.czech import czech
from tests.qr import decoded

pytestmark = pytest.mark.django_db

MOVING = "/bydleni/zmena-trvaleho-pobytu/"


def test_qr_code_encodes_the_personal_checklist_url(client_cs):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    query = urlencode(Answers().to_query(page.guide_questions)) or ""
    response = client_cs.get(MOVING)
    svg = str(BeautifulSoup(response.content, "html.parser").select_one(".take-along__qr svg"))
    assert decoded(svg) == "http://localhost" + MOVING + (f"?{query}" if query else "")


def test_qr_code_carries_the_answers_without_stray_parameters(client_cs):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    question = page.guide_questions[0]
    option = question.options[-1].key
    response = client_cs.get(MOVING, {"pruvodce": "1", question.key: option, "neznamy": "x"})
    html = BeautifulSoup(response.content, "html.parser")
    answered = Answers(chosen={question.key: frozenset([option])}, submitted=True)
    multiple = {q.key: frozenset() for q in page.guide_questions if q.multiple}
    answered.chosen.update(multiple)
    url = "http://localhost" + MOVING + "?" + urlencode(answered.to_query(page.guide_questions))
    assert decoded(str(html.select_one(".take-along__qr svg"))) == url
    assert html.select_one(".take-along__qr svg")["aria-label"]


def test_calendar_has_one_event_per_deadline_in_days_counted_from_the_visitors_date():
    page = czech(SituationPage).get(slug="zalozeni-zivnosti")
    moved = datetime.date(2026, 12, 28)
    situation = compose_situation(page, Answers(date=moved))
    calendar = icalendar.Calendar.from_ical(calendar_bytes([situation], "https://example.cz/x"))
    events = list(calendar.walk("VEVENT"))
    dated = [deadline for deadline in page.deadlines.all() if deadline.days is not None]
    assert len(events) == len(dated) > 0
    for event, deadline in zip(events, dated, strict=True):
        assert event.decoded("dtstart") == moved + datetime.timedelta(days=deadline.days)
        assert deadline.title in str(event["summary"])
        assert "https://example.cz/x" in str(event["description"])
        assert list(event.walk("VALARM"))


def test_calendar_download_is_a_calendar_file(client_cs):
    response = client_cs.get("/podnikani/zalozeni-zivnosti/kalendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="zalozeni-zivnosti.ics"' in response["Content-Disposition"]
    assert icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_calendar_of_a_situation_without_deadlines_in_days_is_not_found(client_cs):
    without = next(page for page in czech(SituationPage).live()
                   if not page.deadlines.filter(days__isnull=False).exists())
    assert client_cs.get(without.url + "kalendar/").status_code == 404
