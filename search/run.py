"""One public search as the search page and the search API both run it: parse, search, paginate, log.

The results of one query, filters, language and page are kept in the shared cache under the content version
(navigator.pagecache.content_version): the search page and the API asking the same share one search, and any
publish, which changes the version, makes the next search ask the index again. The index itself is updated when
a publish commits (search.indexing), which gives the content a new version again once it is written.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from navigator import pagecache

from . import querylog
from .analysis import LANGUAGES
from .backends import get_backend
from .filters import SearchFilterSet
from .query import clean_query

PAGE_SIZE = 10
RESULTS_PREFIX = "search:results:"

logger = logging.getLogger("search")


@dataclass
class SearchRun:
    query: str
    language: str
    notices: list
    filterset: SearchFilterSet
    results: object
    page_number: int
    paginator: Paginator | None
    logged: tuple | None = None  # the (query, total) counted in the query log, to count again on a kept page


def run_search(params, log=True):
    query, notices = clean_query(params.get("q", ""))
    filterset = SearchFilterSet(params, queryset=SearchFilterSet._meta.model.objects.none())
    filters = filterset.search_filters()
    for name, errors in filterset.errors.items():
        notices.append(_("Filtr „%(label)s“ má neplatnou hodnotu, proto se nepoužil.")
                       % {"label": filterset.form.fields[name].label})
    page_number = _page_number(params.get("page"), notices)
    language = visitor_language(params.get("lang"), notices)
    results, paginator, logged = None, None, None
    if query:
        backend = get_backend()
        results = _search(backend, query, filters, (page_number - 1) * PAGE_SIZE, language)
        if results.total and (page_number - 1) * PAGE_SIZE >= results.total:
            notices.append(_("Stránka %(page)s výsledků neexistuje, zobrazujeme první.") % {"page": page_number})
            page_number = 1
            results = _search(backend, query, filters, 0, language)
        paginator = Paginator(range(results.total), PAGE_SIZE)
        if log and page_number == 1:  # paging through results is the same search, counted once
            logged = (query, results.total)
            querylog.record(*logged)
    return SearchRun(query, language, notices, filterset, results, page_number, paginator, logged)


def _search(backend, query, filters, offset, language):
    """One page of results, from the shared cache when this content version has answered it before."""
    version = pagecache.content_version() if pagecache.max_age() > 0 else None
    if version is None:
        return backend.search(query, filters, offset=offset, limit=PAGE_SIZE, language=language)
    # The backend's configuration is part of the key: switching engines must not serve the other's answers.
    described = repr((version, backend.name, settings.SEARCH["BACKEND"], query, filters, offset, PAGE_SIZE,
                      language))
    key = RESULTS_PREFIX + hashlib.sha256(described.encode()).hexdigest()
    try:
        results = cache.get(key)
    except Exception:  # noqa: BLE001 - a cache that is down costs speed, never the search
        logger.warning("Could not read kept search results", exc_info=True)
        return backend.search(query, filters, offset=offset, limit=PAGE_SIZE, language=language)
    if results is None:
        results = backend.search(query, filters, offset=offset, limit=PAGE_SIZE, language=language)
        try:
            cache.set(key, results, timeout=pagecache.max_age())
        except Exception:  # noqa: BLE001
            logger.warning("Could not keep search results", exc_info=True)
    return results


def visitor_language(raw, notices=None):
    """The language whose pages rank first: `lang=` when it is one search knows, else the page's language
    (the request's active language: /en/hledat/ is English)."""
    if raw not in (None, ""):
        code = str(raw).strip().lower()[:10]
        if code in LANGUAGES:
            return code
        if notices is not None:
            notices.append(_("Jazyk „%(lang)s“ neznáme, řadíme výsledky podle jazyka stránky.")
                           % {"lang": str(raw)[:20]})
    current = (get_language() or "").split("-")[0]
    return current if current in LANGUAGES else ""

def _page_number(raw, notices):
    if raw in (None, ""):
        return 1
    try:
        number = int(str(raw)[:10])
    except ValueError:
        number = 0
    if number < 1:
        notices.append(_("Číslo stránky „%(page)s“ není platné, zobrazujeme první stránku.") % {"page": str(raw)[:20]})
        return 1
    return min(number, 1000)
