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


def read_tsv(lines):
    """(query, expected slugs) pairs from 'query<TAB>slug slug…' lines; '#' starts a comment."""
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#") or "\t" not in line:
            continue
        query, expected = line.split("\t", 1)
        yield query.strip(), set(expected.replace(",", " ").split())


def evaluate(backend, rows, depth=10):
    result = Evaluation()
    for query, expected in rows:
        results = backend.search(query, limit=depth)
        result.answered_by[results.backend] += 1
        slugs = [hit.slug for hit in results.hits]
        rank = next((position for position, slug in enumerate(slugs, 1) if slug in expected), None)
        result.rows += 1
        if rank is not None:
            result.reciprocal_ranks += 1 / rank
        if rank is not None and rank <= 3:
            result.found_at_3 += 1
        else:
            result.misses.append((query, expected, slugs[:3], rank))
    return result
