"""A service's facts are entered once and shown on every situation that uses it."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from services.models import ServicePage
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()


def test_fee_changed_once_shows_on_every_situation_using_it(client_cs):
    service = czech(ServicePage).get(slug="vydani-obcanskeho-prukazu")
    situations = czech(SituationPage).live().filter(steps__services=service).distinct()
    assert situations.count() >= 2
    draft = service.get_latest_revision_as_object()
    fees = list(draft.fees.all())
    fees[0].amount = Decimal("4321")
    draft.fees = fees
    publish(draft)
    for situation in situations:
        html = client_cs.get(situation.url).content.decode()
        assert "4\xa0321\xa0Kč" in html or "4 321 Kč" in html, situation.slug


def test_counter_hours_entered_once_show_on_every_situation_sending_people_there(client_cs):
    service = czech(ServicePage).get(slug="hlaseni-trvaleho-pobytu")
    counter = service.counters.first().get_latest_revision_as_object()
    rows = list(counter.opening_hours.all())
    hours = rows[0]
    hours.opens = hours.opens.replace(minute=7)
    counter.opening_hours = rows
    publish(counter)
    expected = f"{hours.opens.hour}:07"
    for situation in czech(SituationPage).live().filter(steps__services=service).distinct():
        page = BeautifulSoup(client_cs.get(situation.url).content, "html.parser")
        assert expected in page.select_one("#kam").find_parent("section").text, situation.slug


def test_unpublished_service_disappears_from_situations(client_cs):
    service = czech(ServicePage).get(slug="hlaseni-trvaleho-pobytu")
    service.unpublish()
    html = client_cs.get("/bydleni/zmena-trvaleho-pobytu/").content.decode()
    assert 'href="/sluzby/hlaseni-trvaleho-pobytu/"' not in html
