"""The search benchmark's catalog generator: the requested number of distinct, Czech-looking documents."""

import importlib
import re

from search.analysis import analyze
from search.backends.base import SearchDocument

bench = importlib.import_module("benchmarks.search")

CZECH_LETTERS = re.compile(r"[áčďéěíňóřšťúůýž]", re.IGNORECASE)
CZECH_WORDS = {"úřad", "žádost", "poplatek", "doklad", "formulář", "lhůta", "úřadu", "žádosti",
               "průkaz", "pobytu", "dnů", "podáte", "můžete", "občanský", "osobně", "plnou"}


def test_generator_gives_the_requested_number_of_distinct_documents():
    documents = bench.generate_catalog(50)
    assert len(documents) == 50
    assert all(isinstance(document, SearchDocument) for document in documents)
    assert len({document.page_id for document in documents}) == 50
    assert len({(document.type, document.slug) for document in documents}) == 50
    assert len({(document.title, document.summary, document.body) for document in documents}) == 50
    assert {document.type for document in documents} <= {"situation", "service", "counter"}


def test_generated_documents_beyond_the_demo_catalog_are_distinct_and_czech():
    demo = bench.demo_seed()[0]
    documents = bench.generate_catalog(len(demo) + 50)[len(demo):]
    assert len(documents) == 50
    assert len({document.title for document in documents}) == 50
    assert {document.type for document in documents} == {"situation", "service"}
    for document in documents:
        text = f"{document.title} {document.summary} {document.body}"
        assert CZECH_LETTERS.search(document.title), document.title
        assert len(CZECH_LETTERS.findall(text)) > 20
        assert CZECH_WORDS & set(text.lower().replace(".", " ").replace(",", " ").split()), text
        assert len(analyze(document.body)) >= 40  # enough real body text to index
        assert document.audience in {"citizens", "businesses", "both"}
        assert document.department


def test_catalogs_are_deterministic_prefixes_of_each_other():
    small = bench.generate_catalog(60)
    large = bench.generate_catalog(90)
    assert [d.title for d in small] == [d.title for d in large[:60]]


def test_demo_seed_contains_the_demo_catalog():
    documents, sentences, lay_terms, departments, topics = bench.demo_seed()
    titles = {document.title for document in documents}
    assert "Stěhování – změna trvalého pobytu" in titles
    assert "občanka" in lay_terms
    assert len(sentences) > 200 and departments and topics


def test_mixed_queries_cover_every_kind():
    queries = bench.mixed_queries(bench.generate_catalog(300), count=200)
    assert len(queries) == 200
    kinds = {kind for kind, _query in queries}
    assert kinds == {"title", "lay", "no-diacritics", "typo", "question", "rare", "common"}
    assert all(query.strip() for _kind, query in queries)
