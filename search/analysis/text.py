"""What every language's analysis starts from: the words of a text, and their letters without diacritics."""

import re
import unicodedata

WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)
# Ukrainian writes its apostrophe three ways (ʼ ’ '); words keep one of them, so "сімʼя" is always one word.
APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def fold(text):
    """Lowercase without diacritics: 'Řidičský' -> 'ridicsky'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The words of a text, lowercased, with their diacritics."""
    return WORD.findall(unicodedata.normalize("NFC", text.lower()).translate(APOSTROPHES))
