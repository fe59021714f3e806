"""The wrapper that answers from the database backend whenever the primary engine (Elasticsearch) cannot.

It falls back on the engine's own failures only: no answer (down, timed out) and error answers. An error
answer the engine should never give us, a 4xx other than 429 (a query it cannot parse, a missing index), is a
fault to fix rather than an outage, so it is logged at ERROR with its traceback; the citizen is answered from
the database all the same. Anything else (a programming error) is raised like any other bug.
"""

import logging

from elasticsearch import ApiError, TransportError
from elasticsearch.helpers import BulkIndexError

from .base import SearchBackend

logger = logging.getLogger("search")
ENGINE_ERRORS = (ApiError, TransportError, BulkIndexError)


def is_fault(error):
    """An error answer that says our request or our index is wrong, not that the engine is busy or down."""
    return isinstance(error, ApiError) and 400 <= error.status_code < 500 and error.status_code != 429


class FallbackBackend(SearchBackend):
    """Elasticsearch first; the database backend whenever Elasticsearch is down, slow or failing.

    Writes go to both, so the fallback always has the data: a failed write to Elasticsearch is logged and never
    raised (an editor's publish must not fail because of the search engine); a rebuild, which a person runs,
    raises.
    """

    def __init__(self, primary, fallback):
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name

    def _fall_back(self, action, error):
        if is_fault(error):
            logger.error("Elasticsearch refused the %s (%s: %s); answering from the %s backend", action,
                         type(error).__name__, error, self.fallback.name, exc_info=error)
        else:
            logger.warning("Elasticsearch %s failed (%s: %s); answering from the %s backend", action,
                           type(error).__name__, error, self.fallback.name)

    def search(self, query, filters=None, offset=0, limit=10, language=""):
        try:
            return self.primary.search(query, filters, offset=offset, limit=limit, language=language)
        except ENGINE_ERRORS as error:
            self._fall_back("search", error)
            return self.fallback.search(query, filters, offset=offset, limit=limit, language=language)

    def autocomplete(self, prefix, limit=8, language=""):
        try:
            return self.primary.autocomplete(prefix, limit=limit, language=language)
        except ENGINE_ERRORS as error:
            self._fall_back("autocomplete", error)
            return self.fallback.autocomplete(prefix, limit=limit, language=language)

    def _write(self, action, *args):
        getattr(self.fallback, action)(*args)
        try:
            getattr(self.primary, action)(*args)
        except ENGINE_ERRORS:  # publishing is never blocked by the search engine
            logger.exception("Search index %s failed in the %s backend; run `manage.py search_index rebuild` to "
                             "repair it", action, self.primary.name)

    def index(self, documents):
        self._write("index", list(documents))

    def delete(self, page_ids):
        self._write("delete", list(page_ids))

    def rebuild(self, documents, progress=None):
        """Rebuild Elasticsearch while reading the documents (see its rebuild), then the database from them."""
        remaining = iter(documents)
        read = []

        def reading():
            for document in remaining:
                read.append(document)
                yield document

        try:
            return self.primary.rebuild(reading(), progress=progress)
        finally:
            read.extend(remaining)  # what Elasticsearch did not get to, when it failed
            self.fallback.rebuild(read)
