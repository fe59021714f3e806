"""How long each kind of personal data is kept, and who deletes it: a small registry apps fill at start-up.

An app that keeps personal data registers a Retention with a stable key, a Czech description of what is
deleted, and a function that deletes (or anonymises) what is older than a cut-off moment and says how many
records it touched. How many days each kind is kept is a setting, PERSONAL_DATA_RETENTION_DAYS (a dict by key,
each entry also read from the environment), so the command that purges (`manage.py purge_personal_data`) and a
privacy notice that states the periods read the same numbers.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone


@dataclass(frozen=True)
class Retention:
    key: str  # the entry of PERSONAL_DATA_RETENTION_DAYS
    description: str  # what is deleted, for the command's report and a privacy notice
    purge: Callable  # purge(cutoff) -> number of records deleted or anonymised, for what ended before cutoff

    @property
    def days(self):
        periods = getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", {})
        if self.key not in periods:
            raise ImproperlyConfigured(f"PERSONAL_DATA_RETENTION_DAYS has no entry {self.key!r}")
        return int(periods[self.key])


_registry = {}


def register(retention):
    """Declare a kind of personal data and its purge; registering the same key again replaces it."""
    _registry[retention.key] = retention


def get(key):
    """The registered Retention of this key (KeyError if none is)."""
    return _registry[key]


def registered():
    return sorted(_registry.values(), key=lambda retention: retention.key)


def purge_all(now=None):
    """Run every registered purge; [(retention, cutoff, count)]."""
    now = now or timezone.now()
    results = []
    for retention in registered():
        cutoff = now - timedelta(days=retention.days)
        results.append((retention, cutoff, retention.purge(cutoff)))
    return results
