"""Which English an admin screen still shows: messages of the catalogs editors read, and English sentences.

A message counts when its English, its placeholders matching any text, stands as whole words in what the screen
shows (its text, and the titles, labels, placeholders and button values an editor reads) and its Czech reads
differently ("URL", "ID" or "Minimum" are the same words in both languages). HTML inside a message is dropped on
both sides, as the browser drops it. Messages whose own words are all shorter than three letters ("%(action)s by
%(who)s", "at %(time)s") would match Czech text by chance ("by" is a Czech word too) and are left to the catalogs'
own test.

Two kinds of words are no message: language names (the account page offers "English" in English, as every
language is named in itself) and Python's None, which Wagtail's templates print where a value is missing (a
hidden side panel counter).

English a catalog does not know (a hard-coded label, another package) shows through the small words every
English sentence has and Czech never does. What Wagtail itself writes in English without a translation function
(see WAGTAIL_UNTRANSLATABLE) is left out: no catalog can change it.
"""

import html
import re
from dataclasses import dataclass
from functools import cache

from bs4 import BeautifulSoup
from django.conf import settings
from django.utils.translation.trans_real import DjangoTranslation

from navigator.management.commands.compile_translations import (
    JAVASCRIPT_PACKAGES,
    app_locale_dir,
    editor_facing_catalogs,
)

PLACEHOLDER = re.compile(r"%\(\w+\)[sdrif]|%[sdrif]|\{\w*\}")
TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"\w+")
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value")
BUTTON_TYPES = ("submit", "button", "reset")
ENGLISH_WORDS = re.compile(r"\b(the|and|of|your|with|this|that|from|have|has|are|was|were|will|you)\b")
NOT_MESSAGES = {"None"}
# Wagtail 8.0's own English, written into its templates and forms without a translation function: the label of
# the header's action bar and the screen readers' submit button of the search forms, and the button of the date
# picker Wagtail bundles, which it never shows. (The login form's password field, which Wagtail leaves without a
# label, gets a Czech one: editorial.login.) Selector → the attribute holding it (None: the text).
WAGTAIL_UNTRANSLATABLE = {
    "nav#w-slim-header-buttons": "aria-label",
    "div.submit.w-sr-only input[type=submit]": "value",
    "button.xdsoft_save_selected": None,
}


@dataclass(frozen=True)
class Message:
    english: str
    pattern: re.Pattern
    clue: str  # its longest word, a quick test before the pattern

    def __str__(self):
        return self.english


def readable(message):
    """The text a browser shows of a message: no tags, entities resolved, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", message)).split())


def message_pattern(text):
    """The message's words in order, a placeholder standing for some text between them (a title, a name); one at
    either end adds nothing and would only make the search slow."""
    parts = [r"\s+".join(map(re.escape, literal.split())) for literal in PLACEHOLDER.split(text)]
    while not parts[0]:
        parts.pop(0)
    while not parts[-1]:
        parts.pop()
    return re.compile(r"(?<!\w)" + r"\s*.{1,200}?\s*".join(parts) + r"(?!\w)")


@cache
def czech_translation(domain):
    localedirs = [str(app_locale_dir(app)) for app in JAVASCRIPT_PACKAGES] if domain == "djangojs" else None
    return DjangoTranslation(settings.LANGUAGE_CODE, domain=domain, localedirs=localedirs)


def english_and_czech(entry, domain):
    """Each English form of a catalog entry with the Czech forms a screen may show in its place."""
    czech = czech_translation(domain)
    if entry.msgid_plural:
        forms = [czech.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count) if entry.msgctxt
                 else czech.ngettext(entry.msgid, entry.msgid_plural, count) for count in (1, 2, 5)]
        return [(entry.msgid, forms[:1]), (entry.msgid_plural, forms[1:])]
    return [(entry.msgid, [czech.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt
                           else czech.gettext(entry.msgid)])]


def is_language_name(entry):
    return {path for path, _line in entry.occurrences} == {"conf/global_settings.py"}


@cache
def english_messages():
    messages = {}
    for catalog in editor_facing_catalogs():
        for entry in catalog.entries:
            if is_language_name(entry):
                continue
            for english, czech_forms in english_and_czech(entry, catalog.domain):
                text = readable(english)
                clue = max(WORD.findall(PLACEHOLDER.sub(" ", text)) or [""], key=len)
                if len(clue) < 3 or text in NOT_MESSAGES or text in map(readable, czech_forms):
                    continue
                messages[text] = Message(text, message_pattern(text), clue)
    return tuple(messages.values())


def html_text(document):
    """What an editor reads of an HTML page: its text and the attributes shown as text."""
    soup = BeautifulSoup(document, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    for selector, attribute in WAGTAIL_UNTRANSLATABLE.items():
        for element in soup.select(selector):
            if attribute:
                del element[attribute]
            else:
                for text in element.find_all(string=True, recursive=False):
                    text.extract()
    pieces = list(soup.stripped_strings)
    for element in soup.find_all(True):
        pieces += [element[name] for name in READ_ATTRIBUTES if isinstance(element.get(name), str)]
        if element.name == "input" and element.get("type") in BUTTON_TYPES and element.get("value"):
            pieces.append(element["value"])
    return " ".join(" ".join(pieces).split())


def english_in(text):
    """The catalogs' English messages in the text, and the English sentences, each with a little context."""
    found = [f"{message}  ←  …{excerpt(text, match)}…" for message in english_messages()
             if message.clue in text and (match := message.pattern.search(text))]
    found += [f"English word {match[0]!r}  ←  …{excerpt(text, match)}…" for match in ENGLISH_WORDS.finditer(text)]
    return found


def excerpt(text, match):
    return text[max(match.start() - 40, 0):match.end() + 40]
