"""Czech counts read right: 1 den, 2 dny, 5 dní, whatever template says them."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

CATALOG = Path(settings.BASE_DIR) / "locale" / "cs" / "LC_MESSAGES" / "django.po"
NGETTEXT = re.compile(r"ngettext\((u'(?:[^'\\]|\\.)*'), (u'(?:[^'\\]|\\.)*'), count\)")


def template_plurals():
    found = set()
    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        for singular, plural in NGETTEXT.findall(templatize(path.read_text(encoding="utf-8"), str(path))):
            found.add((ast.literal_eval(singular), ast.literal_eval(plural)))
    return found


def test_every_plural_in_the_templates_has_its_three_czech_forms():
    catalog = {(entry.msgid, entry.msgid_plural): entry for entry in polib.pofile(str(CATALOG))}
    plurals = template_plurals()
    assert plurals
    missing = sorted(plurals - catalog.keys())
    assert not missing, f"add these to {CATALOG.name}: {missing}"
    for key in plurals:
        forms = catalog[key].msgstr_plural
        assert len(forms) == 3 and all(forms.values()), key


def test_compiled_catalog_is_current():
    compiled = CATALOG.with_suffix(".mo")
    assert compiled.exists() and compiled.stat().st_mtime >= CATALOG.stat().st_mtime, (
        "run `manage.py compile_translations` (make setup does)")


@pytest.mark.parametrize(("count", "expected"), [(1, "1 den"), (2, "2 dny"), (4, "4 dny"), (5, "5 dní"), (15, "15 dní")])
def test_days_take_the_czech_plural(count, expected):
    with translation.override("cs"):
        assert translation.ngettext("%(days)s den", "%(days)s dní", count) % {"days": count} == expected
