"""The Elasticsearch backend against a real cluster: run with ELASTICSEARCH_URL set, e.g.

    ELASTICSEARCH_URL=http://localhost:9200 .venv/bin/python -m pytest -q -m elasticsearch tests/search

The suite fills its own aliases ("navigator-search-test…") with the demo catalog and deletes every index it
made afterwards, by name (clusters refuse wildcard deletes since Elasticsearch 8). It asks the backend itself,
never the fallback, so a failure cannot hide behind the database's answers.
"""

import os
from dataclasses import replace

import pytest
from elasticsearch.helpers import BulkIndexError

from search.backends import get_backend
from search.backends.base import SearchFilters
from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import all_documents
from search.evaluation import evaluate

from . import evaluation_sets

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"),
]
ALIAS = "navigator-search-test"


def backend_for(alias):
    return ElasticsearchBackend(os.environ["ELASTICSEARCH_URL"], alias=alias, rebuild_timeout=60)


def delete_test_indices(backend):
    """Every index of the suite, listed by pattern (reading may use one) and deleted by name."""
    client = backend.client.options(request_timeout=30)
    names = list(client.options(ignore_status=404).indices.get(index=f"{ALIAS}*", expand_wildcards="all").body)
    if names:
        client.indices.delete(index=",".join(names))


@pytest.fixture(scope="module")
def live(django_db_blocker):
    backend = backend_for(ALIAS)
    delete_test_indices(backend)
    with django_db_blocker.unblock():
        backend.rebuild(all_documents())
        backend.rebuild(all_documents())  # a second rebuild swaps the alias and drops the first index
    yield backend
    delete_test_indices(backend)


def top(backend, query, n=3, **filters):
    return [hit.slug for hit in backend.search(query, SearchFilters(**filters), limit=n).hits]


def indices(backend, pattern):
    client = backend.client.options(request_timeout=10)
    return set(client.options(ignore_status=404).indices.get(index=pattern, expand_wildcards="all").body)


def test_the_alias_points_at_exactly_one_index_and_no_rebuild_is_left_running(live):
    behind = live.client.options(request_timeout=10).indices.get_alias(index=ALIAS).body
    assert len(behind) == 1 and indices(live, f"{ALIAS}-2*") == set(behind)
    missing = live.client.options(request_timeout=10, ignore_status=404).indices.get_alias(name=live.rebuilding_alias)
    assert missing.meta.status == 404


@pytest.mark.django_db
@pytest.mark.parametrize("query, slug", [
    ("obcanka", "obcansky-prukaz"), ("občanky", "obcansky-prukaz"), ("ridicak", "ridicsky-prukaz"),
    ("datovka", "datova-schranka"), ("obcnaka", "obcansky-prukaz"), ("poplatek ze psu", "poplatek-ze-psu"),
    ("ztraty a nalezy", "nalezene-veci"),
])
def test_colloquial_unaccented_misspelt_and_multi_word_synonym_queries(live, query, slug):
    assert slug in top(live, query)


@pytest.mark.django_db
@pytest.mark.parametrize("unaccented, accented", [
    ("mestskych", "městských"), ("skolach", "školách"), ("rodicum", "rodičům"), ("deti", "děti"),
    ("spolecnost s rucenim omezenym", "společnost s ručením omezeným"), ("vypis z katastru", "výpis z katastru"),
])
def test_accented_and_unaccented_queries_find_the_same(live, unaccented, accented):
    assert top(live, unaccented, n=10) == top(live, accented, n=10)


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


@pytest.mark.django_db
def test_autocomplete(live):
    suggestions = live.autocomplete("obcan")
    assert suggestions and set(suggestions[0]) == {"title", "url", "type", "language"}


@pytest.mark.django_db
@pytest.mark.parametrize("path", evaluation_sets.EVALUATION_SETS)
def test_the_evaluation_sets_score_the_same_as_with_the_database_backend(live, path):
    rows, language = evaluation_sets.load(path)
    elasticsearch = evaluate(live, rows, language=language)
    database = evaluate(get_backend("database"), rows, language=language)
    assert elasticsearch.answered_by == {"elasticsearch": len(rows)}
    assert elasticsearch.success_at_3 == database.success_at_3
    assert elasticsearch.mrr == pytest.approx(database.mrr, abs=0.01)


@pytest.mark.django_db
def test_writes_before_the_first_rebuild_create_no_index(live):
    unbuilt = backend_for(f"{ALIAS}-unbuilt")
    with pytest.raises(BulkIndexError):
        unbuilt.index(list(all_documents())[:1])
    with pytest.raises(BulkIndexError):  # nothing there to delete from
        unbuilt.delete([1])
    assert not indices(live, f"{ALIAS}-unbuilt*")


@pytest.mark.django_db
def test_a_rebuild_replaces_a_plain_index_under_the_alias_name(live):
    squatted = backend_for(f"{ALIAS}-squatted")
    squatted.client.options(request_timeout=30).indices.create(index=squatted.alias)
    squatted.rebuild(all_documents())
    behind = squatted.client.options(request_timeout=10).indices.get_alias(index=squatted.alias).body
    assert squatted.alias not in behind and len(behind) == 1
    assert "obcansky-prukaz" in top(squatted, "obcanka")


@pytest.mark.django_db
def test_a_page_published_during_a_rebuild_reaches_the_new_index(live):
    documents = list(all_documents())
    read_earlier = next(document for document in documents if document.slug == "obcansky-prukaz")
    published = replace(read_earlier, title="Občanský průkaz – vydání ve změněném znění")

    def reading():
        live.index([published])  # the new index takes writes already; the rebuild's older copy comes later
        yield from documents

    live.rebuild(reading())
    live.client.options(request_timeout=10).indices.refresh(index=ALIAS)
    titles = [hit.title for hit in live.search("obcansky prukaz", limit=10).hits]
    assert published.title in titles and read_earlier.title not in titles
