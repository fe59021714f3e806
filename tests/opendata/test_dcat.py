"""The DCAT-AP description lists a dataset per download, each with a working link and the CC BY 4.0 licence."""

from datetime import datetime

import pytest
from rdflib import RDF, Namespace, URIRef
from wagtail.models import Page

from opendata.exports import DATASETS
from services.models import CounterPage, ServicePage
from situations.models import SituationPage

from .conftest import rdf_graph
from tests.czech import czech

pytestmark = pytest.mark.django_db

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")


@pytest.fixture
def graph(client_cs):
    return rdf_graph(client_cs, "/otevrena-data/dcat.jsonld")


def test_a_dataset_per_download_each_licensed_and_downloadable(client_cs, graph):
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert datasets == set(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == len(DATASETS) + 1  # the CSV files and the CPSV-AP graph

    downloads = set()
    for dataset in datasets:
        assert graph.value(dataset, DCT.title) is not None and graph.value(dataset, DCT.publisher) is not None
        distribution = graph.value(dataset, DCAT.distribution)
        assert graph.value(distribution, DCT.license) == CC_BY
        assert graph.value(distribution, DCAT.mediaType) is not None
        downloads.add(str(graph.value(distribution, DCAT.downloadURL)))
    assert {url.rsplit("/", 1)[1] for url in downloads} == (
        {dataset.filename for dataset in DATASETS} | {"katalog-cpsv.jsonld"})
    for url in downloads:
        assert client_cs.get(url.removeprefix("http://localhost")).status_code == 200


def test_modified_is_the_latest_published_change(graph):
    pages = czech(Page).live().type(SituationPage, ServicePage, CounterPage)
    latest = max(pages.values_list("last_published_at", flat=True))
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    modified = graph.value(catalog, DCT.modified).toPython()
    assert isinstance(modified, datetime)
    assert modified.replace(microsecond=0) == latest.replace(microsecond=0)


def test_the_api_is_described_as_a_data_service(graph):
    service = next(graph.subjects(RDF.type, DCAT.DataService))
    assert str(graph.value(service, DCAT.endpointURL)).endswith("/api/v2/")
    assert graph.value(service, DCT.license) == CC_BY
