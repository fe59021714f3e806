"""The embedded backend finds the right situation from the words people really use."""

from pathlib import Path

import pytest

from search.backends import get_backend
from search.backends.base import SearchFilters
from search.evaluation import evaluate, read_tsv
from search.models import PinnedResult
from situations.models import SituationPage

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def backend():
    return get_backend("database")


def top(backend, query, n=3, **filters):
    return [hit.slug for hit in backend.search(query, SearchFilters(**filters), limit=n).hits]


@pytest.mark.parametrize("query, slug", [
    ("občanka", "obcansky-prukaz"), ("obcanka", "obcansky-prukaz"), ("ridicak", "ridicsky-prukaz"),
    ("datovka", "datova-schranka"), ("zivnostensky list", "zalozeni-zivnosti"),
    ("ztratil jsem peněženku", "ztrata-dokladu"), ("obcnaka", "obcansky-prukaz"),
])
def test_colloquial_unaccented_and_misspelt_queries_find_the_situation(backend, query, slug):
    assert slug in top(backend, query)


def test_a_situation_whose_subject_is_the_query_ranks_first(backend):
    assert top(backend, "rodný list", n=1) == ["narozeni-ditete"]


def test_results_carry_the_common_shape_with_highlights(backend):
    results = backend.search("cestovní pas")
    hit = results.hits[0]
    assert (hit.type, hit.slug, hit.url) == ("situation", "cestovni-pas", "/doklady/cestovni-pas/")
    assert "<mark>" in hit.highlight and hit.score > 0
    assert results.facets["type"]["situation"] >= 1


def test_filters_narrow_results_and_facets_count_the_rest(backend):
    everything = backend.search("poplatek")
    services = backend.search("poplatek", SearchFilters(type="service"))
    assert {hit.type for hit in services.hits} == {"service"}
    assert services.total == everything.facets["type"]["service"]
    assert services.facets["type"] == everything.facets["type"]


@pytest.mark.parametrize("typed, meant", [("registarce vozidla", "registrace vozidla"),
                                          ("zivnostensky lsit", "zivnostensky list")])
def test_did_you_mean_offers_the_corrected_word(backend, typed, meant):
    assert backend.search(typed).suggestion == meant


def test_editors_can_pin_a_result_for_a_query(backend):
    target = SituationPage.objects.get(slug="czech-point")
    PinnedResult.objects.create(query="Výpis", page=target)
    assert top(backend, "výpis", n=1) == ["czech-point"]


def test_nonsense_and_stop_words_find_nothing_without_error(backend):
    assert backend.search("xqzw vvv").total == 0
    assert backend.search("a je to").total == 0


def test_autocomplete_completes_a_prefix(backend):
    titles = [item["title"] for item in backend.autocomplete("řidi")]
    assert any("Řidičský průkaz" in title for title in titles)


@pytest.mark.parametrize("path, minimum", [("../shared/eval/search-dev.tsv", 0.97),
                                           ("tests/data/search-hard.tsv", 0.95)])
def test_relevance_on_the_evaluation_sets(backend, path, minimum):
    file = (ROOT / path).resolve()
    if not file.exists():
        pytest.skip(f"{file} is not on this machine")
    with open(file, encoding="utf-8") as handle:
        result = evaluate(backend, read_tsv(handle))
    assert result.success_at_3 >= minimum, result.misses
