"""On PostgreSQL the database backend keeps its postings in tsvectors and ranks with ts_rank.

The tests marked `postgresql_only` run under `make test-postgres`; the vector literal is checked everywhere.
"""


import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends import get_backend, postings
from search.backends.base import SearchDocument
from search.evaluation import evaluate
from search.models import IndexedDocument, IndexedTerm

from . import evaluation_sets

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql",
                                     reason="PostgreSQL's full-text search (run `make test-postgres`)")


def document(**fields):
    return SearchDocument(**{"page_id": 1, "type": "service", "slug": "s", "title": "", "url": "/s/",
                             "summary": "", **fields})


def lexemes(literal):
    return dict(item.split(":", 1) for item in literal.split(" "))


def test_each_field_has_its_weight_class_and_positions_run_on_across_fields():
    literal = postings.tsvector_literal(document(title="Občanský průkaz", lay_terms="občanka",
                                                 summary="Průkaz totožnosti", body="průkaz"))
    assert lexemes(literal) == {"'obcansk'": "1A", "'prukaz'": "2A,6C,9D", "'obcank'": "4B",
                                "'totoznost'": "7C"}


def test_apostrophes_and_backslashes_are_quoted_in_the_literal():
    assert postings.quote("d'arc") == "'d''arc'"
    assert postings.quote("a\\b") == "'a\\\\b'"


def test_a_term_keeps_at_most_the_positions_postgresql_allows():
    literal = postings.tsvector_literal(document(body="pes " * 1000))
    assert lexemes(literal)["'pes'"].count(",") == postings.MAX_POSITIONS_PER_TERM - 1


@postgresql_only
@pytest.mark.django_db
def test_documents_are_indexed_as_vectors_under_a_gin_index_and_not_as_term_rows():
    assert IndexedDocument.objects.exists()
    assert not IndexedDocument.objects.filter(search_vector__isnull=True).exists()
    assert not IndexedTerm.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_indexeddocument_vector_gin'")
        assert "USING gin (search_vector)" in cursor.fetchone()[0]
        cursor.execute("SELECT attstorage FROM pg_attribute WHERE attrelid = 'search_indexeddocument'::regclass "
                       "AND attname = 'search_vector'")
        assert cursor.fetchone()[0] == "m"  # kept in the row: see migration 0003


@postgresql_only
@pytest.mark.django_db
def test_a_search_is_answered_by_a_tsquery():
    with CaptureQueriesContext(connection) as queries:
        hits = get_backend("database").search("ridicak").hits
    assert hits[0].slug == "ridicsky-prukaz"
    assert any("@@" in query["sql"] and "ts_rank" in query["sql"] for query in queries.captured_queries)


@postgresql_only
@pytest.mark.django_db
def test_the_vocabulary_counts_documents_per_term_like_the_term_table(monkeypatch):
    full_text = postings.PostgresFullText().frequencies()
    monkeypatch.setattr(postings, "store", postings.TermTable)
    call_command("search_index", "rebuild", verbosity=0)
    assert postings.TermTable().frequencies() == full_text


@postgresql_only
@pytest.mark.django_db
@pytest.mark.parametrize("path", evaluation_sets.EVALUATION_SETS)
def test_relevance_is_the_same_as_with_the_term_table(monkeypatch, path):
    rows, language = evaluation_sets.load(path)
    backend = get_backend("database")
    full_text = evaluate(backend, rows, language=language)
    monkeypatch.setattr(postings, "store", postings.TermTable)
    call_command("search_index", "rebuild", verbosity=0)
    term_table = evaluate(backend, rows, language=language)
    assert full_text.success_at_3 == term_table.success_at_3
    assert full_text.mrr == pytest.approx(term_table.mrr, abs=0.01)
