"""Open data in three languages: labels tagged @cs, @en and @uk where translated, and each CSV row's language."""

import pytest
from django.utils import translation
from rdflib import Literal, Namespace

from situations.models import SituationPage
from tests.czech import czech
from tests.translations import translate

from .conformance import json_ld_graph, violations
from .conftest import csv_rows, download, rdf_graph

pytestmark = pytest.mark.django_db

DCT = Namespace("http://purl.org/dc/terms/")
ENGLISH = {"title": "Parking permit for residents and subscribers",
           "summary": "Park in the blue zones near your home with a resident parking permit."}
UKRAINIAN = {"title": "Дозвіл на паркування для резидентів і абонентів",
             "summary": "Паркуйте авто в синіх зонах біля дому з дозволом для резидента."}


@pytest.fixture
def translated(settings):
    settings.WAGTAIL_I18N_ENABLED = True
    parking = czech(SituationPage).get(slug="parkovaci-opravneni")
    translate(parking, "en", ENGLISH)
    translate(parking, "uk", UKRAINIAN)
    return parking


def test_a_situation_is_labelled_in_every_language_it_is_translated_to(translated, client_cs):
    graph = rdf_graph(client_cs)
    subject = next(s for s in graph.subjects(DCT.identifier, Literal("parkovaci-opravneni")))
    titles = set(graph.objects(subject, DCT.title))
    assert titles == {Literal(translated.title, lang="cs"), Literal(ENGLISH["title"], lang="en"),
                      Literal(UKRAINIAN["title"], lang="uk")}
    assert Literal(UKRAINIAN["summary"], lang="uk") in set(graph.objects(subject, DCT.description))


def test_an_untranslated_situation_stays_czech_only(translated, client_cs):
    for version in czech(SituationPage).get(slug="obcansky-prukaz").get_translations():
        version.unpublish()  # the demo catalog translates it
    graph = rdf_graph(client_cs)
    subject = next(s for s in graph.subjects(DCT.identifier, Literal("obcansky-prukaz")))
    assert {title.language for title in graph.objects(subject, DCT.title)} == {"cs"}


def test_the_graph_with_translations_still_conforms_to_cpsv_ap(translated, client_cs):
    document = download(client_cs, "/otevrena-data/katalog-cpsv.jsonld").content.decode()
    assert violations(json_ld_graph(document), "cpsv") == []


def test_dataset_titles_carry_the_ukrainian_the_interface_has(client_cs):
    document = download(client_cs, "/otevrena-data/dcat.jsonld").content.decode()
    graph = json_ld_graph(document)
    with translation.override("uk"):
        ukrainian = translation.gettext("Životní situace")
    assert ukrainian != "Životní situace"
    assert Literal(ukrainian, lang="uk") in set(graph.objects(None, DCT.title))
    assert violations(graph, "dcat") == []


def test_every_page_row_says_its_language(client_cs):
    for name in ("situace", "sluzby", "pracoviste"):
        rows = csv_rows(client_cs, name)
        assert rows and {row["jazyk"] for row in rows} == {"cs"}, name
