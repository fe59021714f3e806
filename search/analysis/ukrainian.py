"""Ukrainian: each word becomes its dictionary form (lemma), as pymorphy3's Ukrainian dictionaries give it.

Snowball has no Ukrainian stemmer. Of what PyPI offers, pymorphy3 with pymorphy3-dicts-uk was measured against
simplemma (see the README's search section): it knows the words a newcomer types ("прописка", "посвідка" stay
themselves, where simplemma turns them into "прописок", "посвідок"), its dictionaries take about half the
memory (≈27 MB against ≈67 MB), and each word is analysed once per process (lru_cache). A word the dictionary
does not know (a Czech name written in Ukrainian) is lemmatised by its ending, as pymorphy3 guesses it.
"""

from functools import lru_cache

from .text import fold

# Folded, as analysis compares them.
STOP_WORDS = frozenset(fold(word) for word in """
а або але б би бо був була було були бути в вам вас ви від він вона вони воно все всі де для до є ж же з за
зі і із її їм їх й к коли котрий куди лише має маю мені мене ми мій мої моя на над нам нас не неї нема немає
ні ним них ну о об однак от по під при про разом свій своє свою свої себе так також там тебе те теж ти то
той треба ту тут у хоча хочу це цей ці ця чи чого що щоб як який яка яке які якщо я потрібно можна
""".split())


def is_cyrillic(word):
    return any("\u0400" <= letter <= "\u04ff" for letter in word)


@lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3  # its dictionaries load on the first Ukrainian word, not when the site starts

    return pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=100_000)
def lemma(word):
    """The dictionary form of one lowercase Ukrainian word: "дитину", "дитини" -> "дитина"."""
    if word.isdigit() or len(word) < 3:
        return word
    return _analyzer().parse(word)[0].normal_form


def stem(word):
    """The folded lemma, as the index keeps it."""
    return fold(lemma(word))
