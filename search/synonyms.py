"""The shared synonym file, read once, applied to analysed query terms."""

from functools import lru_cache
from pathlib import Path

from .analysis import analyze

SYNONYM_FILE = Path(__file__).resolve().parent / "synonyms.txt"


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


@lru_cache(maxsize=1)
def analysed_rules():
    """Each rule as (tuples of left-hand terms, tuples of right-hand terms)."""
    with open(SYNONYM_FILE, encoding="utf-8") as handle:
        rules = parse_rules(handle)
    return [([tuple(analyze(p)) for p in left if analyze(p)], [tuple(analyze(p)) for p in right if analyze(p)])
            for left, right in rules]


def _positions(terms, phrase):
    n = len(phrase)
    for i in range(len(terms) - n + 1):
        if tuple(terms[i:i + n]) == phrase:
            return list(range(i, i + n))
    return None


def expand_groups(terms):
    """For each rule a query triggers: the positions of the query terms that triggered it, and the extra
    terms it adds (never the query's own)."""
    own = set(terms)
    groups = []
    for left, right in analysed_rules():
        for phrase in left:
            positions = _positions(terms, phrase)
            if positions is not None:
                extra = [value for other in right for value in other if value not in own]
                if extra:
                    groups.append((positions, list(dict.fromkeys(extra))))
                break
    return groups
