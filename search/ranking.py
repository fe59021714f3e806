"""The ranking rules both backends share: how much each field and each type of page counts, and the results
editors pin to a query."""

from .analysis import analyze
from .result_types import ResultType

FIELD_BOOSTS = {"title": 10.0, "lay_terms": 8.0, "summary": 3.0, "body": 1.0}
TYPE_BOOSTS = {ResultType.SITUATION: 2.0, ResultType.SERVICE: 1.0, ResultType.COUNTER: 0.6}


def type_boost(result_type):
    return TYPE_BOOSTS.get(result_type, 1.0)


def pinned_page_ids(query):
    """The pages editors pinned to this query, compared by analysed terms ("Občanky" pins "obcanka" too)."""
    from .models import PinnedResult

    wanted = tuple(analyze(query))
    if not wanted:
        return []
    return [pin.page_id for pin in PinnedResult.objects.all() if tuple(analyze(pin.query)) == wanted]
