"""The front desk's search: situations first, then services, as a page and as the fragment typed into it."""

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from search.models import QueryStat

pytestmark = pytest.mark.django_db


def soup(response, status=200):
    assert response.status_code == status
    return BeautifulSoup(response.content.decode(), "html.parser")


def group_links(page, heading_id):
    return [a["href"] for a in page.select(f"[aria-labelledby={heading_id}] a.desk-list__link")]


def test_search_lists_situations_first_and_opens_both_kinds_at_the_desk(clerk_client):
    page = soup(clerk_client.get("/prepazka/", {"q": "stěhování"}))
    situations = group_links(page, "desk-situations")
    assert situations[0] == "/prepazka/situace/zmena-trvaleho-pobytu/"
    assert all(href.startswith("/prepazka/situace/") for href in situations)
    assert len(situations) <= 8
    services = group_links(page, "desk-services")
    assert services and all(href.startswith("/prepazka/sluzba/") for href in services)  # opened at the desk
    assert len(services) <= 8
    html = str(page)
    assert html.index('id="desk-situations"') < html.index('id="desk-services"')
    assert page.select_one("#desk-q")["value"] == "stěhování"


def test_colloquial_word_finds_the_moving_situation(clerk_client):
    page = soup(clerk_client.get("/prepazka/", {"q": "přehlášení"}))
    assert "/prepazka/situace/zmena-trvaleho-pobytu/" in group_links(page, "desk-situations")


def test_without_a_query_the_desk_offers_the_most_common_situations(clerk_client):
    page = soup(clerk_client.get("/prepazka/"))
    popular = group_links(page, "desk-popular")
    assert "/prepazka/situace/zmena-trvaleho-pobytu/" in popular
    assert page.select_one("#desk-q").has_attr("autofocus")


def test_results_fragment_is_the_same_list_without_the_page(clerk_client):
    fragment = clerk_client.get("/prepazka/vysledky/", {"q": "stěhování"})
    html = fragment.content.decode()
    assert fragment.status_code == 200 and "<html" not in html and "desk-today" not in html
    full = soup(clerk_client.get("/prepazka/", {"q": "stěhování"}))
    fragment_results = BeautifulSoup(html, "html.parser").select_one("#desk-results")
    assert str(fragment_results) == str(full.select_one("#desk-results"))


def test_nothing_found_says_so_in_czech(clerk_client):
    page = soup(clerk_client.get("/prepazka/", {"q": "xqzwv"}))
    assert "nic nenašli" in page.select_one("#desk-results").text


def test_clerks_searches_stay_out_of_the_public_query_log(clerk_client):
    before = QueryStat.objects.count()
    clerk_client.get("/prepazka/", {"q": "stěhování"})
    clerk_client.get("/prepazka/vysledky/", {"q": "stěhov"})
    assert QueryStat.objects.count() == before


@pytest.mark.parametrize("url", ["/prepazka/", "/prepazka/vysledky/"])
@pytest.mark.parametrize("query_string", [
    "q=" + "a" * 5000,
    "q=" + quote("stěhování ") * 600,
    "q=%00%00st%C4%9Bhov%00",
    "q=%ED%A0%80%FF%FEpas",          # a lone surrogate and bytes that are no UTF-8 at all
    "q=%C0%AF%E2%80",
    "q=<script>alert(1)</script>",
    "q=pas&q=%00&page=-1&type=ufo",
    "q=" + "%F0%9F%98%80" * 300,        # emoji
])
def test_bad_queries_are_answered_never_a_server_error(clerk_client, url, query_string):
    response = clerk_client.get(url, QUERY_STRING=query_string)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "\x00" not in html


def test_a_very_long_query_is_cut_with_a_notice(clerk_client):
    page = soup(clerk_client.get("/prepazka/", {"q": "stěhování " * 600}))
    assert "příliš dlouhý" in page.select_one(".desk-notice").text
    assert len(page.select_one("#desk-q")["value"]) <= 200
