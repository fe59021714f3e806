"""The evaluation sets every backend is measured on, and how a test reads one."""

from pathlib import Path

import pytest
from wagtail.models import Page

from search.analysis import DEFAULT_LANGUAGE
from search.evaluation import read_language, read_tsv

ROOT = Path(__file__).resolve().parents[2]
CZECH_SETS = ["../shared/eval/search-dev.tsv", "tests/data/search-hard.tsv", "tests/data/search-questions-cs.tsv"]
TRANSLATED_SETS = ["tests/data/search-en.tsv", "tests/data/search-uk.tsv"]
EVALUATION_SETS = CZECH_SETS + TRANSLATED_SETS


def load(path):
    """(rows, the visitor's language) of a set; the test is skipped when the set is not on this machine, or when
    the demo catalog has no live pages in its language (a catalog loaded without its translations)."""
    file = (ROOT / path).resolve()
    if not file.exists():
        pytest.skip(f"{file} is not on this machine")
    lines = file.read_text(encoding="utf-8").splitlines()
    language = read_language(lines, DEFAULT_LANGUAGE)
    if language != DEFAULT_LANGUAGE and not Page.objects.live().filter(locale__language_code=language).exists():
        pytest.skip(f"the demo catalog has no pages in {language!r}")
    return list(read_tsv(lines)), language
