"""The arithmetic of the search requests our Elasticsearch backend sends, as Elasticsearch's reference defines it.

Elasticsearch cannot run on these machines, so the recorded responses check what the backend sends and how it
reads the answers, but not what a cluster would rank. This module evaluates the few clauses the backend uses, as
the Query DSL reference documents them, over the documents the backend wrote, so a test can compare the ranking
those requests ask for with the database backend's:

- `bool`: the scores of the matching `should` clauses add up; without `must` or `filter` one must match.
- `rank_feature` with `linear`: matches documents that have the feature; scores boost × value, the value kept
  with 9 significant bits (Lucene's FeatureField keeps the float's upper 17 bits).
- `terms`, `term`, `ids`, `match_all`: match or not; `constant_score`: its boost.
- `function_score` with `weight` functions: `sum` adds the weights of the functions whose filter matches, `first`
  takes the first one's; no function matching leaves the score as it is; `boost_mode: multiply`; `min_score`
  drops the documents scoring under it.
- `post_filter` narrows the hits, not the aggregations; `filter` + `terms` aggregations count values.

It is not a cluster: the live suite (test_elasticsearch_live.py) runs the same comparison against a real one.
"""

import struct


def feature_value(value):
    bits = struct.unpack(">I", struct.pack(">f", value))[0] >> 15 << 15
    return struct.unpack(">f", struct.pack(">I", bits))[0]


def _values(source, path):
    value = source
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return []
        value = value[part]
    return value if isinstance(value, list) else [value]


def score(query, doc_id, source):
    """The document's score for the query, or None when it does not match."""
    [(kind, spec)] = query.items()
    if kind == "match_all":
        return 1.0
    if kind == "bool":
        for clause in spec.get("filter", []):
            if score(clause, doc_id, source) is None:
                return None
        scores = [score(clause, doc_id, source) for clause in spec.get("should", [])]
        matched = [value for value in scores if value is not None]
        needed = spec.get("minimum_should_match", 0 if spec.get("filter") else 1)
        if len(matched) < needed:
            return None
        return sum(matched)
    if kind == "rank_feature":
        field, _, feature = spec["field"].rpartition(".")
        weights = _values(source, field)
        if not weights or feature not in weights[0]:
            return None
        return spec.get("boost", 1.0) * feature_value(weights[0][feature])
    if kind == "terms":
        [(field, wanted)] = spec.items()
        values = source.setdefault("__sets__", {}).get(field)
        if values is None:
            values = source["__sets__"][field] = set(map(str, _values(source, field)))
        return 1.0 if any(str(value) in values for value in wanted) else None
    if kind == "term":
        [(field, wanted)] = spec.items()
        return 1.0 if str(wanted) in map(str, _values(source, field)) else None
    if kind == "ids":
        return 1.0 if doc_id in spec["values"] else None
    if kind == "constant_score":
        return spec.get("boost", 1.0) if score(spec["filter"], doc_id, source) is not None else None
    if kind == "function_score":
        inner = score(spec["query"], doc_id, source)
        if inner is None:
            return None
        weights = [function["weight"] for function in spec.get("functions", [])
                   if score(function["filter"], doc_id, source) is not None]
        if weights:
            factor = sum(weights) if spec["score_mode"] == "sum" else weights[0]
            assert spec["score_mode"] in ("sum", "first") and spec["boost_mode"] == "multiply"
            inner *= factor
        if "min_score" in spec and inner < spec["min_score"]:
            return None
        return inner
    raise NotImplementedError(kind)


def search(documents, body):
    """The response a cluster holding `documents` ({id: source}) gives to a search body."""
    matched = {}
    for doc_id, source in documents.items():
        value = score(body["query"], doc_id, source)
        if value is not None:
            matched[doc_id] = value
    shown = matched
    if "post_filter" in body:
        shown = {i: v for i, v in matched.items() if score(body["post_filter"], i, documents[i]) is not None}
    ranked = sorted(shown, key=lambda i: (-shown[i], documents[i]["title"]))
    page = ranked[body.get("from", 0):body.get("from", 0) + body.get("size", 10)]
    fields = body.get("_source", True)
    hits = [{"_id": i, "_score": shown[i],
             **({"_source": {k: documents[i][k] for k in fields}} if fields else {})} for i in page]
    response = {"hits": {"total": {"value": len(ranked), "relation": "eq"}, "hits": hits}}
    if "aggs" in body:
        response["aggregations"] = {}
        for name, aggregation in body["aggs"].items():
            scope = [i for i in matched if score(aggregation["filter"], i, documents[i]) is not None]
            field = aggregation["aggs"]["values"]["terms"]["field"]
            counts = {}
            for i in scope:
                for value in _values(documents[i], field):
                    counts[value] = counts.get(value, 0) + 1
            response["aggregations"][name] = {"doc_count": len(scope), "values": {"buckets": [
                {"key": key, "doc_count": count} for key, count in sorted(counts.items(), key=lambda kv: -kv[1])]}}
    return response
