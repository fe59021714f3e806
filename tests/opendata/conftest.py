import csv
import io
import warnings
from datetime import time
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rdflib import Graph

from services.models import (
    ApplicationForm,
    CounterException,
    CounterIndexPage,
    CounterPage,
    OpeningHours,
    RequiredDocument,
    ServiceDocument,
    ServiceFee,
    ServiceIndexPage,
    ServiceLegalReference,
    ServicePage,
)
from situations.models import SituationDocument, SituationPage, SituationStep, TopicPage


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return response


def csv_rows(client, name):
    """The rows of /otevrena-data/<name>.csv as dicts, read the way a CSV consumer reads them."""
    response = download(client, f"/otevrena-data/{name}.csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def rdf_graph(client, url="/otevrena-data/katalog-cpsv.jsonld"):
    graph = Graph()
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally.
        warnings.simplefilter("ignore", DeprecationWarning)
        graph.parse(data=download(client, url).content.decode("utf-8"), format="json-ld")
    return graph


def count_queries(client, url):
    client.get(url)  # warm the site and settings caches, as any running server has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def grow_catalog():
    """Adds `size` published services, each with its own counter (hours, exception), fees, a form, a document
    and a legal reference, and one situation whose steps use them all: more of everything an export reads."""

    def grow(size, tag="oc"):
        counter_index = CounterIndexPage.objects.get()
        service_index = ServiceIndexPage.objects.get()
        topic = TopicPage.objects.get(slug="urad")
        services, documents = [], []
        for n in range(size):
            counter = CounterPage(title=f"Pracoviště {tag} {n}", slug=f"{tag}-counter-{n}", organisation="Jiný úřad",
                                  street="Ulice 1", postcode="19900", city="Praha 99")
            counter.opening_hours = [OpeningHours(weekday=day, opens=time(8), closes=time(12)) for day in range(5)]
            counter.exceptions = [CounterException(date="2099-12-24", closed=True, note="Svátek")]
            counter_index.add_child(instance=counter)
            form = ApplicationForm.objects.create(title=f"Formulář {tag} {n}", slug=f"{tag}-form-{n}",
                                                  url="https://example.cz/formular")
            document = RequiredDocument.objects.create(name=f"Doklad {tag} {n}", slug=f"{tag}-doc-{n}")
            documents.append(document)
            service = ServicePage(title=f"Služba {tag} {n}", slug=f"{tag}-service-{n}", provider="Jiný úřad",
                                  summary="Shrnutí.", channel_online=True, channel_post=True)
            service.fees = [ServiceFee(label="Poplatek", amount=Decimal(50)),
                            ServiceFee(label="Online", amount=Decimal(30), channel="online")]
            service.counters = [counter]
            service.forms = [form]
            service.documents = [ServiceDocument(document=document)]
            service.legal_references = [ServiceLegalReference(act=f"{n}/2000 Sb.", title="zákon")]
            service_index.add_child(instance=service)
            services.append(service)
        situation = SituationPage(title=f"Situace {tag}", slug=f"{tag}-situation", summary="Shrnutí.", audience="both")
        situation.steps = [SituationStep(title=f"Krok {n}", services=[service]) for n, service in enumerate(services)]
        situation.documents = [SituationDocument(document=document) for document in documents]
        topic.add_child(instance=situation)
        return services

    return grow
