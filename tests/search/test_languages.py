"""Search in Czech, English and Ukrainian: each language's analysis, every language searched, the visitor's first.

Translated pages are made as Wagtail makes them (copy_for_translation), so the index reads `page.locale` as it
will for the translated demo catalog.
"""

import pytest

from search.analysis import analyze
from search.backends import get_backend
from search.documents import all_documents, document_for
from search.indexing import reindex_pages
from situations.models import SituationPage
from tests.czech import czech
from tests.translations import translate

ENGLISH_PARKING = {
    "slug": "parking-permit",
    "title": "Parking permit for residents and subscribers",
    "summary": "Park your car in the blue zones near your home: apply for a resident parking permit online or at "
               "the counter.",
    "lay_terms": "parking permit, resident parking, blue zone",
}
UKRAINIAN_PARKING = {
    "slug": "dozvil-na-parkuvannia",
    "title": "Дозвіл на паркування для резидентів і абонентів",
    "summary": "Паркуйте авто в синіх зонах біля дому: подайте заяву на дозвіл для резидента онлайн або біля "
               "віконця.",
    "lay_terms": "дозвіл на паркування, паркування біля дому, синя зона",
}


@pytest.fixture
def parking():
    return czech(SituationPage).get(slug="parkovaci-opravneni")


@pytest.fixture
def translated(parking):
    english = translate(parking, "en", ENGLISH_PARKING)
    ukrainian = translate(parking, "uk", UKRAINIAN_PARKING)
    reindex_pages([english.pk, ukrainian.pk])  # what the publish does once its transaction commits
    return english, ukrainian


# -- analysis -----------------------------------------------------------------------------------------------

def test_english_words_meet_their_stems_and_lose_function_words():
    # Porter 2 (Snowball English): plural and -ing endings go, "the", "for", "my" are stop words.
    assert analyze("Parking permits for the residents", "en") == ["park", "permit", "resid"]
    assert analyze("I lost my passport", "en") == analyze("lost passports", "en") == ["lost", "passport"]


def test_ukrainian_words_become_their_dictionary_form():
    # The lemma of each case form is the nominative: дитину, дитини -> дитина; прописку -> прописка.
    assert analyze("записати дитину", "uk") == ["записати", "дитина"]
    assert analyze("дитини", "uk") == analyze("дитині", "uk") == ["дитина"]
    assert analyze("Де зробити прописку?", "uk") == ["зробити", "прописка"]
    # Three ways to write the apostrophe are one word.
    assert analyze("сім'я", "uk") == analyze("сімʼя", "uk") == analyze("сім’я", "uk")


def test_czech_analysis_is_unchanged_by_the_other_languages():
    assert analyze("Změna trvalého pobytu", "cs") == analyze("zmena trvaleho pobytu") == ["zmen", "trval", "pobyt"]


# -- documents ----------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_translation_is_indexed_in_its_language_under_the_catalog_slug(translated, parking):
    english, ukrainian = translated
    document = document_for(english)
    assert (document.language, document.slug, document.title) == ("en", "parkovaci-opravneni",
                                                                  ENGLISH_PARKING["title"])
    assert document.topic == document_for(parking).topic  # the Czech topic's slug: one filter for every language
    languages = {d.page_id: d.language for d in all_documents()}
    assert (languages[parking.pk], languages[english.pk], languages[ukrainian.pk]) == ("cs", "en", "uk")


@pytest.mark.django_db
@pytest.mark.parametrize("query, language", [("parking permit", "en"), ("resident parking", "en"),
                                             ("дозвіл на паркування", "uk"), ("паркування біля дому", "uk")])
def test_each_language_finds_its_own_version(translated, query, language):
    hit = get_backend("database").search(query, limit=3).hits[0]
    page = {"en": translated[0], "uk": translated[1]}[language]
    assert (hit.slug, hit.language, hit.page_id, hit.url) == ("parkovaci-opravneni", language, page.pk,
                                                              page.url or "")


@pytest.mark.django_db
def test_the_visitors_language_ranks_first(translated):
    # "zone" is English and Czech alike ("modrá zóna"): both versions match, the visitor's comes first.
    backend = get_backend("database")
    english_first = backend.search("parkovaci opravneni parking", language="en", limit=10).hits
    czech_first = backend.search("parkovaci opravneni parking", language="cs", limit=10).hits
    assert (english_first[0].slug, english_first[0].language) == ("parkovaci-opravneni", "en")
    assert (czech_first[0].slug, czech_first[0].language) == ("parkovaci-opravneni", "cs")
    # The demo's English parking service matches too; the Czech situation is still found for an English visitor.
    assert ("parkovaci-opravneni", "cs") in {(hit.slug, hit.language) for hit in english_first}


@pytest.mark.django_db
def test_the_api_searches_every_language_and_says_each_results_language(translated, client_cs):
    payload = client_cs.get("/api/search/", {"q": "parking permit"}).json()
    first = payload["results"][0]
    assert (first["slug"], first["language"], first["url"]) == ("parkovaci-opravneni", "en",
                                                                translated[0].url or "")
    assert payload["language"] == "cs"  # the visitor's: the API's own default, Czech
    ukrainian = client_cs.get("/api/search/", {"q": "парковка parking", "lang": "uk"}).json()
    assert ukrainian["language"] == "uk" and ukrainian["results"][0]["language"] == "uk"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["xx", "e" * 5000, "cs\x00"])
def test_an_unknown_language_is_a_notice_not_an_error(client_cs, lang):
    response = client_cs.get("/api/search/", {"q": "občanka", "lang": lang})
    assert response.status_code == 200
    payload = response.json()
    assert payload["total"] > 0 and payload["language"] == "cs"
    assert any("Jazyk" in notice for notice in payload["notices"])


@pytest.mark.django_db
def test_autocomplete_says_each_suggestions_language(translated, client_cs):
    suggestions = client_cs.get("/api/search/autocomplete/", {"q": "parking perm", "lang": "en"}).json()["suggestions"]
    assert suggestions[0]["language"] == "en" and suggestions[0]["title"] == ENGLISH_PARKING["title"]


@pytest.mark.django_db
def test_the_search_page_marks_a_result_in_another_language(translated, client_cs):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client_cs.get("/hledat/", {"q": "parking permit"}).content, "html.parser")
    first = page.select_one(".search-results__item")
    link = first.select_one("a")
    # Screen readers read the English title in English; the label says which language it is, in Czech.
    assert (link["lang"], link["hreflang"], link.get_text(strip=True)) == ("en", "en", ENGLISH_PARKING["title"])
    assert "anglicky" in first.get_text(" ", strip=True).lower()
    czech = BeautifulSoup(client_cs.get("/hledat/", {"q": "parkovací oprávnění"}).content, "html.parser")
    assert not czech.select_one(".search-results__item a").has_attr("lang")
