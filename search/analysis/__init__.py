"""How text becomes search terms, the same way for documents and for queries, in every backend.

Lowercase, split into words, drop the language's stop words, reduce each word to one term (a stem or a
lemma, without diacritics). Both backends index and search these terms (the database in its own tables,
Elasticsearch in pre-analysed fields per language), so each language behaves the same in both.

Each language has its own module: Czech (search.analysis.czech: Snowball's Czech stemmer, taught to ignore
missing diacritics), English (Snowball's English stemmer), Ukrainian (pymorphy3's lemmas). A document is
analysed in its page's language; a query in every language, each plan searching that language's documents.
"""

import functools

from . import czech, english, ukrainian
from .text import fold, words

DEFAULT_LANGUAGE = "cs"
LANGUAGES = {"cs": czech, "en": english, "uk": ukrainian}
# A term longer than this is cut: the database's term column and Elasticsearch's keywords have limits.
MAX_TERM_LENGTH = 100
MAX_KEPT_TERMS = 20000

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "MAX_TERM_LENGTH", "analyze", "fold", "is_stop_word", "stem", "term", "words"]


def _module(language):
    return LANGUAGES.get(language) or LANGUAGES[DEFAULT_LANGUAGE]


def _word_module(word, language):
    module = _module(language)
    if module is ukrainian and not ukrainian.is_cyrillic(word):
        # A Latin word in Ukrainian text is a Czech name kept for the counter ("Czech POINT", "dočasná ochrana"):
        # analysed as Czech, so it matches the Czech word and Czech stop words ("a", "je", "to") drop out.
        return czech
    return module


def stem(word, language=DEFAULT_LANGUAGE):
    return _word_module(word, language).stem(word)


@functools.lru_cache(maxsize=MAX_KEPT_TERMS)
def term(word, language=DEFAULT_LANGUAGE):
    """One word as a search term; abbreviations with dots ("s.r.o.") are kept whole, without the dots.

    Kept for the most recent words: highlighting a result analyses every word of its text again, and a site's
    texts use a few thousand words."""
    if "." in word:
        return fold(word.replace(".", ""))[:MAX_TERM_LENGTH]
    return _word_module(word, language).stem(word)[:MAX_TERM_LENGTH]


def analyze(text, language=DEFAULT_LANGUAGE):
    """The terms of a text in a language, in order: stop words out, each word folded and stemmed."""
    return [term(word, language) for word in words(text) if not is_stop_word(word, language)]


def is_stop_word(word, language=DEFAULT_LANGUAGE):
    return fold(word) in _word_module(word, language).STOP_WORDS
