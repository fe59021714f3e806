"""The public search page, the search API, and the link that opens a result and counts it."""

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from languages.locales import in_active_language
from navigator import pagecache
from navigator.visibility import visible
from situations.models import SituationPage

from . import querylog, result_links
from .backends import get_backend
from .facets import FACETS
from .models import IndexedDocument
from .query import clean_query
from .result_types import ResultType
from .run import PAGE_SIZE, run_search, visitor_language


def _shared(request, run, response):
    """A search page is kept and shared like any page (navigator.pagecache), unless it has notices on the
    visitor's input; served from the cache, it still counts its search."""
    if run.notices:
        pagecache.one_off(request)
    if run.logged:
        pagecache.on_hit(response, querylog.RECORD_ACTION, *run.logged)
    return response


def _facet_options(filterset, facets):
    """Each facet's choices with counts and whether chosen, for the sidebar."""
    chosen = filterset.form.cleaned_data if filterset.is_valid() else {}
    options = []
    for name in FACETS:
        field = filterset.form.fields[name]
        counts = facets.get(name, {})
        choices = [(value, label, counts.get(value, 0), chosen.get(name) == value)
                   for value, label in field.choices if value]
        options.append({"name": name, "label": field.label, "choices": [c for c in choices if c[2] or c[3]]})
    return options


@require_GET
@pagecache.shared_view
def search(request):
    run = run_search(request.GET)
    context = {"query": run.query, "notices": run.notices, "results": run.results, "page_title": _("Hledání"),
               "type_labels": dict(ResultType.choices), "visitor_language": run.language}
    if run.results is not None:
        context["page_obj"] = run.paginator.get_page(run.page_number)
        links = result_links.open_urls(run.query, [hit.page_id for hit in run.results.hits],
                                       first_position=(run.page_number - 1) * PAGE_SIZE + 1)
        context["hits"] = list(zip(run.results.hits, links))
        context["facets"] = _facet_options(run.filterset, run.results.facets)
        if not run.results.total:
            context["suggested"] = (in_active_language(visible(SituationPage.objects.filter(popular=True), request))
                                    .order_by("title")[:8])
    return _shared(request, run, render(request, "search/search.html", context))


@require_GET
@pagecache.shared_view
def search_api(request):
    run = run_search(request.GET)
    results = run.results
    errors = {name: [str(error) for error in errors] for name, errors in run.filterset.errors.items()}
    payload = {
        "query": run.query,
        "language": run.language,
        "total": results.total if results else 0,
        "page": run.page_number,
        "results": [hit.as_json() for hit in results.hits] if results else [],
        "facets": results.facets if results else {},
        "suggestion": results.suggestion if results else "",
        "notices": run.notices,
    }
    if errors:
        payload["errors"] = errors
    return _shared(request, run, JsonResponse(payload, json_dumps_params={"ensure_ascii": False}))


@require_GET
def autocomplete_api(request):
    query, _notices = clean_query(request.GET.get("q", ""))
    language = visitor_language(request.GET.get("lang"))
    suggestions = get_backend().autocomplete(query, language=language) if len(query) >= 2 else []
    if suggestions:
        # The link that counts an opening needs the page id, which backends do not return with suggestions:
        # one indexed query finds it (the database index is kept up to date whichever backend answers).
        page_ids = dict(IndexedDocument.objects.filter(url__in={item["url"] for item in suggestions})
                        .values_list("url", "page_id"))
        links = result_links.open_urls(query, [page_ids.get(item["url"]) for item in suggestions])
        for item, link in zip(suggestions, links):
            if item["url"] in page_ids:
                item["open_url"] = link
    return JsonResponse({"query": query, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})


@require_http_methods(["GET", "HEAD"])
@never_cache
def open_result(request):
    """Send the citizen to a search result (a live page, by id) with a 302, counting the opening."""
    try:
        link = result_links.parse(request.GET)
    except result_links.BadLink as error:
        return render(request, "search/open_result_error.html",
                      {"message": str(error), "page_title": _("Neplatný odkaz")}, status=400)
    page = visible(Page.objects.filter(pk=link.page_id), request).first()
    url = page.get_url(request) if page else None
    if not url:
        raise Http404(_("Tato stránka neexistuje nebo už není zveřejněná."))
    if link.query and link.position and result_links.counts(request):
        querylog.record_opened(link.query, page.pk, link.position)
    response = HttpResponseRedirect(url)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
