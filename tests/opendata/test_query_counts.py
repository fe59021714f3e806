"""Every open data download costs the same number of queries, however big the catalog grows."""

import pytest

from tests.cache import SITE_ROOT_PATHS_QUERIES
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

# Each counts the pages or snippets the file lists (those behind a view restriction left out in the same query) with
# what each row needs prefetched (steps and their services, fees, counters, forms, documents, legal references,
# hours, exceptions), the topics, and Wagtail's site and site root paths (from the shared cache) for page addresses.
# A file that links pages from snippets (a document's "how to get it" situation) reads the restrictions once.
QUERIES = {
    "/otevrena-data/situace.csv": 6 + SITE_ROOT_PATHS_QUERIES,
    "/otevrena-data/sluzby.csv": 11 + SITE_ROOT_PATHS_QUERIES,
    "/otevrena-data/pracoviste.csv": 10 + SITE_ROOT_PATHS_QUERIES,
    "/otevrena-data/pracoviste-hodiny.csv": 3,
    "/otevrena-data/doklady.csv": 9 + SITE_ROOT_PATHS_QUERIES,
    "/otevrena-data/formulare.csv": 7,
    "/otevrena-data/poplatky.csv": 6,
    # The whole graph reads everything above once, and the pages' language versions for their labels: one query
    # for the pages and one for each translated page type (topics, situations, services, counters).
    "/otevrena-data/katalog-cpsv.jsonld": 25 + SITE_ROOT_PATHS_QUERIES,
    # The office, and one aggregate for the date of the latest change; the same for a dataset's own record.
    "/otevrena-data/dcat.jsonld": 3,
    "/id/katalog": 3,
    "/id/datova-sada/sluzby": 3,
    # A file's schema comes from its declaration alone.
    "/otevrena-data/sluzby.csv-metadata.json": 0,
    # The booking setups, their counters' hours and exceptions, their own hours, and the places taken.
    "/otevrena-data/objednavani-kapacita.csv": 5,
    # The page counts the rows of every file and shows the first ones: the topics and page addresses too.
    "/otevrena-data/": 25 + SITE_ROOT_PATHS_QUERIES,
}


def test_query_counts_do_not_grow_with_the_catalog(client_cs, grow_catalog):
    before = {url: count_queries(client_cs, url) for url in QUERIES}
    grow_catalog(5)
    after = {url: count_queries(client_cs, url) for url in QUERIES}
    assert before == after == QUERIES
