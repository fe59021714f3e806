"""English: Snowball's English (Porter 2) stemmer, after the usual function words are left out.

Words are folded like Czech ones, so a Czech name inside English text ("Czech POINT", "Občanský průkaz") meets
the same word typed without diacritics.
"""

from functools import lru_cache

import Stemmer

from .text import fold

STOP_WORDS = frozenset("""
a about am an and any are as at be been being but by can could did do does doing for from had has have having
he her here hers him his how i if in into is it its just me my myself no nor not of off on once only or other
our ours out over own please same she should so some such than that the their theirs them then there these
they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours need want get got do does i'm i've i'd can't don't
""".split())


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=100_000)
def stem(word):
    """The folded stem of one lowercase English word: "permits" and "permit" -> "permit"."""
    folded = fold(word)
    if folded.isdigit() or len(folded) < 3:
        return folded
    return _stemmer().stemWord(folded)
