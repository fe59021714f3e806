"""Ways through the catalog: the index of every situation, a topic in the editors' order, the step-by-step journey
with the visitor's place on each of its situations, and a print sheet that tells what the counters do soon."""

import datetime

import pytest
from bs4 import BeautifulSoup

from services.models import CounterException, CounterPage
from situations.composition import compose_situation
from situations.guide import Answers
from situations.models import SituationPage
from tests.czech import czech
from tests.demo_catalog_slugs import ALL_SITUATIONS

pytestmark = pytest.mark.django_db

BUSINESS_JOURNEY = ["zalozeni-zivnosti", "provozovna", "predzahradka", "reklamni-zarizeni", "trzni-prodej",
                    "granty-a-dotace"]


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_TIMEOUT = 0


def test_the_main_menu_opens_an_index_of_every_situation_by_topic(client_cs):
    home = soup(client_cs.get("/"))
    assert "/situace/" in [a["href"] for a in home.select("nav.site-header__nav a")]
    index = soup(client_cs.get("/situace/"))
    links = {a["href"] for a in index.select("section a")}
    assert {f"/{topic}/{slug}/" for topic, slug in ALL_SITUATIONS} <= links
    assert "/zacinam-podnikat/" in links


def test_the_business_topic_reads_as_a_journey(client_cs):
    page = soup(client_cs.get("/podnikani/"))
    order = [a["href"].strip("/").split("/")[1] for a in page.select(".situation-list__title a")]
    assert [slug for slug in order if slug in BUSINESS_JOURNEY] == BUSINESS_JOURNEY


def test_a_situation_on_the_journey_shows_where_the_visitor_is(client_cs):
    journey = soup(client_cs.get("/zacinam-podnikat/"))
    assert [a["href"] for a in journey.select(".journey__step a")] == [
        f"/podnikani/{slug}/" for slug in BUSINESS_JOURNEY]
    page = soup(client_cs.get("/podnikani/provozovna/"))
    nav = page.select_one("nav.journey-nav")
    assert " ".join(nav.select_one(".journey-nav__label").get_text(" ").split()) == \
        "Část postupu Začínám podnikat , krok 2 z 6"
    assert nav.select_one("[aria-current=step]").get_text(strip=True) == "Otevřete provozovnu"
    assert nav.select(".journey-nav__links a")[-1]["href"] == "/podnikani/predzahradka/"
    sheet = soup(client_cs.get("/podnikani/provozovna/tisk/"))
    assert not sheet.select("nav.journey-nav")


def test_the_print_sheet_lists_the_closures_of_the_coming_four_weeks_and_each_deadline_with_its_text(client_cs):
    counter = czech(CounterPage).get(slug="klientske-centrum")
    today = datetime.date.today()
    CounterException.objects.create(counter=counter, date=today + datetime.timedelta(days=7), closed=True,
                                    note="Školení celého oddělení")
    CounterException.objects.create(counter=counter, date=today + datetime.timedelta(days=40), closed=True,
                                    note="Malování kanceláří")
    query = {"pruvodce": "1", "odkud": "jina-obec", "mam": "pes"}
    text = " ".join(soup(client_cs.get("/bydleni/zmena-trvaleho-pobytu/tisk/", query)).get_text(" ").split())
    assert "Školení celého oddělení" in text and "Malování kanceláří" not in text
    moving = compose_situation(czech(SituationPage).get(slug="zmena-trvaleho-pobytu"),
                               Answers(chosen={"odkud": frozenset({"jina-obec"}), "mam": frozenset({"pes"})},
                                       submitted=True))
    assert moving.deadlines
    for row in moving.deadlines:
        assert row.description and " ".join(row.description.split())[:40] in text, row.title
