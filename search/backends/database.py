"""The embedded search backend: an index in our own tables, no search server needed.

Works on SQLite and PostgreSQL alike; where the postings live and how they are matched is the postings
module's business (a term table, or PostgreSQL's full-text search). A query becomes a plan (search.planning:
synonyms, prefixes and typo corrections from the index's own vocabulary) per language, each plan finds the
documents of its language, and documents are scored by the shared rules of search.ranking: IDF, how strongly
each field holds the terms, how many of the query's words they match, type, and the visitor's language.
"""

from collections import Counter

from django.db import transaction

from .. import facets as facet_rules
from ..facets import FACETS
from ..highlighting import highlight, suggestion
from ..models import IndexedDocument, IndexState
from ..planning import plan_languages, vocabularies
from ..ranking import RELATIVE_CUTOFF, language_boost, pinned_page_ids, type_boosts
from . import postings
from .base import SearchBackend, SearchFilters, SearchHit, SearchResults

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
                            topic=d.topic, department=d.department, language=d.language,
                            length=len(d.title) + len(d.summary) + len(d.body), **store.document_fields(d))
            for d in documents
        ])
        stored = {row.page_id: row for row in rows}
        if any(row.pk is None for row in rows):  # backends that return no primary keys from bulk_create
            stored = {row.page_id: row for row in
                      IndexedDocument.objects.filter(page_id__in=[d.page_id for d in documents])}
        store.write(stored, documents)

    # -- reading -----------------------------------------------------------------------------------

    def search(self, query, filters=None, offset=0, limit=10, prefix_last=False, language=""):
        """`language` is the visitor's: its documents rank first (search.ranking.LANGUAGE_BOOST)."""
        filters = filters or SearchFilters()
        vocabs = vocabularies()
        plans = plan_languages(query, vocabs, prefix_last=prefix_last)
        if not plans:
            return SearchResults(query=query, total=0, hits=[], facets=self._empty_facets(),
                                 suggestion="", backend=self.name)

        metadata = vocabs.documents
        scores = {}
        for plan in plans.values():
            scores.update(self._score(plan, vocabs[plan.language]))
        if scores:
            floor = max(scores.values()) * RELATIVE_CUTOFF
            scores = {doc_id: score * language_boost(metadata[doc_id]["language"], language)
                      for doc_id, score in scores.items() if score >= floor}
        pinned = self._pinned(query, metadata)
        for page_document_id in pinned:
            scores[page_document_id] = max(scores.values(), default=0) + 1000 + scores.get(page_document_id, 0)

        facets = self._facets(scores, metadata, filters)
        ranked = sorted((doc_id for doc_id in scores if self._matches(metadata[doc_id], filters)),
                        key=lambda doc_id: (-scores[doc_id], metadata[doc_id]["title"]))
        page_ids = ranked[offset:offset + limit]
        documents = IndexedDocument.objects.in_bulk(page_ids)
        shown = [documents[doc_id] for doc_id in page_ids if doc_id in documents]
        hits = [self._hit(document, scores[document.pk], plans) for document in shown]
        did_you_mean = ""
        if offset == 0 and any(plan.corrections for plan in plans.values()):
            did_you_mean = suggestion(plans, [(d.language, " ".join([d.title, d.summary, d.body])) for d in shown])
        return SearchResults(query=query, total=len(ranked), hits=hits, facets=facets, suggestion=did_you_mean,
                             backend=self.name)

    def autocomplete(self, prefix, limit=8, language=""):
        results = self.search(prefix, SearchFilters(), limit=limit, prefix_last=True, language=language)
        return [{"title": hit.title, "url": hit.url, "type": hit.type, "language": hit.language}
                for hit in results.hits]

    def _score(self, plan, vocab):
        """Scores of the documents of the plan's language matching it; the postings store sums them in the database."""
        matches = postings.store().matches(plan, vocab)
        groups = max(len(plan.terms), 1)
        boosts = type_boosts(plan)
        metadata = vocab.documents
        scores = {}
        for doc_id, total, matched_groups in matches:
            meta = metadata.get(doc_id)
            if meta is None:  # written after this process read the vocabulary
                continue
            coverage = matched_groups / groups
            scores[doc_id] = total * coverage * coverage * boosts.get(meta["type"], 1.0)
        return scores

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

    def _hit(self, document, score, plans):
        plan = plans.get(document.language)
        matched = plan.all_terms if plan else set()
        return SearchHit(type=document.type, slug=document.slug, title=document.title, url=document.url,
                         summary=document.summary, score=round(score, 4),
                         highlight=highlight(document.summary, document.body, matched, document.language),
                         page_id=document.page_id, language=document.language)

