"""How long each kind of personal data is kept, and who deletes it: a small registry apps fill at start-up.

An app that keeps records that may hold personal data registers a Retention (in its AppConfig.ready) with a stable
key, a Czech description of what is kept, why and on what legal basis, and a function that deletes (or anonymises)
what is older than a cut-off moment and says how many records it touched. How many days each kind is kept is a
setting, PERSONAL_DATA_RETENTION_DAYS (a dict by key, each entry also read from the environment; sessions follow
SESSION_COOKIE_AGE instead). Two readers use the one registry, so they never disagree:

* `manage.py purge_personal_data`, run daily from cron, deletes what is past its period and says how much; a second
  run deletes nothing more;
* the privacy notice (legal.PrivacyNoticePage) lists the same records with the same periods.

Nothing here imports the apps: they depend on this module, not the other way round.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Callable, Optional

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone


@dataclass(frozen=True)
class Retention:
    key: str  # the entry of PERSONAL_DATA_RETENTION_DAYS
    description: str  # what is kept and deleted, for the command's report and the privacy notice
    purge: Callable  # purge(cutoff) -> number of records deleted or anonymised, for what ended before cutoff
    purpose: str = ""  # why it is kept, in the privacy notice
    legal_basis: str = ""  # e.g. „úkol ve veřejném zájmu (čl. 6 odst. 1 písm. e) GDPR)“
    period: Optional[Callable] = None  # () -> timedelta, for a kind whose period is another setting (sessions)
    order: int = 100  # its place in the privacy notice's list

    @property
    def kept_for(self):
        if self.period is not None:
            return self.period()
        periods = getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", {})
        if self.key not in periods:
            raise ImproperlyConfigured(f"PERSONAL_DATA_RETENTION_DAYS has no entry {self.key!r}")
        return timedelta(days=int(periods[self.key]))

    @property
    def days(self):
        return self.kept_for.days


_registry = {}


def register(retention):
    """Declare a kind of personal data and its purge; registering the same key again replaces it."""
    _registry[retention.key] = retention


def get(key):
    """The registered Retention of this key (KeyError if none is)."""
    return _registry[key]


def registered():
    """Every registered kind, in the privacy notice's order."""
    return sorted(_registry.values(), key=lambda retention: (retention.order, retention.key))


def purge_all(now=None, keys=None):
    """Run every registered purge (or those of `keys`); [(retention, cutoff, count)]."""
    now = now or timezone.now()
    results = []
    for retention in registered():
        if keys is not None and retention.key not in keys:
            continue
        cutoff = now - retention.kept_for
        results.append((retention, cutoff, retention.purge(cutoff)))
    return results
