"""The search backend chosen by settings.SEARCH_BACKEND."""

from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def get_backend(name=None):
    name = name or settings.SEARCH_BACKEND
    if name == "database":
        from .database import DatabaseBackend

        return DatabaseBackend()
    if name == "elasticsearch":
        if not getattr(settings, "ELASTICSEARCH_URL", ""):
            raise ImproperlyConfigured("SEARCH_BACKEND is 'elasticsearch' but ELASTICSEARCH_URL is not set.")
        return _elasticsearch(settings.ELASTICSEARCH_URL)
    raise ImproperlyConfigured(f"Unknown SEARCH_BACKEND {name!r}: use 'database' or 'elasticsearch'.")


@lru_cache(maxsize=4)
def _elasticsearch(url):
    """One client (and its connection pool) per process and URL."""
    from .database import DatabaseBackend
    from .elasticsearch import ElasticsearchBackend, FallbackBackend

    return FallbackBackend(ElasticsearchBackend(url), DatabaseBackend())
