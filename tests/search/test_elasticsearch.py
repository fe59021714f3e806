"""The Elasticsearch backend against recorded Elasticsearch 9 responses, served over real HTTP.

A small threaded HTTP server replays the JSON files in tests/search/recordings/ (see the README there) and
keeps every request it received, so the tests can read what the backend sent: the index's analysis, the bulk
bodies, the alias swap, the search body. With the server slow, failing or gone, the database answers.
"""

import html
import json
import logging
import socket
import threading
import time
from dataclasses import dataclass
from fnmatch import fnmatch
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from search.backends import get_backend
from search.backends.base import SearchDocument, SearchFilters, SearchHit, SearchResults
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import (
    ALIAS, ElasticsearchBackend, synonym_rules,
)
from search.backends.fallback import FallbackBackend

RECORDINGS = Path(__file__).resolve().parent / "recordings"


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


class ReplayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _reply(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        path, _, query = self.path.partition("?")
        request = Request(self.command, path, query, body)
        self.server.requests.append(request)
        if self.server.delay:
            time.sleep(self.server.delay)
        status, payload = self.server.answer(request)
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=9")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PUT = do_POST = do_DELETE = _reply


class ReplayServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), ReplayHandler)
        self.recordings = [(path.name, json.loads(path.read_text(encoding="utf-8")))
                           for path in sorted(RECORDINGS.glob("*.json"))]
        self.requests = []
        self.preferred = []
        self.delay = 0

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def prefer(self, *names):
        """These recordings answer first, even those kept for when a test asks for them."""
        self.preferred = list(names)

    def answer(self, request):
        by_name = dict(self.recordings)
        candidates = [(name, by_name[name], True) for name in self.preferred]
        candidates += [(name, rec, False) for name, rec in self.recordings
                       if not rec["request"].get("only_when_preferred")]
        for _name, recording, preferred in candidates:
            wanted = recording["request"]
            if not (fnmatch(request.method, wanted["method"]) and fnmatch(request.path, wanted["path"])):
                continue
            if not preferred and not all(text in request.body for text in wanted.get("body_contains", [])):
                continue
            return recording["response"]["status"], recording["response"]["body"]
        return 404, {"error": {"type": "no_recording", "reason": f"{request.method} {request.path}"}, "status": 404}

    def sent(self, method, pattern="*"):
        return [r for r in self.requests if r.method == method and fnmatch(r.path, pattern)]


@pytest.fixture
def es():
    server = ReplayServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def backend(es):
    return ElasticsearchBackend(es.url)


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


def search_body(es):
    [request] = es.sent("POST", f"/{ALIAS}/_search")
    return request.json


# -- rebuild, index, delete -------------------------------------------------------------------------------

