"""The search backend that settings.SEARCH["BACKEND"] chooses, configured from the same dict."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

BACKENDS = ("database", "elasticsearch")


def get_backend(name=None):
    config = settings.SEARCH
    name = name or config["BACKEND"]
    if name == "database":
        from .database import DatabaseBackend

        return DatabaseBackend()
    if name == "elasticsearch":
        options = config["ELASTICSEARCH"]
        if not options.get("URL"):
            raise ImproperlyConfigured("SEARCH_BACKEND is 'elasticsearch' but ELASTICSEARCH_URL is not set.")
        from .database import DatabaseBackend
        from .elasticsearch import ElasticsearchBackend
        from .fallback import FallbackBackend

        # The Elasticsearch client (and its connection pool) is shared per URL by elasticsearch.client_for.
        return FallbackBackend(ElasticsearchBackend.from_settings(options), DatabaseBackend())
    raise ImproperlyConfigured(f"Unknown search backend {name!r}: use one of {', '.join(BACKENDS)}.")
