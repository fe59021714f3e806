"""Editors' reports on what people search for, week by week, and which results they open.

Four Wagtail reports under Reports (paginated, sortable, filtered by week and query, downloadable as XLSX and
CSV), all read from the privacy-safe query log (search.querylog):

- the most searched queries, with how often a result was opened;
- the queries that found nothing: what the catalog or the synonyms lack;
- the queries that found something that nobody opened: results that do not answer the question;
- per query, which results were opened, how often, and from which position on average.

They are visible to users with the `search.view_querystat` permission (superusers and content managers have it):
who may read the queries may read what was opened for them, so one permission, checked in
SearchReportView.user_may_view, guards all four. A department's editors and approvers read them too, narrowed to
their own: the queries that opened their department's pages and the results opened there, and every query that
found nothing (it belongs to no page, and any department may be the one to answer it). Queries whose results
nobody opened cannot be told apart by department, so that report stays with the permission's holders.
"""

from urllib.parse import urlencode

import django_filters
from django.db.models import Exists, F, FloatField, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import Button

from editorial.roles import roles_of
from navigator.reports import OfficeReportMixin, week_label

from .models import OpenedResult, QueryStat

PERMISSION = "search.view_querystat"


def departments_of(user):
    """The departments whose pages' queries a user without the permission reads: those they edit or approve for."""
    roles = roles_of(user)
    return frozenset() if roles.sees_everything else roles.departments


def on_pages_of(departments, page="page"):
    """A filter for rows whose page (situation or service) belongs to one of the departments."""
    return (Q(**{f"{page}__situationpage__department__in": departments})
            | Q(**{f"{page}__servicepage__department__in": departments}))


def week_choices():
    """The weeks the log holds, newest first: one query over both tables."""
    weeks = QueryStat.objects.values_list("week").union(OpenedResult.objects.values_list("week"))
    return [(week.isoformat(), week_label(week)) for week in sorted({row[0] for row in weeks}, reverse=True)]


class WeekFilterSet(WagtailFilterSet):
    week = django_filters.ChoiceFilter(label=_("Týden"), choices=week_choices, empty_label=_("Všechny týdny"))
    query = django_filters.CharFilter(label=_("Dotaz obsahuje"), lookup_expr="icontains")


class QueryStatFilterSet(WeekFilterSet):
    class Meta:
        model = QueryStat
        fields = ["week", "query"]


class OpenedResultFilterSet(WeekFilterSet):
    class Meta:
        model = OpenedResult
        fields = ["week", "query"]


def opened_results_url(row):
    """The per-query report of what was opened for this row's query in its week (None when nothing was)."""
    if not getattr(row, "opened", 0):
        return None
    return f"{reverse('search_opened_results_report')}?{urlencode({'week': row.week.isoformat(), 'query': row.query})}"


class LinkedNumberColumn(NumberColumn):
    """A number that links somewhere when get_url(row) gives a URL, and stays plain text otherwise."""

    cell_template_name = "search/admin/linked_number_cell.html"

    def __init__(self, name, get_url, **kwargs):
        super().__init__(name, **kwargs)
        self.get_url = get_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["link_url"] = self.get_url(instance)
        return context


WEEK_COLUMN = Column("week", label=_("Týden"), accessor=lambda row: week_label(row.week), sort_key="week")
class QueryColumn(Column):
    """A query cut to CELL_LENGTH characters, so an old long row cannot stretch the report (exports keep it whole)."""

    CELL_LENGTH = 60

    def get_value(self, instance):
        return Truncator(super().get_value(instance)).chars(self.CELL_LENGTH)


QUERY_COLUMN = QueryColumn("query", label=_("Dotaz"), sort_key="query")
COUNT_COLUMN = NumberColumn("count", label=_("Hledáno"), sort_key="count")
ZERO_COLUMN = NumberColumn("zero_results", label=_("Bez výsledků"), sort_key="zero_results")
LAST_COLUMN = DateColumn("last_searched", label=_("Naposledy"), sort_key="last_searched")

EXPORT_HEADINGS = {
    "week": _("Týden (pondělí)"),
    "query": _("Dotaz"),
    "count": _("Hledáno"),
    "zero_results": _("Bez výsledků"),
    "with_results": _("S výsledky"),
    "opened": _("Otevřeno"),
    "last_searched": _("Naposledy"),
    "page.title": _("Stránka"),
    "mean_position": _("Průměrná pozice"),
}

class SearchReportView(OfficeReportMixin, ReportView):
    """What the four reports share: permission, week filter, stable order, file name, links to each other."""

    header_icon = "search"
    paginate_by = 50
    export_headings = EXPORT_HEADINGS
    export_filename = "hledane-dotazy"

    # Whether a department's editors and approvers read this report (narrowed by `department_rows`).
    for_departments = True

    @classmethod
    def user_may_view(cls, user):
        return user.is_active and (user.has_perm(PERMISSION) or (cls.for_departments and bool(departments_of(user))))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.request.user.has_perm(PERMISSION):
            return queryset
        return self.department_rows(queryset, departments_of(self.request.user))

    def department_rows(self, queryset, departments):
        """The rows a reader of these departments' pages may see."""
        return queryset

    def order_queryset(self, queryset):
        # A stable order within equal values, so pagination never repeats or skips a row.
        return queryset.order_by(self.ordering, "-week", "query", "pk")

    @cached_property
    def header_more_buttons(self):
        # The other reports, in the "…" menu before the downloads, so the header keeps room for the title.
        others = [Button(label, url=reverse(view.index_url_name), icon_name="list-ul", priority=10 + number)
                  for number, (view, label) in enumerate(REPORTS)
                  if view.index_url_name != self.index_url_name]
        return others + super().header_more_buttons