def test_rebuild_creates_an_index_with_czech_analysis_and_swaps_the_alias_in_one_call(es, backend):
    done = []
    new_index = backend.rebuild(documents(), progress=done.append)

    assert new_index.startswith(f"{ALIAS}-") and new_index[len(ALIAS) + 1:].isdigit()
    assert done == [1, 2, 3]
    [create] = es.sent("PUT", f"/{ALIAS}-*")
    assert create.path == f"/{new_index}"
    body = create.json
    analysis = body["settings"]["analysis"]
    index_chain = analysis["analyzer"]["czech_folded"]["filter"]
    assert index_chain == ["lowercase", "czech_stop", "czech_stemmer", "asciifolding"]
    search_chain = analysis["analyzer"]["czech_folded_search"]["filter"]
    assert search_chain == ["lowercase", "navigator_synonyms", "czech_stop", "czech_stemmer", "asciifolding"]
    assert analysis["filter"]["czech_stemmer"] == {"type": "stemmer", "language": "czech"}
    assert analysis["filter"]["czech_stop"] == {"type": "stop", "stopwords": "_czech_"}
    synonyms = analysis["filter"]["navigator_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert any(rule.startswith("občanka, občanský průkaz") and "obcanka" in rule for rule in synonyms["synonyms"])
    properties = body["mappings"]["properties"]
    for name in ("title", "lay_terms", "summary", "body"):  # synonyms only at search time
        assert properties[name]["analyzer"] == "czech_folded"
        assert properties[name]["search_analyzer"] == "czech_folded_search"
    assert properties["title"]["fields"]["autocomplete"]["type"] == "search_as_you_type"
    for name in ("type", "slug", "audience", "topic", "department", "url"):
        assert properties[name]["type"] == "keyword"
    assert properties["page_id"]["type"] == "integer"

    [bulk] = es.sent("PUT", "/_bulk")
    lines = bulk.ndjson
    assert lines[0] == {"index": {"_index": new_index, "_id": "87"}}
    assert lines[1]["title"] == "Občanský průkaz (i první v 15 letech)" and lines[1]["audience"] == "citizens"
    assert [line["index"]["_id"] for line in lines[::2]] == ["87", "24", "6"]

    [swap] = es.sent("POST", "/_aliases")
    assert swap.json == {"actions": [
        {"remove": {"index": "navigator-search-20250101080000000000", "alias": ALIAS}},
        {"add": {"index": new_index, "alias": ALIAS}},
    ]}
    [drop] = es.sent("DELETE")
    assert drop.path == "/navigator-search-20250101080000000000"
    order = [(r.method, r.path.split("/")[-1]) for r in es.requests]
    assert order == [("PUT", new_index), ("PUT", "_bulk"), ("POST", "_refresh"), ("GET", ALIAS),
                     ("POST", "_aliases"), ("DELETE", "navigator-search-20250101080000000000")]


def test_the_first_rebuild_only_adds_the_alias(es, backend):
    es.prefer("41_get_alias_missing.json")
    new_index = backend.rebuild(documents())
    [swap] = es.sent("POST", "/_aliases")
    assert swap.json == {"actions": [{"add": {"index": new_index, "alias": ALIAS}}]}
    assert es.sent("DELETE") == []


def test_a_failed_load_drops_the_new_index_and_raises(es, backend):
    es.prefer("91_bulk_errors.json")
    with pytest.raises(Exception, match="document"):
        backend.rebuild(documents())
    [drop] = es.sent("DELETE")
    assert drop.path == es.sent("PUT", f"/{ALIAS}-*")[0].path
    assert es.sent("POST", "/_aliases") == []


def test_index_and_delete_write_through_the_alias(es, backend):
    backend.index(documents())
    backend.delete([87, 999])  # 999 is not in the index: not an error
    index_bulk, delete_bulk = es.sent("PUT", "/_bulk")
    assert index_bulk.ndjson[0] == {"index": {"_index": ALIAS, "_id": "87"}}
    assert delete_bulk.ndjson == [{"delete": {"_index": ALIAS, "_id": "87"}},
                                  {"delete": {"_index": ALIAS, "_id": "999"}}]


def test_the_synonym_file_is_passed_with_folded_spellings():
    rules = synonym_rules()
    rule = next(rule for rule in rules if rule.startswith("řidičák"))
    assert "řidičský průkaz" in rule and "ridicak" in rule and "ridicsky prukaz" in rule
    assert not any(rule.lstrip().startswith("#") for rule in rules)


# -- search -----------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_search_maps_a_recorded_response_to_the_common_result_shape(es, backend):
    results = backend.search("obcanka")

    assert isinstance(results, SearchResults)
    assert results.backend == "elasticsearch" and results.total == 4 and results.query == "obcanka"
    assert all(isinstance(hit, SearchHit) for hit in results.hits)
    assert [(hit.type, hit.slug, hit.page_id) for hit in results.hits] == [
        ("situation", "obcansky-prukaz", 87), ("service", "vydani-obcanskeho-prukazu", 24),
        ("situation", "ztrata-dokladu", 31), ("counter", "klientske-centrum", 6)]
    first, service, _, counter = results.hits
    assert first.url == "/doklady/obcansky-prukaz/" and first.score == 61.2341
    assert first.highlight.startswith("Končí vám platnost <mark>občanky</mark>")  # the summary when it matched
    assert service.highlight.startswith("… Žádost o vydání <mark>občanského</mark>") and service.highlight.endswith(" …")
    assert counter.highlight == html.escape(counter.summary[:200])
    assert results.facets == {
        "type": {"situation": 2, "service": 1, "counter": 1},
        "audience": {"citizens": 3, "businesses": 1},  # "both" counts for each, empty values are left out
        "topic": {"doklady": 2},
        "department": {"odbor-obcanskospravni": 3},
    }
    assert results.suggestion == ""  # enough results: no "did you mean"

    database = DatabaseBackend().search("obcanka")
    assert set(results.facets) == set(database.facets)
    assert set(results.hits[0].as_json()) == set(database.hits[0].as_json())
    for ours, theirs in zip(results.hits[0].as_json().values(), database.hits[0].as_json().values()):
        assert type(ours) is type(theirs)


@pytest.mark.django_db
def test_the_search_body_weighs_fields_tolerates_typos_and_boosts_types(es, backend):
    backend.search("občanka")
    body = search_body(es)
    scored = body["query"]["function_score"]
    main = scored["query"]["bool"]["must"][0]["multi_match"]
    assert main["query"] == "občanka"
    assert main["fields"] == ["title^10", "lay_terms^8", "summary^3", "body^1"]
    assert main["fuzziness"] == "AUTO"
    weights = {f["filter"]["term"]["type"]: f["weight"] for f in scored["functions"]}
    assert weights["situation"] > weights["service"] > weights["counter"]
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["post_tags"] == ["</mark>"]
    assert body["highlight"]["fields"]["body"]["number_of_fragments"] == 1
    assert body["suggest"]["did_you_mean"]["text"] == "občanka"
    assert set(body["aggs"]) == {"type", "audience", "topic", "department"}
    assert body["track_total_hits"] is True and body["from"] == 0 and body["size"] == 10
    assert "post_filter" not in body


@pytest.mark.django_db
def test_filters_become_filter_clauses_and_each_facet_ignores_its_own(es, backend):
    backend.search("občanka", SearchFilters(type="situation", audience="businesses", topic="doklady"), offset=10,
                   limit=5)
    body = search_body(es)
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
def test_a_query_that_finds_little_gets_a_did_you_mean(es, backend):
    results = backend.search("ztracena obcnaka")
    assert results.total == 1
    assert results.suggestion == "ztracena obcanka"
    assert results.facets["type"] == {"situation": 1}


@pytest.mark.django_db
def test_a_pinned_page_is_asked_for_first(es, backend):
    from search.models import PinnedResult
    from situations.models import SituationPage

    page = SituationPage.objects.get(slug="obcansky-prukaz")
    PinnedResult.objects.create(query="Občanky", page=page)  # compared by analysed terms
    backend.search("obcanka")
    should = search_body(es)["query"]["bool"]["should"]
    pin = should[1]["constant_score"]
    assert pin["filter"] == {"ids": {"values": [str(page.pk)]}} and pin["boost"] >= 1000


@pytest.mark.django_db
def test_user_text_reaches_elasticsearch_only_as_plain_text(es, backend):
    backend.search('title:* "( \x00 \ud800 OR 1=1')
    body = search_body(es)
    main = body["query"]["function_score"]["query"]["bool"]["must"][0]["multi_match"]
    assert main["query"] == 'title:* "( OR 1=1'
    assert "query_string" not in json.dumps(body)


def test_an_empty_query_asks_nothing(es, backend):
    results = backend.search("  ")
    assert results.total == 0 and results.hits == [] and es.requests == []
    assert backend.autocomplete("") == []


def test_autocomplete_returns_the_common_shape(es, backend):
    suggestions = backend.autocomplete("obč")
    assert suggestions[0] == {"title": "Občanský průkaz (i první v 15 letech)", "url": "/doklady/obcansky-prukaz/",
                              "type": "situation"}
    assert [s["type"] for s in suggestions] == ["situation", "service", "counter"]
    body = search_body(es)
    match = body["query"]["function_score"]["query"]["multi_match"]
    assert match["type"] == "bool_prefix" and "title.autocomplete" in match["fields"][0]
    assert body["size"] == 8


# -- resilience -------------------------------------------------------------------------------------------

def search_warnings(caplog):
    return [r for r in caplog.records if r.name == "search" and r.levelno == logging.WARNING]


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
    assert suggestions and set(suggestions[0]) == {"title", "url", "type"}
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
def test_an_elasticsearch_error_falls_back_to_the_database(es, settings, caplog):
    use_elasticsearch(settings, es.url)
    es.prefer("90_error_500.json")
    with caplog.at_level(logging.WARNING, logger="search"):
        results = get_backend("elasticsearch").search("obcanka", SearchFilters(type="situation"))
    assert results.backend == "database" and {hit.type for hit in results.hits} == {"situation"}
    assert "ApiError" in search_warnings(caplog)[0].getMessage()
    assert es.sent("POST", f"/{ALIAS}/_search")  # it was asked, and failed


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


def test_a_rebuild_raises_when_elasticsearch_is_down(closed_port_url):
    from elasticsearch import ConnectionError as ESConnectionError

    with pytest.raises(ESConnectionError):
        ElasticsearchBackend(closed_port_url).rebuild(documents())


def test_get_backend_needs_an_elasticsearch_url(settings):
    use_elasticsearch(settings, "")
    with pytest.raises(ImproperlyConfigured):
        get_backend("elasticsearch")
    use_elasticsearch(settings, "http://127.0.0.1:9200", replicas=2)
    settings.SEARCH = {**settings.SEARCH, "BACKEND": "elasticsearch"}
    engine = get_backend()
    assert isinstance(engine, FallbackBackend) and engine.name == "elasticsearch"
    assert isinstance(engine.primary, ElasticsearchBackend) and isinstance(engine.fallback, DatabaseBackend)
    assert engine.primary.replicas == 2  # ELASTICSEARCH_REPLICAS reaches the index settings
