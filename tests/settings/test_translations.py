"""Czech counts read right: 1 den, 2 dny, 5 dní, whatever template or code says them."""

import polib
import pytest
from django.conf import settings
from django.utils import translation

from navigator.messages import extract

CATALOG = settings.BASE_DIR / "locale" / "cs" / "LC_MESSAGES" / "django.po"


def test_every_plural_of_the_site_has_its_three_czech_forms():
    """Czech msgids carry two forms; the third (5 and more) comes from locale/cs."""
    catalog = {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(CATALOG))}
    plurals = [message for message in extract().messages.values() if message.msgid_plural]
    missing = [(message.msgid, message.msgid_plural) for message in plurals if message.key not in catalog]
    assert plurals and not missing, f"add these to {CATALOG.name}: {missing}"
    for message in plurals:
        entry = catalog[message.key]
        assert entry.msgid_plural == message.msgid_plural, message.msgid
        assert len(entry.msgstr_plural) == 3 and all(entry.msgstr_plural.values()), message.msgid


def test_compiled_catalog_is_current():
    compiled = CATALOG.with_suffix(".mo")
    assert compiled.exists() and compiled.stat().st_mtime >= CATALOG.stat().st_mtime, (
        "run `manage.py compile_translations` (make setup does)")


@pytest.mark.parametrize(("count", "expected"), [(1, "1 den"), (2, "2 dny"), (4, "4 dny"), (5, "5 dní"), (15, "15 dní")])
def test_days_take_the_czech_plural(count, expected):
    with translation.override("cs"):
        assert translation.ngettext("%(days)s den", "%(days)s dní", count) % {"days": count} == expected
