"""The Elasticsearch backend against recorded Elasticsearch 9 responses, served over real HTTP.

A small threaded HTTP server replays the JSON files in tests/search/recordings/ (see the README there) and
keeps every request it received, so the tests can read what the backend sent: the index's mapping, the bulk
bodies, the alias swap, the search bodies. With the server slow, failing or gone, the database answers.
"""

import json
import logging
import socket
import threading
import time
from dataclasses import dataclass
from fnmatch import fnmatch
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from django.core.exceptions import ImproperlyConfigured
from elasticsearch import ApiError, ConnectionError as ESConnectionError, ConnectionTimeout
from elasticsearch.helpers import BulkIndexError

from search.backends import get_backend, postings
from search.backends.base import SearchDocument, SearchFilters, SearchHit, SearchResults
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ALIAS, ElasticsearchBackend, RebuildError
from search.backends.fallback import FallbackBackend
from search.documents import all_documents
from search.evaluation import evaluate
from search.planning import plan_query, vocabulary
from search.ranking import LANGUAGE_BOOST, RELATIVE_CUTOFF, term_weights
from tests.czech import czech

from . import evaluation_sets, query_semantics

RECORDINGS = Path(__file__).resolve().parent / "recordings"
OLD_INDEX = "navigator-search-20250101080000000000"
NEW_INDEX = "navigator-search-20251001120000000000"
REBUILDING = f"{ALIAS}-rebuilding"


# -- the replay server ------------------------------------------------------------------------------------

@dataclass
class Request:
    method: str
    path: str
    query: str
    body: str

    @property
    def json(self):
        return json.loads(self.body)

    @property
    def ndjson(self):
        return [json.loads(line) for line in self.body.splitlines() if line.strip()]

    @property
    def params(self):
        return {name: values[0] for name, values in parse_qs(self.query).items()}


class ReplayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as written, not 40 ms apart

    def log_message(self, *args):
        pass

    def _reply(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        path, _, query = self.path.partition("?")
        request = Request(self.command, path, query, body)
        self.server.requests.append(request)
        status, payload, delay = self.server.answer(request)
        if delay:
            time.sleep(delay)
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=9")
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
            pass

    do_GET = do_PUT = do_POST = do_DELETE = _reply


class ReplayServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), ReplayHandler)
        self.recordings = {path.name: json.loads(path.read_text(encoding="utf-8"))
                           for path in sorted(RECORDINGS.glob("*.json"))}
        self.used = {name: 0 for name in self.recordings}
        self.requests = []
        self.preferred = []
        self.delay = 0
        self.lock = threading.Lock()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def prefer(self, *names):
        """These recordings answer first, even those kept for when a test asks for them."""
        self.preferred = list(names)

    @staticmethod
    def _matches(wanted, request, preferred):
        if not (fnmatch(request.method, wanted["method"]) and fnmatch(request.path, wanted["path"])):
            return False
        if preferred:
            return True
        if not all(text in request.body for text in wanted.get("body_contains", [])):
            return False
        includes = wanted.get("body_includes")
        return not includes or all(request.json.get(key) == value for key, value in includes.items())

    def answer(self, request):
        candidates = [(name, True) for name in self.preferred]
        candidates += [(name, False) for name, recording in self.recordings.items()
                       if not recording["request"].get("only_when_preferred")]
        with self.lock:
            for name, preferred in candidates:
                recording = self.recordings[name]
                wanted = recording["request"]
                if "times" in wanted and self.used[name] >= wanted["times"]:
                    continue
                if self._matches(wanted, request, preferred):
                    self.used[name] += 1
                    response = recording["response"]
                    return response["status"], response["body"], wanted.get("delay", self.delay)
        missing = {"error": {"type": "no_recording", "reason": f"{request.method} {request.path}"}, "status": 404}
        return 404, missing, self.delay

    def sent(self, method, pattern="*"):
        return [r for r in self.requests if r.method == method and fnmatch(r.path, pattern)]


class ModelCluster(ReplayServer):
    """Keeps what the backend writes and answers searches by the Query DSL's documented arithmetic
    (query_semantics); everything else from the recordings."""

    def __init__(self):
        super().__init__()
        self.documents = {}

    def answer(self, request):
        if request.path == "/_bulk":
            lines, items = request.ndjson, []
            while lines:
                [(operation, meta)] = lines.pop(0).items()
                if operation == "delete":
                    self.documents.pop(meta["_id"], None)
                else:
                    self.documents[meta["_id"]] = lines.pop(0)
                items.append({operation: {"_index": meta["_index"], "_id": meta["_id"], "status": 200}})
            return 200, {"errors": False, "took": 1, "items": items}, 0
        if request.path.endswith("/_search"):
            return 200, query_semantics.search(self.documents, request.json), 0
        return super().answer(request)


