"""The ranking rules both backends share: how strongly a document holds each term, how much each type of page
counts, which results are noise, and the results editors pin to a query.

A document's score for a query plan (search.planning) is the sum, over the plan's variants, of the variant's
factor times its IDF times the document's weight for it; times the square of the share of the query's words the
document matched; times its type's boost. Results under RELATIVE_CUTOFF of the best are left out. The database
backend computes it in SQL (search.backends.postings), Elasticsearch from the same weights in rank features.
"""

import math
from collections import Counter, defaultdict

from .analysis import analyze
from .result_types import ResultType

FIELD_BOOSTS = {"title": 10.0, "lay_terms": 8.0, "summary": 3.0, "body": 1.0}
TYPE_BOOSTS = {ResultType.SITUATION: 2.0, ResultType.SERVICE: 1.0, ResultType.COUNTER: 0.6}
# Results scoring under this share of the best one are noise (a synonym or a prefix in passing).
RELATIVE_CUTOFF = 0.08


def term_weights(document):
    """{term: weight} of a SearchDocument: each field's boost times a dampened count of the term in it."""
    weights = defaultdict(float)
    for name, boost in FIELD_BOOSTS.items():
        for value, count in Counter(analyze(getattr(document, name))).items():
            weights[value] += boost * (1 + math.log(count))
    return dict(weights)


def type_boost(result_type):
    return TYPE_BOOSTS.get(result_type, 1.0)


def pinned_page_ids(query):
    """The pages editors pinned to this query, compared by analysed terms ("Občanky" pins "obcanka" too)."""
    from .models import PinnedResult

    wanted = tuple(analyze(query))
    if not wanted:
        return []
    return [pin.page_id for pin in PinnedResult.objects.all() if tuple(analyze(pin.query)) == wanted]
