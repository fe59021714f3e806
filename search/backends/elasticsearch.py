"""The Elasticsearch backend: our analysis and ranking, Elasticsearch's index, filters, facets and paging.

**One analysis, ours.** A document goes in with the terms search.analysis made of it and the weight it holds
each with (search.ranking.term_weights), in the field set of its page's language: `cs.terms` (keywords, to
match) and `cs.weights` (rank features, to score), `en.terms` and `en.weights` for an English page, `uk.…` for a
Ukrainian one. Elasticsearch analyses nothing, so accented and unaccented Czech, stop words and
multi-word synonyms behave as in the database backend by construction, and no plugin or analyzer is needed.
A query is the plan of search.planning (synonyms, prefixes, typo corrections: the same plan the database backend
ranks): each variant term is a `rank_feature` clause scoring factor × IDF × the document's weight, two
`function_score` layers multiply by the share of the query's words matched (squared), a third by the page's
type, and the results under search.ranking.RELATIVE_CUTOFF of the best are left out (`min_score`, after one
small request for the best score). Highlights and "did you mean" come from search.highlighting, as in the
database backend. A query is planned once per language (search.planning.plan_languages): each language's plan
is one `should` clause over that language's fields, so a document is scored by the plan of its own language,
and the visitor's language is multiplied by search.ranking.LANGUAGE_BOOST.

**The alias.** Searches and writes go through the alias "navigator-search"; each rebuild fills a new index
("navigator-search-<timestamp>"), moves the alias in one atomic `_aliases` call and then drops the old index
by name. Writes require the alias (`require_alias`), so they never create an index of that name; an index that
took the name anyway (written by an older version before any rebuild) is removed in the same `_aliases` call
(`remove_index`). While a rebuild runs, its new index also carries the alias "navigator-search-rebuilding", and
every write goes to both aliases, so a page published meanwhile reaches the new index too; the rebuild only
creates documents (`op_type: create`), so it never overwrites such a newer one.
"""

import logging
from datetime import datetime, timezone

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from .. import facets as facet_rules
from ..analysis import LANGUAGES, words
from ..facets import FACETS
from ..highlighting import highlight, suggestion
from ..planning import plan_languages, vocabularies
from ..ranking import LANGUAGE_BOOST, RELATIVE_CUTOFF, pinned_page_ids, term_weights, type_boosts
from .base import SearchBackend, SearchFilters, SearchHit, SearchResults

logger = logging.getLogger("search")

ALIAS = "navigator-search"
PIN_BOOST = 1_000_000_000  # above any score, the visitor's language boost included
MAX_REQUEST_TIMEOUT = 1.0  # seconds: a citizen waits no longer for Elasticsearch before the fallback answers
KEYWORDS = ("type", "slug", "audience", "topic", "department", "url", "title", "language")
STORED_TEXT = ("summary", "lay_terms", "body")  # kept for highlights, never searched by Elasticsearch
SHOWN = ["page_id", "type", "slug", "title", "url", "summary", "lay_terms", "body", "language"]


class RebuildError(Exception):
    """A rebuild that cannot go on safely; the message says what to check."""


# -- the index --------------------------------------------------------------------------------------------

def language_fields():
    """The field set of one language's analysis: terms to match, weights to score."""
    return {"properties": {"terms": {"type": "keyword"}, "weights": {"type": "rank_features"}}}


def mappings():
    properties = {"page_id": {"type": "integer"}, **{language: language_fields() for language in LANGUAGES}}
    properties.update({name: {"type": "keyword"} for name in KEYWORDS})
    properties.update({name: {"type": "text", "index": False} for name in STORED_TEXT})
    return {"dynamic": "strict", "properties": properties}


def index_settings(shards=1, replicas=0):
    return {"number_of_shards": shards, "number_of_replicas": replicas}


def source(document):
    """A SearchDocument as Elasticsearch keeps it: what results show, the facets, and our analysis of it."""
    weights = term_weights(document)
    return {
        "page_id": document.page_id, "type": str(document.type), "slug": document.slug, "title": document.title,
        "url": document.url, "summary": document.summary, "lay_terms": document.lay_terms,
        "body": document.body, "audience": document.audience, "topic": document.topic,
        "department": document.department, "language": document.language,
        document.language: {"terms": sorted(weights), "weights": weights},
    }


# -- queries ----------------------------------------------------------------------------------------------

