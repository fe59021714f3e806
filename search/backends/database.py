"""The embedded search backend: an index in our own tables, no search server needed.

Works on SQLite and PostgreSQL alike; where the postings live and how they are matched is the postings
module's business (a term table, or PostgreSQL's full-text search). A query's terms are expanded with
synonyms, prefixes and typo corrections from the index's own vocabulary, and documents are scored by
BM25-style IDF, how strongly each field holds the terms, how many of the query's words they match, and type.
"""

import bisect
import html
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .. import facets as facet_rules
from ..analysis import analyze, term, words
from ..facets import FACETS
from ..models import IndexedDocument, IndexState
from ..ranking import pinned_page_ids, type_boost
from ..synonyms import expand_groups
from . import postings
from .base import SearchBackend, SearchFilters, SearchHit, SearchResults

# Results scoring under this share of the best one are noise (a synonym or a prefix in passing).
RELATIVE_CUTOFF = 0.08
EXACT, SYNONYM, PREFIX, FUZZY = 1.0, 0.8, 0.6, 0.55
MIN_PREFIX = 4


@dataclass
class Vocabulary:
    """What a process keeps of the index between queries: term frequencies and each document's facets."""

    version: int
    document_count: int
    frequencies: dict
    sorted_terms: list = field(default_factory=list)
    documents: dict = field(default_factory=dict)  # document id -> {type, audience, topic, department, title}

    def idf(self, value):
        frequency = self.frequencies.get(value, 0)
        return math.log(1 + (self.document_count - frequency + 0.5) / (frequency + 0.5))

    def with_prefix(self, prefix, limit=30):
        start = bisect.bisect_left(self.sorted_terms, prefix)
        found = []
        for value in self.sorted_terms[start:start + limit]:
            if not value.startswith(prefix):
                break
            found.append(value)
        return found

    def closest(self, value):
        """The vocabulary's nearest term to a misspelt one, or None when nothing is near enough.

        Distance counts a swap of two neighbouring letters as one edit ("lsit" -> "list"); among equally
        near terms the most frequent wins.
        """
        if len(value) < 4:
            return None
        allowed = 1 if len(value) <= 5 else 2
        candidates = process.extract(value, self.sorted_terms, scorer=OSA.distance, score_cutoff=allowed,
                                     limit=20)
        if not candidates:
            return None
        best = min(candidates, key=lambda match: (match[1], -self.frequencies[match[0]]))
        return best[0]


_vocabulary = None
_vocabulary_lock = threading.Lock()


def vocabulary():
    """The index's vocabulary, reloaded only when the index has changed since this process last read it."""
    global _vocabulary
    version = IndexState.current()
    if _vocabulary is None or _vocabulary.version != version:
        with _vocabulary_lock:
            frequencies = postings.store().frequencies()
            documents = {
                doc_id: {"type": result_type, "audience": audience, "topic": topic, "department": department,
                         "title": title}
                for doc_id, result_type, audience, topic, department, title in IndexedDocument.objects.values_list(
                    "id", "type", "audience", "topic", "department", "title").iterator(chunk_size=5000)
            }
            _vocabulary = Vocabulary(version, len(documents), frequencies, sorted(frequencies), documents)
    return _vocabulary


@dataclass
class QueryPlan:
    terms: list  # the query's own terms, one group each
    variants: dict  # group index -> {variant term: factor}
    corrections: dict  # query term -> corrected vocabulary term

    @property
    def all_terms(self):
        return {variant for group in self.variants.values() for variant in group}


def plan_query(text, vocab, prefix_last=False):
    own = list(dict.fromkeys(analyze(text)))
    variants, corrections = {}, {}
    for index, value in enumerate(own):
        group = {}
        if value in vocab.frequencies:
            group[value] = EXACT
        is_last = index == len(own) - 1
        if len(value) >= MIN_PREFIX or (prefix_last and is_last and len(value) >= 2):
            for candidate in vocab.with_prefix(value):
                group.setdefault(candidate, PREFIX)
        if not group:
            corrected = vocab.closest(value)
            if corrected:
                group[corrected] = FUZZY
                corrections[value] = corrected
        variants[index] = group
    for triggers, extra in expand_groups(own):
        for index in triggers:
            for value in extra:
                if value in vocab.frequencies:
                    variants[index].setdefault(value, SYNONYM)
    return QueryPlan(own, variants, corrections)


