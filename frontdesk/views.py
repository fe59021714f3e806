"""The front desk's pages: search with instant results, a situation at a glance, today's counters."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from situations.checklist import checklist_for_request

from .access import clerk_required
from .counters import counters_today
from .search import desk_search
from .situation_lookup import find_service, find_situation, popular_situations


def _results_context(request):
    results = desk_search(request.GET.get("q", ""))
    return {"results": results, "query": results.query,
            "popular": popular_situations(request) if not results.searched else []}


@require_GET
@never_cache
@clerk_required
def home(request):
    context = _results_context(request)
    context.update(page_title=_("Přepážka"), counters=counters_today(request), autofocus_search=True)
    return render(request, "frontdesk/home.html", context)


@require_GET
@never_cache
@clerk_required
def results(request):
    """The result list alone, which the page's script swaps in while the clerk types."""
    return render(request, "frontdesk/includes/results.html", _results_context(request))


def _situation_or_not_found(request, slug):
    """(page, None) for a live situation, or (None, the desk's own 404 response)."""
    page = find_situation(slug, request)
    if page is not None:
        return page, None
    return None, _not_found(request, slug, _("Situace nenalezena"), _("Tuto situaci jsme nenašli"))


def _not_found(request, slug, title, heading):
    shown = "".join(character for character in slug[:80] if character.isprintable())
    context = {"page_title": title, "heading": heading, "slug": shown, "counters": counters_today(request),
               "autofocus_search": True}
    return render(request, "frontdesk/not_found.html", context, status=404)


@require_GET
@never_cache
@clerk_required
def situation(request, slug):
    page, not_found = _situation_or_not_found(request, slug)
    if not_found:
        return not_found
    context = checklist_for_request(page, request)
    first = {counter.pk for counter in context["situation"].offices}
    context.update(page=page, page_title=_("%(title)s – přepážka") % {"title": page.title},
                   counters=counters_today(request, first))
    return render(request, "frontdesk/situation.html", context)


@require_GET
@never_cache
@clerk_required
def print_checklist(request, slug):
    """The situation's print sheet, as the public one (its QR code leads to the public checklist), whose way
    back returns the clerk to the desk with the visitor's answers."""
    page, not_found = _situation_or_not_found(request, slug)
    if not_found:
        return not_found
    context = checklist_for_request(page, request)
    query = context["checklist_query"]
    back_url = reverse("frontdesk:situation", args=[page.slug]) + (f"?{query}" if query else "")
    context.update(page=page, self=page, checklist=context["situation"], back_url=back_url)
    return render(request, "situations/checklist_print.html", context)


@require_GET
@never_cache
@clerk_required
def service(request, slug):
    """A service (úkon) at a glance, where the desk's search leads: where, what to bring, fees, forms, and the
    situations it belongs to, opened at the desk too."""
    page = find_service(slug, request)
    if page is None:
        return _not_found(request, slug, _("Služba nenalezena"), _("Tuto službu jsme nenašli"))
    context = page.get_context(request)
    first = {counter.pk for counter in context["service_counters"]}
    context.update(page_title=_("%(title)s – přepážka") % {"title": page.title}, counters=counters_today(request, first))
    return render(request, "frontdesk/service.html", context)
