"""Relevance measured the way a citizen meets it: is a right situation in the first three results?"""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Evaluation:
    rows: int = 0
    found_at_3: int = 0
    reciprocal_ranks: float = 0.0
    misses: list = field(default_factory=list)
    answered_by: Counter = field(default_factory=Counter)  # backend name -> queries it answered (a fallback shows)

    @property
    def success_at_3(self):
        return self.found_at_3 / self.rows if self.rows else 0.0

    @property
    def mrr(self):
        return self.reciprocal_ranks / self.rows if self.rows else 0.0


def read_language(lines, default=""):
    """The visitor's language a set is written in, from its '# language: en' line; `default` without one."""
    for line in lines:
        text = line.strip()
        if text.startswith("#") and text[1:].strip().lower().startswith("language:"):
            return text.split(":", 1)[1].strip().lower()
    return default


def read_tsv(lines):
    """(query, expected slugs) pairs from 'query<TAB>slug slug…' lines; '#' starts a comment. A slug may name
    the type it expects ("counter:matrika")."""
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#") or "\t" not in line:
            continue
        query, expected = line.split("\t", 1)
        yield query.strip(), set(expected.replace(",", " ").split())


def evaluate(backend, rows, depth=10, language=""):
    """How the backend answers each (query, expected slugs) row, searched as a visitor of `language` would."""
    result = Evaluation()
    for query, expected in rows:
        results = backend.search(query, limit=depth, language=language)
        result.answered_by[results.backend] += 1
        slugs = [hit.slug for hit in results.hits]
        # An expected "counter:czech-point" wants that type; a bare slug is any result of that slug.
        rank = next((position for position, hit in enumerate(results.hits, 1)
                     if hit.slug in expected or f"{hit.type}:{hit.slug}" in expected), None)
        result.rows += 1
        if rank is not None:
            result.reciprocal_ranks += 1 / rank
        if rank is not None and rank <= 3:
            result.found_at_3 += 1
        else:
            result.misses.append((query, expected, slugs[:3], rank))
    return result
