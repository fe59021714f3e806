"""The ranking rules both backends share: how strongly a document holds each term, how much each type of page
counts, which results are noise, and the results editors pin to a query.

A document's score for a query plan (search.planning) is the sum, over the plan's variants, of the variant's
factor times its IDF times the document's weight for it; times the square of the share of the query's words the
document matched; times its type's boost. Results under RELATIVE_CUTOFF of the best are left out; then a
document in the visitor's language is multiplied by LANGUAGE_BOOST, which puts every one of them above every
result in another language (each kept result is at least RELATIVE_CUTOFF of the best).
A query that asks when something is open or where it is (PLACE_WORDS) boosts counters as much as situations:
the answer is a counter's page with its hours. The database
backend computes it in SQL (search.backends.postings), Elasticsearch from the same weights in rank features.
"""

import math
from collections import Counter, defaultdict

from functools import lru_cache

from .analysis import DEFAULT_LANGUAGE, analyze
from .result_types import ResultType

FIELD_BOOSTS = {"title": 10.0, "lay_terms": 8.0, "summary": 3.0, "body": 1.0}
TYPE_BOOSTS = {ResultType.SITUATION: 2.0, ResultType.SERVICE: 1.0, ResultType.COUNTER: 0.6}
# Results scoring under this share of the best one are noise (a synonym or a prefix in passing).
RELATIVE_CUTOFF = 0.08
# The visitor's language first: more than 1 / RELATIVE_CUTOFF, so the weakest kept result in the visitor's
# language still outranks the best one in another language.
LANGUAGE_BOOST = 2 / RELATIVE_CUTOFF
# Words that ask about a place's hours, per language (analysed as the language does).
PLACE_WORDS = {
    "cs": "úřední hodiny otevírací doba otevřeno otevřená otevřený zavřeno zavřená otvírá otevírá",
    "en": "opening hours office hours open opens closed",
    "uk": "години прийому години роботи графік розклад відкрито відчинено зачинено",
}


def term_weights(document):
    """{term: weight} of a SearchDocument: each field's boost times a dampened count of the term in it."""
    weights = defaultdict(float)
    for name, boost in FIELD_BOOSTS.items():
        for value, count in Counter(analyze(getattr(document, name), document.language)).items():
            weights[value] += boost * (1 + math.log(count))
    return dict(weights)


@lru_cache(maxsize=None)
def place_terms(language):
    return frozenset(analyze(PLACE_WORDS.get(language, ""), language))


def type_boosts(plan=None):
    """{type: boost} for a query plan: counters rank like situations when the query asks about hours."""
    boosts = dict(TYPE_BOOSTS)
    if plan is not None and place_terms(plan.language) & set(plan.terms):
        boosts[ResultType.COUNTER] = TYPE_BOOSTS[ResultType.SITUATION]
    return boosts


def language_boost(language, visitor_language):
    return LANGUAGE_BOOST if visitor_language and language == visitor_language else 1.0


def pinned_page_ids(query):
    """The pages editors pinned to this query, compared by analysed terms ("Občanky" pins "obcanka" too)."""
    from .models import PinnedResult

    wanted = tuple(analyze(query, DEFAULT_LANGUAGE))
    if not wanted:
        return []
    return [pin.page_id for pin in PinnedResult.objects.all() if tuple(analyze(pin.query)) == wanted]
