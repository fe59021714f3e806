"""The search backend chosen by settings.SEARCH_BACKEND."""

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
        from .database import DatabaseBackend
        from .elasticsearch import ElasticsearchBackend, FallbackBackend

        # The Elasticsearch client (and its connection pool) is shared per URL by elasticsearch.client_for.
        return FallbackBackend(ElasticsearchBackend(settings.ELASTICSEARCH_URL), DatabaseBackend())
    raise ImproperlyConfigured(f"Unknown SEARCH_BACKEND {name!r}: use 'database' or 'elasticsearch'.")

