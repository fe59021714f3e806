"""Which texts of the demo catalog are translated, and where their English and Ukrainian versions are kept.

The Czech data files stay the single source of every fact. A translation never repeats a fact (a slug, an
amount, a date, an address, a link): it only gives the words of a Czech text in another language. The
translations are kept as a translation memory, one file per language and Czech data file, mirroring its
path: `data/translations/en/services.yaml` maps each Czech text of `data/services.yaml` to its English
version. A Czech text that changes or appears anew has no entry until a translator writes one, which
`manage.py demo_translations --lang en` lists; nothing else has to be kept in step by hand.

Rich text is translated whole, as HTML with the same structure as the Czech text (the same paragraphs and
list items, the same links in the same order), so that the translation workflow can pair them segment by
segment.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
TRANSLATIONS_DIR = DATA_DIR / "translations"
LANGUAGES = ("en", "uk")

# Keys whose string values a visitor reads. Everything else (slugs, question and option keys, links,
# e-mail addresses, phone numbers, street addresses, amounts, dates, source notes) is a fact and stays as it is.
TRANSLATED_KEYS = frozenset({
    "title", "name", "summary", "intro", "description", "how_to_get", "lay_names", "lay_terms",
    "organisation", "provider", "building", "floor", "room", "accessibility", "note",
    "when_to_act", "what_you_get", "processing_time", "who_may_apply", "how_to_apply", "deadline", "remedies",
    "sanctions", "who_may_act", "conditions", "where_to_go", "online", "contact", "text", "help",
    "date_question", "question", "answer", "label", "how_to_pay", "when", "applies_when",
    # The accessibility statement and the privacy notice (legal.yaml).
    "scope", "compliance_note", "not_accessible", "method_note", "enforcement", "controller", "officer",
    "records_note", "recipients", "rights", "complaint",
})
# Mappings whose keys are identifiers and whose values are labels (a question's options: key -> label).
LABELLED_KEYS = frozenset({"options"})
# Keys under which nothing is read by a visitor in another language, whatever their children are called.
FACT_KEYS = frozenset({"source", "sources", "hours", "legal_acts"})

# libyaml's parser where PyYAML was built with it (its wheels are): the same documents, read ten times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path):
    """A data file's content (None for an empty one)."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=YAML_LOADER)


# Texts the loader itself writes (the home page, the two index pages and the office's settings).
SITE_TEXTS_FILE = "site.yaml"


@dataclass(frozen=True)
class SourceText:
    file: str  # the Czech data file, relative to data/
    where: str  # a readable path inside the file, e.g. "zmena-trvaleho-pobytu.steps[2].text"
    text: str


def _walk(value, where, key=None):
    if key in FACT_KEYS:
        return
    if isinstance(value, dict):
        for child_key, child in value.items():
            if key in LABELLED_KEYS and isinstance(child, str):
                yield f"{where}.{child_key}", child
                continue
            label = child.get("slug") if isinstance(child, dict) and "slug" in child else child_key
            yield from _walk(child, f"{where}.{label}" if where else str(label), child_key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            label = child["slug"] if isinstance(child, dict) and "slug" in child else f"[{index}]"
            path = f"{where}.{label}" if isinstance(child, dict) and "slug" in child else f"{where}{label}"
            yield from _walk(child, path.lstrip("."), key)
    elif isinstance(value, str) and key in TRANSLATED_KEYS and value.strip():
        yield where, value


def texts_of(record):
    """(where, text) of every text a visitor reads in one record of a data file."""
    return list(_walk(record, ""))


def data_files():
    """The Czech data files, relative to data/, in a fixed order."""
    names = [path.relative_to(DATA_DIR).as_posix() for path in DATA_DIR.rglob("*.yaml")
             if TRANSLATIONS_DIR not in path.parents]
    return sorted(names)


def source_texts(files=None):
    """Every Czech text a visitor reads, file by file, in the order the files hold them (once per file)."""
    texts = []
    for name in files or data_files():
        data = read_yaml(DATA_DIR / name) or []
        seen = set()
        for where, text in _walk(data, ""):
            if text not in seen:
                seen.add(text)
                texts.append(SourceText(name, where, text))
    return texts


def memory_path(language, name):
    return TRANSLATIONS_DIR / language / name


def read_memory(language, files=None):
    """{Czech text: translation} of one language, over the given data files (all of them by default)."""
    memory = {}
    for name in files or data_files():
        path = memory_path(language, name)
        if path.exists():
            entries = read_yaml(path) or {}
            memory.update({source: target for source, target in entries.items() if target})
    return memory


def missing(language, files=None):
    """The Czech texts of the given files that have no translation yet."""
    memory = read_memory(language, files)
    return [text for text in source_texts(files) if text.text not in memory]


def translate(text, memory):
    """The translation of one Czech text, or None when there is none yet."""
    return memory.get(text) if text else None
