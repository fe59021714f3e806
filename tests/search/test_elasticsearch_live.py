"""The Elasticsearch backend against a real cluster: run with ELASTICSEARCH_URL set, e.g.

    ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/python -m pytest -q -m elasticsearch tests/search

The suite fills its own alias ("navigator-search-test") with the demo catalog and removes it afterwards.
"""

import os

import pytest

from search.backends.base import SearchFilters
from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import all_documents

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"),
]
ALIAS = "navigator-search-test"


@pytest.fixture(scope="module")
def live(django_db_blocker):
    backend = ElasticsearchBackend(os.environ["ELASTICSEARCH_URL"], alias=ALIAS)
    with django_db_blocker.unblock():
        documents = list(all_documents())
    backend.rebuild(documents)
    backend.rebuild(documents)  # a second rebuild swaps the alias and drops the first index
    yield backend
    backend.client.options(ignore_status=404, request_timeout=30).indices.delete(index=f"{ALIAS}-*")


def top(backend, query, n=3, **filters):
    return [hit.slug for hit in backend.search(query, SearchFilters(**filters), limit=n).hits]


def test_the_alias_points_at_exactly_one_index(live):
    indices = live.client.options(request_timeout=10).indices.get_alias(name=ALIAS).body
    assert len(indices) == 1
    assert len(live.client.options(request_timeout=10).indices.get(index=f"{ALIAS}-*").body) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("query, slug", [
    ("obcanka", "obcansky-prukaz"), ("občanky", "obcansky-prukaz"), ("ridicak", "ridicsky-prukaz"),
    ("datovka", "datova-schranka"), ("obcnaka", "obcansky-prukaz"),
])
def test_colloquial_unaccented_and_misspelt_queries(live, query, slug):
    assert slug in top(live, query)


@pytest.mark.django_db
def test_results_have_the_common_shape_with_highlights_and_facets(live):
    results = live.search("občanský průkaz")
    assert results.backend == "elasticsearch" and results.total >= 1
    assert any("<mark>" in hit.highlight for hit in results.hits)
    assert set(results.facets) == {"type", "audience", "topic", "department"}
    assert results.facets["type"].get("situation", 0) >= 1


@pytest.mark.django_db
def test_filters_narrow_the_hits_but_not_their_own_facet(live):
    results = live.search("průkaz", SearchFilters(type="service"))
    assert results.hits and {hit.type for hit in results.hits} == {"service"}
    assert len(results.facets["type"]) > 1


def test_autocomplete(live):
    suggestions = live.autocomplete("obcan")
    assert suggestions and set(suggestions[0]) == {"title", "url", "type"}
