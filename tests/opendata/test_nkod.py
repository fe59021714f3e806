"""The catalogue has what the Czech national catalogue (NKOD) harvests from a local catalogue (DCAT-AP-CZ,
the open formal norm "Rozhraní katalogů otevřených dat"), and each dataset's IRI answers with its record."""

import pytest
from rdflib import RDF, Namespace, URIRef

from opendata.exports import DATASETS

from .conftest import download, rdf_graph

pytestmark = pytest.mark.django_db

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
PU = Namespace("https://data.gov.cz/slovník/podmínky-užití/")
BASE = "https://praha99.example.cz/id"
RPP = "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/"
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")


@pytest.fixture
def graph(client_cs):
    return rdf_graph(client_cs, "/otevrena-data/dcat.jsonld")


def languages(graph, subject, predicate):
    return {literal.language for literal in graph.objects(subject, predicate)}


def test_every_dataset_has_the_records_fields_nkod_requires(graph):
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    for subject in [catalog, *graph.objects(catalog, DCAT.dataset)]:
        # NKOD requires Czech and English; a dataset's Ukrainian, where the interface has it, comes on top.
        assert languages(graph, subject, DCT.title) in ({"cs", "en"}, {"cs", "en", "uk"}), subject
        assert languages(graph, subject, DCT.description) in ({"cs", "en"}, {"cs", "en", "uk"}), subject
        assert graph.value(subject, DCT.publisher) == URIRef(RPP + "99999999")
        assert set(graph.objects(subject, DCT.spatial)) == {
            URIRef("https://linked.cuzk.cz/resource/ruian/obec/554782")}
    for dataset in graph.objects(catalog, DCAT.dataset):
        assert languages(graph, dataset, DCAT.keyword) == {"cs", "en"}, dataset
        themes = {str(theme) for theme in graph.objects(dataset, DCAT.theme)}
        assert "http://publications.europa.eu/resource/authority/data-theme/GOVE" in themes
        assert any(theme.startswith("http://eurovoc.europa.eu/") for theme in themes), dataset
        assert str(graph.value(dataset, DCT.accrualPeriodicity)).startswith(
            "http://publications.europa.eu/resource/authority/frequency/")
        assert str(graph.value(dataset, FOAF.page)).endswith("/otevrena-data/")


def test_every_distribution_has_format_media_type_schema_and_terms_of_use(client_cs, graph):
    for distribution in graph.subjects(RDF.type, DCAT.Distribution):
        assert str(graph.value(distribution, DCT["format"])).startswith(
            "http://publications.europa.eu/resource/authority/file-type/")
        assert str(graph.value(distribution, DCAT.mediaType)).startswith("http://www.iana.org/assignments/media-types/")
        schema = str(graph.value(distribution, DCT.conformsTo))
        if str(graph.value(distribution, DCAT.downloadURL)).endswith(".csv"):
            assert schema.endswith(".csv-metadata.json")
            assert download(client_cs, schema.removeprefix("http://localhost"))["Content-Type"].startswith(
                "application/csvm+json")
        else:
            assert schema == "http://data.europa.eu/m8g/cpsvap"
        terms = graph.value(distribution, PU.specifikace)
        assert graph.value(terms, RDF.type) == PU.Specifikace
        assert graph.value(terms, PU["autorské-dílo"]) == CC_BY
        assert str(graph.value(terms, PU.autor)) == "Úřad městské části Praha 99"
        assert graph.value(terms, PU["databáze-jako-autorské-dílo"]) == CC_BY
        assert str(graph.value(terms, PU["autor-databáze"])) == "Úřad městské části Praha 99"
        assert graph.value(terms, PU["databáze-chráněná-zvláštními-právy"]) == URIRef(
            "https://creativecommons.org/publicdomain/zero/1.0/")
        assert graph.value(terms, PU["osobní-údaje"]) == URIRef(
            "https://data.gov.cz/podmínky-užití/neobsahuje-osobní-údaje/")


def test_each_dataset_iri_answers_with_its_complete_record(client_cs, graph):
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert str(catalog) == f"{BASE}/katalog"
    assert download(client_cs, "/id/katalog").content == download(client_cs, "/otevrena-data/dcat.jsonld").content
    for dataset in graph.objects(catalog, DCAT.dataset):
        record = rdf_graph(client_cs, str(dataset).removeprefix("https://praha99.example.cz"))
        assert set(record.subjects(RDF.type, DCAT.Dataset)) == {dataset}
        distribution = record.value(dataset, DCAT.distribution)
        assert record.value(distribution, DCAT.downloadURL) == graph.value(distribution, DCAT.downloadURL)
        assert record.value(record.value(dataset, DCT.publisher), FOAF.name) is not None
    assert len(set(graph.objects(catalog, DCAT.dataset))) == len(DATASETS) + 1
    assert client_cs.get("/id/datova-sada/neni-takova").status_code == 404


def test_publisher_and_area_come_from_the_settings(client_cs, settings):
    settings.OPEN_DATA_PUBLISHER = "00064581"
    settings.OPEN_DATA_RUIAN = ["https://linked.cuzk.cz/resource/ruian/momc/500054"]
    graph = rdf_graph(client_cs, "/otevrena-data/dcat.jsonld")
    dataset = URIRef(f"{BASE}/datova-sada/sluzby")
    assert graph.value(dataset, DCT.publisher) == URIRef(RPP + "00064581")
    assert set(graph.objects(dataset, DCT.spatial)) == {URIRef("https://linked.cuzk.cz/resource/ruian/momc/500054")}