def serve(server):
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return server


@pytest.fixture
def es():
    server = serve(ReplayServer())
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def model_cluster():
    server = serve(ModelCluster())
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def backend(es, monkeypatch):
    monkeypatch.setattr(ElasticsearchBackend, "new_index_name", staticmethod(lambda alias: NEW_INDEX))
    return ElasticsearchBackend(es.url, retry_backoff=0.01, rebuild_timeout=5)


@pytest.fixture
def closed_port_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def documents():
    return [
        SearchDocument(page_id=87, type="situation", slug="obcansky-prukaz", title="Občanský průkaz (i první v 15 letech)",
                       url="/doklady/obcansky-prukaz/", summary="Končí vám platnost občanky?", lay_terms="občanka, OP",
                       body="Požádat může každý občan ČR.", audience="citizens", topic="doklady",
                       department="odbor-obcanskospravni"),
        SearchDocument(page_id=24, type="service", slug="vydani-obcanskeho-prukazu", title="Vydání občanského průkazu",
                       url="/sluzby/vydani-obcanskeho-prukazu/", summary="Požádáte o nový občanský průkaz s čipem.",
                       audience="citizens", department="odbor-obcanskospravni"),
        SearchDocument(page_id=6, type="counter", slug="klientske-centrum", title="Klientské centrum úřadu městské části",
                       url="/pracoviste/klientske-centrum/", summary="Občanské průkazy a cestovní pasy."),
    ]


def use_elasticsearch(settings, url, **options):
    """settings.SEARCH with Elasticsearch at `url` (and these options, lowercase) for one test."""
    engine = {**settings.SEARCH["ELASTICSEARCH"], "URL": url, **{k.upper(): v for k, v in options.items()}}
    settings.SEARCH = {**settings.SEARCH, "ELASTICSEARCH": engine}


def search_bodies(es):
    """(the best-score request, the results request) of one search."""
    return [request.json for request in es.sent("POST", f"/{ALIAS}/_search")]


def features(body):
    """The rank_feature clauses inside the three function_score layers of one language's query."""
    query = body["query"]
    for _ in range(3):
        query = query["function_score"]["query"]
    return query["bool"]["should"]


def language_clauses(scored):
    """{language: its query} in a scored query without the visitor's boost: one language's query, or one
    clause a language under a function_score that draws the cutoff (search.backends.elasticsearch)."""
    inner = scored["function_score"]["query"]
    clauses = inner["bool"]["should"] if "bool" in inner else [scored]
    return {features({"query": clause})[0]["rank_feature"]["field"].split(".")[0]: clause for clause in clauses}


def search_warnings(caplog, level=logging.WARNING):
    return [r for r in caplog.records if r.name == "search" and r.levelno == level]


# -- the index: our analysis, pre-analysed ----------------------------------------------------------------

def test_rebuild_creates_an_index_of_our_terms_and_swaps_the_alias_in_one_call(es, backend):
    done = []
    assert backend.rebuild(documents(), progress=done.append) == NEW_INDEX
    assert done == [1, 2, 3]

    order = [(r.method, r.path) for r in es.requests]
    assert order == [("GET", f"/_alias/{REBUILDING}"), ("PUT", f"/{NEW_INDEX}"), ("PUT", "/_bulk"),
                     ("POST", f"/{NEW_INDEX}/_refresh"), ("GET", f"/{ALIAS}/_alias"), ("POST", "/_aliases"),
                     ("DELETE", f"/{OLD_INDEX}")]  # by its name: clusters refuse destructive wildcards

    create = es.sent("PUT", f"/{NEW_INDEX}")[0].json
    assert create["settings"] == {"number_of_shards": 1, "number_of_replicas": 0}  # no analysis: ours is done
    assert create["aliases"] == {REBUILDING: {}}  # writes during the rebuild reach it
    properties = create["mappings"]["properties"]
    assert create["mappings"]["dynamic"] == "strict"
    for language in ("cs", "en", "uk"):  # each language's analysis in its own field set
        assert properties[language]["properties"] == {"terms": {"type": "keyword"},
                                                      "weights": {"type": "rank_features"}}
    for name in ("type", "slug", "audience", "topic", "department", "url", "title", "language"):
        assert properties[name] == {"type": "keyword"}
    for name in ("summary", "lay_terms", "body"):
        assert properties[name] == {"type": "text", "index": False}

    lines = es.sent("PUT", "/_bulk")[0].ndjson
    assert lines[0] == {"create": {"_index": NEW_INDEX, "_id": "87"}}
    first = lines[1]
    assert first["title"] == "Občanský průkaz (i první v 15 letech)" and first["audience"] == "citizens"
    assert first["cs"]["weights"] == pytest.approx(term_weights(documents()[0]))
    assert first["cs"]["terms"] == sorted(first["cs"]["weights"])
    assert {"obcansk", "prukaz", "obcank", "op"} <= set(first["cs"]["terms"])  # "i", "v" are stop words
    assert [line["create"]["_id"] for line in lines[::2]] == ["87", "24", "6"]
    assert first["language"] == "cs" and "en" not in first and "uk" not in first

    assert es.sent("POST", "/_aliases")[0].json == {"actions": [
        {"remove": {"index": OLD_INDEX, "alias": ALIAS}},
        {"add": {"index": NEW_INDEX, "alias": ALIAS}},
        {"remove": {"index": NEW_INDEX, "alias": REBUILDING}},
    ]}


