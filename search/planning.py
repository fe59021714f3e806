"""What a query's words become before any backend looks for them: the query plan, made from the index's vocabulary.

Each word of the query (as search.analysis makes it) is one group of variants, each with a factor: the word itself,
the synonyms the shared file gives it, longer words of the vocabulary it begins (from four letters, or any length
for the last word of an autocomplete), and, when nothing of that is in the vocabulary, the nearest term for a
typo. Both backends rank the same plan, so synonyms, prefixes and typos behave the same in both.

The vocabulary is that of the database index, which is written beside every backend (Elasticsearch's too, see
search.backends.fallback); each process keeps it until the index changes.
"""

import bisect
import math
import threading
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .analysis import analyze
from .backends import postings
from .models import IndexedDocument, IndexState
from .synonyms import expand_groups

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
