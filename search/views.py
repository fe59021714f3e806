"""The public search page. Until the Czech search engine of this app lands, it asks Wagtail's database search."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from services.models import CounterPage, ServicePage
from situations.models import SituationPage

from .query import clean_query

RESULT_TYPES = (SituationPage, ServicePage, CounterPage)


def search(request):
    query, notices = clean_query(request.GET.get("q", ""))
    results = []
    if query:
        results = list(
            Page.objects.live().type(*RESULT_TYPES).specific().search(query, operator="or")
        )
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {
        "query": query,
        "notices": notices,
        "page_obj": page_obj,
        "results": page_obj.object_list,
        "total": len(results),
        "suggested": SituationPage.objects.live().filter(popular=True).order_by("title")[:6] if query and not results else [],
        "page_title": _("Hledání"),
    })