def test_replicas_come_from_the_settings(es, settings, monkeypatch):
    monkeypatch.setattr(ElasticsearchBackend, "new_index_name", staticmethod(lambda alias: NEW_INDEX))
    use_elasticsearch(settings, es.url, replicas=2)
    get_backend("elasticsearch").primary.rebuild(documents())
    assert es.sent("PUT", f"/{NEW_INDEX}")[0].json["settings"]["number_of_replicas"] == 2


def test_the_first_rebuild_only_adds_the_alias(es, backend):
    es.prefer("41_get_alias_missing.json")
    backend.rebuild(documents())
    assert es.sent("POST", "/_aliases")[0].json["actions"][0] == {"add": {"index": NEW_INDEX, "alias": ALIAS}}
    assert es.sent("DELETE") == []


def test_a_plain_index_under_the_alias_name_is_replaced_in_the_same_call(es, backend):
    """A page published before the first rebuild, by a version without require_alias, made an index of that name."""
    es.prefer("42_get_alias_plain_index.json")
    backend.rebuild(documents())
    assert es.sent("POST", "/_aliases")[0].json["actions"][:2] == [
        {"remove_index": {"index": ALIAS}}, {"add": {"index": NEW_INDEX, "alias": ALIAS}}]
    assert es.sent("DELETE") == []  # removed atomically with the swap, not before or after


def test_a_rejected_alias_update_drops_the_new_index_and_raises(es, backend):
    es.prefer("51_update_aliases_rejected.json")
    with pytest.raises(ApiError, match="invalid_alias_name_exception"):
        backend.rebuild(documents())
    assert [r.path for r in es.sent("DELETE")] == [f"/{NEW_INDEX}"]


def test_an_alias_update_that_times_out_but_went_through_keeps_the_new_index(es, backend):
    backend.rebuild_timeout = 0.5
    es.prefer("40_get_alias.json", "52_update_aliases_slow.json", "43_get_alias_moved.json")
    es.recordings["40_get_alias.json"]["request"]["times"] = 1
    assert backend.rebuild(documents()) == NEW_INDEX
    assert [r.path for r in es.sent("DELETE")] == [f"/{OLD_INDEX}"]  # only the one the alias left


def test_an_alias_update_that_times_out_and_did_not_go_through_drops_the_new_index(es, backend):
    backend.rebuild_timeout = 0.5
    es.prefer("52_update_aliases_slow.json")  # the alias is read again: still on the old index
    with pytest.raises(ConnectionTimeout):
        backend.rebuild(documents())
    assert [r.path for r in es.sent("DELETE")] == [f"/{NEW_INDEX}"]


def test_an_alias_that_cannot_be_read_after_a_timeout_leaves_every_index_in_place(es, backend):
    backend.rebuild_timeout = 0.5
    es.recordings["40_get_alias.json"]["request"]["times"] = 1  # then the cluster stops answering that question
    es.recordings["unavailable"] = {"request": {"method": "GET", "path": f"/{ALIAS}/_alias"}, "response": {
        "status": 503, "body": {"error": {"type": "master_not_discovered_exception", "reason": None}, "status": 503}}}
    es.used["unavailable"] = 0
    es.prefer("40_get_alias.json", "52_update_aliases_slow.json", "unavailable")
    with pytest.raises(RebuildError, match=NEW_INDEX):
        backend.rebuild(documents())
    assert es.sent("DELETE") == []


