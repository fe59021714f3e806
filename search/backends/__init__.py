"""The search backend chosen by settings.SEARCH_BACKEND."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def get_backend(name=None):
    name = name or settings.SEARCH_BACKEND
    if name == "database":
        from .database import DatabaseBackend

        return DatabaseBackend()
    raise ImproperlyConfigured(f"Unknown SEARCH_BACKEND {name!r}: use 'database'.")
