"""One public search as the search page and the search API both run it: parse, search, paginate, log."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .analysis import LANGUAGES

from . import querylog
from .backends import get_backend
from .filters import SearchFilterSet
from .query import clean_query

PAGE_SIZE = 10


@dataclass
class SearchRun:
    query: str
    language: str
    notices: list
    filterset: SearchFilterSet
    results: object
    page_number: int
    paginator: Paginator | None


def run_search(params, log=True):
    query, notices = clean_query(params.get("q", ""))
    filterset = SearchFilterSet(params, queryset=SearchFilterSet._meta.model.objects.none())
    filters = filterset.search_filters()
    for name, errors in filterset.errors.items():
        notices.append(_("Filtr „%(label)s“ má neplatnou hodnotu, proto se nepoužil.")
                       % {"label": filterset.form.fields[name].label})
    page_number = _page_number(params.get("page"), notices)
    language = visitor_language(params.get("lang"), notices)
    results, paginator = None, None
    if query:
        backend = get_backend()
        results = backend.search(query, filters, offset=(page_number - 1) * PAGE_SIZE, limit=PAGE_SIZE,
                                 language=language)
        if results.total and (page_number - 1) * PAGE_SIZE >= results.total:
            notices.append(_("Stránka %(page)s výsledků neexistuje, zobrazujeme první.") % {"page": page_number})
            page_number = 1
            results = backend.search(query, filters, offset=0, limit=PAGE_SIZE, language=language)
        paginator = Paginator(range(results.total), PAGE_SIZE)
        if log and page_number == 1:  # paging through results is the same search, counted once
            querylog.record(query, results.total)
    return SearchRun(query, language, notices, filterset, results, page_number, paginator)


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