def test_a_failed_load_drops_the_new_index_and_raises(es, backend):
    es.prefer("91_bulk_errors.json")
    with pytest.raises(BulkIndexError):
        backend.rebuild(documents())
    assert [r.path for r in es.sent("DELETE")] == [f"/{NEW_INDEX}"]
    assert es.sent("POST", "/_aliases") == []


def test_a_rebuild_is_refused_while_another_one_runs(es, backend):
    es.prefer("12_get_rebuilding_alias_present.json")
    with pytest.raises(RebuildError, match="navigator-search-20250930230000000000"):
        backend.rebuild(documents())
    assert es.sent("PUT") == []


def test_documents_are_read_once_the_new_index_takes_writes(es, backend):
    seen = []

    def reading():
        seen.append([(r.method, r.path) for r in es.requests])
        yield from documents()

    backend.rebuild(reading())
    assert seen[0][-1] == ("PUT", f"/{NEW_INDEX}")


def test_a_page_published_during_a_rebuild_reaches_the_new_index(es, backend):
    es.prefer("23_bulk_create_conflict.json")
    es.recordings["23_bulk_create_conflict.json"]["request"]["times"] = 1
    changed = documents()[0]
    changed.title = "Občanský průkaz – nově"

    def publish(done):
        if done == 1:
            backend.index([changed])

    assert backend.rebuild(documents(), progress=publish) == NEW_INDEX  # its create met the newer page: 409
    load, published = es.sent("PUT", "/_bulk")
    assert {next(iter(line)) for line in load.ndjson[::2]} == {"create"}  # never overwrites a newer write
    assert published.params == {"require_alias": "true"}
    assert [line["index"]["_index"] for line in published.ndjson[::2]] == [ALIAS, REBUILDING]
    assert published.ndjson[1]["title"] == "Občanský průkaz – nově"


def test_bulk_writes_rejected_with_429_are_retried(es, backend):
    es.prefer("25_bulk_item_429.json")
    backend.rebuild(documents())
    first, second = es.sent("PUT", "/_bulk")
    assert len(second.ndjson) == len(first.ndjson) == 6  # the three rejected documents, again


def test_a_bulk_request_refused_by_the_circuit_breaker_is_retried(es, backend):
    es.prefer("26_bulk_request_429.json")
    backend.index(documents())
    assert len(es.sent("PUT", "/_bulk")) == 2


# -- writes -----------------------------------------------------------------------------------------------

def test_index_and_delete_write_through_the_alias_and_a_running_rebuild(es, backend):
    backend.index(documents())  # the rebuilding alias answers 404 on every item: no rebuild runs, no error
    backend.delete([87, 999])  # 999 is not in the index: not an error
    index_bulk, delete_bulk = es.sent("PUT", "/_bulk")
    assert index_bulk.params == delete_bulk.params == {"require_alias": "true"}
    assert index_bulk.ndjson[0] == {"index": {"_index": ALIAS, "_id": "87"}}
    assert index_bulk.ndjson[2] == {"index": {"_index": REBUILDING, "_id": "87"}}
    assert index_bulk.ndjson[1] == index_bulk.ndjson[3]
    assert delete_bulk.ndjson == [{"delete": {"_index": ALIAS, "_id": "87"}}, {"delete": {"_index": REBUILDING, "_id": "87"}},
                                  {"delete": {"_index": ALIAS, "_id": "999"}}, {"delete": {"_index": REBUILDING, "_id": "999"}}]


def test_a_write_before_the_first_rebuild_creates_no_index_and_fails(es, backend):
    es.prefer("24_bulk_alias_missing.json")
    with pytest.raises(BulkIndexError) as failure:
        backend.index(documents())
    assert len(failure.value.errors) == 3  # the alias's items; the rebuilding alias's 404s are expected
    assert all(r.method == "PUT" and r.path == "/_bulk" and r.params == {"require_alias": "true"} for r in es.requests)


def test_writes_wait_longer_than_a_search(es, backend):
    es.delay = 1.3  # past a search's 1 s, within the write timeout
    backend.index(documents()[:1])
    assert es.sent("PUT", "/_bulk")


def english_id_card():
    return SearchDocument(page_id=2087, type="situation", slug="obcansky-prukaz",
                          title="ID card (občanský průkaz), including your first at 15", url="/en/documents/id-card/",
                          summary="Is your ID card (občanka) expiring?", lay_terms="ID card, identity card, občanka",
                          body="Any Czech citizen can apply.", audience="citizens", topic="doklady",
                          department="odbor-obcanskospravni", language="en")


