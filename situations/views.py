"""Pages outside the page tree: the index of all situations by topic, and the plan of several situations (its page,
its print view and its calendar file)."""

import functools

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from languages.locales import in_active_language
from navigator import pagecache
from navigator.address import absolute
from navigator.visibility import visible

from .graph import situation_graph
from .models import JourneyPage, SituationPage, TopicPage
from .plan import MAX_SITUATIONS, SITUATION_PARAMETER, plan_from_query, plan_query
from .take_along import calendar_response, qr_svg


def _plan_context(request):
    wanted = request.GET.getlist(SITUATION_PARAMETER)[: MAX_SITUATIONS * 2]
    # No slug holds a NUL, and PostgreSQL refuses one in a query parameter outright (SQLite only finds nothing):
    # such a value is left out of the lookup and reported as an unknown situation like any other.
    wanted = [slug for slug in wanted if "\x00" not in slug]
    pages = in_active_language(visible(SituationPage.objects.filter(slug__in=wanted), request))
    if pagecache.request_version() is None:
        pages = pages.prefetch_related("questions")  # one query for every situation's guide
    else:
        pages = list(pages)
        for page in pages:
            situation_graph(page)  # the guide comes with the graph this worker keeps for the content version
    plan = plan_from_query(request.GET, {page.slug: page for page in pages})
    if plan.notices:
        pagecache.one_off(request)
    query = plan_query(plan.situations)
    back_url = reverse("plan") + (f"?{query}" if query else "")
    plan_url = absolute(back_url)
    return {"plan": plan, "plan_query": query, "plan_url": plan_url, "checklist_url": plan_url,
            "back_url": back_url, "page_title": _("Můj plán"),
            "qr_code": qr_svg(plan_url) if plan.situations else ""}


@pagecache.shared_view
def plan(request):
    context = _plan_context(request)
    in_plan = {situation.page.pk for situation in context["plan"].situations}
    context["suggestions"] = [
        related for situation in context["plan"].situations for related in situation.related
        if related.pk not in in_plan and not in_plan.add(related.pk)
    ][:6]
    # Read only when the template renders the choice afresh: it is kept per content version (navigator.fragments).
    context["topics"] = functools.partial(_situations_by_topic, request)
    return render(request, "situations/plan.html", context)


def _situations_by_topic(request):
    """(topic, its situations by title) for the choice of a situation to add."""
    situations = (in_active_language(visible(SituationPage.objects.all(), request)).order_by("title")
                  .only("title", "slug", "path", "depth"))
    return [
        (topic, [page for page in situations if page.path.startswith(topic.path)])
        for topic in in_active_language(visible(TopicPage.objects.all(), request)).order_by("path").only("title", "path")
    ]


@pagecache.shared_view
def plan_print(request):
    context = _plan_context(request)
    return render(request, "situations/plan_print.html", {**context, "checklist": context["plan"]})


def plan_calendar(request):
    context = _plan_context(request)
    return calendar_response(context["plan"].situations, context["plan_url"], "plan")


def situation_index(request):
    """/situace/: the step-by-step journeys, then every live situation under its topic, in the editors' order."""
    situations = list(in_active_language(SituationPage.objects.live()).order_by("path")
                      .only("title", "url_path", "path", "summary", "audience"))
    topics = [
        (topic, [page for page in situations if page.path.startswith(topic.path)])
        for topic in in_active_language(TopicPage.objects.live()).order_by("path")
        .only("title", "slug", "url_path", "path", "intro")
    ]
    journeys = in_active_language(JourneyPage.objects.live()).order_by("path").only("title", "url_path", "intro")
    return render(request, "situations/index.html",
                  {"topics": topics, "journeys": journeys, "page_title": _("Všechny životní situace")})
