"""Every page type renders on the demo catalog, and every catalog situation is complete."""

import pytest
from bs4 import BeautifulSoup

from situations.models import SituationPage, TopicPage
from tests.czech import czech
from tests.demo_catalog_slugs import ALL_SITUATIONS, ALL_TOPICS, SITUATIONS

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_home_offers_search_topics_for_both_audiences_and_popular_situations(client_cs):
    page = soup(client_cs.get("/"))
    form = page.find("form", attrs={"role": "search"})
    assert form["action"] == "/hledat/" and form.find("input", attrs={"name": "q"})
    citizens = [a.text for a in page.select("#citizens-heading + .topic-list a")]
    businesses = [a.text for a in page.select("#business-heading ~ .topic-list a")]
    assert "Bydlení a stěhování" in citizens and "Podnikání" in businesses
    journeys = [a["href"] for a in page.select("#business-heading ~ .journey-teaser a")]
    assert journeys == ["/zacinam-podnikat/"]
    assert "Podnikání" in citizens  # granty-a-dotace serves citizens too
    assert len(page.select(".situation-card")) >= 6


def test_every_topic_lists_its_situations_with_summaries(client_cs):
    for topic_slug, slugs in SITUATIONS.items():
        page = soup(client_cs.get(f"/{topic_slug}/"))
        links = {a["href"] for a in page.select(".situation-list__title a")}
        assert links == {f"/{topic_slug}/{slug}/" for slug in slugs}
        assert all(p.text.strip() for p in page.select(".situation-list p"))


@pytest.mark.parametrize("topic, slug", ALL_SITUATIONS)
def test_every_catalog_situation_is_there_and_complete(client_cs, topic, slug):
    response = client_cs.get(f"/{topic}/{slug}/")
    assert response.status_code == 200
    page = soup(response)
    for section in ("postup", "doklady", "kam", "poplatky", "lhuty", "pravo", "otazky", "souvisejici"):
        assert page.find(id=section), f"{slug} has no section #{section}"
    assert len(page.select(".steps__item")) >= 3
    assert page.select(".steps__services a"), "steps link their services"
    cards = page.select("#kam ~ .counter-grid .counter-card")
    assert all(card.select(".hours tr") for card in cards), "each counter shows its hours"
    # School enrolment happens at the schools themselves, which the text names; every other situation
    # sends people to at least one counter.
    assert cards or slug == "zapis-do-skoly"
    assert page.select(".legal li")
    assert page.select(".fees tfoot td")
    assert "Aktualizováno" in page.select_one(".situation__footer").text
    assert page.find("meta", attrs={"name": "description"})["content"].strip()
    breadcrumbs = [a["href"] for a in page.select(".gov-breadcrumbs a")]
    assert breadcrumbs == ["/", f"/{topic}/"]


def test_every_situation_has_lay_terms_department_and_review_dates():
    situations = czech(SituationPage).live()
    assert situations.count() == len(ALL_SITUATIONS)
    for situation in situations:
        assert len(situation.lay_term_list) >= 3, situation.slug
        assert situation.department_id and situation.last_reviewed and situation.review_due, situation.slug
        assert situation.review_due > situation.last_reviewed
        assert situation.related.exists(), situation.slug


def test_empty_sections_are_left_out(client_cs):
    situation = czech(SituationPage).get(slug="hlaseni-zavady")
    situation.faqs.all().delete()
    situation.sanctions = ""
    situation.save()
    page = soup(client_cs.get(situation.url))
    assert page.find(id="otazky") is None
    assert "Co hrozí" not in page.text


def test_moving_situation_says_what_the_office_fetches_itself(client_cs):
    page = soup(client_cs.get("/bydleni/zmena-trvaleho-pobytu/"))
    fetched = page.select_one(".fetched")
    assert fetched is not None and "nosit nemusíte" in fetched.text


def test_service_page_shows_catalogue_headings_and_the_situations_it_belongs_to(client_cs):
    page = soup(client_cs.get("/sluzby/hlaseni-trvaleho-pobytu/"))
    assert page.h1.text == "Ohlášení změny místa trvalého pobytu"
    part_of = [a["href"] for a in page.select(".part-of a")]
    assert "/bydleni/zmena-trvaleho-pobytu/" in part_of
    headings = [h.text for h in page.select("h2")]
    for heading in ("Kdo může žádat", "Jak žádat", "Kde to vyřídíte", "Poplatky", "Právní úprava"):
        assert heading in headings


def test_counter_page_shows_address_hours_exceptions_services_and_map(client_cs):
    page = soup(client_cs.get("/pracoviste/klientske-centrum/"))
    assert page.select(".hours tr")
    assert page.select_one(".hours-exceptions") is not None
    assert page.select(".service-list__item a")
    map_link = page.find("a", string=lambda text: text and "mapy.cz" in text)
    assert map_link["href"].startswith("https://mapy.cz/")
    state = page.select_one("[data-testid=open-state]").text
    assert state.startswith(("Otevřeno do", "Zavřeno", "Dnes zavřeno"))


def test_home_and_situation_pages_show_which_counters_are_open(client_cs):
    home = soup(client_cs.get("/"))
    from services.models import CounterPage

    assert len(home.select(".open-list [data-testid=open-state]")) == czech(CounterPage).live().count() >= 10
    situation = soup(client_cs.get("/bydleni/zmena-trvaleho-pobytu/"))
    cards = situation.select(".counter-card")
    assert cards and all(card.select_one("[data-testid=open-state]") for card in cards)


def test_no_page_loads_scripts_or_fonts_from_other_sites(client_cs):
    for url in ("/", "/bydleni/zmena-trvaleho-pobytu/", "/sluzby/", "/pracoviste/klientske-centrum/"):
        page = soup(client_cs.get(url))
        sources = [tag.get("src", "") for tag in page.find_all("script")]
        # rel="alternate" names the page's other language versions, which a browser does not load.
        sources += [tag.get("href", "") for tag in page.find_all("link") if "alternate" not in tag.get("rel", [])]
        assert all(source.startswith("/") for source in sources if source), sources


def test_every_page_has_czech_lang_title_and_description(client_cs):
    for url in ("/", "/doklady/", "/doklady/obcansky-prukaz/", "/sluzby/", "/sluzby/vydani-obcanskeho-prukazu/",
                "/pracoviste/", "/pracoviste/matrika/", "/hledat/?q=pas", "/neexistuje/"):
        page = soup(client_cs.get(url))
        assert page.html["lang"] == "cs"
        assert page.title.text.strip()
        assert page.find("meta", attrs={"name": "description"})["content"].strip()


def test_demo_banner_shows_while_the_demo_catalog_is_in_use(client_cs):
    assert "Ukázkový obsah" in client_cs.get("/").content.decode()


def test_topics_are_the_catalogs_eight_and_the_waste_topic():
    assert sorted(czech(TopicPage).live().values_list("slug", flat=True)) == sorted(ALL_TOPICS)
