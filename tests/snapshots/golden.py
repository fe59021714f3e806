"""Recorded renderings of every public page type, so a change to what a visitor sees shows in review.

Each page is rendered at a fixed moment (Monday 7 December 2026, 9:30 in Prague) and reduced to a canonical
form: runs of whitespace become one space, and each block-level tag starts a line, so the stored file reads as
a diff and a template reindented renders the same. Only what legitimately varies between runs is replaced:
CSRF tokens. The number of database queries of every page is recorded beside it and may only drop: the page's
own queries, without the shared cache's reads and writes (a table with the default database cache, no SQL at all
with Redis), whose exact cost tests/pages/test_query_counts.py and test_page_cache.py pin.

`make snapshots` (SNAPSHOT_UPDATE=1) writes the renderings and counts anew; commit them with the change that
made them differ.
"""

import json
import os
import re
from pathlib import Path

HERE = Path(__file__).parent
PAGES = HERE / "pages"
QUERY_COUNTS = HERE / "query_counts.json"
UPDATING = os.environ.get("SNAPSHOT_UPDATE") == "1"

CACHE_TABLE = '"navigator_cache"'
_SAVEPOINT = re.compile(r'^(?:SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT) ("[^"]+")')


def page_queries(queries):
    """The statements of `queries` (CaptureQueriesContext's) that are the page's own: the cache table's left out,
    with the savepoints Django puts around a write to it."""
    statements = [query["sql"] for query in queries]
    cache_savepoints = {
        _SAVEPOINT.match(sql).group(1) for sql, following in zip(statements, statements[1:])
        if sql.startswith("SAVEPOINT") and CACHE_TABLE in following
    }
    return [sql for sql in statements if CACHE_TABLE not in sql
            and not (_SAVEPOINT.match(sql) and _SAVEPOINT.match(sql).group(1) in cache_savepoints)]


_BLOCK_TAGS = (
    "address|article|aside|body|caption|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|head|"
    "header|hr|html|li|link|main|meta|nav|ol|option|optgroup|p|script|section|select|summary|table|tbody|td|"
    "tfoot|th|thead|title|tr|ul|svg|style|noscript|label|input|button|textarea|dialog"
)
_BLOCK = re.compile(rf"\s*(</?(?:{_BLOCK_TAGS})\b[^>]*>)\s*", re.IGNORECASE)
_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
_CSRF_JSON = re.compile(r'("csrfToken": ")[^"]+(")')


def canonical_html(text):
    text = _CSRF.sub(r"\1CSRF\2", text)
    text = _CSRF_JSON.sub(r"\1CSRF\2", text)
    text = re.sub(r"\s+", " ", text)
    text = _BLOCK.sub(lambda match: "\n" + match.group(1) + "\n", text)
    return "\n".join(line for line in text.split("\n") if line.strip()) + "\n"


def canonical_json(text):
    return json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def canonical_text(text):
    return text.replace("\r\n", "\n")


def canonical(response):
    content_type = response.get("Content-Type", "")
    text = response.content.decode()
    if "json" in content_type:
        body = canonical_json(text)
    elif "html" in content_type:
        body = canonical_html(text)
    else:
        body = canonical_text(text)
    return f"status: {response.status_code}\ncontent-type: {content_type}\n\n{body}"


def file_name(name):
    return PAGES / f"{name}.txt"


def recorded_counts():
    return json.loads(QUERY_COUNTS.read_text()) if QUERY_COUNTS.exists() else {}


def write_counts(counts):
    QUERY_COUNTS.write_text(json.dumps(dict(sorted(counts.items())), indent=1, ensure_ascii=False) + "\n")
