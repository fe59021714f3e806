"""What every search backend does, and the one result shape they all return."""

from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass, field

from ..analysis import DEFAULT_LANGUAGE


@dataclass
class SearchDocument:
    """A page as both backends index it. Built by search.documents from live pages."""

    page_id: int
    type: str  # a search.result_types.ResultType
    slug: str
    title: str
    url: str
    summary: str
    lay_terms: str = ""
    body: str = ""
    audience: str = ""
    topic: str = ""
    department: str = ""
    language: str = DEFAULT_LANGUAGE  # the page's language; its text is analysed in it


@dataclass
class SearchHit:
    type: str
    slug: str
    title: str
    url: str
    summary: str
    score: float
    highlight: str
    page_id: int = 0
    language: str = DEFAULT_LANGUAGE

    def as_json(self):
        data = asdict(self)
        data.pop("page_id")
        return data


@dataclass
class SearchResults:
    query: str
    total: int
    hits: list
    facets: dict = field(default_factory=dict)  # facet name (search.facets.FACETS) -> {value: count}
    suggestion: str = ""
    backend: str = ""


@dataclass
class SearchFilters:
    type: str = ""
    audience: str = ""
    topic: str = ""
    department: str = ""


class SearchBackend(ABC):
    """The protocol: index documents, remove them, rebuild everything, search, complete a prefix."""

    name = "base"

    @abstractmethod
    def index(self, documents):
        """Add or replace these SearchDocuments."""

    @abstractmethod
    def delete(self, page_ids):
        """Remove the documents of these pages."""

    @abstractmethod
    def rebuild(self, documents, progress=None):
        """Replace the whole index with these documents; progress(done) is called as they go in."""

    @abstractmethod
    def search(self, query, filters=None, offset=0, limit=10, language=""):
        """SearchResults for a query in every language, SearchFilters applied, one page of hits; the visitor's
        `language` ranks first."""

    @abstractmethod
    def autocomplete(self, prefix, limit=8, language=""):
        """Suggestions for what is being typed: [{title, url, type, language}]."""
