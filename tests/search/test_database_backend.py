"""The embedded backend finds the right situation from the words people really use."""


import pytest

from search.backends import get_backend
from search.backends.base import SearchFilters
from search.evaluation import evaluate
from search.models import IndexedDocument, PinnedResult
from situations.models import SituationPage
from tests.czech import czech

from . import evaluation_sets

pytestmark = pytest.mark.django_db


@pytest.fixture
def backend():
    return get_backend("database")


def top(backend, query, n=3, **filters):
    return [hit.slug for hit in backend.search(query, SearchFilters(**filters), limit=n).hits]


@pytest.mark.parametrize("query, slug", [
    ("občanka", "obcansky-prukaz"), ("obcanka", "obcansky-prukaz"), ("ridicak", "ridicsky-prukaz"),
    ("datovka", "datova-schranka"), ("zivnostensky list", "zalozeni-zivnosti"),
    ("ztratil jsem peněženku", "ztrata-dokladu"), ("obcnaka", "obcansky-prukaz"),
    ("popelnice", "poplatek-za-odpad"), ("popelnice", "popelnice-a-bioodpad"), ("sberny dvur", "velky-odpad-a-sberne-dvory"),
])
def test_colloquial_unaccented_and_misspelt_queries_find_the_situation(backend, query, slug):
    assert slug in top(backend, query)


def test_a_situation_whose_subject_is_the_query_ranks_first(backend):
    assert top(backend, "rodný list", n=1) == ["narozeni-ditete"]


def test_results_carry_the_common_shape_with_highlights(backend):
    results = backend.search("cestovní pas", language="cs")  # the demo's English passport page matches too
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
                                          ("zivnostensky lsit", "živnostenský list"),
                                          ("zmena trvaleho pobitu", "změna trvalého pobytu"),
                                          ("ztrata obcansekho prukazu", "ztrátu občanského průkazu")])
def test_did_you_mean_offers_a_phrase_the_index_holds(backend, typed, meant):
    suggested = backend.search(typed).suggestion
    assert suggested == meant
    assert IndexedDocument.objects.filter(body__icontains=suggested).exists() or \
        IndexedDocument.objects.filter(title__icontains=suggested).exists()


def test_did_you_mean_never_glues_a_phrase_the_index_does_not_hold(backend):
    # "přehlásit" is in the index, but never before "trvalý pobyt": nothing is offered rather than a made-up
    # phrase such as "přehlásit trvaly pobyt".
    assert backend.search("zmena trvaleho pobytu").hits
    assert backend.search("prehlsit trvaly pobyt").suggestion == ""


def test_editors_can_pin_a_result_for_a_query(backend):
    target = czech(SituationPage).get(slug="czech-point")
    PinnedResult.objects.create(query="Výpis", page=target)
    assert top(backend, "výpis", n=1) == ["czech-point"]


def test_nonsense_and_stop_words_find_nothing_without_error(backend):
    assert backend.search("xqzw vvv").total == 0
    assert backend.search("a je to").total == 0


def test_autocomplete_completes_a_prefix(backend):
    titles = [item["title"] for item in backend.autocomplete("řidi")]
    assert any("Řidičský průkaz" in title for title in titles)


@pytest.mark.parametrize("path, minimum", [("../shared/eval/search-dev.tsv", 0.97),
                                           ("tests/data/search-hard.tsv", 0.95),
                                           ("tests/data/search-questions-cs.tsv", 0.95),
                                           ("tests/data/search-en.tsv", 0.95),
                                           ("tests/data/search-uk.tsv", 0.95)])
def test_relevance_on_the_evaluation_sets(backend, path, minimum):
    rows, language = evaluation_sets.load(path)
    result = evaluate(backend, rows, language=language)
    assert result.success_at_3 >= minimum, result.misses
