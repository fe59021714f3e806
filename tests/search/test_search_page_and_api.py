"""The search page and the search API: same ranking, facets, pagination, helpful when nothing is found."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def destination(client, href):
    """Where a result link leads: results go through the counting redirect /hledat/otevrit/ (HEAD counts nothing)."""
    response = client.head(href)
    assert response.status_code == 302
    return response["Location"]


def test_search_page_shows_badged_highlighted_results(client_cs):
    page = soup(client_cs.get("/hledat/", {"q": "obcanka"}))
    first = page.select_one(".search-results__item")
    assert destination(client_cs, first.a["href"]) == "/doklady/obcansky-prukaz/"
    assert first.select_one(".gov-tag").text == "Životní situace"
    assert page.select(".search-results mark")


def test_facets_filter_the_page_and_show_counts(client_cs):
    page = soup(client_cs.get("/hledat/", {"q": "poplatek", "type": "service"}))
    kinds = {item["class"][1] for item in page.select(".search-results__item")}
    assert kinds == {"search-results__item--service"}
    assert page.find("input", attrs={"name": "type", "value": "service"}).has_attr("checked")


def test_did_you_mean_links_the_corrected_query(client_cs):
    page = soup(client_cs.get("/hledat/", {"q": "registarce vozidla"}))
    assert page.select_one(".did-you-mean a")["href"] == "?q=registrace%20vozidla"


def test_zero_results_page_suggests_situations_and_how_to_reach_the_office(client_cs):
    page = soup(client_cs.get("/hledat/", {"q": "xqzw"}))
    assert "nic nenašli" in page.text
    assert page.select(".related a")
    assert page.find("a", href=lambda href: href and href.startswith("tel:"))


@pytest.mark.parametrize("params", [{"q": "pas", "type": "ufo"}, {"q": "pas", "page": "-3"},
                                    {"q": "pas", "page": "abc"}, {"q": "pas", "page": "999"},
                                    {"q": "pas", "topic": "nic", "department": "\x00"}])
def test_bad_parameters_give_results_with_a_notice(client_cs, params):
    page = soup(client_cs.get("/hledat/", params))
    assert page.select(".notice") and page.select(".search-results__item")


def test_api_returns_the_documented_shape_ranked_as_the_page(client_cs):
    data = client_cs.get("/api/search/", {"q": "ridicak"}).json()
    assert set(data) >= {"query", "total", "results", "facets", "suggestion"}
    first = data["results"][0]
    assert set(first) == {"type", "slug", "title", "url", "summary", "score", "highlight", "language"}
    assert first["slug"] == "ridicsky-prukaz"
    page = soup(client_cs.get("/hledat/", {"q": "ridicak"}))
    assert destination(client_cs, page.select_one(".search-results__item a")["href"]) == first["url"]


def test_api_filters_and_reports_invalid_ones(client_cs):
    data = client_cs.get("/api/search/", {"q": "poplatek", "type": "service", "audience": "mars"}).json()
    assert {result["type"] for result in data["results"]} == {"service"}
    assert "audience" in data["errors"]


HOSTILE = ["", "a" * 5000, "\x00\x01", "%", "' OR 1=1 --", "title:*", '"(', "pas); DROP TABLE search_querystat;--",
           "🐶 poplatek za psa 🐶", "<script>alert(1)</script>", "*" * 50]


@pytest.mark.parametrize("query", HOSTILE)
def test_api_and_page_survive_hostile_input(client_cs, query):
    response = client_cs.get("/api/search/", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
    page = client_cs.get("/hledat/", {"q": query})
    assert page.status_code == 200 and "<script>alert(1)</script>" not in page.content.decode()


def test_broken_utf8_and_long_queries_are_explained(client_cs):
    assert client_cs.get("/api/search/?q=%ED%A0%80").status_code == 200
    data = client_cs.get("/api/search/", {"q": "pas " * 2000}).json()
    assert any("příliš dlouhý" in notice for notice in data["notices"])


def test_emoji_do_not_hide_the_words_around_them(client_cs):
    data = client_cs.get("/api/search/", {"q": "🐶 poplatek za psa 🐶"}).json()
    assert data["results"][0]["slug"] == "poplatek-ze-psu"


def test_autocomplete_api_suggests_titles(client_cs):
    data = client_cs.get("/api/search/autocomplete/", {"q": "datov"}).json()
    assert any(item["url"] == "/doklady/datova-schranka/" for item in data["suggestions"])
    assert client_cs.get("/api/search/autocomplete/", {"q": "d"}).json()["suggestions"] == []
