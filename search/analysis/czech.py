"""Czech: how a Czech word becomes a search term.

Snowball's Czech stemmer recognises endings by their diacritics (-ých, -ách, -ům) and leaves "mestskych",
"skolach", "rodicum" as they are, while most visitors type without diacritics. So a word is folded first and the
stemmer is shown the folded word with every way the vowels of its last four letters can carry diacritics; the
shortest stem wins (on a tie, the spelling closest to the folded word). "městských" and "mestskych" are then one
word to the stemmer, and reach one term by construction: "mestsk".
"""

import itertools
from functools import lru_cache

import Stemmer

from .text import fold

# Common Czech function words, folded: they match everything and rank nothing.
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

# The diacritics each folded vowel may have carried in a Czech ending.
ACCENTED_VOWELS = {"a": "aá", "e": "eéě", "i": "ií", "o": "oó", "u": "uúů", "y": "yý"}
ENDING_LENGTH = 4


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("czech")


@lru_cache(maxsize=100_000)
def stem(word):
    """The folded stem of one lowercase word, the same with or without its diacritics."""
    folded = fold(word)
    if folded.isdigit() or len(folded) < 3:
        return folded
    head, ending = folded[:-ENDING_LENGTH], folded[-ENDING_LENGTH:]
    stemmer = _stemmer()
    candidates = []
    for letters in itertools.product(*(ACCENTED_VOWELS.get(letter, letter) for letter in ending)):
        spelling = "".join(letters)
        changed = sum(a != b for a, b in zip(spelling, ending))
        stemmed = fold(stemmer.stemWord(head + spelling))
        candidates.append((len(stemmed), changed, stemmed))
    return min(candidates)[2]