def test_a_translation_is_written_in_its_languages_field_set(es, backend):
    backend.index([english_id_card()])
    source = es.sent("PUT", "/_bulk")[0].ndjson[1]
    assert source["language"] == "en" and "cs" not in source
    # Snowball's English stems: "card" stays, "citizen" stays, "expiring" -> "expir"; Czech names are folded.
    assert {"id", "card", "ident", "obcanka", "expir", "citizen"} <= set(source["en"]["terms"])
    assert source["en"]["weights"] == pytest.approx(term_weights(english_id_card()))


# -- search -----------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_every_language_is_searched_and_the_visitors_ranks_first(es, backend):
    DatabaseBackend().index([english_id_card()])  # the vocabulary now has English terms
    es.prefer("74_search_languages.json")
    results = backend.search("id card obcanka", language="en")
    best, body = search_bodies(es)

    # One clause per language whose plan has terms, each over its own fields (the Ukrainian pages name the
    # občanka too); the best score is taken before the visitor's language counts, and the cutoff is a share of it.
    clauses = best["query"]["function_score"]["query"]["bool"]["should"]
    fields = [{f["rank_feature"]["field"].split(".")[0] for f in features({"query": clause})} for clause in clauses]
    assert fields == [{"cs"}, {"en"}, {"uk"}]
    language = body["query"]["function_score"]
    assert language["functions"] == [{"filter": {"term": {"language": "en"}}, "weight": LANGUAGE_BOOST}]
    assert language["query"]["function_score"]["min_score"] == pytest.approx(4107.5 * RELATIVE_CUTOFF)
    assert "functions" not in best["query"]["function_score"]

    assert [(hit.slug, hit.language, hit.url) for hit in results.hits] == [
        ("obcansky-prukaz", "en", "/en/documents/id-card/"), ("obcansky-prukaz", "cs", "/doklady/obcansky-prukaz/")]
    assert "<mark>ID</mark> <mark>card</mark>" in results.hits[0].highlight  # English words, marked by English terms
    assert results.hits[0].as_json()["language"] == "en"


@pytest.mark.django_db
def test_search_maps_a_recorded_response_to_the_common_result_shape(es, backend):
    results = backend.search("obcanka")

    assert isinstance(results, SearchResults)
    assert results.backend == "elasticsearch" and results.total == 4 and results.query == "obcanka"
    assert all(isinstance(hit, SearchHit) for hit in results.hits)
    assert [(hit.type, hit.slug, hit.page_id) for hit in results.hits] == [
        ("situation", "obcansky-prukaz", 87), ("service", "vydani-obcanskeho-prukazu", 24),
        ("situation", "ztrata-dokladu", 31), ("counter", "klientske-centrum", 6)]
    first, service, lost, counter = results.hits
    assert first.url == "/doklady/obcansky-prukaz/" and first.score == 219.38
    # Highlights are ours, from the plan's terms: the summary when it matched, else the body around a match.
    assert first.highlight.startswith("Končí vám platnost <mark>občanky</mark>")
    assert "<mark>občanský</mark> <mark>průkaz</mark>" in service.highlight
    assert lost.highlight.startswith("… ") and "<mark>občanského</mark> <mark>průkazu</mark>" in lost.highlight
    assert "<mark>Průkazy</mark>" in counter.highlight
    assert results.facets == {
        "type": {"situation": 2, "service": 1, "counter": 1},
        "audience": {"citizens": 3, "businesses": 1},  # "both" counts for each, empty values are left out
        "topic": {"doklady": 2},
        "department": {"odbor-obcanskospravni": 3},
    }
    assert results.suggestion == ""  # nothing corrected: no "did you mean"

    database = DatabaseBackend().search("obcanka")
    assert set(results.facets) == set(database.facets)
    assert set(results.hits[0].as_json()) == set(database.hits[0].as_json())
    for ours, theirs in zip(results.hits[0].as_json().values(), database.hits[0].as_json().values()):
        assert type(ours) is type(theirs)


