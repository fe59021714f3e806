"""Opening a search result: the link counts (week, query, page, position) and sends the citizen to the page.

Nothing but a live page of ours can be the target, bad links get a 400 or 404 with a Czech message, crawlers
and prefetches are not counted, and the search page itself runs exactly as many queries as before.
"""

import datetime
import logging
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError
from wagtail.models import Page

from search import querylog
from search.models import OpenedResult, QueryStat
from search.result_links import open_url
from situations.models import SituationPage
from tests.cache import CACHE_READ_QUERIES, SITE_ROOT_PATHS_QUERIES
from tests.search.conftest import BROWSER, LOG_WRITE_SAVEPOINT_QUERIES
from tests.czech import czech

pytestmark = pytest.mark.django_db
OPEN = "/hledat/otevrit/"


@pytest.fixture
def licence():
    return czech(SituationPage).get(slug="ridicsky-prukaz")


def result_links(client, query):
    html = client.get("/hledat/", {"q": query}).content.decode()
    return [a["href"] for a in BeautifulSoup(html, "html.parser").select(".search-results__item a")]


# -- the search page's links ----------------------------------------------------------------------------------

def test_result_links_go_through_the_counting_link_with_scrubbed_query_page_and_position(client_cs, licence):
    links = result_links(client_cs, "ridicak 850101/1234")
    assert links, "the query finds results"
    first = urlsplit(links[0])
    assert first.path == OPEN
    params = parse_qs(first.query)
    assert params == {"q": ["ridicak «rodné číslo»"], "r": [str(licence.pk)], "p": ["1"]}
    assert [parse_qs(urlsplit(link).query)["p"] for link in links] == [[str(n)] for n in range(1, len(links) + 1)]
    html = client_cs.get("/hledat/", {"q": "ridicak"}).content.decode()
    assert all(a.get("rel") == ["nofollow"] for a in BeautifulSoup(html, "html.parser").select(".search-results__item a"))


def test_positions_continue_on_the_second_page(client_cs):
    html = client_cs.get("/hledat/", {"q": "žádost", "page": "2"}).content.decode()
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").select(".search-results__item a")]
    assert "Stránka 2 výsledků neexistuje" not in html
    assert parse_qs(urlsplit(links[0]).query)["p"] == ["11"]


def test_search_page_runs_as_many_queries_as_before(client_cs, django_assert_num_queries, settings):
    settings.PAGE_CACHE_TIMEOUT = 0  # composing the page; a kept one is counted below
    # Index version, scores (one query per language: Czech, English, Ukrainian), pins, documents, the query
    # log's upsert, then the frame (root page, departments for the facets, site, office settings). Building the
    # result links costs nothing.
    client_cs.get("/hledat/", {"q": "obcanka"})
    client_cs.get("/hledat/", {"q": "xqzw"})  # warm Wagtail's site root paths for the popular situations' links
    with django_assert_num_queries(11 + LOG_WRITE_SAVEPOINT_QUERIES):
        client_cs.get("/hledat/", {"q": "obcanka"})
    # Nothing found: no scores or documents to read; the popular situations, with Wagtail's site root paths for
    # their addresses.
    with django_assert_num_queries(7 + SITE_ROOT_PATHS_QUERIES + LOG_WRITE_SAVEPOINT_QUERIES):
        client_cs.get("/hledat/", {"q": "xqzw"})


def test_a_kept_search_page_costs_one_cache_read_and_the_query_logs_write(client_cs, django_assert_num_queries):
    for path in ("/hledat/", "/api/search/"):
        client_cs.get(path, {"q": "obcanka"})
        with django_assert_num_queries(CACHE_READ_QUERIES + 1 + LOG_WRITE_SAVEPOINT_QUERIES):
            assert client_cs.get(path, {"q": "obcanka"})["X-Page-Cache"] == "hit"


# -- opening a result -------------------------------------------------------------------------------------------

