"""The interface speaks English and Ukrainian: every message the templates and the code ask for is translated in
both catalogs, keeps what it needs to be filled in, has every plural form, and is compiled."""

import re
from collections import Counter
from functools import cache

import polib
import pytest

from navigator.catalogs import PLURAL_FORMS, catalog_path, plural_count
from navigator.messages import extract

LANGUAGES = sorted(PLURAL_FORMS)
NAMED = re.compile(r"%\(\w+\)[sdrif]")
POSITIONAL = re.compile(r"%[sdrif]")
TAG = re.compile(r"</?([a-zA-Z]+)")
HREF = re.compile(r'href="([^"]*)"')


@cache
def messages():
    return extract().messages


@cache
def catalog(language):
    return polib.pofile(str(catalog_path(language)))


def entries(language):
    return [entry for entry in catalog(language) if not entry.obsolete]


def shape(text):
    """What a translation must keep of its message: placeholders, tags, link targets, edge whitespace."""
    return (Counter(NAMED.findall(text)), len(POSITIONAL.findall(text)), text.count("%%"),
            Counter(TAG.findall(text)), HREF.findall(text), text[:1].isspace(), text[-1:].isspace())


def test_the_project_has_messages_and_the_tool_finds_both_kinds_of_source():
    found = messages()
    places = {location.split("/")[0] for message in found.values() for location in message.locations}
    assert len(found) > 800 and {"templates", "situations", "services", "search", "feedback"} <= places
    assert ("po ustanovení", "zákona č.") in found
    assert found[(None, "%(days)s den")].msgid_plural == "%(days)s dní"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_in_the_catalog(language):
    keys = {(entry.msgctxt, entry.msgid) for entry in entries(language)}
    missing = [msgid for (context, msgid) in messages() if (context, msgid) not in keys]
    assert not missing, f"run `manage.py extract_messages` and translate in {catalog_path(language)}: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_a_checked_translation_in_every_plural_form(language):
    assert catalog(language).metadata["Plural-Forms"] == PLURAL_FORMS[language]
    wanted = set(messages())
    untranslated = []
    for entry in entries(language):
        if (entry.msgctxt, entry.msgid) not in wanted:
            continue
        if "fuzzy" in entry.flags:
            untranslated.append(("fuzzy", entry.msgid))
        elif entry.msgid_plural:
            forms = entry.msgstr_plural
            complete = sorted(forms) == list(range(plural_count(language))) and all(map(str.strip, forms.values()))
            if not complete:
                untranslated.append(("plural forms", entry.msgid))
        elif not entry.msgstr.strip():
            untranslated.append(("empty", entry.msgid))
    assert not untranslated, untranslated[:10]


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_markup_links_and_edge_spaces(language):
    broken = []
    for entry in entries(language):
        if entry.msgid_plural:
            for index, form in sorted(entry.msgstr_plural.items()):
                if shape(form) not in (shape(entry.msgid_plural), shape(entry.msgid)):
                    broken.append((entry.msgid, index, form))
        elif shape(entry.msgstr) != shape(entry.msgid):
            broken.append((entry.msgid, entry.msgstr))
    assert not broken, broken[:10]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_holds_exactly_the_translations(language):
    path = catalog_path(language)
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    expected = {(entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr
                for entry in entries(language) if entry.translated()}
    actual = {(entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr for entry in compiled if entry.msgid}
    assert actual == expected, "run `manage.py compile_translations` (make setup does)"

