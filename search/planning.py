"""What a query's words become before any backend looks for them: the query plan, made from the index's vocabulary.

Each word of the query (as search.analysis makes it) is one group of variants, each with a factor: the word itself,
the synonyms the shared file gives it, longer words of the vocabulary it begins (from four letters, or any length
for the last word of an autocomplete), and, when nothing of that is in the vocabulary, the nearest term for a
typo. Both backends rank the same plan, so synonyms, prefixes and typos behave the same in both.

The vocabulary is that of the database index, which is written beside every backend (Elasticsearch's too, see
search.backends.fallback); each process keeps it until the index changes. Each language has its own: a query is
planned once per language the index holds, with that language's analysis, synonyms and vocabulary, and each
plan finds the documents of its language (search.ranking then puts the visitor's language first).
"""

import bisect
import math
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .analysis import DEFAULT_LANGUAGE, analyze
from .backends import postings
from .models import IndexedDocument, IndexState
from .synonyms import expand_groups

EXACT, SYNONYM, PREFIX, FUZZY = 1.0, 0.8, 0.6, 0.55
MIN_PREFIX = 4


@dataclass
class Vocabulary:
    """What a process keeps of one language's index between queries: term frequencies, each document's facets."""

    version: int
    document_count: int
    frequencies: dict
    sorted_terms: list = field(default_factory=list)
    # document id -> {type, audience, topic, department, title, language}, every language's (one dict, shared)
    documents: dict = field(default_factory=dict)
    language: str = DEFAULT_LANGUAGE

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


@dataclass
class Vocabularies:
    """Every language's Vocabulary of one version of the index, and the documents' facets they share."""

    version: int
    documents: dict
    languages: dict  # language -> Vocabulary

    def __getitem__(self, language):
        return self.languages[language]

    def get(self, language):
        return self.languages.get(language) or Vocabulary(self.version, 0, {}, [], self.documents, language)


_vocabularies = None
_vocabulary_lock = threading.Lock()
FACET_FIELDS = ("type", "audience", "topic", "department", "title", "language")


def vocabularies():
    """The index's vocabularies, reloaded only when the index has changed since this process last read it."""
    global _vocabularies
    version = IndexState.current()
    if _vocabularies is None or _vocabularies.version != version:
        with _vocabulary_lock:
            frequencies = postings.store().frequencies()
            documents = {row[0]: dict(zip(FACET_FIELDS, row[1:])) for row in IndexedDocument.objects.values_list(
                "id", *FACET_FIELDS).iterator(chunk_size=5000)}
            counts = defaultdict(int)
            for meta in documents.values():
                counts[meta["language"]] += 1
            languages = {language: Vocabulary(version, counts[language], terms, sorted(terms), documents, language)
                         for language, terms in frequencies.items()}
            _vocabularies = Vocabularies(version, documents, languages)
    return _vocabularies


def vocabulary(language=DEFAULT_LANGUAGE):
    """One language's vocabulary of the index."""
    return vocabularies().get(language)


@dataclass
class QueryPlan:
    terms: list  # the query's own terms, one group each
    variants: dict  # group index -> {variant term: factor}
    corrections: dict  # query term -> corrected vocabulary term
    language: str = DEFAULT_LANGUAGE

    @property
    def all_terms(self):
        return {variant for group in self.variants.values() for variant in group}


def plan_query(text, vocab, prefix_last=False):
    """The query's plan in the vocabulary's language."""
    language = vocab.language
    own = list(dict.fromkeys(analyze(text, language)))
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
    for triggers, extra in expand_groups(own, language):
        for index in triggers:
            for value in extra:
                if value in vocab.frequencies:
                    variants[index].setdefault(value, SYNONYM)
    return QueryPlan(own, variants, corrections, language)


def plan_languages(text, vocabs, prefix_last=False):
    """{language: QueryPlan} for each language of the index where the query finds any term to look for."""
    plans = {language: plan_query(text, vocab, prefix_last=prefix_last)
             for language, vocab in vocabs.languages.items()}
    return {language: plan for language, plan in plans.items() if plan.all_terms}
