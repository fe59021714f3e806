import csv
import io
import warnings

import pytest
from rdflib import Graph

from situations.models import SituationDocument, SituationStep
from tests.factories import ServiceFactory, SituationFactory, step


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


@pytest.fixture
def grow_catalog():
    """Adds `size` published services, each with its own counter (hours, exception), fees, a form, a document
    and a legal reference, and one situation whose steps use them all: more of everything an export reads."""

    def grow(size):
        services = ServiceFactory.create_batch(size, complete=True)
        SituationFactory(
            audience="both",
            steps=[step(f"Krok {n}", [service]) for n, service in enumerate(services)],
            documents=[SituationDocument(document=service.documents.get().document) for service in services],
        )
        return services

    return grow