@pytest.mark.django_db
def test_the_search_scores_the_database_backends_plan(es, backend):
    backend.search("občanka")
    best, body = search_bodies(es)
    vocab = vocabulary()
    plan = plan_query("občanka", vocab)

    scored = body["query"]["function_score"]
    assert best == {"query": {"function_score": {k: v for k, v in scored.items() if k != "min_score"}},
                    "size": 1, "_source": False, "track_total_hits": False}
    assert scored["min_score"] == pytest.approx(219.38 * RELATIVE_CUTOFF)  # the best score, from the first request
    clauses = language_clauses(body["query"])
    assert set(clauses) == {"cs", "en", "uk"}  # the translations keep the Czech word občanka for the counter
    typed = clauses["cs"]["function_score"]
    assert {f["filter"]["term"]["type"]: f["weight"] for f in typed["functions"]} == {
        "situation": 2.0, "service": 1.0, "counter": 0.6}
    assert typed["score_mode"] == "first" and typed["boost_mode"] == "multiply"
    coverage = typed["query"]["function_score"]
    again = coverage["query"]["function_score"]
    assert coverage["functions"] == again["functions"] == [
        {"filter": {"terms": {"cs.terms": list(plan.variants[0])}}, "weight": 1.0}]
    assert coverage["score_mode"] == again["score_mode"] == "sum"
    features = again["query"]["bool"]["should"]
    assert {f["rank_feature"]["field"]: f["rank_feature"]["boost"] for f in features} == pytest.approx(
        {f"cs.weights.{value}": factor * vocab.idf(value) for value, factor in plan.variants[0].items()})
    assert all(f["rank_feature"]["linear"] == {} for f in features)
    assert {"cs.weights.obcank", "cs.weights.obcansk", "cs.weights.prukaz"} <= {
        f["rank_feature"]["field"] for f in features}  # the word and its synonyms

    assert body["sort"] == [{"_score": "desc"}, {"title": "asc"}]  # ties as in the database backend
    assert set(body["aggs"]) == {"type", "audience", "topic", "department"}
    assert body["track_total_hits"] is True and body["from"] == 0 and body["size"] == 10
    assert "post_filter" not in body and "highlight" not in body and "suggest" not in body


@pytest.mark.django_db
def test_filters_become_filter_clauses_and_each_facet_ignores_its_own(es, backend):
    backend.search("občanka", SearchFilters(type="situation", audience="businesses", topic="doklady"), offset=10,
                   limit=5)
    body = search_bodies(es)[1]
    assert body["post_filter"] == {"bool": {"filter": [
        {"terms": {"type": ["situation"]}}, {"terms": {"audience": ["businesses", "both"]}},
        {"terms": {"topic": ["doklady"]}},
    ]}}
    assert body["aggs"]["type"]["filter"] == {"bool": {"filter": [
        {"terms": {"audience": ["businesses", "both"]}}, {"terms": {"topic": ["doklady"]}}]}}
    assert body["aggs"]["audience"]["filter"] == {"bool": {"filter": [
        {"terms": {"type": ["situation"]}}, {"terms": {"topic": ["doklady"]}}]}}
    assert body["aggs"]["type"]["aggs"]["values"]["terms"]["field"] == "type"
    assert body["from"] == 10 and body["size"] == 5


@pytest.mark.django_db
def test_a_misspelt_word_is_searched_corrected_and_offered_as_did_you_mean(es, backend):
    es.prefer("71_search_misspelt.json")
    results = backend.search("obcnaka")
    assert results.total == 1 and results.facets["type"] == {"situation": 1}
    assert results.suggestion == "občanky"  # the corrected word as the best result writes it
    fields = {clause["rank_feature"]["field"]
              for query in language_clauses(search_bodies(es)[1]["query"]).values()
              for clause in features({"query": query})}
    assert "cs.weights.obcank" in fields and "cs.weights.obcnak" not in fields


@pytest.mark.django_db
def test_a_query_that_finds_nothing_asks_once(es, backend):
    es.prefer("73_search_nothing.json")
    results = backend.search("obcanka")
    assert results.total == 0 and results.hits == [] and len(es.requests) == 1


@pytest.mark.django_db
def test_a_pinned_page_is_asked_for_first(es, backend):
    from search.models import PinnedResult
    from situations.models import SituationPage

    page = czech(SituationPage).get(slug="obcansky-prukaz")
    PinnedResult.objects.create(query="Občanky", page=page)  # compared by analysed terms
    backend.search("obcanka")
    should = search_bodies(es)[1]["query"]["bool"]["should"]
    pin = should[1]["constant_score"]
    assert pin["filter"] == {"ids": {"values": [str(page.pk)]}} and pin["boost"] >= 1000