def language_query(plan, vocab):
    """One language's plan as a query whose score is search.ranking's score of each matching document."""
    language = plan.language
    groups = max(len(plan.terms), 1)
    features = [{"rank_feature": {"field": f"{language}.weights.{value}", "linear": {},
                                  "boost": factor * vocab.idf(value)}}
                for variants in plan.variants.values() for value, factor in variants.items()]
    # Each query word a document matches adds 1/groups; applied twice, the score is multiplied by the square of
    # the share of the query's words it holds, as in the database backend.
    coverage = [{"filter": {"terms": {f"{language}.terms": list(variants)}}, "weight": 1 / groups}
                for variants in plan.variants.values() if variants]
    query = {"bool": {"should": features}}
    for _ in range(2):
        query = {"function_score": {"query": query, "functions": coverage, "score_mode": "sum",
                                    "boost_mode": "multiply"}}
    types = [{"filter": {"term": {"type": str(result_type)}}, "weight": weight}
             for result_type, weight in type_boosts(plan).items()]
    return {"function_score": {"query": query, "functions": types, "score_mode": "first", "boost_mode": "multiply"}}


def scored_query(plans, vocabs, visitor_language="", min_score=None):
    """Every language's plan, each scoring the documents of its language; the ones under `min_score` left out,
    then the visitor's language boosted (search.ranking)."""
    clauses = [language_query(plan, vocabs[language]) for language, plan in sorted(plans.items())]
    query = clauses[0] if len(clauses) == 1 else {"function_score": {"query": {"bool": {"should": clauses}}}}
    if min_score is not None:
        query["function_score"]["min_score"] = min_score
    if visitor_language:
        query = {"function_score": {"query": query, "score_mode": "first", "boost_mode": "multiply",
                                    "functions": [{"filter": {"term": {"language": visitor_language}},
                                                   "weight": LANGUAGE_BOOST}]}}
    return query


def filter_clauses(filters, skip=None):
    return [{"terms": {name: allowed}} for name, allowed in facet_rules.active_filters(filters, skip=skip)]


def best_score_body(plans, vocabs):
    """The best score before the visitor's language counts: the cutoff is a share of it."""
    return {"query": scored_query(plans, vocabs), "size": 1, "_source": False, "track_total_hits": False}


def results_body(plans, vocabs, filters, offset, limit, best_score, pinned=(), facets=True, visitor_language=""):
    """One page of results over the matches at least RELATIVE_CUTOFF as good as the best, with facets."""
    scored = scored_query(plans, vocabs, visitor_language, min_score=best_score * RELATIVE_CUTOFF)
    query = scored
    if pinned:
        pins = {"constant_score": {"filter": {"ids": {"values": [str(page_id) for page_id in pinned]}},
                                   "boost": PIN_BOOST}}
        query = {"bool": {"should": [scored, pins], "minimum_should_match": 1}}
    body = {"query": query, "from": offset, "size": limit, "track_total_hits": True, "track_scores": True,
            "sort": [{"_score": "desc"}, {"title": "asc"}], "_source": SHOWN}
    clauses = filter_clauses(filters)
    if clauses:
        body["post_filter"] = {"bool": {"filter": clauses}}
    if facets:
        body["aggs"] = {}
        for name in FACETS:
            others = filter_clauses(filters, skip=name)
            scope = {"bool": {"filter": others}} if others else {"match_all": {}}
            body["aggs"][name] = {"filter": scope, "aggs": {"values": {"terms": {"field": name, "size": 100}}}}
    return body


# -- the backend ------------------------------------------------------------------------------------------

_clients = {}


