"""The Elasticsearch backend.

One concrete index per rebuild ("navigator-search-<timestamp>") behind one alias ("navigator-search"): a
rebuild fills a new index, moves the alias in one atomic `update_aliases` call and then drops the old index,
so search never sees a half-built index. Reads and incremental writes go through the alias.

Czech analysis is built from the parts of Elasticsearch's `czech` analyzer, with `asciifolding` after the
stemmer (the stemmer expects diacritics). Synonyms from search/synonyms.txt apply at search time only, in a
`synonym_graph` filter placed right after lowercasing so that multi-word rules ("občanský průkaz") match
before stop words leave holes in the token stream.
"""

import html
import logging
from datetime import datetime, timezone

from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import (
    A, Index, Integer, Keyword, Mapping, Q, Search, SearchAsYouType, Text, analyzer, token_filter,
)

from .. import facets as facet_rules
from ..analysis import analyze, fold, words
from ..facets import FACETS
from ..query import clean_query
from ..ranking import FIELD_BOOSTS, TYPE_BOOSTS, pinned_page_ids
from ..synonyms import SYNONYM_FILE, parse_rules
from .base import SearchBackend, SearchFilters, SearchHit, SearchResults

logger = logging.getLogger("search")

ALIAS = "navigator-search"
FIELDS = tuple(f"{name}^{boost:g}" for name, boost in FIELD_BOOSTS.items())
PIN_BOOST = 1_000_000
MAX_REQUEST_TIMEOUT = 1.0  # seconds: a citizen waits no longer for Elasticsearch before the fallback answers
TYPE_FUNCTIONS = [{"filter": {"term": {"type": str(result_type)}}, "weight": weight}
                  for result_type, weight in TYPE_BOOSTS.items()]


# -- analysis ---------------------------------------------------------------------------------------------

def synonym_rules(path=SYNONYM_FILE):
    """The shared synonym file as Solr rules for Elasticsearch, each phrase also in its folded form.

    The synonym filter sees lowercased words with their diacritics, but people type "obcanka" as often as
    "občanka", so each rule lists both spellings; the stemmer and folding after it make them meet the index.
    """
    with open(path, encoding="utf-8") as handle:
        rules = parse_rules(handle)

    def spellings(phrases):
        variants = [p.lower() for p in phrases] + [fold(p) for p in phrases]
        return ", ".join(dict.fromkeys(variants))

    lines = []
    for left, right in rules:
        if left == right:
            lines.append(spellings(left))
        else:
            lines.append(f"{spellings(left)} => {spellings(right)}")
    return lines


def analyzers():
    """(index analyzer, search analyzer, folded analyzer for autocomplete and spelling)."""
    czech_stop = token_filter("czech_stop", type="stop", stopwords="_czech_")
    czech_stemmer = token_filter("czech_stemmer", type="stemmer", language="czech")
    synonyms = token_filter("navigator_synonyms", type="synonym_graph", synonyms=synonym_rules(), lenient=True)
    czech = analyzer("czech_folded", tokenizer="standard",
                     filter=["lowercase", czech_stop, czech_stemmer, "asciifolding"])
    czech_search = analyzer("czech_folded_search", tokenizer="standard",
                            filter=["lowercase", synonyms, czech_stop, czech_stemmer, "asciifolding"])
    folded = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
    return czech, czech_search, folded


def mapping():
    czech, czech_search, folded = analyzers()
    m = Mapping()
    m.meta("dynamic", "strict")
    m.field("title", Text(analyzer=czech, search_analyzer=czech_search, copy_to="spell",
                          fields={"autocomplete": SearchAsYouType(analyzer=folded)}))
    m.field("lay_terms", Text(analyzer=czech, search_analyzer=czech_search, copy_to="spell"))
    m.field("summary", Text(analyzer=czech, search_analyzer=czech_search, copy_to="spell"))
    m.field("body", Text(analyzer=czech, search_analyzer=czech_search, copy_to="spell"))
    m.field("spell", Text(analyzer=folded))
    for name in ("type", "slug", "audience", "topic", "department", "url"):
        m.field(name, Keyword())
    m.field("page_id", Integer())
    return m


