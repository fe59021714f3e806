"""The admin speaks Czech: every message of the catalogs editors read has its Czech, in Wagtail's catalogs or ours,
and ours keep what each message needs to be filled in (placeholders, markup, edge whitespace, three plural forms).
"""

import json
import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from navigator.management.commands.compile_translations import (
    DOMAINS,
    JAVASCRIPT_PACKAGES,
    app_locale_dir,
    editor_facing_catalogs,
    project_catalog_path,
    untranslated,
)

NAMED = re.compile(r"%\(\w+\)[sdrif]|\{\w+\}")
POSITIONAL = re.compile(r"%[sdrif]|\{\}")
TAG = re.compile(r"</?([a-zA-Z]+)")
CZECH_PLURAL_FORMS = 3
# Named placeholders some translations leave out on purpose, as django.po says at each: the site has one workflow
# and one task, so their buttons need no name; and a listing's count reads right without the model's name. Left
# out, a named placeholder is harmless to formatting, unlike a positional one.
NAME_LEFT_OUT = {
    "Submit to %(workflow_name)s": "%(workflow_name)s",
    "Resubmit to %(task_name)s": "%(task_name)s",
    "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site.": "%(model_name)s",
    "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in '<span class=\"w-title-ellipsis\">%(title)s"
    "</span>'.": "%(model_name)s",
    "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s": "%(model_name)s",
}


def project_entries():
    for domain in DOMAINS:
        for entry in polib.pofile(str(project_catalog_path(domain))):
            yield domain, entry


def shape(text):
    """What a translation must keep of its message: named and positional placeholders, tags, edge whitespace."""
    return (sorted(NAMED.findall(text)), len(POSITIONAL.findall(text)), Counter(TAG.findall(text)),
            text[:1].isspace(), text[-1:].isspace())


def message_as_translated(message):
    if message in NAME_LEFT_OUT:
        return message.replace(NAME_LEFT_OUT[message], "").strip()
    return message


@pytest.mark.parametrize("catalog", editor_facing_catalogs(), ids=str)
def test_every_message_editors_read_has_its_czech(catalog):
    missing = [entry.msgid for entry in untranslated(catalog)]
    assert not missing, (
        f"{len(missing)} messages of {catalog} have no Czech: {missing[:15]}. Run `manage.py compile_translations "
        f"--add-missing` and translate them in {project_catalog_path(catalog.domain)}.")


def test_the_catalogs_editors_read_are_all_counted():
    catalogs = {str(catalog) for catalog in editor_facing_catalogs()}
    assert {"wagtail.admin (django)", "wagtail.admin (djangojs)", "wagtail (django)", "wagtail.snippets (django)",
            "wagtail.images (django)", "wagtail.documents (django)", "wagtail.users (django)",
            "wagtail.contrib.forms (django)", "wagtail.contrib.redirects (django)", "django (django)",
            "django.contrib.auth (django)", "django.contrib.humanize (django)", "taggit (django)"} <= catalogs


def test_our_translations_keep_their_messages_placeholders_markup_and_edge_spaces():
    broken = []
    for domain, entry in project_entries():
        if entry.msgid_plural:
            for index, form in sorted(entry.msgstr_plural.items()):
                # The first form may follow the singular message ("1 page" has no number to fill in).
                wanted = [shape(entry.msgid_plural)] + ([shape(entry.msgid)] if index == 0 else [])
                if shape(form) not in wanted:
                    broken.append((domain, entry.msgid_plural, index, form))
        elif shape(entry.msgstr) != shape(message_as_translated(entry.msgid)):
            broken.append((domain, entry.msgid, entry.msgstr))
    assert not broken


def test_our_translations_are_whole_and_never_fuzzy():
    for domain, entry in project_entries():
        assert entry.translated(), (domain, entry.msgid)
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == CZECH_PLURAL_FORMS, (domain, entry.msgid)


def test_every_admin_message_we_translate_is_still_one_of_the_apps_messages():
    """After an upgrade of Wagtail, a message it no longer has is dead weight in our catalogs."""
    sources = {(catalog.app, catalog.domain): {(entry.msgctxt, entry.msgid) for entry in catalog.entries}
               for catalog in editor_facing_catalogs()}
    stale = [(domain, app, entry.msgid) for domain, entry in project_entries() if entry.comment
             for app in entry.comment.split(", ") if (entry.msgctxt, entry.msgid) not in sources[(app, domain)]]
    assert not stale


def test_every_catalog_is_compiled_and_current():
    for po_path in Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/*.po"):
        compiled = po_path.with_suffix(".mo")
        assert compiled.exists() and compiled.stat().st_mtime >= po_path.stat().st_mtime, (
            f"run `manage.py compile_translations` (make setup does) for {po_path}")
    assert {path.stem for path in project_catalog_path("django").parent.glob("*.mo")} == set(DOMAINS)


def test_the_browser_counts_with_our_plural_formula_so_every_javascript_plural_is_ours():
    """The admin's JavaScript catalog takes its plural formula from the first catalog, ours (three forms, where
    Wagtail's Czech has four): a plural of Wagtail's left to its own catalog would show the wrong form."""
    ours = {entry.msgid for entry in polib.pofile(str(project_catalog_path("djangojs"))) if entry.msgid_plural}
    for app in JAVASCRIPT_PACKAGES:
        source = app_locale_dir(app) / "en" / "LC_MESSAGES" / "djangojs.po"
        assert {entry.msgid for entry in polib.pofile(str(source)) if entry.msgid_plural} <= ours


def javascript_catalog(client):
    script = client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S)[1])
    formula = re.search(r"const v = (.*);\n", script)[1]
    return catalog, formula


@pytest.mark.django_db
def test_the_admin_javascript_catalog_brings_our_czech_to_the_browser(client_cs):
    catalog, formula = javascript_catalog(client_cs)
    assert catalog["Collapse all"] == "Sbalit vše"  # ours
    assert catalog["Toggle side panel"] == "Přepnout postranní panel"  # Wagtail's own, still there
    assert catalog["Delete"] == "Smazat"  # ours over Wagtail's "Zrušit"
    assert catalog["%(num)s error"] == ["%(num)s chyba", "%(num)s chyby", "%(num)s chyb"]
    assert formula == "(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2"


@pytest.mark.parametrize(("count", "expected"), [(1, "Smazat 1 stránku"), (3, "Smazat 3 stránky"),
                                                 (5, "Smazat 5 stránek"), (22, "Smazat 22 stránek")])
def test_admin_counts_take_the_czech_plural(count, expected):
    with translation.override("cs"):
        message = translation.ngettext("Delete 1 page", "Delete %(counter)s pages", count)
        assert message % {"counter": count} == expected


def test_the_site_plurals_and_wagtails_own_czech_still_read_as_before():
    with translation.override("cs"):
        assert translation.ngettext("%(n)s služba", "%(n)s služeb", 3) % {"n": 3} == "3 služby"
        assert translation.gettext("Publish") == "Publikovat"
        assert translation.gettext("Search all pages…") == "Hledat ve všech stránkách…"