@pytest.mark.django_db
def test_user_text_reaches_elasticsearch_only_as_our_terms(es, backend):
    backend.search('průkaz:* "( \x00 \ud800 OR 1=1')
    sent = "".join(request.body for request in es.requests)
    for raw in ("průkaz", ":*", '\\"(', "OR", "1=1", "\\u0000"):
        assert raw not in sent
    assert "query_string" not in sent and "cs.weights.prukaz" in sent


def test_an_empty_query_asks_nothing(es, backend):
    results = backend.search("  ")
    assert results.total == 0 and results.hits == [] and es.requests == []
    assert backend.autocomplete("") == []


@pytest.mark.django_db
def test_autocomplete_completes_the_last_word_and_returns_the_common_shape(es, backend):
    suggestions = backend.autocomplete("obč")
    assert suggestions[0] == {"title": "Občanský průkaz (i první v 15 letech)", "url": "/doklady/obcansky-prukaz/",
                              "type": "situation", "language": "cs"}
    assert [s["type"] for s in suggestions] == ["situation", "service", "counter"]
    body = search_bodies(es)[1]
    assert body["size"] == 8 and "aggs" not in body
    assert "cs.weights.obcansk" in json.dumps(body)  # "obč" is a prefix of the vocabulary's words


# Elasticsearch keeps a rank feature with 9 significant bits, a relative error of up to 0.4 %: scores that close
# (and pages that close to the cutoff drawn from the best score) may be ordered either way by the two backends.
SCORE_PRECISION = 0.01


def clear_of_the_cutoff(hits):
    """The hits as (slug, language), leaving out those within SCORE_PRECISION of the cutoff (RELATIVE_CUTOFF of
    the best)."""
    if not hits:
        return []
    floor = max(hit.score for hit in hits) * RELATIVE_CUTOFF
    return [(hit.slug, hit.language) for hit in hits if abs(hit.score - floor) > floor * SCORE_PRECISION]


def assert_same_ranking(found, expected, query):
    """The same pages in the same order, except that scores within SCORE_PRECISION of each other may be swapped."""
    ours, theirs = clear_of_the_cutoff(found), clear_of_the_cutoff(expected)
    assert set(ours) == set(theirs), query
    score = {(hit.slug, hit.language): hit.score for hit in expected}
    place = {slug: index for index, slug in enumerate(theirs)}
    for position, earlier in enumerate(ours):
        for later in ours[position + 1:]:
            if place[earlier] > place[later]:
                assert abs(score[earlier] - score[later]) <= SCORE_PRECISION * max(score[earlier], score[later]), \
                    query


@pytest.mark.django_db
@pytest.mark.parametrize("path", evaluation_sets.EVALUATION_SETS)
def test_the_requests_ask_for_the_database_backends_ranking_of_the_evaluation_sets(model_cluster, monkeypatch,
                                                                                   path):
    rows, language = evaluation_sets.load(path)
    # search.ranking's score is the term table's; PostgreSQL's ts_rank approximates it (test_postgres_full_text).
    monkeypatch.setattr(postings, "store", postings.TermTable)
    database = DatabaseBackend()
    database.rebuild(all_documents())
    backend = ElasticsearchBackend(model_cluster.url)
    backend.rebuild(all_documents())
    for query, _expected in rows:
        # Every match, not a page of them: a near tie on a page's last place may push either page to the next.
        assert_same_ranking(backend.search(query, limit=100, language=language).hits,
                            database.search(query, limit=100, language=language).hits, query)
    elasticsearch = evaluate(backend, rows, language=language)
    by_database = evaluate(database, rows, language=language)
    assert elasticsearch.answered_by == {"elasticsearch": len(rows)}
    assert (elasticsearch.success_at_3, elasticsearch.mrr) == (by_database.success_at_3, by_database.mrr)


# -- resilience -------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_with_elasticsearch_down_the_database_answers_and_a_warning_is_logged(settings, closed_port_url, caplog):
    use_elasticsearch(settings, closed_port_url)
    engine = get_backend("elasticsearch")
    assert isinstance(engine, FallbackBackend)
    with caplog.at_level(logging.WARNING, logger="search"):
        results = engine.search("obcanka")
        suggestions = engine.autocomplete("obcan")
    assert results.backend == "database"
    assert "obcansky-prukaz" in [hit.slug for hit in results.hits[:3]]
    assert suggestions and set(suggestions[0]) == {"title", "url", "type", "language"}
    assert len(search_warnings(caplog)) == 2
    assert "ConnectionError" in search_warnings(caplog)[0].getMessage()


