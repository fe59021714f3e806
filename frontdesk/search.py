"""The front desk's search: situations first, then services, a few of each, without touching the query log.

Clerks search while a visitor talks, and the page searches as they type; their half-typed queries are not
what citizens look for, so they stay out of the public search analytics (search.querylog).
"""

from dataclasses import dataclass, field

from search.backends import get_backend
from search.backends.base import SearchFilters
from search.query import clean_query
from search.result_types import ResultType

RESULTS_PER_TYPE = 8


@dataclass
class DeskResults:
    query: str
    notices: list = field(default_factory=list)
    situations: list = field(default_factory=list)
    services: list = field(default_factory=list)
    suggestion: str = ""

    @property
    def searched(self):
        return bool(self.query)

    @property
    def empty(self):
        return not (self.situations or self.services)


def desk_search(raw_query):
    """DeskResults for what the clerk typed; bad input (NUL, broken Unicode, 5,000 characters) is cleaned."""
    query, notices = clean_query(raw_query or "")
    results = DeskResults(query, notices)
    if not query:
        return results
    backend = get_backend()
    situations, services = (backend.search(query, SearchFilters(type=result_type), limit=RESULTS_PER_TYPE)
                            for result_type in (ResultType.SITUATION, ResultType.SERVICE))
    # A result opens at the desk by its slug; a hit without one (an index out of date) is left out.
    results.situations = [hit for hit in situations.hits if hit.slug]
    results.services = [hit for hit in services.hits if hit.slug]
    results.suggestion = situations.suggestion or services.suggestion
    return results
