"""How Czech text becomes search terms, the same way for documents and for queries.

Lowercase, split into words, drop stop words, stem with the Snowball Czech stemmer (which expects
diacritics, so it runs before folding), then fold diacritics so "obcanka" and "občanky" meet at "obcank".
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*", re.UNICODE)

# Common Czech function words: they match everything and rank nothing.
STOP_WORDS = frozenset("""
a aby aj ale ani aniz ano asi az bez bude budem budes by byl byla byli bylo byt ci clanek clanku co
coz cz dalsi do ho i jak jake jako je jeho jej jeji jejich jen jeste ji jine jiz jsem jses jsme
jsou jste k kam kde kdo kdyz ke ktera ktere kteri kterou ktery ku ma mate me mezi mi mit mne mnou
muj muze my na nad nam nas nasi ne nebo nejsou neni nez nic nich nim o od ode on ona oni ono ony
po pod podle pokud potom pouze prave pred pres pri pro proc proto protoze prvni se si sve svych
svym svymi ta tak take takze tato te tedy tem ten tento teto tim timto to tohle toho tohoto tom
tomto tomuto tu tuto ty tyto u uz v ve vice vsak vy z za ze zda ze jsem chci chtel chtela potrebuji
potrebuju muzu mam jsem jak kde co musim
""".split())


def fold(text):
    """Lowercase without diacritics: 'Řidičský' -> 'ridicsky'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The words of a text, lowercased, with their diacritics."""
    return WORD.findall(unicodedata.normalize("NFC", text.lower()))


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("czech")


@lru_cache(maxsize=100_000)
def stem(word):
    """The folded stem of one lowercase word."""
    if word.isdigit() or len(word) < 3:
        return fold(word)
    return fold(_stemmer().stemWord(word))


def term(word):
    """One word as a search term; abbreviations with dots ("s.r.o.") are kept whole, without the dots."""
    if "." in word:
        return fold(word.replace(".", ""))
    return stem(word)


def analyze(text):
    """The terms of a text, in order: stop words out, each word stemmed and folded."""
    return [term(word) for word in words(text) if fold(word) not in STOP_WORDS]
