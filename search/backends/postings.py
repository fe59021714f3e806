"""Where the database backend keeps each document's terms, and how it finds and scores the documents of a query.

Both stores hold the same terms, made by search.analysis in Python in each document's language (stemming or
lemmas, stop words, diacritics folded), so the backend behaves the same on every database, and each language's
postings are read apart (a query is planned per language):

* `TermTable` (SQLite, and any other database): one row per (document, term) with the term's weight; a
  query sums the strongest postings of each term in SQL.
* `PostgresFullText`: one `tsvector` per document, each term at its positions and with a weight class per
  field (title A, lay terms B, summary C, body D), behind a GIN index; a query is a `tsquery` matched with
  `@@` and ranked with `ts_rank`, and the vocabulary comes from `ts_stat`. PostgreSQL's own dictionaries do
  not stem Czech, so the `simple` configuration is never asked to parse anything: the vectors and queries are
  written as literals of the terms our analysis made.

A store answers the same questions for the backend: what a document's row holds besides its text, write these
documents' terms, how many documents of each language hold each term, and which documents of the plan's language
match a query plan with what score and how many of the query's words.
"""

from collections import defaultdict

from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import Count, Value
from django.db.models.functions import Cast

from ..analysis import analyze
from ..models import IndexedDocument, IndexedTerm
from ..ranking import FIELD_BOOSTS, term_weights

# Each term contributes at most its strongest postings, so a word in most of a large catalog costs no more
# than a rare one.
POSTINGS_PER_TERM = 400


def store():
    """The postings store for the database in use."""
    return PostgresFullText() if connection.vendor == "postgresql" else TermTable()


class TermTable:
    """Postings as rows of IndexedTerm, each with the term's weight (search.ranking.term_weights)."""

    def document_fields(self, document):
        return {}

    def write(self, stored, documents):
        """Store the terms of `documents`, whose IndexedDocument rows are `stored` (page id -> row)."""
        IndexedTerm.objects.bulk_create([
            IndexedTerm(document=stored[d.page_id], language=d.language, term=value, weight=weight)
            for d in documents for value, weight in term_weights(d).items()
        ], batch_size=2000)

    def clear(self):
        IndexedTerm.objects.all().delete()

    def frequencies(self):
        """{language: {term: number of documents holding it}}."""
        found = defaultdict(dict)
        rows = IndexedTerm.objects.order_by().values_list("language", "term").annotate(n=Count("id"))
        for language, value, count in rows:
            found[language][value] = count
        return dict(found)

    def matches(self, plan, vocab):
        """(document id, summed score, number of the query's words matched) for each matching document."""
        table = IndexedTerm._meta.db_table
        parts, params = [], []
        for group, variants in plan.variants.items():
            for value, factor in variants.items():
                parts.append(f"SELECT * FROM (SELECT document_id, weight * %s AS score, %s AS grp FROM {table} "
                             f"WHERE language = %s AND term = %s ORDER BY weight DESC LIMIT {POSTINGS_PER_TERM}) "
                             f"AS p{len(parts)}")
                params += [factor * vocab.idf(value), group, plan.language, value]
        sql = (f"SELECT document_id, SUM(score), COUNT(DISTINCT grp) FROM ({' UNION ALL '.join(parts)}) "
               f"AS postings GROUP BY document_id")
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


# tsvector weight classes by field, and ts_rank's weights for them in its order {D, C, B, A}, scaled from
# FIELD_BOOSTS so the fields count as much as in the term table.
WEIGHT_CLASSES = {"title": "A", "lay_terms": "B", "summary": "C", "body": "D"}
RANK_WEIGHTS = [FIELD_BOOSTS[name] / FIELD_BOOSTS["title"] for name in ("body", "summary", "lay_terms", "title")]
# PostgreSQL keeps positions up to 16,383 and at most 256 of them per term.
MAX_POSITION = 16383
MAX_POSITIONS_PER_TERM = 256
# ts_rank's value for a term found once in a document's title with RANK_WEIGHTS: scores are divided by it so
# they read on the same scale as the term table's (where that term weighs FIELD_BOOSTS["title"]).
TITLE_ONCE = 1.0 / 1.64493406685
# How many of a query's best documents (by one ranking of the whole query) are ranked precisely.
CANDIDATES = 500
# A word in more than this share of the documents finds no documents by itself when the query has rarer words.
COMMON_SHARE = 0.25


