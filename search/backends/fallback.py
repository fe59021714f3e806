"""The wrapper that answers from the database backend whenever the primary engine (Elasticsearch) cannot."""

import logging

from .base import SearchBackend

logger = logging.getLogger("search")


class FallbackBackend(SearchBackend):
    """Elasticsearch first; the database backend whenever Elasticsearch is down, slow or failing.

    Writes go to both, so the fallback always has the data: a failed write is logged and never raised (an
    editor's publish must not fail because of the search engine); a rebuild, which a person runs, raises.
    """

    def __init__(self, primary, fallback):
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name

    def _fall_back(self, action, error):
        logger.warning("Elasticsearch %s failed (%s: %s); answering from the %s backend", action,
                       type(error).__name__, error, self.fallback.name)

    def search(self, query, filters=None, offset=0, limit=10):
        try:
            return self.primary.search(query, filters, offset=offset, limit=limit)
        except Exception as error:  # noqa: BLE001 - any failure of the engine: the citizen still gets results
            self._fall_back("search", error)
            return self.fallback.search(query, filters, offset=offset, limit=limit)

    def autocomplete(self, prefix, limit=8):
        try:
            return self.primary.autocomplete(prefix, limit=limit)
        except Exception as error:  # noqa: BLE001
            self._fall_back("autocomplete", error)
            return self.fallback.autocomplete(prefix, limit=limit)

    def _write(self, action, *args):
        for backend in (self.fallback, self.primary):
            try:
                getattr(backend, action)(*args)
            except Exception:  # noqa: BLE001 - publishing is never blocked by the index
                logger.exception("Search index %s failed in the %s backend; run `manage.py search_index "
                                 "rebuild` to repair it", action, backend.name)

    def index(self, documents):
        self._write("index", list(documents))

    def delete(self, page_ids):
        self._write("delete", list(page_ids))

    def rebuild(self, documents, progress=None):
        documents = list(documents)
        self.fallback.rebuild(documents)
        return self.primary.rebuild(documents, progress=progress)