def client_for(url, timeout=MAX_REQUEST_TIMEOUT):
    """One client (and connection pool) per URL and timeout; it never retries a search."""
    key = (url, timeout)
    if key not in _clients:
        _clients[key] = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)
    return _clients[key]


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url, alias=ALIAS, timeout=MAX_REQUEST_TIMEOUT, write_timeout=10.0, rebuild_timeout=120.0,
                 write_retries=3, retry_backoff=1.0, shards=1, replicas=0):
        self.url = url
        self.alias = alias
        self.rebuilding_alias = f"{alias}-rebuilding"
        self.timeout = min(timeout, MAX_REQUEST_TIMEOUT)
        self.write_timeout = write_timeout
        self.rebuild_timeout = rebuild_timeout
        self.write_retries = write_retries
        self.retry_backoff = retry_backoff
        self.shards = shards
        self.replicas = replicas

    @classmethod
    def from_settings(cls, options):
        """The backend as settings.SEARCH["ELASTICSEARCH"] describes it."""
        return cls(options["URL"], alias=options["ALIAS"], timeout=options["TIMEOUT"],
                   write_timeout=options["WRITE_TIMEOUT"], rebuild_timeout=options["REBUILD_TIMEOUT"],
                   write_retries=options["WRITE_RETRIES"], retry_backoff=options["RETRY_BACKOFF"],
                   shards=options["SHARDS"], replicas=options["REPLICAS"])

    @property
    def client(self):
        return client_for(self.url, self.timeout)

    # -- writing -----------------------------------------------------------------------------------------

    def _bulk(self, client, actions, **options):
        """(ok, item) for each action; writes rejected with 429 (a full queue, the circuit breaker) are retried."""
        return helpers.streaming_bulk(client, actions, raise_on_error=False, max_retries=self.write_retries,
                                      initial_backoff=self.retry_backoff, max_backoff=30, **options)

    def _write(self, actions):
        """Send index or delete actions through the alias and, while a rebuild runs, to its new index too."""
        client = self.client.options(request_timeout=self.write_timeout)
        failed = []
        for ok, item in self._bulk(client, actions, require_alias=True):
            [(operation, info)] = item.items()
            if ok or "error" not in info:  # a delete of a document that is not there has nothing to undo
                continue
            if info.get("_index") == self.rebuilding_alias and info.get("status") == 404:
                continue  # no rebuild is running
            failed.append(item)
        if failed:
            raise helpers.BulkIndexError(f"{len(failed)} search index write(s) failed", failed)

    def _both_aliases(self, operation, page_id, document_source=None):
        for target in (self.alias, self.rebuilding_alias):
            action = {"_op_type": operation, "_index": target, "_id": str(page_id)}
            if document_source is not None:
                action["_source"] = document_source
            yield action

    def index(self, documents):
        actions = [action for document in documents
                   for action in self._both_aliases("index", document.page_id, source(document))]
        if actions:
            self._write(actions)

    def delete(self, page_ids):
        actions = [action for page_id in page_ids for action in self._both_aliases("delete", page_id)]
        if actions:
            self._write(actions)

    @staticmethod
    def new_index_name(alias):
        return f"{alias}-{datetime.now(timezone.utc).strftime('%Y%m%d%H%M%S%f')}"

    def rebuild(self, documents, progress=None):
        """Fill a new index with `documents` and move the alias to it; returns the new index's name.

        `documents` is read only once the new index takes the writes of pages published meanwhile, so pass a
        generator (search.documents.all_documents()) rather than a list made earlier.
        """
        client = self.client.options(request_timeout=self.rebuild_timeout)
        running = client.options(ignore_status=404).indices.get_alias(name=self.rebuilding_alias)
        if running.meta.status != 404:
            raise RebuildError(f"Another rebuild is running, or one was interrupted: index {', '.join(running.body)} "
                               f"carries the alias {self.rebuilding_alias}. If no rebuild runs, delete that index.")
        new_index = self.new_index_name(self.alias)
        client.indices.create(index=new_index, settings=index_settings(self.shards, self.replicas),
                              mappings=mappings(), aliases={self.rebuilding_alias: {}})
        try:
            self._load(client, new_index, documents, progress)
            client.indices.refresh(index=new_index)
            actions, old = self._swap_actions(client, new_index)
        except BaseException:
            self._drop(client, [new_index])
            raise
        self._swap(client, new_index, actions)
        if old:
            self._drop(client, old)
        return new_index

    def _load(self, client, new_index, documents, progress):
        actions = ({"_op_type": "create", "_index": new_index, "_id": str(document.page_id),
                    "_source": source(document)} for document in documents)
        failed = []
        for done, (ok, item) in enumerate(self._bulk(client, actions, chunk_size=500), 1):
            [(_operation, info)] = item.items()
            # 409: a page published during the rebuild is already there, newer than what we read.
            if not ok and info.get("status") != 409:
                failed.append(item)
            if progress:
                progress(done)
        if failed:
            raise helpers.BulkIndexError(f"{len(failed)} document(s) could not be indexed", failed)

    def _swap_actions(self, client, new_index):
        """The `_aliases` actions that move the alias to the new index, and the old indices to drop after."""
        current = client.options(ignore_status=404).indices.get_alias(index=self.alias)
        names = [] if current.meta.status == 404 else sorted(current.body)
        actions = []
        for name in names:
            if name == self.alias:  # a plain index took the alias's name: it goes in the same atomic call
                actions.append({"remove_index": {"index": name}})
            else:
                actions.append({"remove": {"index": name, "alias": self.alias}})
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        actions.append({"remove": {"index": new_index, "alias": self.rebuilding_alias}})
        return actions, [name for name in names if name != self.alias]

    def _swap(self, client, new_index, actions):
        try:
            client.indices.update_aliases(actions=actions)
        except ApiError:  # refused: the alias did not move, and the new index serves nothing
            self._drop(client, [new_index])
            raise
        except TransportError as error:  # no answer: the alias may have moved, to an index we must keep
            if self._alias_points_to(client, new_index):
                logger.warning("The alias update timed out (%s) but went through; %s is live", error, new_index)
                return
            self._drop(client, [new_index])
            raise

    def _alias_points_to(self, client, new_index):
        try:
            current = client.options(ignore_status=404).indices.get_alias(index=self.alias)
        except (ApiError, TransportError) as error:
            raise RebuildError(
                f"The alias update got no answer and the alias cannot be read ({error}): check where {self.alias} "
                f"points (GET _alias/{self.alias}); {new_index} is kept, as it may be the live index.") from error
        return current.meta.status != 404 and new_index in current.body

    @staticmethod
    def _drop(client, names):
        """Delete indices by their names (never a wildcard: clusters refuse destructive wildcards)."""
        try:
            client.options(ignore_status=404).indices.delete(index=",".join(names))
        except (ApiError, TransportError) as error:
            logger.error("Could not delete the search indices %s (%s); delete them by hand", ", ".join(names), error)

    # -- reading -----------------------------------------------------------------------------------------

    def search(self, query, filters=None, offset=0, limit=10, prefix_last=False, facets=True, language=""):
        """`language` is the visitor's: its documents rank first (search.ranking.LANGUAGE_BOOST)."""
        filters = filters or SearchFilters()
        empty = SearchResults(query=query, total=0, hits=[], facets={name: {} for name in FACETS}, suggestion="",
                              backend=self.name)
        if not words(query):
            return empty
        vocabs = vocabularies()
        plans = plan_languages(query, vocabs, prefix_last=prefix_last)
        if not plans:
            return empty
        pinned = pinned_page_ids(query)
        best_hits = self.client.search(index=self.alias, **best_score_body(plans, vocabs)).body["hits"]["hits"]
        if not best_hits and not pinned:
            return empty
        best_score = best_hits[0]["_score"] if best_hits else 0.0
        body = results_body(plans, vocabs, filters, offset, limit, best_score, pinned, facets=facets,
                            visitor_language=language)
        response = self.client.search(index=self.alias, **body).body
        return self.parse_response(query, plans, response, offset)

    def parse_response(self, query, plans, response, offset=0):
        hits = [self._hit(hit, plans) for hit in response["hits"]["hits"]]
        total = response["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else int(total)
        facets = {}
        for name in FACETS:
            buckets = response.get("aggregations", {}).get(name, {}).get("values", {}).get("buckets", [])
            facets[name] = facet_rules.count(name, {bucket["key"]: bucket["doc_count"] for bucket in buckets})
        did_you_mean = ""
        if offset == 0 and any(plan.corrections for plan in plans.values()):
            texts = [(hit.language, " ".join([hit.title, data["summary"], f"{data['lay_terms']}\n{data['body']}"]))
                     for hit, data in zip(hits, (raw["_source"] for raw in response["hits"]["hits"]))]
            did_you_mean = suggestion(plans, texts)
        return SearchResults(query=query, total=total, hits=hits, facets=facets, suggestion=did_you_mean,
                             backend=self.name)

    @staticmethod
    def _hit(hit, plans):
        data = hit["_source"]
        language = data.get("language") or "cs"
        plan = plans.get(language)
        body = f"{data.get('lay_terms', '')}\n{data.get('body', '')}"
        return SearchHit(type=data["type"], slug=data["slug"], title=data["title"], url=data.get("url", ""),
                         summary=data.get("summary", ""), score=round(hit.get("_score") or 0.0, 4),
                         highlight=highlight(data.get("summary", ""), body, plan.all_terms if plan else set(), language),
                         page_id=int(data.get("page_id") or hit["_id"]), language=language)

    def autocomplete(self, prefix, limit=8, language=""):
        results = self.search(prefix, limit=limit, prefix_last=True, facets=False, language=language)
        return [{"title": hit.title, "url": hit.url, "type": hit.type, "language": hit.language}
                for hit in results.hits]