def quote(lexeme):
    """A term as a tsvector/tsquery lexeme literal."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(document):
    """A document's terms as a tsvector literal: 'term':1A,7A 'other':2B …, positions counted over the fields."""
    positions = defaultdict(list)
    position = 0
    for name, weight_class in WEIGHT_CLASSES.items():
        for value in analyze(getattr(document, name), document.language):
            position = min(position + 1, MAX_POSITION)
            found = positions[value]
            if len(found) < MAX_POSITIONS_PER_TERM:
                found.append(f"{position}{weight_class}")
        # A gap between fields, so a phrase never runs from the end of one field into the next.
        position = min(position + 1, MAX_POSITION)
    return " ".join(f"{quote(value)}:{','.join(found)}" for value, found in positions.items())


class PostgresFullText:
    """Postings as one tsvector per IndexedDocument, matched and ranked by PostgreSQL's full-text search."""

    def document_fields(self, document):
        return {"search_vector": Cast(Value(tsvector_literal(document)), output_field=SearchVectorField())}

    def write(self, stored, documents):
        pass  # the vectors went in with the document rows

    def clear(self):
        pass  # the vectors live on the document rows, which the backend deletes

    def frequencies(self):
        """{language: {term: number of documents holding it}}, from ts_stat over each language's documents."""
        table = IndexedDocument._meta.db_table
        found = {}
        languages = IndexedDocument.objects.order_by().values_list("language", flat=True).distinct()
        with connection.cursor() as cursor:
            for language in languages:
                inner = (f"SELECT search_vector FROM {table} WHERE search_vector IS NOT NULL "
                         f"AND language = {quote(language)}")
                cursor.execute("SELECT word, ndoc FROM ts_stat(%s)", [inner])
                found[language] = dict(cursor.fetchall())
        return found

    def matches(self, plan, vocab):
        """Documents matching the query's words, with the summed ts_rank of each variant, weighted.

        Each variant (the word itself, a synonym, a longer word it begins, a typo's correction) ranks by
        ts_rank times its factor and IDF, as in the term table; a document also learns how many of the
        query's words (groups) it matched, because a document matching all of them outranks one matching one.

        Ranking every variant costs a ts_rank per variant per document, so it runs only on the CANDIDATES
        documents that a rough ranking (each word's leading variant) puts first; and a word found in most of
        the catalog does not bring documents in by itself when the query has rarer words, as its IDF would
        rank them last anyway. Like the term table's cap on postings, this keeps common words cheap.
        """
        groups = [variants for variants in plan.variants.values() if variants]
        if not groups:
            return []

        def weight(value, factor):
            return factor * vocab.idf(value) / TITLE_ONCE * FIELD_BOOSTS["title"]

        def either(values):
            return " | ".join(quote(value) for value in values)

        def common(variants):
            return all(vocab.frequencies.get(value, 0) > COMMON_SHARE * vocab.document_count
                       for value in variants)

        rank_parts, rank_params = [], []
        for variants in groups:
            for value, factor in variants.items():
                rank_parts.append("ts_rank(%s::float4[], search_vector, %s::tsquery, 0) * %s")
                rank_params += [RANK_WEIGHTS, quote(value), weight(value, factor)]
        group_parts = ["(search_vector @@ %s::tsquery)::int"] * len(groups)
        group_params = [either(variants) for variants in groups]
        finding = either(value for variants in ([g for g in groups if not common(g)] or groups)
                         for value in variants)
        rough = either(max(variants, key=lambda value: weight(value, variants[value])) for variants in groups)
        table = IndexedDocument._meta.db_table
        sql = (f"SELECT id, {' + '.join(rank_parts)}, {' + '.join(group_parts)} FROM ("
               f"SELECT id, search_vector FROM {table} WHERE language = %s AND search_vector @@ %s::tsquery "
               f"ORDER BY ts_rank(%s::float4[], search_vector, %s::tsquery, 0) DESC LIMIT {CANDIDATES}"
               f") AS candidates")
        with connection.cursor() as cursor:
            cursor.execute(sql, [*rank_params, *group_params, plan.language, finding, RANK_WEIGHTS, rough])
            return cursor.fetchall()
