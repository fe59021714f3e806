"""How long the site keeps what may hold personal data, and deleting it when that time is up.

Each app that keeps such records registers them here once (in its AppConfig.ready): what they are, why they are
kept and on what legal basis, in the visitors' words, for how many days (read from settings.RETENTION_DAYS, or for
sessions from SESSION_COOKIE_AGE), and how to delete the expired ones. Two readers use the one register:

* `manage.py purge_personal_data`, run daily from cron, deletes what is older than its period and says how much;
  a second run the same day deletes nothing (the command is idempotent);
* the privacy notice (legal.PrivacyNoticePage) lists the same records with the same periods, so the notice and
  what the site really does never disagree.

An app registers with `register(...)`; nothing here imports the apps, so they depend on this module, not the other
way round.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Record:
    """One kind of record that may hold personal data, as the privacy notice and the purge command see it."""

    key: str  # e.g. "feedback-comments"; also its name in settings.RETENTION_DAYS
    label: str  # what is kept, e.g. „Komentáře ve zpětné vazbě“ (lazy translation)
    purpose: str  # why
    legal_basis: str  # e.g. „čl. 6 odst. 1 písm. e) GDPR – úkol ve veřejném zájmu“
    purge: object  # purge(cutoff: datetime) -> how many records it deleted (or emptied)
    period: object = None  # () -> timedelta; by default settings.RETENTION_DAYS[key] days
    order: int = 100  # place in the privacy notice's list

    @property
    def kept_for(self):
        """How long records are kept, a timedelta from the settings."""
        if self.period is not None:
            return self.period()
        return datetime.timedelta(days=settings.RETENTION_DAYS[self.key])

    @property
    def days(self):
        return self.kept_for.days


_records = {}


def register(key, *, label, purpose, legal_basis, purge, period=None, order=100):
    """Register a kind of record; registering the same key again replaces it (apps may be reloaded in tests)."""
    _records[key] = Record(key, label, purpose, legal_basis, purge, period, order)


def records():
    """Every registered kind of record, in the privacy notice's order."""
    return sorted(_records.values(), key=lambda record: (record.order, record.key))


def purge(now=None, keys=None):
    """Delete every record older than its period; [(Record, how many)] in the notice's order."""
    now = now or timezone.now()
    done = []
    for record in records():
        if keys is not None and record.key not in keys:
            continue
        done.append((record, record.purge(now - record.kept_for)))
    return done