@pytest.mark.django_db
def test_a_slow_elasticsearch_is_given_up_on_within_a_second(es, settings, caplog):
    use_elasticsearch(settings, es.url)
    es.delay = 3
    get_backend("database").search("obcanka")  # the fallback's vocabulary is loaded: only the wait is timed
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="search"):
        results = get_backend("elasticsearch").search("obcanka")
    # Given up after its 1 s timeout, well before the engine's 3 s answer, with room for a busy machine.
    assert time.monotonic() - started < 2.5
    assert results.backend == "database" and results.hits
    assert "ConnectionTimeout" in search_warnings(caplog)[0].getMessage()


@pytest.mark.django_db
def test_a_busy_elasticsearch_429_falls_back_with_a_warning(es, settings, caplog):
    use_elasticsearch(settings, es.url)
    es.prefer("90_error_429.json")
    with caplog.at_level(logging.WARNING, logger="search"):
        results = get_backend("elasticsearch").search("obcanka", SearchFilters(type="situation"))
    assert results.backend == "database" and {hit.type for hit in results.hits} == {"situation"}
    [warning] = search_warnings(caplog)
    assert "circuit_breaking_exception" in warning.getMessage() and not search_warnings(caplog, logging.ERROR)


@pytest.mark.django_db
@pytest.mark.parametrize("recording", ["94_search_400.json", "95_search_no_index.json"])
def test_a_request_elasticsearch_refuses_is_logged_as_an_error_with_its_traceback(es, settings, caplog, recording):
    use_elasticsearch(settings, es.url)
    es.prefer(recording)
    with caplog.at_level(logging.WARNING, logger="search"):
        results = get_backend("elasticsearch").search("obcanka")
    assert results.backend == "database" and results.hits  # the citizen is answered all the same
    [error] = search_warnings(caplog, logging.ERROR)
    assert error.exc_info and isinstance(error.exc_info[1], ApiError)
    assert not search_warnings(caplog)


@pytest.mark.django_db
def test_a_programming_error_is_not_mistaken_for_an_outage(settings, monkeypatch):
    use_elasticsearch(settings, "http://127.0.0.1:9")

    def broken(*args, **kwargs):
        raise TypeError("a bug, not an outage")

    monkeypatch.setattr(ElasticsearchBackend, "search", broken)
    with pytest.raises(TypeError):
        get_backend("elasticsearch").search("obcanka")


@pytest.mark.django_db
def test_a_failed_index_update_is_logged_never_raised_and_the_database_still_gets_it(settings, closed_port_url,
                                                                                       caplog):
    from search.models import IndexedDocument

    use_elasticsearch(settings, closed_port_url)
    engine = get_backend("elasticsearch")
    document = documents()[0]
    document.title = "Občanský průkaz – přepsáno"
    with caplog.at_level(logging.WARNING, logger="search"):
        engine.index([document])
        engine.delete([24])
    assert IndexedDocument.objects.get(page_id=87).title == "Občanský průkaz – přepsáno"
    assert not IndexedDocument.objects.filter(page_id=24).exists()
    failures = [r for r in caplog.records if r.name == "search" and r.levelno >= logging.WARNING]
    assert len(failures) == 2 and "rebuild" in failures[0].getMessage()


@pytest.mark.django_db
def test_a_rebuild_raises_when_elasticsearch_is_down_and_still_rebuilds_the_database(settings, closed_port_url):
    from search.models import IndexedDocument

    use_elasticsearch(settings, closed_port_url)
    with pytest.raises(ESConnectionError):
        get_backend("elasticsearch").rebuild(iter(documents()))
    assert sorted(IndexedDocument.objects.values_list("page_id", flat=True)) == [6, 24, 87]


def test_get_backend_reads_one_settings_dict(settings):
    use_elasticsearch(settings, "")
    with pytest.raises(ImproperlyConfigured):
        get_backend("elasticsearch")
    use_elasticsearch(settings, "http://127.0.0.1:9200", replicas=2, alias="stranky")
    settings.SEARCH = {**settings.SEARCH, "BACKEND": "elasticsearch"}
    engine = get_backend()
    assert isinstance(engine, FallbackBackend) and engine.name == "elasticsearch"
    assert isinstance(engine.primary, ElasticsearchBackend) and isinstance(engine.fallback, DatabaseBackend)
    assert (engine.primary.replicas, engine.primary.alias, engine.primary.timeout) == (2, "stranky", 1.0)
    settings.SEARCH = {**settings.SEARCH, "BACKEND": "solr"}
    with pytest.raises(ImproperlyConfigured):
        get_backend()

