"""The English and Ukrainian catalogs of the site's messages, kept in line with the code: what `msgmerge` does.

The site's messages are written in Czech, so the Czech is the msgid and each language's catalog
(locale/<language>/LC_MESSAGES/django.po) maps it to that language. Updating a catalog from the messages
navigator.messages found keeps every translation, adds new messages untranslated, drops the places a message is
no longer asked for, and keeps a vanished message's translation as obsolete (at the end of the file), so a
message that comes back gets it back. As msgmerge does, a new message is offered the translation of a vanished
one it closely resembles (a typo fixed in the Czech), marked fuzzy: a fuzzy translation is never compiled; a
translator checks it and removes the flag.

Czech itself needs no catalog for the site's messages, except for the third plural form (locale/cs, kept by
hand; see compile_translations).
"""

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings

# The languages kept here, with gettext's plural rule for each (Ukrainian: 1, 21…; 2–4, 22–24…; the rest).
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}
HEADERS = {
    "en": "English for the site's interface, from its Czech messages; kept by `manage.py extract_messages`,\n"
          "compiled by `manage.py compile_translations` (make setup does). Plain British English as GOV.UK\n"
          "writes it, \"you\"; the terms of navigator/demo/data/translations/README.md, so that the interface\n"
          "and the content agree.",
    "uk": "Ukrainian for the site's interface, from its Czech messages; kept by `manage.py extract_messages`,\n"
          "compiled by `manage.py compile_translations` (make setup does). Modern standard Ukrainian for\n"
          "newcomers in Prague, formal \"ви\"; the terms of navigator/demo/data/translations/README.md, so that\n"
          "the interface and the content agree. Three plural forms: 1, 21, 31…; 2–4, 22–24…; the rest.",
}
# How alike a vanished message must be to offer its translation (difflib's ratio).
FUZZY_CUTOFF = 0.85


def catalog_path(language, domain="django"):
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / f"{domain}.po"


def plural_count(language):
    return int(PLURAL_FORMS[language].split("nplurals=")[1].split(";")[0])


@dataclass
class Update:
    """What updating a catalog changed."""

    language: str
    messages: int = 0
    added: list = field(default_factory=list)
    fuzzy: list = field(default_factory=list)
    obsoleted: list = field(default_factory=list)
    untranslated: int = 0


def update_catalog(language, messages, path=None):
    """Brings the language's catalog in line with the messages (navigator.messages.extract().messages)."""
    path = Path(path or catalog_path(language))
    old = polib.pofile(str(path), wrapwidth=0) if path.exists() else None
    catalog = polib.POFile(wrapwidth=0)
    catalog.header = old.header if old else HEADERS[language]
    catalog.metadata = {
        "Project-Id-Version": "navigator",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        **(old.metadata if old else {}),
        "Language": language,
        "Plural-Forms": PLURAL_FORMS[language],
    }
    existing = {(entry.msgctxt, entry.msgid): entry for entry in old or ()}
    update = Update(language, messages=len(messages))
    for message in messages.values():
        entry = existing.pop(message.key, None)
        if entry is None:
            entry = polib.POEntry(msgctxt=message.msgctxt, msgid=message.msgid)
            update.added.append(entry)
        follow(entry, message, language)
        catalog.append(entry)
    vanished = [entry for entry in existing.values() if has_text(entry)]
    update.fuzzy = [entry.msgid for entry in update.added if offer_close_translation(entry, vanished)]
    update.added = [entry.msgid for entry in update.added]
    for entry in existing.values():
        if not entry.obsolete:
            update.obsoleted.append(entry.msgid)
        # Kept for its translation; one never translated is dropped, as msgmerge drops it.
        if has_text(entry):
            entry.obsolete = True
            entry.occurrences = []
            catalog.append(entry)
    update.untranslated = sum(1 for entry in catalog if not entry.obsolete and not is_translated(entry))
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(path))
    return update


def follow(entry, message, language):
    """The entry as the message now stands: its places, comments, plural and format flag; its translation kept."""
    entry.obsolete = False
    entry.occurrences = [tuple(location.rsplit(":", 1)) for location in message.locations]
    entry.comment = "\n".join(message.comments)
    entry.msgid_plural = message.msgid_plural
    if message.msgid_plural:
        entry.msgstr_plural = {index: entry.msgstr_plural.get(index, "") for index in range(plural_count(language))}
        entry.msgstr = ""
    else:
        entry.msgstr_plural = {}
    if message.python_format and "python-format" not in entry.flags:
        entry.flags.append("python-format")
    elif not message.python_format and "python-format" in entry.flags:
        entry.flags.remove("python-format")


def has_text(entry):
    return all(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)


def is_translated(entry):
    """Translated in every form and not waiting for a translator's check."""
    return not entry.obsolete and "fuzzy" not in entry.flags and has_text(entry)


def offer_close_translation(entry, candidates):
    """Gives the entry the translation of the most similar vanished message, marked fuzzy; True if it did."""
    by_msgid = {candidate.msgid: candidate for candidate in candidates
                if bool(candidate.msgid_plural) == bool(entry.msgid_plural) and candidate.msgctxt == entry.msgctxt}
    close = difflib.get_close_matches(entry.msgid, list(by_msgid), n=1, cutoff=FUZZY_CUTOFF)
    if not close:
        return False
    source = by_msgid[close[0]]
    entry.previous_msgid = source.msgid
    if entry.msgid_plural:
        entry.msgstr_plural = dict(source.msgstr_plural)
    else:
        entry.msgstr = source.msgstr
    entry.flags.append("fuzzy")
    return True
