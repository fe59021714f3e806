"""What a typed query becomes before any backend sees it."""

import unicodedata

from django.utils.translation import gettext as _

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The query normalised and bounded, and notices for the person who typed it.

    NUL and other control characters become spaces, lone surrogates from broken Unicode are dropped,
    whitespace collapses, and a query longer than MAX_QUERY_LENGTH is cut at a word boundary.
    """
    notices = []
    text = raw.encode("utf-8", "ignore").decode("utf-8")
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(char).startswith("C") else char for char in text)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        notices.append(_("Dotaz byl příliš dlouhý, hledáme podle prvních %(count)s znaků.") % {"count": MAX_QUERY_LENGTH})
    return text, notices