def test_opening_a_result_redirects_to_the_page_and_counts_it(client_cs, licence):
    link = result_links(client_cs, "Řidičák 850101/1234")[0]
    response = client_cs.get(link, **BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "/doprava/ridicsky-prukaz/"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    opened = OpenedResult.objects.get()
    assert (opened.week, opened.query, opened.page_id, opened.count, opened.position_sum) == (
        querylog.week_of(), "řidičák «rodné číslo»", licence.pk, 1, 1)
    assert not re.search(r"\d{5,}", opened.query)
    # The opening matches the search the page counted, so the reports can join them.
    assert QueryStat.objects.filter(week=opened.week, query=opened.query).exists()


def test_the_redirect_follows_through_to_the_page(client_cs, licence):
    response = client_cs.get(OPEN, {"q": "ridicak", "r": licence.pk, "p": 1}, follow=True, **BROWSER)
    assert response.status_code == 200
    assert response.redirect_chain == [("/doprava/ridicsky-prukaz/", 302)]


def test_each_opening_adds_one_and_its_position(client_cs, licence):
    for position in (1, 3, 3):
        client_cs.get(OPEN, {"q": "řidičský průkaz", "r": licence.pk, "p": position}, **BROWSER)
    client_cs.get(OPEN, {"q": "  ŘIDIČSKÝ   průkaz ", "r": licence.pk, "p": 2}, **BROWSER)  # same query, normalised
    opened = OpenedResult.objects.get()
    assert (opened.count, opened.position_sum) == (4, 9)


def test_openings_store_only_week_query_page_and_position(client_cs, licence):
    client_cs.get(OPEN, {"q": "volejte 777 123 456, jan@example.cz", "r": licence.pk, "p": 2},
                  HTTP_REFERER="http://localhost/hledat/?q=x", **BROWSER)
    row = OpenedResult.objects.values().get()
    assert set(row) == {"id", "week", "query", "page_id", "count", "position_sum"}
    assert row["query"] == "volejte «telefon», «e-mail»"


def test_opening_costs_the_page_lookup_the_site_and_one_upsert(client_cs, licence, django_assert_num_queries):
    client_cs.get(OPEN, {"q": "pas", "r": licence.pk, "p": 1}, **BROWSER)  # warm the site cache
    # The page, Wagtail's site root paths for its address (from the shared cache), the site, the upsert.
    with django_assert_num_queries(3 + SITE_ROOT_PATHS_QUERIES + LOG_WRITE_SAVEPOINT_QUERIES) as captured:
        client_cs.get(OPEN, {"q": "pas", "r": licence.pk, "p": 1}, **BROWSER)
    assert sum(query["sql"].startswith("INSERT") for query in captured.captured_queries) == 1
    with django_assert_num_queries(2 + SITE_ROOT_PATHS_QUERIES):  # a crawler: the same redirect, nothing written
        client_cs.get(OPEN, {"q": "pas", "r": licence.pk, "p": 1}, HTTP_USER_AGENT="Googlebot/2.1")


@pytest.mark.parametrize("params", [{"r": "{page}"}, {"q": "   ", "r": "{page}", "p": "1"},
                                    {"q": "pas", "r": "{page}"}, {"q": "\x00", "r": "{page}", "p": "2"}])
def test_without_query_or_position_the_link_still_opens_but_counts_nothing(client_cs, licence, params):
    params = {key: value.format(page=licence.pk) for key, value in params.items()}
    response = client_cs.get(OPEN, params, **BROWSER)
    assert response.status_code == 302 and response["Location"] == "/doprava/ridicsky-prukaz/"
    assert not OpenedResult.objects.exists()


# -- what is not counted ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("headers", [
    {},  # no User-Agent at all
    {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
    {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"},
    {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; SeznamBot/4.0; +https://o-seznam.cz/napoveda/vyhledavani/)"},
    {"HTTP_USER_AGENT": "facebookexternalhit/1.1"},
    {"HTTP_USER_AGENT": "curl/8.5.0"},
    {"HTTP_USER_AGENT": "python-requests/2.32"},
    {**BROWSER, "HTTP_SEC_PURPOSE": "prefetch"},
    {**BROWSER, "HTTP_PURPOSE": "prefetch"},
    {**BROWSER, "HTTP_REFERER": "https://evil.example/spam.html"},  # our link posted on another site
])
def test_crawlers_prefetches_and_foreign_referers_are_redirected_but_not_counted(client_cs, licence, headers):
    response = client_cs.get(OPEN, {"q": "pas", "r": licence.pk, "p": 1}, **headers)
    assert response.status_code == 302 and response["Location"] == "/doprava/ridicsky-prukaz/"
    assert not OpenedResult.objects.exists()


def test_head_redirects_without_counting_and_post_is_refused(client_cs, licence):
    response = client_cs.head(OPEN, {"q": "pas", "r": licence.pk, "p": 1}, **BROWSER)
    assert response.status_code == 302
    assert client_cs.post(f"{OPEN}?q=pas&r={licence.pk}&p=1", **BROWSER).status_code == 405
    assert not OpenedResult.objects.exists()


def test_a_browser_from_our_own_search_page_counts(client_cs, licence):
    client_cs.get(OPEN, {"q": "pas", "r": licence.pk, "p": 1}, HTTP_REFERER="http://localhost/hledat/?q=pas",
                  **BROWSER)
    assert OpenedResult.objects.get().count == 1


# -- bad links and open-redirect attempts -------------------------------------------------------------------------

@pytest.mark.parametrize("params, message", [
    ({}, "V odkazu chybí, kterou stránku otevřít."),
    ({"q": "pas", "r": ""}, "V odkazu chybí, kterou stránku otevřít."),
    ({"q": "pas", "r": "https://evil.example/"}, "není číslo stránky"),
    ({"q": "pas", "r": "//evil.example"}, "není číslo stránky"),
    ({"q": "pas", "r": "/doprava/ridicsky-prukaz/"}, "není číslo stránky"),
    ({"q": "pas", "r": "javascript:alert(1)"}, "není číslo stránky"),
    ({"q": "pas", "r": "0"}, "není číslo stránky"),
    ({"q": "pas", "r": "-5"}, "není číslo stránky"),
    ({"q": "pas", "r": "1e3"}, "není číslo stránky"),
    ({"q": "pas", "r": "9" * 40}, "není číslo stránky"),
    ({"q": "pas", "r": "12\x00"}, "není číslo stránky"),
    ({"q": "pas", "r": "{page}", "p": "první"}, "není pořadí výsledku"),
    ({"q": "pas", "r": "{page}", "p": "0"}, "není pořadí výsledku"),
    ({"q": "pas", "r": "{page}", "p": "-1"}, "není pořadí výsledku"),
    ({"q": "pas", "r": "{page}", "p": "10001"}, "není pořadí výsledku"),
    ({"q": "pas", "r": "{page}", "p": "9" * 40}, "není pořadí výsledku"),
])
def test_bad_links_get_a_400_with_a_czech_message(client_cs, licence, params, message):
    params = {key: value.format(page=licence.pk) for key, value in params.items()}
    response = client_cs.get(OPEN, params, **BROWSER)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "Odkaz na výsledek hledání nefunguje" in html
    assert "evil.example" not in response.get("Location", "")
    assert not OpenedResult.objects.exists()


def test_unknown_unpublished_and_urlless_pages_are_404(client_cs, licence):
    draft = czech(SituationPage).live().exclude(pk=licence.pk).first()
    draft.unpublish()
    root = Page.objects.get(depth=1)  # the tree's root has no URL
    for page_id in (10**12, draft.pk, root.pk):
        response = client_cs.get(OPEN, {"q": "pas", "r": page_id, "p": 1}, **BROWSER)
        assert response.status_code == 404
        assert "Tuto stránku jsme nenašli" in response.content.decode()
    assert not OpenedResult.objects.exists()


def test_extra_parameters_cannot_choose_the_target(client_cs, licence):
    response = client_cs.get(OPEN, {"q": "pas", "r": licence.pk, "p": 1, "next": "https://evil.example/",
                                    "url": "//evil.example", "redirect": "https://evil.example/"}, **BROWSER)
    assert response["Location"] == "/doprava/ridicsky-prukaz/"


def test_hostile_queries_still_open_the_result_but_only_plausible_ones_are_kept(client_cs, licence):
    for query in ("řidičák 8501011234 " * 5000, "%FF%FE%00", "<script>alert(1)</script>", "řidičák 8501011234"):
        response = client_cs.get(f"{OPEN}?q={query}&r={licence.pk}&p=1" if "%" in query else OPEN,
                                 {} if "%" in query else {"q": query, "r": licence.pk, "p": 1}, **BROWSER)
        assert response.status_code == 302  # broken UTF-8, a NUL, markup: the visitor still gets the page
    assert list(OpenedResult.objects.values_list("query", flat=True)) == ["řidičák «rodné číslo»"]


# -- the autocomplete's suggestions -------------------------------------------------------------------------------

def test_autocomplete_suggestions_carry_a_counting_link(client_cs, django_assert_num_queries):
    client_cs.get("/api/search/autocomplete/", {"q": "obč"})
    # The backend's: index version, scores in each of the three languages, pins, documents; then the page ids of
    # the suggestions.
    with django_assert_num_queries(7):
        data = client_cs.get("/api/search/autocomplete/", {"q": "obč"}).json()
    suggestion = data["suggestions"][0]
    assert suggestion["url"] == "/doklady/obcansky-prukaz/"
    params = parse_qs(urlsplit(suggestion["open_url"]).query)
    assert params["q"] == ["obč"] and params["p"] == ["1"]
    assert [parse_qs(urlsplit(s["open_url"]).query)["p"] for s in data["suggestions"]] == [
        [str(n)] for n in range(1, len(data["suggestions"]) + 1)]
    response = client_cs.get(suggestion["open_url"], **BROWSER)
    assert response["Location"] == "/doklady/obcansky-prukaz/"
    assert OpenedResult.objects.get().query == "obč"


def test_short_prefixes_ask_nothing_more(client_cs, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client_cs.get("/api/search/autocomplete/", {"q": "o"}).json()["suggestions"] == []


# -- record_opened itself ------------------------------------------------------------------------------------------

def test_record_opened_is_one_statement_and_never_raises(licence, monkeypatch, caplog, django_assert_num_queries):
    with django_assert_num_queries(1 + LOG_WRITE_SAVEPOINT_QUERIES):
        assert querylog.record_opened("Pas", licence.pk, 2, now=datetime.datetime(2026, 11, 25, 9, tzinfo=datetime.UTC))
    with django_assert_num_queries(0):
        assert not querylog.record_opened("   ", licence.pk, 2)

    def broken_sql():
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(querylog, "_opened_upsert_sql", broken_sql)
    with caplog.at_level(logging.WARNING, logger="search.querylog"):
        assert not querylog.record_opened("pas", licence.pk, 1)
    assert "opened search result" in caplog.text
    assert OpenedResult.objects.get().week == datetime.date(2026, 11, 23)


def test_open_url_is_what_the_view_reads(licence):
    link = open_url("Řidičák  jan@example.cz", licence.pk, 4)
    assert urlsplit(link).path == OPEN
    assert parse_qs(urlsplit(link).query) == {"q": ["řidičák «e-mail»"], "r": [str(licence.pk)], "p": ["4"]}