class DatabaseBackend(SearchBackend):
    name = "database"

    # -- writing -----------------------------------------------------------------------------------

    @transaction.atomic
    def index(self, documents):
        documents = list(documents)
        if not documents:
            return
        IndexedDocument.objects.filter(page_id__in=[d.page_id for d in documents]).delete()
        self._write(documents)
        IndexState.bump()

    @transaction.atomic
    def delete(self, page_ids):
        IndexedDocument.objects.filter(page_id__in=list(page_ids)).delete()
        IndexState.bump()

    @transaction.atomic
    def rebuild(self, documents, progress=None):
        postings.store().clear()
        IndexedDocument.objects.all().delete()
        batch = []
        for done, document in enumerate(documents, 1):
            batch.append(document)
            if len(batch) == 500:
                self._write(batch)
                batch = []
            if progress:
                progress(done)
        self._write(batch)
        IndexState.bump()

    def _write(self, documents):
        store = postings.store()
        rows = IndexedDocument.objects.bulk_create([
            IndexedDocument(page_id=d.page_id, type=d.type, slug=d.slug, title=d.title, url=d.url,
                            summary=d.summary, body=f"{d.lay_terms}\n{d.body}", audience=d.audience,
                            topic=d.topic, department=d.department,
                            length=len(d.title) + len(d.summary) + len(d.body), **store.document_fields(d))
            for d in documents
        ])
        stored = {row.page_id: row for row in rows}
        if any(row.pk is None for row in rows):  # backends that return no primary keys from bulk_create
            stored = {row.page_id: row for row in
                      IndexedDocument.objects.filter(page_id__in=[d.page_id for d in documents])}
        store.write(stored, documents)

    # -- reading -----------------------------------------------------------------------------------

    def search(self, query, filters=None, offset=0, limit=10, prefix_last=False):
        filters = filters or SearchFilters()
        vocab = vocabulary()
        plan = plan_query(query, vocab, prefix_last=prefix_last)
        if not plan.all_terms:
            return SearchResults(query=query, total=0, hits=[], facets=self._empty_facets(),
                                 suggestion="", backend=self.name)

        scores, metadata = self._score(plan, vocab)
        if scores:
            floor = max(scores.values()) * RELATIVE_CUTOFF
            scores = {doc_id: score for doc_id, score in scores.items() if score >= floor}
        pinned = self._pinned(query, metadata)
        for page_document_id in pinned:
            scores[page_document_id] = max(scores.values(), default=0) + 1000 + scores.get(page_document_id, 0)

        facets = self._facets(scores, metadata, filters)
        ranked = sorted((doc_id for doc_id in scores if self._matches(metadata[doc_id], filters)),
                        key=lambda doc_id: (-scores[doc_id], metadata[doc_id]["title"]))
        page_ids = ranked[offset:offset + limit]
        documents = IndexedDocument.objects.in_bulk(page_ids)
        hits = [self._hit(documents[doc_id], scores[doc_id], plan) for doc_id in page_ids if doc_id in documents]
        suggestion = ""
        if plan.corrections:
            suggestion = self._suggestion(query, plan, documents.get(ranked[0]) if ranked else None)
        return SearchResults(query=query, total=len(ranked), hits=hits, facets=facets, suggestion=suggestion,
                             backend=self.name)

    def autocomplete(self, prefix, limit=8):
        results = self.search(prefix, SearchFilters(), limit=limit, prefix_last=True)
        return [{"title": hit.title, "url": hit.url, "type": hit.type} for hit in results.hits]

    def _score(self, plan, vocab):
        """Scores of the documents matching the plan; the postings store sums them in the database."""
        matches = postings.store().matches(plan, vocab)
        groups = max(len(plan.terms), 1)
        metadata = vocab.documents
        scores = {}
        for doc_id, total, matched_groups in matches:
            meta = metadata.get(doc_id)
            if meta is None:  # written after this process read the vocabulary
                continue
            coverage = matched_groups / groups
            scores[doc_id] = total * coverage * coverage * type_boost(meta["type"])
        return scores, metadata

    def _pinned(self, query, metadata):
        pinned_pages = pinned_page_ids(query)
        if not pinned_pages:
            return []
        pinned_ids = IndexedDocument.objects.filter(page_id__in=pinned_pages).values_list("id", flat=True)
        return [doc_id for doc_id in pinned_ids if doc_id in metadata]

    @staticmethod
    def _matches(meta, filters, skip=None):
        return all(meta[name] in allowed for name, allowed in facet_rules.active_filters(filters, skip=skip))

    def _facets(self, scores, metadata, filters):
        facets = {}
        for name in FACETS:
            stored = Counter(metadata[doc_id][name] for doc_id in scores
                             if self._matches(metadata[doc_id], filters, skip=name))
            facets[name] = facet_rules.count(name, stored)
        return facets

    @staticmethod
    def _empty_facets():
        return {name: {} for name in FACETS}

    def _hit(self, document, score, plan):
        return SearchHit(type=document.type, slug=document.slug, title=document.title, url=document.url,
                         summary=document.summary, score=round(score, 4),
                         highlight=highlight(document, plan.all_terms), page_id=document.page_id)

    @staticmethod
    def _suggestion(query, plan, top_document):
        corrected_words = {}
        source = " ".join([top_document.title, top_document.summary, top_document.body]) if top_document else ""
        for word in words(query):
            wanted = plan.corrections.get(term(word))
            if wanted:
                corrected_words[word] = next((w for w in words(source) if term(w) == wanted), wanted)
        if not corrected_words:
            return ""
        return " ".join(corrected_words.get(word, word) for word in words(query))


def highlight(document, matched_terms, width=200):
    """The summary, or the part of the body that matched, with the matched words in <mark>."""
    for text in (document.summary, document.body.replace("\n", " ")):
        tokens = re.split(r"(\w+)", text)
        marked_positions = [i for i, token in enumerate(tokens) if token and term(token.lower()) in matched_terms]
        if not marked_positions:
            continue
        if text is not document.summary:
            start = max(0, marked_positions[0] - 12)
            tokens = tokens[start:start + 60]
            marked_positions = [i - start for i in marked_positions if start <= i < start + 60]
            prefix, suffix = "… ", " …"
        else:
            prefix = suffix = ""
        marked = set(marked_positions)
        pieces = [f"<mark>{html.escape(t)}</mark>" if i in marked else html.escape(t) for i, t in enumerate(tokens)]
        return prefix + "".join(pieces).strip() + suffix
    return html.escape(document.summary[:width])
