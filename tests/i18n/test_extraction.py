"""The extraction tool finds what makemessages would, and updating a catalog keeps the translators' work."""

import polib
import pytest
from django.core.management import CommandError, call_command

from navigator.catalogs import update_catalog
from navigator.messages import Extraction, Message, read_python, read_template

TEMPLATE = """{% load i18n %}<h1>{% translate "Co s sebou" %}</h1>
{% translate "zákona č." context "po ustanovení" %}
{% blocktranslate with name=office.name %}Poradíme vám na {{ name }}{% endblocktranslate %}
{% blocktranslate count days=deadline.days %}{{ days }} den{% plural %}{{ days }} dní{% endblocktranslate %}
{% include "x.html" with label=_("Hledat") %}{{ value|default:_("zdarma") }}
{# Translators: a percentage #}
{% translate "Užitečná 50 %" %}
"""

PYTHON = '''from django.utils.translation import gettext as _, gettext_lazy, ngettext, pgettext, gettext_noop
LABEL = gettext_lazy("Kontrola obsahu")
DAYS = [gettext_noop("v pondělí")]

def f(n, day):
    # Translators: the first day of the week
    first = _("pondělí")
    count = ngettext("%(n)s krok", "%(n)s kroků", n) % {"n": n}
    when = pgettext("kdy pracoviště otevře", "%(date)s")
    return _(DAYS[day]), _("spojený " "řetězec")
'''


@pytest.fixture
def sources(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    (tmp_path / "page.html").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "code.py").write_text(PYTHON, encoding="utf-8")
    extraction = Extraction()
    read_template(tmp_path / "page.html", extraction)
    read_python(tmp_path / "code.py", extraction)
    return extraction


def test_templates_give_their_messages_as_the_template_asks_for_them_at_run_time(sources):
    found = sources.messages
    assert found[(None, "Co s sebou")].locations == ["page.html:1"]
    assert ("po ustanovení", "zákona č.") in found
    assert (None, "Poradíme vám na %(name)s") in found
    assert found[(None, "%(days)s den")].msgid_plural == "%(days)s dní"
    assert {(None, "Hledat"), (None, "zdarma")} <= found.keys()
    percent = found[(None, "Užitečná 50 %%")]
    assert percent.python_format and percent.comments == ["Translators: a percentage"]


def test_python_gives_every_gettext_call_with_literal_messages(sources):
    found = sources.messages
    assert found[(None, "Kontrola obsahu")].locations == ["code.py:2"]
    assert (None, "v pondělí") in found
    assert found[(None, "pondělí")].comments == ["Translators: the first day of the week"]
    assert found[(None, "%(n)s krok")].msgid_plural == "%(n)s kroků"
    assert ("kdy pracoviště otevře", "%(date)s") in found
    assert (None, "spojený řetězec") in found
    assert [call.location for call in sources.unreadable] == ["code.py:10"]


def test_a_message_with_two_different_plurals_is_refused():
    extraction = Extraction()
    extraction.add("a.py:1", msgid="%(n)s den", msgid_plural="%(n)s dní")
    with pytest.raises(ValueError, match="plural"):
        extraction.add("b.py:1", msgid="%(n)s den", msgid_plural="%(n)s dnů")


def messages(*items):
    return {message.key: message for message in items}


def test_updating_keeps_translations_adds_new_messages_and_keeps_vanished_ones_obsolete(tmp_path):
    path = tmp_path / "django.po"
    first = messages(Message("Co s sebou", locations=["a.html:1"]),
                     Message("Kam jít", locations=["a.html:2"]),
                     Message("%(n)s den", "%(n)s dní", locations=["a.html:3"]))
    update_catalog("uk", first, path)
    catalog = polib.pofile(str(path))
    catalog.find("Co s sebou").msgstr = "Що взяти з собою"
    catalog.find("Kam jít").msgstr = "Куди звернутися"
    catalog.find("%(n)s den").msgstr_plural = {0: "%(n)s день", 1: "%(n)s дні", 2: "%(n)s днів"}
    catalog.save()

    update = update_catalog("uk", messages(Message("Co s sebou", locations=["b.html:9"]),
                                           Message("%(n)s den", "%(n)s dní", locations=["a.html:3"]),
                                           Message("Lhůty", locations=["b.html:10"])), path)
    assert update.added == ["Lhůty"] and update.obsoleted == ["Kam jít"] and update.untranslated == 1
    catalog = polib.pofile(str(path))
    assert catalog.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert catalog.find("Co s sebou").msgstr == "Що взяти з собою"
    assert catalog.find("Co s sebou").occurrences == [("b.html", "9")]
    assert catalog.find("%(n)s den").msgstr_plural[2] == "%(n)s днів"
    assert catalog.find("%(n)s den").flags == ["python-format"]
    vanished = catalog.find("Kam jít", include_obsolete_entries=True)
    assert vanished.obsolete and vanished.msgstr == "Куди звернутися"

    update_catalog("uk", messages(Message("Kam jít", locations=["c.html:1"])), path)
    returned = polib.pofile(str(path)).find("Kam jít")
    assert not returned.obsolete and returned.msgstr == "Куди звернутися"


def test_a_changed_message_is_offered_the_old_translation_marked_fuzzy(tmp_path):
    path = tmp_path / "django.po"
    update_catalog("en", messages(Message("Kam jít a kdy je otevřeno")), path)
    catalog = polib.pofile(str(path))
    catalog.find("Kam jít a kdy je otevřeno").msgstr = "Where to go and when it is open"
    catalog.save()

    update = update_catalog("en", messages(Message("Kam jít a kdy je otevřené")), path)
    assert update.fuzzy == ["Kam jít a kdy je otevřené"] and update.untranslated == 1
    entry = polib.pofile(str(path)).find("Kam jít a kdy je otevřené")
    assert entry.msgstr == "Where to go and when it is open" and entry.fuzzy
    assert entry.previous_msgid == "Kam jít a kdy je otevřeno"


def test_an_obsolete_message_never_translated_is_dropped(tmp_path):
    path = tmp_path / "django.po"
    update_catalog("en", messages(Message("Kam jít")), path)
    update = update_catalog("en", messages(Message("Co s sebou")), path)
    assert update.obsoleted == ["Kam jít"]
    assert polib.pofile(str(path)).find("Kam jít", include_obsolete_entries=True) is None


def test_the_check_passes_on_the_project_and_changes_nothing(capsys):
    from navigator.catalogs import catalog_path

    before = {language: catalog_path(language).read_bytes() for language in ("en", "uk")}
    call_command("extract_messages", "--check")
    assert "Every message is translated" in capsys.readouterr().out
    assert before == {language: catalog_path(language).read_bytes() for language in ("en", "uk")}


def test_the_check_fails_when_a_message_has_no_translation(tmp_path, settings):
    settings.LOCALE_PATHS = [tmp_path]
    with pytest.raises(CommandError, match="messages missing"):
        call_command("extract_messages", "--check", "--language", "en")
