"""The CPSV-AP JSON-LD is real RDF: parsed with rdflib, life events have services, services have evidence,
channels, costs and a competent authority, and every identifier stays put between exports."""

from decimal import Decimal

import pytest
from rdflib import RDF, Literal, Namespace, URIRef

from services.models import Audience, CounterPage, ServicePage
from situations.models import SituationPage
from tests.czech import czech

from .conftest import download, rdf_graph

pytestmark = pytest.mark.django_db

CV = Namespace("http://data.europa.eu/m8g/")
CPSV = Namespace("http://purl.org/vocab/cpsv#")
DCT = Namespace("http://purl.org/dc/terms/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
BASE = "https://praha99.example.cz/id"
PREFIXES = {"cv": CV, "cpsv": CPSV, "dct": DCT, "skos": SKOS}


@pytest.fixture
def graph(client_cs):
    return rdf_graph(client_cs)


def test_served_as_json_ld(client_cs):
    response = download(client_cs, "/otevrena-data/katalog-cpsv.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_moving_life_event_has_its_services(graph):
    moving = URIRef(f"{BASE}/situace/zmena-trvaleho-pobytu")
    assert (moving, RDF.type, CV.LifeEvent) in graph
    assert (moving, DCT.title, Literal("Stěhování – změna trvalého pobytu", lang="cs")) in graph
    rows = graph.query("""
        SELECT ?slug WHERE {
            ?event cv:hasRelatedService ?service .
            ?service a cpsv:PublicService ; dct:identifier ?slug ; cv:isGroupedBy ?event .
        }""", initNs=PREFIXES, initBindings={"event": moving})
    slugs = {str(row.slug) for row in rows}
    situation = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    expected = {service.slug for step in situation.steps.all() for service in step.services.live()}
    assert slugs == expected and "hlaseni-trvaleho-pobytu" in slugs


def test_a_service_has_evidence_channel_cost_and_organisation(graph):
    service = URIRef(f"{BASE}/sluzba/vydani-obcanskeho-prukazu")
    assert (service, RDF.type, CPSV.PublicService) in graph

    evidence = {str(graph.value(item, DCT.title)) for item in graph.objects(service, CPSV.hasInput)
                if (item, RDF.type, CV.Evidence) in graph}
    page = czech(ServicePage).get(slug="vydani-obcanskeho-prukazu")
    assert evidence == {row.document.name for row in page.documents.all()}

    counter = URIRef(f"{BASE}/pracoviste/klientske-centrum")
    assert (service, CV.hasChannel, counter) in graph
    assert (counter, RDF.type, CV.Channel) in graph
    assert (counter, DCT.type, URIRef(f"{BASE}/typ-kanalu/osobne")) in graph
    assert list(graph.objects(counter, CV.openingHours))

    costs = list(graph.objects(service, CV.hasCost))
    assert len(costs) == page.fees.count()
    values = sorted(Decimal(str(graph.value(cost, CV.hasValue))) for cost in costs)
    assert values == sorted(fee.amount for fee in page.fees.all())
    assert {graph.value(cost, DCT.type) for cost in costs} == {URIRef(f"{BASE}/obdobi-poplatku/once")}
    assert (URIRef(f"{BASE}/obdobi-poplatku/once"), RDF.type, SKOS.Concept) in graph
    lost = next(cost for cost in costs if Decimal(str(graph.value(cost, CV.hasValue))) == 200)
    assert "Podmínka na odpovědi průvodce: duvod = ztrata, kradez, poskozeni" in str(graph.value(lost, DCT.description))
    assert all(graph.value(cost, CV.currency) == URIRef(
        "http://publications.europa.eu/resource/authority/currency/CZK") for cost in costs)

    authority = graph.value(service, CV.hasCompetentAuthority)
    assert authority == URIRef(f"{BASE}/organizace/urad/odbor-obcanskospravni")
    assert (authority, RDF.type, CV.PublicOrganisation) in graph
    assert graph.value(authority, SKOS.prefLabel) == Literal("Odbor občanskosprávní", lang="cs")
    office = URIRef(f"{BASE}/organizace/urad")
    assert (authority, URIRef("http://www.w3.org/ns/org#unitOf"), office) in graph
    assert graph.value(office, SKOS.prefLabel) == Literal("Úřad městské části Praha 99", lang="cs")


def test_a_service_of_another_office_is_owned_by_that_office(graph):
    service = URIRef(f"{BASE}/sluzba/oznameni-kradeze-policii")
    authority = graph.value(service, CV.hasCompetentAuthority)
    assert (authority, RDF.type, CV.PublicOrganisation) in graph
    assert graph.value(authority, SKOS.prefLabel) == Literal("Policie České republiky", lang="cs")


def test_business_situations_are_business_events_and_shared_ones_both(graph):
    business = czech(SituationPage).live().filter(audience=Audience.BUSINESSES).first()
    both = czech(SituationPage).live().filter(audience=Audience.BOTH).first()
    business_uri, both_uri = URIRef(f"{BASE}/situace/{business.slug}"), URIRef(f"{BASE}/situace/{both.slug}")
    assert set(graph.objects(business_uri, RDF.type)) == {CV.BusinessEvent}
    assert set(graph.objects(both_uri, RDF.type)) == {CV.LifeEvent, CV.BusinessEvent}


def test_counters_carry_weekly_hours_and_exceptions(graph):
    counter = URIRef(f"{BASE}/pracoviste/czech-point")
    weekly = list(graph.objects(counter, CV.openingHours))
    assert len(weekly) == czech(CounterPage).get(slug="czech-point").opening_hours.count()
    # Each interval is a time entity that reads as Czech and recurs weekly, and is schema.org's structure too.
    assert {str(graph.value(node, DCT.description)) for node in weekly} >= {"pondělí 8:00–12:00",
                                                                            "pondělí 13:00–18:00"}
    for node in weekly:
        assert {TIME.TemporalEntity, SCHEMA.OpeningHoursSpecification} <= set(graph.objects(node, RDF.type))
        assert graph.value(node, CV.frequency) == URIRef(
            "http://publications.europa.eu/resource/authority/frequency/WEEKLY")
    monday = next(node for node in weekly if str(graph.value(node, DCT.description)) == "pondělí 8:00–12:00")
    assert graph.value(monday, SCHEMA.dayOfWeek) == SCHEMA.Monday
    assert str(graph.value(monday, SCHEMA.opens)) == "08:00:00"
    special = {str(graph.value(node, SCHEMA.validFrom)): node
               for node in graph.objects(counter, CV.specialOpeningHoursSpecification)}
    christmas = special["2026-12-24"]
    assert graph.value(christmas, SCHEMA.opens) is None  # closed all day
    assert str(graph.value(christmas, DCT.description)).startswith("24. 12. 2026 zavřeno")
    assert str(graph.value(special["2026-12-31"], SCHEMA.closes)) == "11:00:00"


def stable_identifiers(client):
    """The graph's own identifiers; pages linked as foaf:Document keep the address the request came to."""
    return {str(subject) for subject in rdf_graph(client).subjects()
            if isinstance(subject, URIRef) and str(subject).startswith(BASE)}


def test_identifiers_are_stable_across_exports_and_hosts(client_cs, settings):
    first = stable_identifiers(client_cs)
    client_cs.defaults["HTTP_HOST"] = "127.0.0.1"
    second = stable_identifiers(client_cs)
    assert first == second
    assert f"{BASE}/sluzba/vydani-obcanskeho-prukazu" in first

    settings.OPEN_DATA_BASE_URI = "https://data.example.org/"
    moved = {str(subject) for subject in rdf_graph(client_cs).subjects() if isinstance(subject, URIRef)}
    assert "https://data.example.org/id/sluzba/vydani-obcanskeho-prukazu" in moved


def test_no_node_lacks_a_type(graph):
    untyped = [subject for subject in set(graph.subjects()) if isinstance(subject, URIRef)
               and graph.value(subject, RDF.type) is None]
    assert not untyped


def test_a_benefit_is_no_cost_and_a_yearly_fee_says_so(graph):
    grant = URIRef(f"{BASE}/sluzba/porodne-a-rodicovsky-prispevek")
    values = {Decimal(str(graph.value(cost, CV.hasValue))) for cost in graph.objects(grant, CV.hasCost)}
    assert values == {Decimal(0)}  # the application is free; porodné and rodičovský příspěvek are received
    dog = URIRef(f"{BASE}/sluzba/poplatek-ze-psu-ohlaseni")
    periods = {str(graph.value(cost, DCT.type)).rsplit("/", 1)[1] for cost in graph.objects(dog, CV.hasCost)}
    assert periods == {"yearly", "per_item"}
