"""The public search page and the search API."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from situations.models import SituationPage

from .backends import get_backend
from .filters import KIND_CHOICES
from .query import clean_query
from .service import run_search


def _facet_options(filterset, facets):
    """Each facet's choices with counts and whether chosen, for the sidebar."""
    chosen = filterset.form.cleaned_data if filterset.is_valid() else {}
    names = {"type": "kind", "audience": "audience", "topic": "topic", "department": "department"}
    options = []
    for parameter, facet in names.items():
        field = filterset.form.fields[parameter]
        counts = facets.get(facet, {})
        choices = [(value, label, counts.get(value, 0), chosen.get(parameter) == value)
                   for value, label in field.choices if value]
        options.append({"name": parameter, "label": field.label, "choices": [c for c in choices if c[2] or c[3]]})
    return options


@require_GET
def search(request):
    run = run_search(request.GET)
    context = {"query": run.query, "notices": run.notices, "results": run.results, "page_title": _("Hledání"),
               "kind_labels": dict(KIND_CHOICES)}
    if run.results is not None:
        context["page_obj"] = run.paginator.get_page(run.page_number)
        context["facets"] = _facet_options(run.filterset, run.results.facets)
        if not run.results.total:
            context["suggested"] = SituationPage.objects.live().filter(popular=True).order_by("title")[:8]
    return render(request, "search/search.html", context)


@require_GET
def search_api(request):
    run = run_search(request.GET)
    results = run.results
    errors = {name: [str(error) for error in errors] for name, errors in run.filterset.errors.items()}
    payload = {
        "query": run.query,
        "total": results.total if results else 0,
        "page": run.page_number,
        "results": [hit.as_json() for hit in results.hits] if results else [],
        "facets": results.facets if results else {},
        "suggestion": results.suggestion if results else "",
        "notices": run.notices,
    }
    if errors:
        payload["errors"] = errors
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})


@require_GET
def autocomplete_api(request):
    query, _notices = clean_query(request.GET.get("q", ""))
    suggestions = get_backend().autocomplete(query) if len(query) >= 2 else []
    return JsonResponse({"query": query, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
