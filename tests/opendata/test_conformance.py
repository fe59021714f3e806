"""The CPSV-AP graph and the DCAT-AP catalogue pass the EU application profiles' constraints with no violation.

The shapes in shapes/ restate, in this project's words, the constraints of CPSV-AP 3.2.0 and of DCAT-AP 3.0.1
with its range shapes (see conformance.py). Each test below also breaks the data the way it once was broken,
one constraint class at a time, and checks the shapes notice: a shape that cannot fail protects nothing.
"""

import pytest
from rdflib import RDF, Literal, Namespace, URIRef

from opendata import vocabularies
from opendata.exports import DATASETS

from .conformance import json_ld_graph, summary, violations
from .conftest import download

pytestmark = pytest.mark.django_db

CV = Namespace("http://data.europa.eu/m8g/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
LOCN = Namespace("http://www.w3.org/ns/locn#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
TIME = Namespace("http://www.w3.org/2006/time#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
BASE = "https://praha99.example.cz/id"


def graph_of(client, url):
    return json_ld_graph(download(client, url).content.decode())


def assert_conforms(graph, profile):
    found = violations(graph, profile)
    assert not found, f"{len(found)} violations, e.g.:\n" + "\n".join(map(str, found[:15]))


@pytest.fixture(scope="module")
def cpsv_graph(django_db_blocker, django_db_setup):
    from django.test import Client

    with django_db_blocker.unblock():
        return graph_of(Client(HTTP_HOST="localhost"), "/otevrena-data/katalog-cpsv.jsonld")


@pytest.fixture(scope="module")
def dcat_graph(django_db_blocker, django_db_setup):
    from django.test import Client

    with django_db_blocker.unblock():
        return graph_of(Client(HTTP_HOST="localhost"), "/otevrena-data/dcat.jsonld")


def test_the_cpsv_ap_graph_has_no_violation(cpsv_graph):
    assert_conforms(cpsv_graph, "cpsv")


def test_the_dcat_ap_catalogue_has_no_violation_with_the_range_shapes(dcat_graph):
    assert_conforms(dcat_graph, "dcat")


def test_each_dataset_record_at_its_iri_has_no_violation(client_cs):
    for dataset in [*(dataset.name for dataset in DATASETS), "katalog-cpsv"]:
        assert_conforms(graph_of(client_cs, f"/id/datova-sada/{dataset}"), "dcat")


def first(graph, subject, predicate):
    return next(graph.objects(subject, predicate))


def test_the_cpsv_ap_shapes_catch_each_way_the_graph_was_once_broken(cpsv_graph):
    graph = cpsv_graph.__class__()
    for triple in cpsv_graph:
        graph.add(triple)
    office, counter = URIRef(f"{BASE}/organizace/urad"), URIRef(f"{BASE}/pracoviste/czech-point")
    # A currency that is no concept of the EU table.
    graph.remove((URIRef(vocabularies.CURRENCY_CZK.iri), RDF.type, SKOS.Concept))
    # Opening hours as text, and an exception that is no time entity.
    graph.add((counter, CV.openingHours, Literal("Mo-Fr 08:00-12:00")))
    graph.remove((first(graph, counter, CV.specialOpeningHoursSpecification), RDF.type, TIME.TemporalEntity))
    # An organisation without its name and area.
    graph.remove((office, DCT.title, None))
    graph.remove((office, DCT.spatial, None))
    # A country as a plain string, and a contact page that is no document.
    address = first(graph, counter, LOCN.address)
    graph.set((address, LOCN.adminUnitL1, Literal("CZ")))
    contact_page = next(page for page in graph.objects(None, CV.contactPage))
    graph.remove((contact_page, RDF.type, FOAF.Document))

    found = summary(violations(graph, "cpsv"))
    for constraint, path in [("ClassConstraintComponent", CV.currency), ("ClassConstraintComponent", CV.openingHours),
                             ("ClassConstraintComponent", CV.specialOpeningHoursSpecification),
                             ("MinCountConstraintComponent", DCT.title), ("MinCountConstraintComponent", DCT.spatial),
                             ("DatatypeConstraintComponent", LOCN.adminUnitL1),
                             ("ClassConstraintComponent", CV.contactPage)]:
        assert found[(constraint, str(path))] >= 1, (constraint, path, found)


def test_the_dcat_ap_range_shapes_catch_every_untyped_reference(dcat_graph):
    graph = dcat_graph.__class__()
    for triple in dcat_graph:
        graph.add(triple)
    dataset = URIRef(f"{BASE}/datova-sada/sluzby")
    distribution = first(graph, dataset, DCAT.distribution)
    for subject, predicate, kind in [
        (dataset, DCT.language, DCT.LinguisticSystem), (dataset, DCAT.contactPoint, VCARD.Kind),
        (dataset, DCT.accrualPeriodicity, DCT.Frequency), (dataset, DCAT.landingPage, FOAF.Document),
        (dataset, DCAT.theme, SKOS.Concept), (distribution, DCT["format"], DCT.MediaTypeOrExtent),
        (distribution, DCAT.mediaType, DCT.MediaType), (distribution, DCT.conformsTo, DCT.Standard),
    ]:
        graph.remove((first(graph, subject, predicate), RDF.type, kind))

    found = summary(violations(graph, "dcat"))
    for path in [DCT.language, DCAT.contactPoint, DCT.accrualPeriodicity, DCAT.landingPage, DCAT.theme,
                 DCT["format"], DCAT.mediaType, DCT.conformsTo]:
        assert found[("ClassConstraintComponent", str(path))] >= 1, (path, found)
