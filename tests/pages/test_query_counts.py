"""The situation page runs the same number of queries whatever it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from situations.models import (
    SituationDeadline,
    SituationDocument,
    SituationFAQ,
    SituationPage,
    SituationQuestion,
    SituationRelated,
    SituationServiceCondition,
    SituationStep,
)
from tests.cache import CACHE_READ_QUERIES, KEEP_PAGE_QUERIES, SITE_ROOT_PATHS_QUERIES
from tests.factories import RequiredDocumentFactory, ServiceFactory, SituationFactory, step
from tests.queries import count_queries
from tests.czech import czech

pytestmark = pytest.mark.django_db


def build_situation(size):
    """A situation with `size` steps, documents, services and counters, each service at its own counter."""
    related = list(czech(SituationPage).live()[:size])
    services = ServiceFactory.create_batch(size)
    documents = RequiredDocumentFactory.create_batch(size)
    return SituationFactory(
        questions=[SituationQuestion(key="auto", text="Máte auto?", options="ano | Ano\nne | Ne")],
        steps=[step(f"Krok {n}", [service], condition="auto = ano" if n % 2 else "")
               for n, service in enumerate(services)],
        service_conditions=[SituationServiceCondition(service=services[0], condition="auto = ne")],
        documents=[SituationDocument(document=document) for document in documents],
        deadlines=[SituationDeadline(title=f"Lhůta {n}", days=15) for n in range(size)],
        faqs=[SituationFAQ(question=f"Otázka {n}?", answer="<p>Ano.</p>") for n in range(size)],
        related=[SituationRelated(situation=page) for page in related],
    )


@pytest.fixture
def page_cache_off(settings):
    """These counts are of composing the page; a kept page's cost is counted on its own below."""
    settings.PAGE_CACHE_TIMEOUT = 0


# One query each for the page, its steps with their services, fees, counters with hours and exceptions, forms,
# documents, deadlines, legal references, FAQ, related situations, questions and service conditions, the
# step-by-step journeys it belongs to, the booking setups of its services (none here; with some, their hours and
# the places taken: booking.offers), plus Wagtail's site, settings, the page's ancestors (breadcrumbs and topic)
# and the user bar, and Wagtail's site root paths from the shared cache once, for every link built with the request.
# With one page tree per language, two more: Wagtail's active locale, and the page's language versions (switcher,
# hreflang), one query for the page and its ancestors.
# The print sheet leaves out the journeys, Wagtail's user bar and the breadcrumbs.
SITUATION_QUERIES = 28 + SITE_ROOT_PATHS_QUERIES
PRINT_QUERIES = 25 + SITE_ROOT_PATHS_QUERIES
# A kept page (navigator/pagecache.py) is one read of the shared cache, the content version and the page together.
KEPT_PAGE_QUERIES = CACHE_READ_QUERIES
# Another set of answers once the situation's graph is kept (situations.graph): the page cache's read, Wagtail
# finding the page (none: the worker remembers the page's row at that address for this content version, and its view
# restrictions; walking the path from the site took 8; the site, its root page, the office settings and Wagtail's
# site root paths are the worker's too: navigator.routing), the active locale (the page's language versions are the
# worker's: languages.versions), and keeping the page. Which services can be booked is the worker's too, and these
# have no booking (booking.offers). The pages above (breadcrumbs, topic) and the journeys come with the graph.
GRAPH_REUSED_QUERIES = CACHE_READ_QUERIES + 1 + KEEP_PAGE_QUERIES
# Each situation in a plan costs the queries of its composition and the site root paths for its address; the plan
# itself adds the situations' lookup and the site root paths for the links it builds with the request.
PLAN_QUERIES = {2: 32 + 3 * SITE_ROOT_PATHS_QUERIES, 3: 45 + 4 * SITE_ROOT_PATHS_QUERIES}


@pytest.mark.parametrize(("query", "expected"), [
    ("", SITUATION_QUERIES), ("?pruvodce=1&auto=ano", SITUATION_QUERIES), ("?pruvodce=1&auto=ne", SITUATION_QUERIES),
    ("tisk/?auto=ano", PRINT_QUERIES),
])
def test_situation_page_query_count_does_not_grow_with_content(client_cs, page_cache_off, query, expected):
    small = build_situation(2)
    large = build_situation(20)
    assert count_queries(client_cs, small.url + query) == count_queries(client_cs, large.url + query) == expected


def test_situation_page_shows_everything_it_holds(client_cs):
    large = build_situation(20)
    html = client_cs.get(large.url).content.decode()
    assert html.count('class="steps__item"') == 20 and html.count('class="counter-card"') == 20
    # Without a car, every other step goes; with one, the first service goes (it is only for those without).
    without_car = client_cs.get(large.url + "?pruvodce=1&auto=ne").content.decode()
    assert without_car.count('class="steps__item"') == 10 and without_car.count('class="counter-card"') == 10
    with_car = client_cs.get(large.url + "?pruvodce=1&auto=ano").content.decode()
    assert with_car.count('class="steps__item"') == 20 and with_car.count('class="counter-card"') == 19


def test_kept_situation_page_costs_one_cache_read_whatever_it_shows(client_cs):
    small = build_situation(2)
    large = build_situation(20)
    assert count_queries(client_cs, small.url) == count_queries(client_cs, large.url) == KEPT_PAGE_QUERIES


def test_plan_query_count_grows_only_with_the_number_of_situations(client_cs, page_cache_off):
    two = "/plan/?situace=zmena-trvaleho-pobytu&situace=obcansky-prukaz"
    three = two + "&situace=cestovni-pas"
    assert count_queries(client_cs, two) == PLAN_QUERIES[2]
    assert count_queries(client_cs, three) == PLAN_QUERIES[3]


def test_other_answers_reuse_the_situations_graph(client_cs):
    """The graph (situations.graph) is read once per content version: another set of answers, not kept yet, pays
    only what depends on the request."""
    small, large = build_situation(2), build_situation(20)
    for situation in (small, large):
        client_cs.get(situation.url + "?pruvodce=1&auto=ano")
        with CaptureQueriesContext(connection) as queries:
            response = client_cs.get(situation.url + "?pruvodce=1&auto=ne")
        assert response["X-Page-Cache"] == "miss"
        assert len(queries) == GRAPH_REUSED_QUERIES, [query["sql"][:120] for query in queries]