def index_definition(name, shards=1, replicas=0):
    """The DSL Index for a new concrete index: settings, Czech analysis and the mapping."""
    index = Index(name)
    index.settings(number_of_shards=shards, number_of_replicas=replicas)
    index.mapping(mapping())
    return index


def source(document):
    return {
        "page_id": document.page_id, "type": str(document.type), "slug": document.slug, "title": document.title,
        "url": document.url, "summary": document.summary, "lay_terms": document.lay_terms,
        "body": document.body, "audience": document.audience, "topic": document.topic,
        "department": document.department,
    }


def plain_text(text):
    """User text as plain words for Elasticsearch (search.query.clean_query, without its notices)."""
    return clean_query(text or "")[0]


# -- the backend ------------------------------------------------------------------------------------------

_clients = {}


def client_for(url, timeout=MAX_REQUEST_TIMEOUT):
    """One client (and connection pool) per URL and timeout; never retries, never waits more than 1 s."""
    key = (url, timeout)
    if key not in _clients:
        _clients[key] = Elasticsearch(url, request_timeout=min(timeout, MAX_REQUEST_TIMEOUT), max_retries=0,
                                      retry_on_timeout=False)
    return _clients[key]


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url, alias=ALIAS, timeout=MAX_REQUEST_TIMEOUT, rebuild_timeout=60, shards=1, replicas=0):
        self.url = url
        self.alias = alias
        self.timeout = min(timeout, MAX_REQUEST_TIMEOUT)
        self.rebuild_timeout = rebuild_timeout
        self.shards = shards
        self.replicas = replicas

    @classmethod
    def from_settings(cls, options):
        """The backend as settings.SEARCH["ELASTICSEARCH"] describes it."""
        return cls(options["URL"], alias=options["ALIAS"], timeout=options["TIMEOUT"],
                   rebuild_timeout=options["REBUILD_TIMEOUT"], shards=options["SHARDS"],
                   replicas=options["REPLICAS"])

    @property
    def client(self):
        return client_for(self.url, self.timeout)

    # -- writing -----------------------------------------------------------------------------------------

    def _actions(self, documents, index):
        for document in documents:
            yield {"_op_type": "index", "_index": index, "_id": str(document.page_id), "_source": source(document)}

    def index(self, documents):
        documents = list(documents)
        if documents:
            helpers.bulk(self.client, self._actions(documents, self.alias))

    def delete(self, page_ids):
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": str(page_id)} for page_id in page_ids]
        if actions:
            helpers.bulk(self.client, actions, ignore_status=(404,))

    def rebuild(self, documents, progress=None):
        client = self.client.options(request_timeout=self.rebuild_timeout)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
        new_index = f"{self.alias}-{stamp}"
        index_definition(new_index, self.shards, self.replicas).create(using=client)
        try:
            done = 0
            for ok, item in helpers.streaming_bulk(client, self._actions(documents, new_index), chunk_size=500,
                                                   raise_on_error=True):
                done += 1
                if progress:
                    progress(done)
            client.indices.refresh(index=new_index)
            current = client.options(ignore_status=404).indices.get_alias(name=self.alias)
            old = [] if current.meta.status == 404 else [name for name in current.body if name != new_index]
            actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
            actions.append({"add": {"index": new_index, "alias": self.alias}})
            client.indices.update_aliases(actions=actions)
        except Exception:
            client.options(ignore_status=404).indices.delete(index=new_index)
            raise
        if old:
            client.indices.delete(index=",".join(old))
        return new_index

    # -- reading -----------------------------------------------------------------------------------------

    def _main_query(self, text):
        match = Q("bool",
                  must=[Q("multi_match", query=text, fields=list(FIELDS), type="best_fields", tie_breaker=0.3,
                          fuzziness="AUTO", prefix_length=1, max_expansions=30)],
                  should=[Q("multi_match", query=text, fields=list(FIELDS), type="phrase", slop=2, boost=2),
                          Q("multi_match", query=text, fields=list(FIELDS), operator="and", boost=1)])
        return Q("function_score", query=match, boost_mode="multiply", score_mode="first", functions=TYPE_FUNCTIONS)

    @staticmethod
    def filter_clauses(filters, skip=None):
        return [Q("terms", **{name: allowed}) for name, allowed in facet_rules.active_filters(filters, skip=skip)]

    def build_search(self, text, filters, offset, limit, pinned=()):
        query = self._main_query(text)
        if pinned:
            query = Q("bool", should=[query, Q("constant_score", filter=Q("ids", values=[str(p) for p in pinned]),
                                               boost=PIN_BOOST)], minimum_should_match=1)
        search = (Search(using=self.client, index=self.alias)
                  .query(query)
                  .extra(from_=offset, size=limit, track_total_hits=True)
                  .source(["page_id", "type", "slug", "title", "url", "summary"])
                  .highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
                  .highlight("summary", number_of_fragments=0)
                  .highlight("body", number_of_fragments=1, fragment_size=200, no_match_size=0)
                  .suggest("did_you_mean", text, term={"field": "spell", "suggest_mode": "missing",
                                                       "min_word_length": 4, "max_edits": 2, "size": 1}))
        clauses = self.filter_clauses(filters)
        if clauses:
            search = search.post_filter(Q("bool", filter=clauses))
        for name in FACETS:
            others = self.filter_clauses(filters, skip=name)
            scope = Q("bool", filter=others) if others else Q("match_all")
            search.aggs.bucket(name, A("filter", scope)).bucket("values", A("terms", field=name, size=100))
        return search

    def search(self, query, filters=None, offset=0, limit=10):
        filters = filters or SearchFilters()
        text = plain_text(query)
        if not text or not words(text):
            return SearchResults(query=query, total=0, hits=[], facets={name: {} for name in FACETS},
                                 suggestion="", backend=self.name)
        pinned = pinned_page_ids(text)
        response = self.build_search(text, filters, offset, limit, pinned).execute().to_dict()
        return self.parse_response(query, text, response)

    def parse_response(self, query, text, response):
        hits = [self._hit(hit) for hit in response["hits"]["hits"]]
        total = response["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else int(total)
        facets = {}
        for name in FACETS:
            buckets = response.get("aggregations", {}).get(name, {}).get("values", {}).get("buckets", [])
            facets[name] = facet_rules.count(name, {bucket["key"]: bucket["doc_count"] for bucket in buckets})
        suggestion = ""
        if total < 3 + len(analyze(text)):
            suggestion = self._suggestion(text, response.get("suggest", {}).get("did_you_mean", []))
        return SearchResults(query=query, total=total, hits=hits, facets=facets, suggestion=suggestion,
                             backend=self.name)

    @staticmethod
    def _hit(hit):
        data = hit["_source"]
        marked = hit.get("highlight", {})
        if marked.get("summary"):
            snippet = marked["summary"][0]
        elif marked.get("body"):
            snippet = f"… {marked['body'][0].strip()} …"
        else:
            snippet = html.escape(data.get("summary", "")[:200])
        return SearchHit(type=data["type"], slug=data["slug"], title=data["title"], url=data.get("url", ""),
                         summary=data.get("summary", ""), score=round(hit.get("_score") or 0.0, 4),
                         highlight=snippet, page_id=int(data.get("page_id") or hit["_id"]))

    @staticmethod
    def _suggestion(text, entries):
        """The query with each misspelt word replaced by the term suggester's best option."""
        pieces, position, changed = [], 0, False
        for entry in sorted(entries, key=lambda e: e["offset"]):
            if not entry.get("options"):
                continue
            start, end = entry["offset"], entry["offset"] + entry["length"]
            pieces.append(text[position:start])
            pieces.append(entry["options"][0]["text"])
            position, changed = end, True
        if not changed:
            return ""
        pieces.append(text[position:])
        return "".join(pieces).strip()

    def autocomplete(self, prefix, limit=8):
        text = plain_text(prefix)
        if not text or not words(text):
            return []
        fields = ["title.autocomplete^3", "title.autocomplete._2gram^3", "title.autocomplete._3gram^3",
                  "title^2", "lay_terms"]
        query = Q("function_score", query=Q("multi_match", query=text, type="bool_prefix", fields=fields),
                  boost_mode="multiply", score_mode="first", functions=TYPE_FUNCTIONS)
        search = (Search(using=self.client, index=self.alias).query(query)
                  .extra(size=limit).source(["title", "url", "type"]))
        response = search.execute().to_dict()
        return [{"title": hit["_source"]["title"], "url": hit["_source"].get("url", ""),
                 "type": hit["_source"]["type"]} for hit in response["hits"]["hits"]]
