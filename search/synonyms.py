"""The synonym files, one per language, read once each, applied to analysed query terms of that language."""

from functools import lru_cache
from pathlib import Path

from .analysis import DEFAULT_LANGUAGE, analyze

SYNONYM_DIR = Path(__file__).resolve().parent
SYNONYM_FILE = SYNONYM_DIR / "synonyms.txt"  # Czech
SYNONYM_FILES = {"cs": SYNONYM_FILE, "en": SYNONYM_DIR / "synonyms-en.txt", "uk": SYNONYM_DIR / "synonyms-uk.txt"}


def parse_rules(lines):
    """Solr-format lines to (left-hand phrases, right-hand phrases) pairs of raw text."""
    rules = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" in line:
            left, right = line.split("=>", 1)
            rules.append(([p.strip() for p in left.split(",") if p.strip()],
                          [p.strip() for p in right.split(",") if p.strip()]))
        else:
            phrases = [p.strip() for p in line.split(",") if p.strip()]
            rules.append((phrases, phrases))
    return rules


@lru_cache(maxsize=None)
def analysed_rules(language=DEFAULT_LANGUAGE):
    """Each rule of the language's file as (tuples of left-hand terms, tuples of right-hand terms)."""
    path = SYNONYM_FILES.get(language)
    if path is None:
        return []
    with open(path, encoding="utf-8") as handle:
        rules = parse_rules(handle)

    def terms(phrase):
        return tuple(analyze(phrase, language))

    return [([terms(p) for p in left if terms(p)], [terms(p) for p in right if terms(p)]) for left, right in rules]


def _positions(terms, phrase):
    n = len(phrase)
    for i in range(len(terms) - n + 1):
        if tuple(terms[i:i + n]) == phrase:
            return list(range(i, i + n))
    return None


def expand_groups(terms, language=DEFAULT_LANGUAGE):
    """For each rule a query triggers: the positions of the query terms that triggered it, and the extra
    terms it adds (never the query's own)."""
    own = set(terms)
    groups = []
    for left, right in analysed_rules(language):
        for phrase in left:
            positions = _positions(terms, phrase)
            if positions is not None:
                extra = [value for other in right for value in other if value not in own]
                if extra:
                    groups.append((positions, list(dict.fromkeys(extra))))
                break
    return groups