class QueryStatReportView(SearchReportView):
    """The most searched queries, week by week, with how often people opened a result."""

    page_title = _("Nejčastější dotazy")
    index_url_name = "search_querystat_report"
    index_results_url_name = "search_querystat_report_results"
    filterset_class = QueryStatFilterSet
    default_ordering = "-count"
    verbose_name_plural = _("hledané dotazy")
    columns = [
        WEEK_COLUMN,
        QUERY_COLUMN,
        COUNT_COLUMN,
        ZERO_COLUMN,
        LinkedNumberColumn("opened", label=_("Otevřeno"), sort_key="opened", get_url=opened_results_url),
        LAST_COLUMN,
    ]
    list_export = ["week", "query", "count", "zero_results", "opened", "last_searched"]

    def get_base_queryset(self):
        opened = (OpenedResult.objects.filter(week=OuterRef("week"), query=OuterRef("query"))
                  .order_by().values("query").annotate(total=Sum("count")).values("total"))
        return QueryStat.objects.annotate(opened=Coalesce(Subquery(opened, output_field=IntegerField()), 0))

    def department_rows(self, queryset, departments):
        opened_there = OpenedResult.objects.filter(on_pages_of(departments), week=OuterRef("week"),
                                                   query=OuterRef("query"))
        return queryset.filter(Exists(opened_there))


class ZeroResultReportView(SearchReportView):
    """The queries that found nothing at least once that week: what the catalog or the synonyms lack."""

    page_title = _("Dotazy bez výsledků")
    index_url_name = "search_zero_result_report"
    index_results_url_name = "search_zero_result_report_results"
    filterset_class = QueryStatFilterSet
    default_ordering = "-zero_results"
    verbose_name_plural = _("dotazy bez výsledků")
    columns = [WEEK_COLUMN, QUERY_COLUMN, ZERO_COLUMN, COUNT_COLUMN, LAST_COLUMN]
    list_export = ["week", "query", "zero_results", "count", "last_searched"]
    export_filename = "dotazy-bez-vysledku"

    def get_base_queryset(self):
        return QueryStat.objects.filter(zero_results__gt=0)


class UnopenedReportView(SearchReportView):
    """The queries that found something that week, but whose results nobody opened: the answers miss."""

    page_title = _("Dotazy, jejichž výsledky nikdo neotevřel")
    index_url_name = "search_unopened_report"
    index_results_url_name = "search_unopened_report_results"
    filterset_class = QueryStatFilterSet
    default_ordering = "-count"
    verbose_name_plural = _("dotazy, jejichž výsledky nikdo neotevřel")
    columns = [
        WEEK_COLUMN,
        QUERY_COLUMN,
        COUNT_COLUMN,
        NumberColumn("with_results", label=_("S výsledky"), sort_key="with_results"),
        LAST_COLUMN,
    ]
    list_export = ["week", "query", "count", "with_results", "last_searched"]
    export_filename = "dotazy-bez-otevreni"
    for_departments = False

    def get_base_queryset(self):
        opened = OpenedResult.objects.filter(week=OuterRef("week"), query=OuterRef("query"))
        return (QueryStat.objects.filter(count__gt=F("zero_results"))
                .annotate(with_results=F("count") - F("zero_results"))
                .filter(~Exists(opened)))


class OpenedResultReportView(SearchReportView):
    """Per query and week, which results people opened, how often, and from how far down the list."""

    page_title = _("Otevřené výsledky hledání")
    index_url_name = "search_opened_results_report"
    index_results_url_name = "search_opened_results_report_results"
    filterset_class = OpenedResultFilterSet
    default_ordering = "-count"
    verbose_name_plural = _("otevřené výsledky hledání")
    columns = [
        WEEK_COLUMN,
        QUERY_COLUMN,
        TitleColumn("page", label=_("Stránka"), accessor="page.title", sort_key="page__title",
                    get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id])),
        NumberColumn("count", label=_("Otevřeno"), sort_key="count"),
        Column("mean_position", label=_("Průměrná pozice"), sort_key="mean_position",
               accessor=lambda row: f"{row.mean_position:.1f}".replace(".", ",")),
    ]
    list_export = ["week", "query", "page.title", "count", "mean_position"]
    export_headings = {**EXPORT_HEADINGS, "count": _("Otevřeno")}
    custom_field_preprocess = {"mean_position": {"csv": lambda value: round(value, 1),
                                                 "xlsx": lambda value: round(value, 1)}}
    export_filename = "otevrene-vysledky"

    def get_base_queryset(self):
        mean = Cast(F("position_sum"), FloatField()) / Cast(F("count"), FloatField())
        return OpenedResult.objects.select_related("page").filter(count__gt=0).annotate(mean_position=mean)

    def department_rows(self, queryset, departments):
        return queryset.filter(on_pages_of(departments))


# The four reports in the order of the menu, under the short names the menu and their "…" menus give them.
REPORTS = [
    (QueryStatReportView, _("Nejčastější dotazy")),
    (ZeroResultReportView, _("Dotazy bez výsledků")),
    (UnopenedReportView, _("Neotevřené výsledky")),
    (OpenedResultReportView, _("Otevřené výsledky")),
]
