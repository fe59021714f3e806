"""The small pieces every JSON-LD document of the open data is written with: language-tagged strings, links,
typed literals, leaving out what is empty, the graph that states each node once, the terms of controlled
vocabularies as nodes that say what they are, and schema.org's names for weekdays.

The CPSV-AP graph, the DCAT-AP description and the schema.org blocks on pages are plain dicts built from
these, so they read the same way and an empty value never reaches a consumer as "" or [].
"""

from django.utils import translation
from django.utils.functional import Promise

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# The languages a text is labelled in besides Czech and English, when the site's catalogs translate it.
OTHER_LANGUAGES = ("uk",)


def cs(text):
    """A Czech language-tagged string."""
    return {"@value": str(text), "@language": "cs"}


def en(text):
    """An English language-tagged string."""
    return {"@value": str(text), "@language": "en"}


def tagged(text, language):
    return {"@value": str(text), "@language": language}


def texts(czech, english):
    """The same text in Czech and English, Czech first; English left out when there is none. A Czech text still
    to be translated (a lazy message of the interface) is labelled in Ukrainian too where the catalog has it."""
    labels = [cs(czech)] + ([en(english)] if english else [])
    if isinstance(czech, Promise):
        source = str(czech)
        for language in OTHER_LANGUAGES:
            with translation.override(language):
                translated = str(czech)
            if translated != source:
                labels.append(tagged(translated, language))
    return labels


def in_languages(czech, translations):
    """A Czech text and its translations ({language: text}), each tagged, Czech first; empty ones left out.
    Untranslated, it is the Czech string alone, as a single value."""
    others = [tagged(text, language) for language, text in sorted(translations.items()) if text]
    return [cs(czech), *others] if others else cs(czech)


def ref(uri):
    return {"@id": uri}


def typed(value, datatype):
    return {"@value": str(value), "@type": datatype}


def compact(node):
    """Leaves out empty values, so optional properties that have nothing to say are simply absent."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def schema_day(weekday):
    """schema.org's IRI of a weekday (0 = Monday)."""
    return f"https://schema.org/{SCHEMA_DAYS[weekday]}"


def labels(term):
    return [{"@value": label, "@language": language} for language, label in term.labels.items()]


class Graph:
    """The nodes of one JSON-LD document, each stated once under its @id, in the order first added."""

    def __init__(self):
        self.nodes = {}

    def add(self, node):
        """Adds a node (empty values left out) unless one with its @id is there already; returns the @id."""
        node = compact(node)
        self.nodes.setdefault(node["@id"], node)
        return node["@id"]

    def __contains__(self, uri):
        return uri in self.nodes

    def term(self, term, *types, label="skos:prefLabel"):
        """A vocabulary term as a node of the given types with its labels; returns a reference to it."""
        self.add({"@id": term.iri, "@type": list(types), label: labels(term),
                  "skos:inScheme": ref(term.scheme) if term.scheme and "skos:Concept" in types else None})
        return ref(term.iri)

    def document(self, url):
        """A web page or file linked from the data, as the foaf:Document the profiles expect; None for none."""
        if not url:
            return None
        self.add({"@id": url, "@type": "foaf:Document"})
        return ref(url)

    def document_json(self, context):
        return {"@context": context, "@graph": list(self.nodes.values())}
